import type { XmlElement } from '../xml/parse';
import { messages, type Text } from './messages';
import type { ReferenceProblem } from './model/flow';
import { unknownSeverity } from './model/objects';
import type { Finding, Severity } from './types';

/** Where a finding points: a file, and in it a line or an element path. */
export interface Location {
    readonly file?: string;
    readonly line?: number;
    readonly column?: number;
    readonly path?: string;
}

export function finding(
    rule: string,
    severity: Severity,
    text: Text,
    location: Location = {}
): Finding {
    return {
        rule,
        severity,
        ...(location.file !== undefined ? { file: location.file } : {}),
        ...(location.line !== undefined ? { line: location.line } : {}),
        ...(location.column !== undefined ? { column: location.column } : {}),
        ...(location.path !== undefined ? { path: location.path } : {}),
        message: text.message,
        fix: text.fix
    };
}

/** The location of an element of a file. */
export function atElement(file: string, element: XmlElement, path?: string): Location {
    return { file, line: element.line, ...(path !== undefined ? { path } : {}) };
}

/**
 * A flow reference that does not resolve, as the flow and FlowTest rules report it. The list of
 * globals may lag behind Salesforce's: an unknown one only warns.
 */
export function unresolvedReference(
    rule: string,
    reference: string,
    problem: ReferenceProblem,
    location: Location
): Finding {
    const severity =
        problem.kind === 'unknown-global'
            ? 'warning'
            : problem.kind === 'field'
              ? unknownSeverity(problem.check)
              : 'error';
    return finding(rule, severity, messages.flow.reference(reference, problem), location);
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, note: 2 };

/** Findings in a stable order: project-wide first, then by file, line, column, severity, rule. */
export function compareFindings(a: Finding, b: Finding): number {
    return (
        compareText(a.file ?? '', b.file ?? '') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        (a.column ?? 0) - (b.column ?? 0) ||
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        compareText(a.rule, b.rule) ||
        compareText(a.message, b.message)
    );
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
