import { FLOW_GLOBALS, flowGlobal, globalMembers, type FlowModel } from '../../project/flows';
import type { FieldCheck, ObjectModel } from './objects';
import { closestName } from './xmlPath';

/**
 * What the validator asks of a flow's references, on the project's one flow model
 * (scripts/project/flows): whether each name, global variable and field exists.
 */

export type ReferenceProblem =
    | { readonly kind: 'unknown-name'; readonly name: string; readonly suggestion?: string }
    | {
          readonly kind: 'unknown-global';
          readonly name: string;
          readonly globals: readonly string[];
      }
    | {
          readonly kind: 'unknown-member';
          readonly global: string;
          readonly member: string;
          readonly members: readonly string[];
      }
    | { readonly kind: 'no-record'; readonly global: string }
    | {
          readonly kind: 'field';
          readonly check: Exclude<FieldCheck, { status: 'ok' | 'unverifiable' }>;
      };

/**
 * Whether a reference of the flow resolves; a problem says why not. `$User` fields are checked
 * against the object model, `$Flow` and `$GlobalConstant` members against their lists,
 * `$Record` fields against the start object, a record resource's fields against its object.
 */
export function resolveReference(
    flow: FlowModel,
    reference: string,
    objects: ObjectModel
): ReferenceProblem | undefined {
    const segments = reference.split('.');
    const first = segments[0] ?? '';
    const rest = segments.slice(1).join('.');
    if (first.startsWith('$')) {
        return resolveGlobal(flow, first, rest, objects);
    }
    if (!flow.names.has(first.toLowerCase())) {
        const suggestion = closestName(
            first,
            [...flow.names.values()].map((candidate) => candidate.name)
        );
        return { kind: 'unknown-name', name: first, ...(suggestion ? { suggestion } : {}) };
    }
    const object = rest ? flow.recordObject(first) : undefined;
    return object ? recordPathProblem(objects, object, rest) : undefined;
}

function resolveGlobal(
    flow: FlowModel,
    global: string,
    rest: string,
    objects: ObjectModel
): ReferenceProblem | undefined {
    const known = flowGlobal(global);
    if (!known) {
        return { kind: 'unknown-global', name: global, globals: FLOW_GLOBALS };
    }
    const members = globalMembers(known);
    const member = rest.split('.')[0] ?? '';
    if (members && rest && !members.some((name) => name.toLowerCase() === member.toLowerCase())) {
        return { kind: 'unknown-member', global: known, member, members };
    }
    if (known === '$Record' || known === '$Record__Prior') {
        const startObject = flow.start?.object?.text;
        if (!startObject) {
            return { kind: 'no-record', global: known };
        }
        return rest ? recordPathProblem(objects, startObject, rest) : undefined;
    }
    if (known === '$User' && rest) {
        return fieldProblem(objects.checkField('User', rest));
    }
    return undefined;
}

/**
 * A field of a record, or a related record itself: a flow may name `$Record.Account` where it
 * takes a record (Update Records' inputReference), which a field path ending on a relationship
 * is; its Id then resolves.
 */
function recordPathProblem(
    objects: ObjectModel,
    object: string,
    path: string
): ReferenceProblem | undefined {
    const problem = fieldProblem(objects.checkField(object, path));
    return problem && objects.checkField(object, `${path}.Id`).status !== 'ok'
        ? problem
        : undefined;
}

/**
 * Only unknown fields: an unknown object is reported once, where the flow names it (start,
 * Get Records, variable), not again at every reference through it.
 */
function fieldProblem(check: FieldCheck): ReferenceProblem | undefined {
    return check.status === 'unknown-field' ? { kind: 'field', check } : undefined;
}
