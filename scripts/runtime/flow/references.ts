import { MESSAGES } from '../messages';
import type { ObjectSchema, OrgSchema } from '../schema';
import type { FlowDefinition } from './types';

export const GLOBAL_CONSTANTS: ReadonlyMap<string, string | boolean> = new Map<
    string,
    string | boolean
>([
    ['EmptyString', ''],
    ['True', true],
    ['False', false]
]);

export const FLOW_GLOBALS = ['FaultMessage', 'CurrentDate', 'CurrentDateTime'] as const;

/** The merge fields of a text (`{!reference}`), for templates and custom error messages. */
export function mergeFields(text: string): string[] {
    return [...text.matchAll(/\{!([^}]+)\}/g)].map((match) => (match[1] ?? '').trim());
}

/** The object of the records a resource holds, when it holds records. */
export function recordTypeOf(flow: FlowDefinition, root: string): ObjectSchema | undefined {
    if (root === '$Record' || root === '$Record__Prior') {
        return flow.start.object;
    }
    const variable = flow.variables.get(root);
    if (variable) {
        return variable.objectType;
    }
    const element = flow.elements.get(root);
    if (element?.kind === 'lookup' && element.output.kind === 'automatic') {
        return element.object;
    }
    if (element?.kind === 'loop' && !element.itemVariable) {
        return recordTypeOf(flow, element.collection.split('.')[0] ?? '');
    }
    return undefined;
}

/** Whether a name is a resource that holds a value (rather than an element that only runs). */
export function holdsValue(flow: FlowDefinition, root: string): boolean {
    const element = flow.elements.get(root);
    return (
        flow.variables.has(root) ||
        flow.constants.has(root) ||
        flow.formulas.has(root) ||
        flow.textTemplates.has(root) ||
        (element?.kind === 'lookup' && element.output.kind === 'automatic') ||
        (element?.kind === 'create' && element.idTarget === element.name) ||
        (element?.kind === 'loop' && !element.itemVariable)
    );
}

/**
 * What is wrong with a reference, or undefined when the flow can resolve it: a known resource,
 * optionally followed by one field of the object it holds. Relationship paths
 * (`$Record.Owner.Email`) are not supported by the embedded org.
 */
export function referenceProblem(
    flow: FlowDefinition,
    schema: OrgSchema,
    reference: string
): string | undefined {
    const [root = '', field, ...rest] = reference.split('.');
    if (root === '$GlobalConstant') {
        return field && GLOBAL_CONSTANTS.has(field) && rest.length === 0
            ? undefined
            : MESSAGES.unknownReference(reference);
    }
    if (root === '$Flow') {
        return field && (FLOW_GLOBALS as readonly string[]).includes(field) && rest.length === 0
            ? undefined
            : MESSAGES.unknownReference(reference);
    }
    if (!root.startsWith('$Record') && !holdsValue(flow, root)) {
        return MESSAGES.unknownReference(reference);
    }
    if (root !== '$Record' && root !== '$Record__Prior' && root.startsWith('$')) {
        return MESSAGES.unknownReference(reference);
    }
    if (field === undefined) {
        return undefined;
    }
    if (rest.length > 0) {
        return MESSAGES.relationshipPath(reference);
    }
    const object = recordTypeOf(flow, root);
    if (!object) {
        return MESSAGES.notARecord(root);
    }
    return schema.findField(object, field) ? undefined : MESSAGES.unknownField(object.name, field);
}
