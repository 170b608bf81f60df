import * as path from 'node:path';
import { isRecord } from '../../shared/json';
import { apexFiles } from '../apex/files';
import { checkJava } from '../apex/java';
import { runProcess } from '../apex/process';
import { resolvePackageFile } from '../../shared/packages';
import { ToolError } from '../errors';
import { finding } from '../finding';
import { messages } from '../messages';
import type { Project } from '../../project';
import type { Finding, Rule, Severity } from '../types';

const ID = 'apex-semantics';
const CHECKER = 'io.github.apexdevtools.apexls.CheckForIssues';
/** CheckForIssues exits 4 when it found issues. */
const ISSUES_FOUND = 4;

/** apex-ls categories; syntax errors are apex-syntax's to report. */
const SEVERITIES: Readonly<Record<string, Severity | undefined>> = {
    Syntax: undefined,
    Error: 'error',
    Missing: 'error',
    Warning: 'warning',
    Unused: 'note'
};

/**
 * Apex semantics through the apex-ls checker bundled with the PMD engine: unknown types,
 * methods and fields, type mismatches.
 */
export function apexSemanticsRule(javaCommand: string): Rule {
    return {
        id: ID,
        description:
            'Apex classes and triggers compile: types, methods and fields exist (apex-ls, Java 17).',
        async check(project) {
            if (apexFiles(project).length === 0) {
                return [];
            }
            const java = await checkJava(javaCommand);
            if (!java.ok) {
                throw new ToolError(messages.apex.javaMissing(java.reason));
            }
            const engineEntry = resolvePackageFile('@salesforce/code-analyzer-pmd-engine');
            const classpath = path.join(path.dirname(engineEntry), 'java-lib', '*');
            const result = await runProcess(
                javaCommand,
                ['-cp', classpath, CHECKER, '-w', project.root, '-n', '-f', 'json'],
                project.root
            );
            if (result.code !== 0 && result.code !== ISSUES_FOUND) {
                const reason =
                    result.error?.message ??
                    (result.stderr.trim() || `exit ${String(result.code)}`);
                throw new ToolError(messages.apex.checkerFailed('apex-ls', firstLine(reason)));
            }
            return issues(project, result.stdout);
        }
    };
}

function issues(project: Project, output: string): Finding[] {
    let data: unknown;
    try {
        data = JSON.parse(output);
    } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ToolError(messages.apex.checkerFailed('apex-ls', reason));
    }
    const findings: Finding[] = [];
    const files = isRecord(data) && Array.isArray(data.files) ? data.files : [];
    for (const entry of files) {
        if (!isRecord(entry) || typeof entry.path !== 'string' || !Array.isArray(entry.messages)) {
            continue;
        }
        const file = path.relative(project.root, entry.path).split(path.sep).join('/');
        for (const issue of entry.messages) {
            if (
                !isRecord(issue) ||
                typeof issue.message !== 'string' ||
                typeof issue.category !== 'string'
            ) {
                continue;
            }
            const severity = issue.category in SEVERITIES ? SEVERITIES[issue.category] : 'warning';
            if (!severity) {
                continue;
            }
            const start = isRecord(issue.start) ? issue.start : {};
            findings.push(
                finding(ID, severity, messages.apex.semantic(issue.message), {
                    file,
                    ...(typeof start.line === 'number' ? { line: start.line } : {}),
                    ...(typeof start.offset === 'number' ? { column: start.offset + 1 } : {})
                })
            );
        }
    }
    return findings;
}

function firstLine(text: string): string {
    return text.trim().split('\n')[0] ?? text;
}
