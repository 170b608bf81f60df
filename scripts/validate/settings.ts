import { PROJECT_FILE, type Project } from '../project';
import { finding } from './finding';
import { messages } from './messages';
import type { Finding, Severity } from './types';

/*
 * A project's own rules for the validator, kept where sfdx-project.json's schema lets tools keep
 * their settings: `plugins.validate`. What a rule finds that the platform would deploy all the
 * same (a field nobody is granted, an apiVersion other than the project's, an element the
 * schema of @salesforce/types does not declare, PMD's judgement of the Apex) is a warning unless
 * the project raises it here: that is how this package keeps its house rules without imposing
 * them on every project it checks.
 */

/** The keys of `plugins.validate` that name a severity. */
export type SeverityKey =
    'ungrantedFieldSeverity' | 'apiVersionMismatchSeverity' | 'schemaGapSeverity';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'note'];

function validateSettings(project: Project): Readonly<Record<string, unknown>> {
    const settings = project.config.plugins?.validate;
    return typeof settings === 'object' && settings !== null && !Array.isArray(settings)
        ? (settings as Record<string, unknown>)
        : {};
}

/**
 * The severity `plugins.validate.<key>` names, else `fallback`; a value that is not a severity
 * is a finding on sfdx-project.json, and the rule then reports with the fallback.
 */
export function configuredSeverity(
    project: Project,
    rule: string,
    key: SeverityKey,
    fallback: Severity
): { readonly severity: Severity; readonly problem?: Finding } {
    const value = validateSettings(project)[key];
    if (value === undefined) {
        return { severity: fallback };
    }
    if (SEVERITIES.includes(value as Severity)) {
        return { severity: value as Severity };
    }
    return {
        severity: fallback,
        problem: finding(
            rule,
            'error',
            messages.settings.badSeverity(key, JSON.stringify(value), fallback),
            { file: PROJECT_FILE }
        )
    };
}

/**
 * `plugins.validate.apexPmdSeverityThreshold`: PMD findings of this severity level or a more
 * severe one (1 critical ... 5 info) are errors, as `sf code-analyzer run --severity-threshold`
 * fails on them; without it, as without that flag, none is.
 */
export function pmdThreshold(
    project: Project,
    rule: string
): {
    readonly threshold: number | undefined;
    readonly problem?: Finding;
} {
    const value = validateSettings(project).apexPmdSeverityThreshold;
    if (value === undefined) {
        return { threshold: undefined };
    }
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
        return { threshold: value };
    }
    return {
        threshold: undefined,
        problem: finding(rule, 'error', messages.settings.badThreshold(JSON.stringify(value)), {
            file: PROJECT_FILE
        })
    };
}
