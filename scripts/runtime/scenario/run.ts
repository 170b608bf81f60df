import { DmlException, LimitException, ScenarioError } from '../errors';
import { FlowTriggers, type FlowDefinition, type RuntimeOptions } from '../flow';
import { MESSAGES } from '../messages';
import {
    matchesFilter,
    matchingIds,
    normalizeValue,
    RecordStore,
    Transaction,
    WALL_CLOCK,
    type DmlResult,
    type SaveContext,
    type TriggerHandler
} from '../org';
import type { OrgSchema } from '../schema';
import type { FieldValues, LimitUsage } from '../types';
import type {
    DataSet,
    RecordExpectation,
    Scenario,
    Step,
    StepOutcome,
    ScenarioOutcome
} from './types';

const NO_TRIGGERS: TriggerHandler = { fire: () => undefined };
const UNLIMITED: LimitUsage = {
    soqlQueries: Infinity,
    queryRows: Infinity,
    dmlStatements: Infinity,
    dmlRows: Infinity
};

/**
 * An org with the schema, records and active flows a run needs. Its data is the org's existing
 * records: loading it runs no flow and counts no limit, but defaults and save checks apply.
 */
export class EmbeddedOrg {
    public readonly store = new RecordStore();
    private readonly triggers: FlowTriggers;

    public constructor(
        public readonly schema: OrgSchema,
        flows: readonly FlowDefinition[],
        options?: RuntimeOptions,
        /** The org's clock and running user, which every save stamps. */
        public readonly context: SaveContext = WALL_CLOCK
    ) {
        this.triggers = new FlowTriggers(flows, schema, options);
    }

    /** Loads existing records; a record the org would refuse is a ScenarioError at its place. */
    public load(data: readonly DataSet[]): void {
        for (const set of data) {
            const transaction = this.setupTransaction();
            try {
                transaction.dml({
                    operation: 'insert',
                    object: set.object,
                    records: set.records,
                    allOrNone: true,
                    keepIds: true
                });
                transaction.commit();
            } catch (error: unknown) {
                transaction.rollback();
                if (error instanceof DmlException) {
                    throw new ScenarioError(`${set.place}[${error.row}]`, error.message, {
                        cause: error
                    });
                }
                throw error;
            }
        }
    }

    /**
     * A transaction for the org's own writes (loading data, setting itself up, recording a job):
     * no automation runs and no limit counts, but defaults and save checks apply.
     */
    public setupTransaction(store: RecordStore = this.store): Transaction {
        return new Transaction(this.schema, store, NO_TRIGGERS, UNLIMITED, this.context);
    }

    /**
     * A transaction with the org's flows as save automation, on the org's records or on a store
     * of its own (an Apex test's copy of them).
     */
    public transaction(
        limits?: Readonly<LimitUsage>,
        store: RecordStore = this.store
    ): Transaction {
        return new Transaction(this.schema, store, this.triggers, limits, this.context);
    }

    /**
     * Every record of every object, in insertion order, with every field but the system fields
     * the org stamps (times of the run that would make every outcome differ).
     */
    public records(): Record<string, FieldValues[]> {
        const data: Record<string, FieldValues[]> = {};
        for (const object of this.schema.objects) {
            data[object.name] = this.store
                .all(object.name)
                .map((record) =>
                    Object.fromEntries(
                        object.fields
                            .filter((field) => field.audit === undefined)
                            .map((field) => [field.name, record[field.name] ?? null])
                    )
                );
        }
        return data;
    }
}

/**
 * Runs one step as one transaction: its DML statement with the save automation it fires. A
 * failure (an all-or-none DML with a failed record, a governor limit, a record the step cannot
 * find) rolls back everything the step did.
 */
export function runStep(org: EmbeddedOrg, step: Step): StepOutcome {
    const transaction = org.transaction();
    const outcome = (ok: boolean, error: string | null): StepOutcome => ({
        ok,
        error,
        interviews: transaction.interviews,
        limits: transaction.limits.usage
    });
    try {
        const results = transaction.dml({
            operation: step.operation,
            object: step.object,
            records: resolveRecords(org, step),
            allOrNone: step.allOrNone,
            ...(step.externalId ? { externalId: step.externalId } : {})
        });
        transaction.commit();
        const failed = results.filter((result) => !result.success);
        return failed.length === 0
            ? outcome(true, null)
            : outcome(false, partialMessage(results, failed));
    } catch (error: unknown) {
        transaction.rollback();
        if (
            error instanceof DmlException ||
            error instanceof LimitException ||
            error instanceof StepError
        ) {
            return outcome(false, error.message);
        }
        throw error;
    }
}

class StepError extends Error {}

function partialMessage(results: readonly DmlResult[], failed: readonly DmlResult[]): string {
    const first = failed[0]?.errors[0];
    const row = failed[0] ? results.indexOf(failed[0]) : 0;
    return MESSAGES.partialFailure(
        failed.length,
        results.length,
        first ? `row ${row}: ${first.statusCode}, ${first.message}` : ''
    );
}

/** Update and delete records found by their matchBy field, each exactly one record. */
function resolveRecords(org: EmbeddedOrg, step: Step): FieldValues[] {
    if (step.operation === 'insert' || step.operation === 'upsert' || step.matchBy.name === 'Id') {
        return [...step.records];
    }
    return step.records.map((record) => {
        const value = record[step.matchBy.name] ?? null;
        const ids = matchingIds(org.store, step.object, step.matchBy, value);
        if (ids.length !== 1) {
            throw new StepError(
                ids.length === 0
                    ? MESSAGES.noMatch(step.object.name, step.matchBy.name, value)
                    : MESSAGES.manyMatches(step.object.name, step.matchBy.name, value, ids.length)
            );
        }
        return { ...record, Id: ids[0] ?? null };
    });
}

/** What a step's `expect` says that did not happen. */
function checkStep(step: Step, outcome: StepOutcome): string[] {
    const failures: string[] = [];
    const { expect } = step;
    if (outcome.ok !== expect.ok) {
        failures.push(
            expect.ok
                ? MESSAGES.stepFailed(step.place, outcome.error)
                : MESSAGES.stepSucceeded(step.place)
        );
    } else if (expect.error !== undefined && !(outcome.error ?? '').includes(expect.error)) {
        failures.push(MESSAGES.stepErrorMismatch(step.place, outcome.error, expect.error));
    }
    if (expect.interviews !== undefined && outcome.interviews !== expect.interviews) {
        failures.push(
            MESSAGES.stepExpectation(
                step.place,
                'interviews',
                outcome.interviews,
                expect.interviews
            )
        );
    }
    for (const [name, value] of Object.entries(expect.limits ?? {})) {
        const actual = outcome.limits[name as keyof LimitUsage];
        if (actual !== value) {
            failures.push(MESSAGES.stepExpectation(step.place, `limits.${name}`, actual, value));
        }
    }
    return failures;
}

/** What a record expectation says that the org's final records do not show. */
function checkRecords(org: EmbeddedOrg, expectation: RecordExpectation): string[] {
    const { object, where, fields, place } = expectation;
    const whereFields = Object.keys(where).map((name) => org.schema.field(object, name, place));
    const matched = org.store
        .all(object.name)
        .filter((record) =>
            whereFields.every((field) =>
                matchesFilter(
                    { field, operator: 'EqualTo', value: where[field.name] ?? null },
                    record
                )
            )
        );
    const described = whereFields.length === 0 ? '(all records)' : JSON.stringify(where);
    if (expectation.count !== undefined && matched.length !== expectation.count) {
        return [
            MESSAGES.countMismatch(place, object.name, described, matched.length, expectation.count)
        ];
    }
    if (expectation.count === undefined && matched.length === 0) {
        return [MESSAGES.noRecordMatches(place, object.name, described)];
    }
    const failures: string[] = [];
    for (const record of matched) {
        for (const [name, expected] of Object.entries(fields)) {
            const field = org.schema.field(object, name, place);
            const wanted = normalizeValue(field, expected);
            const actual = record[field.name] ?? null;
            if (actual !== wanted) {
                failures.push(
                    MESSAGES.fieldMismatch(
                        place,
                        object.name,
                        record['Id'] ?? null,
                        field.name,
                        actual,
                        wanted
                    )
                );
            }
        }
    }
    return failures;
}

/** Runs a scenario on a fresh org: its data, then each step, then its expectations. */
export function runScenario(
    scenario: Scenario,
    schema: OrgSchema,
    flows: readonly FlowDefinition[],
    options?: RuntimeOptions
): ScenarioOutcome {
    const org = new EmbeddedOrg(schema, flows, options);
    org.load(scenario.data);
    const failures: string[] = [];
    const steps = scenario.steps.map((step) => {
        const outcome = runStep(org, step);
        failures.push(...checkStep(step, outcome));
        return outcome;
    });
    for (const expectation of scenario.expect) {
        failures.push(...checkRecords(org, expectation));
    }
    return { steps, data: org.records(), failures };
}
