import type { RecordSet } from '../../org/embedded';
import type { DmlOperation } from '../../org';
import type { FieldSchema, ObjectSchema } from '../../schema';
import type { FieldValues, LimitUsage } from '../../types';

/** Where a part of a scenario file is, e.g. `team.scenario.json: steps[2].records[0]`. */
export type Place = string;

/** A data set of a scenario: records the org holds before the steps run. */
export type DataSet = RecordSet;

export interface StepExpectation {
    /** Whether the step succeeds; false when `error` is given. */
    readonly ok: boolean;
    /** Text the step's error must contain. */
    readonly error?: string;
    readonly interviews?: number;
    readonly limits?: Partial<LimitUsage>;
}

export interface Step {
    readonly place: Place;
    readonly description?: string;
    readonly operation: DmlOperation;
    readonly object: ObjectSchema;
    readonly records: readonly FieldValues[];
    /** Update and delete find their records by this field (Id by default). */
    readonly matchBy: FieldSchema;
    /** Upsert matches on this field. */
    readonly externalId?: FieldSchema;
    readonly allOrNone: boolean;
    readonly expect: StepExpectation;
}

export interface RecordExpectation {
    readonly place: Place;
    readonly object: ObjectSchema;
    readonly where: FieldValues;
    readonly fields: FieldValues;
    readonly count?: number;
}

export interface Scenario {
    readonly file: string;
    readonly description: string;
    /** Flow files to run as active; the project's active record-triggered flows when absent. */
    readonly flows?: readonly { readonly path: string; readonly place: Place }[];
    readonly data: readonly DataSet[];
    readonly steps: readonly Step[];
    readonly expect: readonly RecordExpectation[];
}

export interface StepOutcome {
    readonly ok: boolean;
    readonly error: string | null;
    readonly interviews: number;
    readonly limits: LimitUsage;
}

export interface ScenarioOutcome {
    readonly steps: readonly StepOutcome[];
    /** Final records of every object, every field, in insertion order. */
    readonly data: Readonly<Record<string, FieldValues[]>>;
    /** What did not hold, each naming its place: an expectation may fail in several ways. */
    readonly failures: readonly string[];
    /** Expectations checked: each step's (a step without one must succeed) and each on records. */
    readonly checked: number;
    /** Expectations of those with at least one failure. */
    readonly failed: number;
}
