import type { Finding, Severity, Summary, ValidationResult } from './types';

/** One finding as --json prints it: every key always present, null when it does not apply. */
export interface JsonFinding {
    readonly rule: string;
    readonly severity: Finding['severity'];
    readonly file: string | null;
    readonly line: number | null;
    readonly column: number | null;
    readonly path: string | null;
    readonly message: string;
    readonly fix: string;
}

/** The --json output. `schemaVersion` changes only when a key changes meaning or goes away. */
export interface JsonReport {
    readonly schemaVersion: 1;
    readonly ok: boolean;
    readonly root: string;
    readonly findings: readonly JsonFinding[];
    readonly summary: Summary;
}

export function toJsonReport(result: ValidationResult): JsonReport {
    return {
        schemaVersion: 1,
        ok: result.ok,
        root: result.root,
        findings: result.findings.map((item) => ({
            rule: item.rule,
            severity: item.severity,
            file: item.file ?? null,
            line: item.line ?? null,
            column: item.column ?? null,
            path: item.path ?? null,
            message: item.message,
            fix: item.fix
        })),
        summary: result.summary
    };
}

/** `file:line: severity [rule] message (element path) — what to do`, one line per finding. */
export function formatFinding(item: Finding): string {
    const file = item.file ?? '(project)';
    const where = item.line !== undefined ? `${file}:${item.line}` : file;
    const path = item.path !== undefined ? ` (${item.path})` : '';
    return `${where}: ${item.severity} [${item.rule}] ${item.message}${path} — ${item.fix}`;
}

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, note: 2 };

/**
 * Findings of at least the given severity, grouped by file, then the one-line summary (which
 * counts every finding).
 */
export function formatHuman(
    result: ValidationResult,
    seconds?: number,
    least: Severity = 'note'
): string {
    const groups = new Map<string, Finding[]>();
    for (const item of result.findings.filter(
        (candidate) => RANK[candidate.severity] <= RANK[least]
    )) {
        const key = item.file ?? '';
        groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    const blocks = [...groups.values()].map((items) => items.map(formatFinding).join('\n'));
    return [...blocks, summaryLine(result, seconds)].join('\n\n');
}

export function summaryLine(result: ValidationResult, seconds?: number): string {
    const { errors, warnings, notes, files, rules } = result.summary;
    const plural = (count: number, word: string): string =>
        `${count} ${word}${count === 1 ? '' : 's'}`;
    const time = seconds === undefined ? '' : `, ${seconds.toFixed(1)} s`;
    return `Validation ${result.ok ? 'passed' : 'failed'}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')} in ${plural(files, 'file')} (${plural(rules.length, 'rule')}${time}).`;
}
