/**
 * Flow's global variables and merge fields, written once for every reader of flows: the
 * validator checks references against them, the embedded org declares the part it runs.
 */

/** Global variables of Flow Builder (help: "Global Variables in Flows"). */
export const FLOW_GLOBALS = [
    '$Api',
    '$Client',
    '$CustomMetadata',
    '$Flow',
    '$GlobalConstant',
    '$Label',
    '$Organization',
    '$Permission',
    '$Profile',
    '$Record',
    '$Record__Prior',
    '$Setup',
    '$System',
    '$User',
    '$UserRole'
] as const;
export type FlowGlobal = (typeof FLOW_GLOBALS)[number];

/** The members of the globals whose members are a fixed list; the others name fields, labels... */
export const FLOW_GLOBAL_MEMBERS = {
    $Flow: [
        'ActiveStages',
        'CurrentDate',
        'CurrentDateTime',
        'CurrentRecord',
        'CurrentStage',
        'FaultMessage',
        'InterviewGuid',
        'InterviewStartTime'
    ],
    $GlobalConstant: ['True', 'False', 'EmptyString']
} as const satisfies Partial<Record<FlowGlobal, readonly string[]>>;
export type FlowGlobalWithMembers = keyof typeof FLOW_GLOBAL_MEMBERS;
export type FlowGlobalMember<G extends FlowGlobalWithMembers> =
    (typeof FLOW_GLOBAL_MEMBERS)[G][number];

/** The members a global has, when they are a fixed list. */
export function globalMembers(global: FlowGlobal): readonly string[] | undefined {
    return global in FLOW_GLOBAL_MEMBERS
        ? FLOW_GLOBAL_MEMBERS[global as FlowGlobalWithMembers]
        : undefined;
}

/** The global a name spells, whatever its case (`$record` is `$Record`). */
export function flowGlobal(name: string): FlowGlobal | undefined {
    const lower = name.toLowerCase();
    return FLOW_GLOBALS.find((global) => global.toLowerCase() === lower);
}

/**
 * A merge field, `{!reference}`, in a text template, a formula or any text of a flow. The
 * pattern is global: use it with matchAll or replace, which start from the beginning each time.
 */
export const MERGE_FIELD = /\{!([^{}]+)\}/g;

/** The references of a text's merge fields, trimmed, in order (`{! }` gives an empty one). */
export function mergeFields(text: string): string[] {
    if (!text.includes('{!')) {
        return [];
    }
    return [...text.matchAll(MERGE_FIELD)].map((match) => match[1]?.trim() ?? '');
}
