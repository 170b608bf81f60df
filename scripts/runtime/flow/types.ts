import type * as md from '@salesforce/types/metadata';
import type { FilterOperator, LogicNode } from '../org';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { Scalar, SObjectRecord } from '../types';
import type { Formula } from './formula';

/** A value in an interview: a scalar, a record, or a collection of either. */
export type FlowValue = Scalar | SObjectRecord | FlowValue[];

/** A value in flow metadata: a literal or a reference to a resource (`{!...}` without braces). */
export type ValueSpec =
    | { readonly kind: 'literal'; readonly value: Scalar }
    | { readonly kind: 'reference'; readonly reference: string };

/**
 * The operators of decision conditions, entry conditions and FlowTest assertions that the
 * embedded org runs: a subset of FlowComparisonOperator.
 */
export const CONDITION_OPERATORS = [
    'EqualTo',
    'NotEqualTo',
    'GreaterThan',
    'LessThan',
    'GreaterThanOrEqualTo',
    'LessThanOrEqualTo',
    'StartsWith',
    'EndsWith',
    'Contains',
    'IsNull',
    'IsBlank',
    'IsEmpty',
    'IsChanged',
    'In',
    'NotIn',
    'WasVisited'
] as const satisfies readonly md.FlowComparisonOperator[];
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export interface Condition {
    readonly left: string;
    readonly operator: ConditionOperator;
    readonly right?: ValueSpec;
}

/** A Get/Update/Delete Records filter: a field of the queried object against a value. */
export interface RecordFilter {
    readonly field: FieldSchema;
    readonly operator: FilterOperator;
    readonly value: ValueSpec;
}

/** The triggers the embedded org runs: record-triggered flows (a subset of FlowTriggerType). */
export const TRIGGER_TYPES = [
    'RecordBeforeSave',
    'RecordAfterSave',
    'RecordBeforeDelete'
] as const satisfies readonly md.FlowTriggerType[];
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const RECORD_TRIGGER_TYPES = [
    'Create',
    'Update',
    'CreateAndUpdate',
    'Delete'
] as const satisfies readonly md.RecordTriggerType[];
export type RecordTriggerType = (typeof RECORD_TRIGGER_TYPES)[number];

export interface FlowStart {
    readonly object: ObjectSchema;
    readonly triggerType: TriggerType;
    readonly recordTriggerType: RecordTriggerType;
    /** Entry conditions on `$Record` fields, as decision conditions. */
    readonly conditions: readonly Condition[];
    readonly logic: LogicNode;
    readonly formula?: Formula;
    readonly requireChange: boolean;
    readonly connector?: string;
}

export interface Rule {
    readonly name: string;
    readonly conditions: readonly Condition[];
    readonly logic: LogicNode;
    readonly requireChange: boolean;
    readonly connector?: string;
}

/** The assignment operators the embedded org runs: a subset of FlowAssignmentOperator. */
export const ASSIGNMENT_OPERATORS = [
    'Assign',
    'Add',
    'Subtract',
    'AddAtStart',
    'AssignCount',
    'RemoveAll',
    'RemoveFirst'
] as const satisfies readonly md.FlowAssignmentOperator[];
export type AssignmentOperator = (typeof ASSIGNMENT_OPERATORS)[number];

export interface AssignmentItem {
    readonly target: string;
    readonly operator: AssignmentOperator;
    readonly value?: ValueSpec;
}

export interface FieldAssignment {
    readonly field: FieldSchema;
    readonly value: ValueSpec;
}

/** Where a Get Records element puts what it finds. */
export type LookupOutput =
    | { readonly kind: 'automatic' }
    | { readonly kind: 'variable'; readonly reference: string; readonly assignNull: boolean }
    | {
          readonly kind: 'fields';
          readonly assignments: readonly { readonly field: FieldSchema; readonly target: string }[];
          readonly assignNull: boolean;
      };

interface ElementBase {
    readonly name: string;
    readonly label: string;
    readonly line: number;
    readonly connector?: string;
}

interface DataElementBase extends ElementBase {
    readonly faultConnector?: string;
}

/** Records chosen by filters on an object (Update/Delete Records without a reference). */
export interface FilterTarget {
    readonly object: ObjectSchema;
    readonly filters: readonly RecordFilter[];
    readonly logic: LogicNode;
}

export type FlowElement =
    | (ElementBase & {
          readonly kind: 'decision';
          readonly rules: readonly Rule[];
          readonly defaultConnector?: string;
      })
    | (ElementBase & { readonly kind: 'assignment'; readonly items: readonly AssignmentItem[] })
    | (ElementBase & {
          readonly kind: 'loop';
          readonly collection: string;
          readonly descending: boolean;
          /** Variable that gets the current item; the loop's own name when absent (API 57+). */
          readonly itemVariable?: string;
          readonly noMoreConnector?: string;
      })
    | (ElementBase & {
          readonly kind: 'customError';
          readonly messages: readonly { readonly text: string; readonly field?: string }[];
      })
    | (DataElementBase & {
          readonly kind: 'lookup';
          readonly object: ObjectSchema;
          readonly filters: readonly RecordFilter[];
          readonly logic: LogicNode;
          readonly sort?: { readonly field: FieldSchema; readonly descending: boolean };
          readonly limit?: number;
          readonly firstOnly: boolean;
          readonly fields?: readonly FieldSchema[];
          readonly output: LookupOutput;
      })
    | (DataElementBase & {
          readonly kind: 'update';
          readonly input?: string;
          readonly target?: FilterTarget;
          readonly assignments: readonly FieldAssignment[];
      })
    | (DataElementBase & {
          readonly kind: 'create';
          readonly input?: string;
          readonly object?: ObjectSchema;
          readonly assignments: readonly FieldAssignment[];
          /** Variable that gets the new Id; the element itself when stored automatically. */
          readonly idTarget?: string;
      })
    | (DataElementBase & {
          readonly kind: 'delete';
          readonly input?: string;
          readonly target?: FilterTarget;
      });

export type ElementKind = FlowElement['kind'];

/** Elements that query or write: interviews wait at them and run them together. */
export const BULK_KINDS: ReadonlySet<ElementKind> = new Set([
    'lookup',
    'update',
    'create',
    'delete'
]);

/** The data types of variables, constants and formulas the embedded org holds (of FlowDataType). */
export const DATA_TYPES = [
    'String',
    'Boolean',
    'Number',
    'Currency',
    'Date',
    'DateTime',
    'Picklist',
    'SObject'
] as const satisfies readonly md.FlowDataType[];
export type FlowDataType = (typeof DATA_TYPES)[number];

export interface Variable {
    readonly name: string;
    readonly dataType: FlowDataType;
    readonly objectType?: ObjectSchema;
    readonly isCollection: boolean;
    readonly value?: ValueSpec;
}

export interface FlowDefinition {
    /** The flow file, from the project root. */
    readonly file: string;
    readonly apiName: string;
    readonly label: string;
    readonly status: string;
    readonly triggerOrder?: number;
    readonly start: FlowStart;
    readonly elements: ReadonlyMap<string, FlowElement>;
    /** Element names in document order: interviews waiting at elements run in this order. */
    readonly elementOrder: readonly string[];
    readonly variables: ReadonlyMap<string, Variable>;
    readonly constants: ReadonlyMap<string, Scalar>;
    readonly formulas: ReadonlyMap<
        string,
        { readonly dataType: FlowDataType; readonly formula: Formula }
    >;
    readonly textTemplates: ReadonlyMap<string, string>;
}
