import { formatLimits, type Scenario, type ScenarioOutcome } from '../drivers/scenario';
import type { FieldValues, Scalar } from '../types';

const text = (value: Scalar | undefined): string =>
    value === null || value === undefined ? '' : String(value);

/** Links whose email is the user's, as the flow matches them (any case, or with .invalid). */
function linksOf(user: FieldValues, links: readonly FieldValues[]): FieldValues[] {
    const email = text(user['Email']).toLowerCase();
    return links.filter((link) => {
        const linkEmail = text(link['Email__c']).toLowerCase();
        return linkEmail !== '' && (email === linkEmail || email === `${linkEmail}.invalid`);
    });
}

/** Why a user holds no link, read from the final records. */
function reason(user: FieldValues, links: readonly FieldValues[]): string {
    if (user['IsActive'] !== true) {
        return 'inactive user: the flow never changes inactive users';
    }
    const matching = linksOf(user, links);
    const profile = matching.filter((link) => link['LinkType__c'] === 'Profile');
    if (matching.length === 0) {
        return 'no Calendly link has this email';
    }
    if (profile.length === 0) {
        return 'only a managed-event link has this email: the flow maps profile links';
    }
    if (profile.every((link) => link['IsActive__c'] !== true)) {
        return 'the profile link was deactivated: the flow cleared it';
    }
    return 'not mapped';
}

function row(columns: readonly string[]): string {
    const widths = [24, 30];
    return `  ${columns.map((column, index) => column.padEnd(widths[index] ?? 0)).join(' ')}`.trimEnd();
}

/** `npm start`: the steps, then who got which link and why the others did not. */
export function teamReport(
    scenario: Scenario,
    flows: readonly string[],
    outcome: ScenarioOutcome
): string {
    const users = outcome.data['User'] ?? [];
    const links = outcome.data['CalendlyLink__c'] ?? [];
    const lines = [
        `Calendly Links for Salesforce, in the embedded org: ${flows.join(', ')} run as active`,
        scenario.description,
        ''
    ];
    scenario.steps.forEach((step, index) => {
        const result = outcome.steps[index];
        if (result) {
            lines.push(
                `${index + 1}. ${step.description ?? step.operation}: ${step.operation} ${step.records.length} ${step.object.name}: ${result.ok ? 'ok' : `FAILED: ${result.error ?? ''}`}`,
                `   ${result.interviews} flow interview(s) | ${formatLimits(result.limits)}`
            );
        }
    });
    const mapped = users.filter((user) => user['Calendly_Link__c'] !== null);
    const unmapped = users.filter((user) => user['Calendly_Link__c'] === null);
    lines.push('', 'Who got which link');
    mapped.forEach((user) =>
        lines.push(row([text(user['Name']), text(user['Email']), text(user['Calendly_Link__c'])]))
    );
    lines.push('', 'Who did not, and why');
    unmapped.forEach((user) =>
        lines.push(row([text(user['Name']), text(user['Email']), reason(user, links)]))
    );
    lines.push(
        '',
        outcome.failures.length === 0
            ? 'Every expectation of the scenario held.'
            : [
                  'Expectations that failed:',
                  ...outcome.failures.map((failure) => `  - ${failure}`)
              ].join('\n')
    );
    return lines.join('\n');
}
