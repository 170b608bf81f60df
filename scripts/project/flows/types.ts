import type {
    DetailedNodeKind,
    DetailedResourceKind,
    FlowNodeKind,
    FlowPropertyKind,
    FlowResourceKind
} from './vocabulary';

/**
 * The parts of a flow file as the model reads them. Every part keeps its place in the file
 * (line and element path), so that any reader can point at it. Names, references, object and
 * field names and enumeration values are trimmed; prose, formulas, text and literal values are
 * kept as written. A child the file does not have is undefined (or an empty list): the model
 * reads what is there and judges nothing.
 */

/** Where a part is: the line its element starts on and its path (`Flow.decisions[Decide].rules[Go]`). */
export interface FlowPlace {
    readonly line: number;
    readonly path: string;
}

/** The text of a leaf element, at its place. */
export interface FlowText extends FlowPlace {
    readonly text: string;
}

/** The child of a value that holds it: `elementReference`, `stringValue`... (a FlowValueKind when the file follows the schema). */
export interface FlowValueHolder extends FlowText {
    readonly kind: string;
}

/** A value (`<value>`, `<rightValue>`: FlowElementReferenceOrValue): one holder, none when empty. */
export interface FlowValueModel extends FlowPlace {
    readonly holders: readonly FlowValueHolder[];
}

/** A connector (FlowConnector, wherever it is), with the element it leaves. */
export interface FlowConnectorModel extends FlowPlace {
    /** The element that holds it: `connector`, `faultConnector`, `defaultConnector`... */
    readonly kind: string;
    /** `start`, or the name of the Flow child it belongs to (an outcome's connector leaves its decision). */
    readonly from: string;
    readonly target: string;
}

/** Something a reference can name: an element, a resource, or a named part such as an outcome. */
export interface FlowName extends FlowPlace {
    readonly name: string;
    /** The Flow child it is, or the part it is: `recordLookups`, `variables`, `rules`... */
    readonly kind: string;
    /** The line of its `<name>`. */
    readonly nameLine: number;
    /** What the name holds when it holds records: an object's, or those of a collection it walks. */
    readonly records?: { readonly object: string } | { readonly collection: string };
}

/** A reference to a name: the whole text of a reference element, or a `{!merge field}` in text. */
export interface FlowReference extends FlowPlace {
    readonly reference: string;
}

/** A child of `<Flow>`, whatever it is, in document order. */
export interface FlowChild extends FlowPlace {
    readonly tag: string;
    /** Its `<name>`, trimmed, when it has one. */
    readonly name?: string;
    /** What the schema says it is; `unknown` for an element Flow does not have. */
    readonly category: 'element' | 'resource' | 'property' | 'start' | 'unknown';
}

/** The object whose records an element or resource reads or writes, with the fields it names. */
export interface FlowRecordUse {
    readonly object?: FlowText;
    /** Fields of the object: of filters, assignments, queried, sort, display and value fields. */
    readonly fields: readonly FlowText[];
    /** A dynamic choice set's picklist: its object and field. */
    readonly picklistObject?: FlowText;
    readonly picklistFields: readonly FlowText[];
}

interface FlowPartModel extends FlowPlace {
    readonly name?: FlowText;
    readonly label?: string;
    readonly description?: string;
}

/** What every element has; `connector` is its `<connector>` child. */
interface FlowElementBase extends FlowPartModel {
    readonly connector?: FlowConnectorModel;
    /** For record elements: the object and the fields they name. */
    readonly records?: FlowRecordUse;
}

export interface FlowConditionModel extends FlowPlace {
    readonly leftValueReference?: FlowText;
    readonly operator?: FlowText;
    readonly rightValue?: FlowValueModel;
}

/** A Get/Update/Delete Records filter or an entry condition: a field of the object against a value. */
export interface FlowRecordFilterModel extends FlowPlace {
    readonly field?: FlowText;
    readonly operator?: FlowText;
    readonly value?: FlowValueModel;
}

export interface FlowRuleModel extends FlowPartModel {
    /** As written: `and`, `or` or custom logic such as `1 AND (2 OR 3)`. */
    readonly conditionLogic?: string;
    readonly conditions: readonly FlowConditionModel[];
    readonly connector?: FlowConnectorModel;
    readonly doesRequireRecordChangedToMeetCriteria: boolean;
}

export interface FlowDecisionModel extends FlowElementBase {
    readonly kind: 'decisions';
    readonly rules: readonly FlowRuleModel[];
    readonly defaultConnector?: FlowConnectorModel;
    readonly defaultConnectorLabel?: string;
}

export interface FlowAssignmentItemModel extends FlowPlace {
    readonly assignToReference?: FlowText;
    readonly operator?: FlowText;
    readonly value?: FlowValueModel;
}

export interface FlowAssignmentModel extends FlowElementBase {
    readonly kind: 'assignments';
    readonly assignmentItems: readonly FlowAssignmentItemModel[];
}

export interface FlowLoopModel extends FlowElementBase {
    readonly kind: 'loops';
    readonly collectionReference?: FlowText;
    readonly assignNextValueToReference?: FlowText;
    readonly iterationOrder?: string;
    readonly nextValueConnector?: FlowConnectorModel;
    readonly noMoreValuesConnector?: FlowConnectorModel;
}

export interface FlowCustomErrorMessageModel extends FlowPlace {
    /** As written, merge fields included. */
    readonly errorMessage?: FlowText;
    readonly isFieldError: boolean;
    readonly fieldSelection?: string;
}

export interface FlowCustomErrorModel extends FlowElementBase {
    readonly kind: 'customErrors';
    readonly customErrorMessages: readonly FlowCustomErrorMessageModel[];
}

export interface FlowInputAssignmentModel extends FlowPlace {
    readonly field?: FlowText;
    readonly value?: FlowValueModel;
}

export interface FlowOutputAssignmentModel extends FlowPlace {
    readonly field?: FlowText;
    readonly assignToReference?: FlowText;
}

interface FlowDataElementBase extends FlowElementBase {
    readonly faultConnector?: FlowConnectorModel;
    readonly object?: FlowText;
    readonly inputReference?: FlowText;
}

export interface FlowRecordLookupModel extends FlowDataElementBase {
    readonly kind: 'recordLookups';
    readonly filterLogic?: string;
    readonly filters: readonly FlowRecordFilterModel[];
    readonly queriedFields: readonly FlowText[];
    readonly sortField?: FlowText;
    readonly sortOrder?: string;
    readonly limit?: number;
    readonly getFirstRecordOnly: boolean;
    readonly storeOutputAutomatically: boolean;
    readonly assignNullValuesIfNoRecordsFound: boolean;
    readonly outputReference?: FlowText;
    readonly outputAssignments: readonly FlowOutputAssignmentModel[];
}

export interface FlowRecordUpdateModel extends FlowDataElementBase {
    readonly kind: 'recordUpdates';
    readonly filterLogic?: string;
    readonly filters: readonly FlowRecordFilterModel[];
    readonly inputAssignments: readonly FlowInputAssignmentModel[];
}

export interface FlowRecordCreateModel extends FlowDataElementBase {
    readonly kind: 'recordCreates';
    readonly inputAssignments: readonly FlowInputAssignmentModel[];
    readonly storeOutputAutomatically: boolean;
    readonly assignRecordIdToReference?: FlowText;
}

export interface FlowRecordDeleteModel extends FlowDataElementBase {
    readonly kind: 'recordDeletes';
    readonly filterLogic?: string;
    readonly filters: readonly FlowRecordFilterModel[];
}

/**
 * An element the model keeps whole (an action, a screen, a subflow...): its name, place and
 * connectors, and its references among the flow's. Readers that run flows refuse it.
 */
export interface FlowOtherElementModel extends FlowElementBase {
    readonly kind: Exclude<FlowNodeKind, DetailedNodeKind>;
}

/** An element on the canvas (FlowNode), start aside. */
export type FlowElementModel =
    | FlowAssignmentModel
    | FlowCustomErrorModel
    | FlowDecisionModel
    | FlowLoopModel
    | FlowRecordCreateModel
    | FlowRecordDeleteModel
    | FlowRecordLookupModel
    | FlowRecordUpdateModel
    | FlowOtherElementModel;

export interface FlowVariableModel extends FlowPartModel {
    readonly kind: 'variables';
    readonly dataType?: FlowText;
    readonly objectType?: FlowText;
    readonly isCollection: boolean;
    readonly isInput: boolean;
    readonly isOutput: boolean;
    readonly value?: FlowValueModel;
}

export interface FlowConstantModel extends FlowPartModel {
    readonly kind: 'constants';
    readonly dataType?: FlowText;
    readonly value?: FlowValueModel;
}

export interface FlowFormulaModel extends FlowPartModel {
    readonly kind: 'formulas';
    readonly dataType?: FlowText;
    /** As written, merge fields included. */
    readonly expression?: FlowText;
}

export interface FlowTextTemplateModel extends FlowPartModel {
    readonly kind: 'textTemplates';
    /** As written, merge fields included. */
    readonly text?: FlowText;
    readonly isViewedAsPlainText: boolean;
}

/** A resource the model keeps whole (a choice, a dynamic choice set, a stage...). */
export interface FlowOtherResourceModel extends FlowPartModel {
    readonly kind: Exclude<FlowResourceKind, DetailedResourceKind>;
    readonly records?: FlowRecordUse;
}

export type FlowResourceModel =
    | FlowConstantModel
    | FlowFormulaModel
    | FlowTextTemplateModel
    | FlowVariableModel
    | FlowOtherResourceModel;

export interface FlowScheduledPathModel extends FlowPartModel {
    readonly connector?: FlowConnectorModel;
    readonly recordField?: FlowText;
}

/** How the flow starts (FlowStart): for a record-triggered flow, on which records and when. */
export interface FlowStartModel extends FlowPlace {
    readonly object?: FlowText;
    readonly triggerType?: FlowText;
    readonly recordTriggerType?: FlowText;
    /** As written: `and`, `or` or custom logic. */
    readonly filterLogic?: string;
    readonly filters: readonly FlowRecordFilterModel[];
    /** As written, merge fields included. */
    readonly filterFormula?: FlowText;
    readonly doesRequireRecordChangedToMeetCriteria: boolean;
    readonly connector?: FlowConnectorModel;
    readonly scheduledPaths: readonly FlowScheduledPathModel[];
}

/** A child of `<Flow>` that Flow does not have, kept with its place. */
export interface FlowUnknownModel extends FlowPlace {
    readonly tag: string;
}

export type { FlowNodeKind, FlowPropertyKind, FlowResourceKind };
