import { DmlException, LimitException } from '../../errors';
import type { FlowDefinition, RuntimeOptions } from '../../flow';
import { MESSAGES } from '../../messages';
import { matchesFilter, matchingIds, normalizeValue, type DmlResult } from '../../org';
import { EmbeddedOrg } from '../../org/embedded';
import type { OrgSchema } from '../../schema';
import type { FieldValues, LimitUsage } from '../../types';
import type { RecordExpectation, Scenario, Step, StepOutcome, ScenarioOutcome } from './types';

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
    const checks: string[][] = [];
    const steps = scenario.steps.map((step) => {
        const outcome = runStep(org, step);
        checks.push(checkStep(step, outcome));
        return outcome;
    });
    for (const expectation of scenario.expect) {
        checks.push(checkRecords(org, expectation));
    }
    return {
        steps,
        data: org.records(),
        failures: checks.flat(),
        checked: checks.length,
        failed: checks.filter((failures) => failures.length > 0).length
    };
}
