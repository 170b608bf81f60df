import {
    FLOW_GLOBAL_MEMBERS,
    flowGlobal,
    type FlowGlobal,
    type FlowGlobalMember
} from '../../project/flows';
import { MESSAGES } from '../messages';
import type { FieldSchema, ObjectSchema, OrgSchema, Relationship } from '../schema';
import type { FlowDefinition } from './types';

/**
 * The part of Flow's global variables (FLOW_GLOBALS, scripts/project/flows) that the embedded
 * org resolves: the triggering record and its prior version, every $GlobalConstant, and these
 * $Flow members. A flow that uses another is refused when it is loaded.
 */
export const SUPPORTED_GLOBALS = {
    records: ['$Record', '$Record__Prior'],
    $Flow: ['FaultMessage', 'CurrentDate', 'CurrentDateTime'],
    $GlobalConstant: FLOW_GLOBAL_MEMBERS.$GlobalConstant
} as const satisfies {
    readonly records: readonly FlowGlobal[];
    readonly $Flow: readonly FlowGlobalMember<'$Flow'>[];
    readonly $GlobalConstant: readonly FlowGlobalMember<'$GlobalConstant'>[];
};
export type SupportedFlowMember = (typeof SUPPORTED_GLOBALS.$Flow)[number];

const CONSTANT_VALUES = {
    EmptyString: '',
    True: true,
    False: false
} as const satisfies Record<FlowGlobalMember<'$GlobalConstant'>, string | boolean>;

/** The values of the $GlobalConstant members. */
export const GLOBAL_CONSTANTS: ReadonlyMap<string, string | boolean> = new Map<
    string,
    string | boolean
>(Object.entries(CONSTANT_VALUES));

const unknownReference = (reference: string): string =>
    MESSAGES.unknownReference(reference, SUPPORTED_GLOBALS.$Flow);

/** The object of the records a resource holds, when it holds records. */
export function recordTypeOf(flow: FlowDefinition, root: string): ObjectSchema | undefined {
    if ((SUPPORTED_GLOBALS.records as readonly string[]).includes(root)) {
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
    const global = root.startsWith('$') ? flowGlobal(root) : undefined;
    if (global !== undefined && global !== '$Record' && global !== '$Record__Prior') {
        const members = global === '$Flow' || global === '$GlobalConstant';
        // A global of Flow Builder the org does not resolve (help: "Global Variables in
        // Flows"): $Setup, $User, $Organization, $Label, $Permission, ... or a $Flow member
        // such as InterviewGuid.
        if (!members || (field !== undefined && rest.length === 0)) {
            const known =
                global === '$Flow'
                    ? (FLOW_GLOBAL_MEMBERS.$Flow as readonly string[]).includes(field ?? '') &&
                      !(SUPPORTED_GLOBALS.$Flow as readonly string[]).includes(field ?? '')
                    : !members;
            if (known) {
                return MESSAGES.unsupportedGlobal(
                    reference,
                    global === '$Flow' ? `$Flow.${field ?? ''}` : global
                );
            }
        }
    }
    if (root === '$GlobalConstant') {
        return field && GLOBAL_CONSTANTS.has(field) && rest.length === 0
            ? undefined
            : unknownReference(reference);
    }
    if (root === '$Flow') {
        return field &&
            (SUPPORTED_GLOBALS.$Flow as readonly string[]).includes(field) &&
            rest.length === 0
            ? undefined
            : unknownReference(reference);
    }
    if (!root.startsWith('$Record') && !holdsValue(flow, root)) {
        return unknownReference(reference);
    }
    if (root !== '$Record' && root !== '$Record__Prior' && root.startsWith('$')) {
        return unknownReference(reference);
    }
    if (field === undefined) {
        return undefined;
    }
    if (rest.length > 0) {
        if (root !== '$Record' && root !== '$Record__Prior') {
            return MESSAGES.relationshipPath(reference);
        }
        const walked = walkPath(schema, flow.start.object, reference);
        return typeof walked === 'string' ? walked : undefined;
    }
    const object = recordTypeOf(flow, root);
    if (!object) {
        return MESSAGES.notARecord(root);
    }
    if (schema.findField(object, field)) {
        return undefined;
    }
    // `$Record.Account`: a parent relationship names the related record, which the org does not read.
    return (
        schema.refusal(object, field) ??
        (schema.relationship(object, field) !== undefined
            ? MESSAGES.relationshipPath(reference)
            : MESSAGES.unknownField(object.name, field))
    );
}

/** A relationship path of the triggering record: the relationships it follows and its field. */
export interface RelationshipPath {
    readonly relationships: readonly Relationship[];
    readonly field: FieldSchema;
}

/**
 * Walks `$Record.Account.Parent.Name` from the triggering record's object: each name but the
 * last is a parent relationship (a lookup's relationship name), the last a field of the object
 * it reaches; or what is wrong with the path.
 */
export function walkPath(
    schema: OrgSchema,
    start: ObjectSchema,
    reference: string
): RelationshipPath | string {
    const names = reference.split('.').slice(1);
    const last = names.pop() ?? '';
    const relationships: Relationship[] = [];
    let object = start;
    for (const name of names) {
        const relationship = schema.relationship(object, name);
        if (relationship === undefined) {
            return schema.findField(object, name)
                ? MESSAGES.notARelationship(reference, object.name, name)
                : (schema.refusal(object, name) ??
                      MESSAGES.notARelationship(reference, object.name, name));
        }
        if (typeof relationship === 'string') {
            return MESSAGES.unwalkableRelationship(reference, relationship);
        }
        relationships.push(relationship);
        object = relationship.target;
    }
    const field = schema.findField(object, last);
    if (!field) {
        return schema.refusal(object, last) ?? MESSAGES.unknownField(object.name, last);
    }
    return { relationships, field };
}
