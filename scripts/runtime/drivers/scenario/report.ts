import { GOVERNOR_LIMITS } from '../../org';
import type { FieldValues, LimitUsage } from '../../types';
import type { Scenario, ScenarioOutcome } from './types';

/** `simulate --json`: exactly the steps' outcomes and the final records. */
export function formatJson(outcome: ScenarioOutcome): string {
    return JSON.stringify({
        steps: outcome.steps.map((step) => ({
            ok: step.ok,
            error: step.error,
            interviews: step.interviews,
            limits: {
                soqlQueries: step.limits.soqlQueries,
                queryRows: step.limits.queryRows,
                dmlStatements: step.limits.dmlStatements,
                dmlRows: step.limits.dmlRows
            }
        })),
        data: outcome.data
    });
}

export function formatLimits(limits: LimitUsage): string {
    const part = (label: string, name: keyof LimitUsage): string =>
        `${label} ${limits[name]}/${GOVERNOR_LIMITS[name]}`;
    return [
        part('SOQL', 'soqlQueries'),
        part('query rows', 'queryRows'),
        part('DML', 'dmlStatements'),
        part('DML rows', 'dmlRows')
    ].join(' | ');
}

function formatRecord(record: FieldValues): string {
    const { Id: id, ...fields } = record;
    const shown = Object.entries(fields)
        .filter(([, value]) => value !== null)
        .map(([name, value]) => `${name}=${String(value)}`);
    return `${String(id)}  ${shown.join('  ')}`;
}

/** The readable outcome: each step, the final records, and the expectations. */
export function formatText(
    scenario: Scenario,
    flows: readonly string[],
    outcome: ScenarioOutcome
): string {
    const lines = [
        `Scenario: ${scenario.description || scenario.file}`,
        `Flows: ${flows.length > 0 ? flows.join(', ') : '(none active)'}`,
        '',
        'Steps'
    ];
    scenario.steps.forEach((step, index) => {
        const result = outcome.steps[index];
        if (!result) {
            return;
        }
        const what = `${step.operation} ${step.object.name}, ${step.records.length} record(s)${step.description ? ` (${step.description})` : ''}`;
        lines.push(
            `  ${index + 1}. ${what}: ${result.ok ? 'ok' : `FAILED: ${result.error ?? ''}`}`
        );
        lines.push(`     interviews ${result.interviews} | ${formatLimits(result.limits)}`);
    });
    lines.push('', 'Records');
    for (const [object, records] of Object.entries(outcome.data)) {
        lines.push(`  ${object} (${records.length})`);
        records.forEach((record) => lines.push(`    ${formatRecord(record)}`));
    }
    lines.push('');
    if (outcome.failures.length === 0) {
        lines.push(
            `Expectations: all held (${scenario.expect.length} on records, ${scenario.steps.length} on steps).`
        );
    } else {
        // Expectations counted against expectations; one may fail in several ways (a field on
        // each matching record, a step's interviews and its limits), each listed below.
        lines.push(
            `Expectations: ${outcome.failed} failed (of ${outcome.checked} checked), ${outcome.failures.length} problem(s):`
        );
        outcome.failures.forEach((failure) => lines.push(`  - ${failure}`));
    }
    return lines.join('\n');
}
