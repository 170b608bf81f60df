import type { Condition } from '../../flow';
import type { FieldValues } from '../../types';

export interface FlowTestAssertion {
    readonly line: number;
    readonly conditions: readonly Condition[];
    readonly errorMessage?: string;
}

/** A FlowTest file: the triggering record (and its prior version for an update) and the assertions at Finish. */
export interface FlowTestDefinition {
    readonly file: string;
    /** The test's API name, from its file name. */
    readonly name: string;
    readonly flowApiName: string;
    readonly label: string;
    /** InputTriggeringRecordInitial: the record on create, the prior record on update. */
    readonly initial: FieldValues;
    /** InputTriggeringRecordUpdated: the record after the update. */
    readonly updated?: FieldValues;
    readonly assertions: readonly FlowTestAssertion[];
}

export interface ConditionResult {
    readonly description: string;
    readonly passed: boolean;
    readonly actual: string;
}

export interface AssertionResult {
    readonly passed: boolean;
    readonly errorMessage?: string;
    readonly conditions: readonly ConditionResult[];
}

export interface FlowTestResult {
    readonly test: FlowTestDefinition;
    readonly passed: boolean;
    /** Why the test could not run to its assertions, or the errors the interview raised. */
    readonly error?: string;
    readonly assertions: readonly AssertionResult[];
}
