import type * as md from '@salesforce/types/metadata';

/**
 * The words of flow metadata the model reads, tied to Salesforce's own types in
 * `@salesforce/types`: a kind or an operator that the types do not have does not compile, and
 * the lists of kinds that must be complete do not compile while a kind is missing (a new
 * release of the types that adds one says so at `npm run typecheck`).
 */

type ItemOf<T> = NonNullable<T> extends readonly (infer Item)[] ? Item : never;
type Extends<T, U> = [T] extends [never] ? false : T extends U ? true : false;

/** The Flow children whose items are elements on the canvas (FlowNode), start aside. */
export type FlowNodeKind = {
    [K in keyof md.Flow]-?: Extends<ItemOf<md.Flow[K]>, md.FlowNode> extends true ? K : never;
}[keyof md.Flow];

/** The Flow children whose items are named resources (a FlowElement that is no node). */
export type FlowResourceKind = {
    [K in keyof md.Flow]-?: Extends<ItemOf<md.Flow[K]>, md.FlowNode> extends true
        ? never
        : Extends<ItemOf<md.Flow[K]>, md.FlowElement> extends true
          ? K
          : never;
}[keyof md.Flow];

/** The Flow children that describe the flow: its metadata, settings and the start. */
export type FlowPropertyKind = Exclude<keyof md.Flow, FlowNodeKind | FlowResourceKind>;

/**
 * A list that names every member of a union, each once: `allOf<U>()([...])` does not compile
 * while a member is missing or a name is not a member.
 */
function allOf<Union extends string>() {
    return <const List extends readonly Union[]>(
        list: List &
            ([Exclude<Union, List[number]>] extends [never]
                ? unknown
                : { readonly missing: Exclude<Union, List[number]> })
    ): List => list;
}

export const FLOW_NODE_KINDS = allOf<FlowNodeKind>()([
    'actionCalls',
    'apexPluginCalls',
    'assignments',
    'collectionProcessors',
    'customErrors',
    'decisions',
    'ends',
    'experiments',
    'groups',
    'loops',
    'orchestratedStages',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordRollbacks',
    'recordUpdates',
    'screens',
    'steps',
    'subflows',
    'transforms',
    'waits'
]);

export const FLOW_RESOURCE_KINDS = allOf<FlowResourceKind>()([
    'choices',
    'collectionFilterCriteria',
    'constants',
    'dataLookups',
    'dynamicChoiceSets',
    'exitRules',
    'formulas',
    'stages',
    'textTemplates',
    'variables'
]);

export const FLOW_PROPERTY_KINDS = allOf<FlowPropertyKind>()([
    'fullName',
    'accessType',
    'apiVersion',
    'areMetricsLoggedToDataCloud',
    'customProperties',
    'dataSpace',
    'description',
    'environments',
    'interviewLabel',
    'isAdditionalPermissionRequiredToRun',
    'isOverridable',
    'isTemplate',
    'label',
    'migratedFromWorkflowRuleName',
    'overriddenFlow',
    'processMetadataValues',
    'processType',
    'runInMode',
    'sourceTemplate',
    'start',
    'startElementReference',
    'status',
    'timeZoneSidKey',
    'triggerOrder'
]);

/** Flow children that carry a `<name>` but name nothing a reference can use: builder settings. */
export const UNNAMED_SETTINGS = [
    'processMetadataValues',
    'customProperties'
] as const satisfies readonly FlowPropertyKind[];

/** The elements whose parts the model reads one by one (the others it keeps whole, see FlowOtherElement). */
export const DETAILED_NODE_KINDS = [
    'assignments',
    'customErrors',
    'decisions',
    'loops',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordUpdates'
] as const satisfies readonly FlowNodeKind[];
export type DetailedNodeKind = (typeof DETAILED_NODE_KINDS)[number];

/** The resources whose parts the model reads one by one. */
export const DETAILED_RESOURCE_KINDS = [
    'constants',
    'formulas',
    'textTemplates',
    'variables'
] as const satisfies readonly FlowResourceKind[];
export type DetailedResourceKind = (typeof DETAILED_RESOURCE_KINDS)[number];

/** Elements and resources that read or write records of an object, naming its fields. */
export const RECORD_KINDS = [
    'recordLookups',
    'recordUpdates',
    'recordCreates',
    'recordDeletes',
    'dynamicChoiceSets'
] as const satisfies readonly (FlowNodeKind | FlowResourceKind)[];

/** Children of a record element's items (filters, assignments) that name a field. */
export const FIELD_ITEMS = [
    'filters',
    'inputAssignments',
    'outputAssignments'
] as const satisfies readonly (keyof md.FlowRecordLookup | keyof md.FlowRecordCreate)[];

/** Children of a record element that name a field of its object. */
export const FIELD_LEAVES = [
    'queriedFields',
    'sortField',
    'displayField',
    'valueField'
] as const satisfies readonly (keyof md.FlowRecordLookup | keyof md.FlowDynamicChoiceSet)[];

/** Leaf elements whose whole text is a reference to a name of the flow. */
export const REFERENCE_LEAVES = [
    'assignNextValueToReference',
    'assignRecordIdToReference',
    'assignToReference',
    'choiceReferences',
    'collectionReference',
    'defaultSelectedChoiceReference',
    'elementReference',
    'inputReference',
    'leftValueReference',
    'outputReference',
    'resumeDateReference'
] as const satisfies readonly (
    | keyof md.FlowAssignmentItem
    | keyof md.FlowCondition
    | keyof md.FlowElementReferenceOrValue
    | keyof md.FlowLoop
    | keyof md.FlowRecordCreate
    | keyof md.FlowRecordLookup
    | keyof md.FlowRecordUpdate
    | keyof md.FlowScreenField
    | keyof md.FlowWaitEvent
)[];

/** Text that people read, where `{!...}` is prose rather than a merge field. */
export const PROSE_LEAVES = ['description', 'label'] as const satisfies readonly (
    keyof md.FlowElement | keyof md.FlowNode
)[];

/** How a value is written (FlowElementReferenceOrValue): the child that holds it. */
export type FlowValueKind = keyof md.FlowElementReferenceOrValue;
