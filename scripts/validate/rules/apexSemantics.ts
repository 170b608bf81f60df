import * as path from 'node:path';
import { isRecord } from '../../shared/json';
import { apexFiles } from '../apex/files';
import { checkJava } from '../apex/java';
import { runProcess } from '../apex/process';
import { resolvePackageFile } from '../../shared/packages';
import { ToolError } from '../errors';
import { finding } from '../finding';
import { messages } from '../messages';
import { objectModel, unknownSeverity, type ObjectModel } from '../model';
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
 * methods and fields, type mismatches. apex-ls knows the platform only partly (Cache partitions,
 * DataWeave, System.Quiddity values, a change event's header, FlowDefinitionView fields), and
 * it reads metadata beyond Apex; an error of its that is about the platform or about a file that
 * is not Apex is a warning naming it as the source (see `platformGap`). An unknown field of an
 * object is judged by the project's object model, as apex-fields judges one.
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
            return issues(project, result.stdout, project.memo(objectModel));
        }
    };
}

function issues(project: Project, output: string, objects: ObjectModel): Finding[] {
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
            const reported = issue.category in SEVERITIES ? SEVERITIES[issue.category] : 'warning';
            if (!reported) {
                continue;
            }
            const gap = reported === 'error' && platformGap(file, issue.message, objects);
            const severity = gap ? 'warning' : reported;
            const start = isRecord(issue.start) ? issue.start : {};
            findings.push(
                finding(ID, severity, messages.apex.semantic(issue.message, gap), {
                    file,
                    ...(typeof start.line === 'number' ? { line: start.line } : {}),
                    ...(typeof start.offset === 'number' ? { column: start.offset + 1 } : {})
                })
            );
        }
    }
    return findings;
}

/**
 * What DataWeave in Apex adds that apex-dev-tools' catalogue lacks: a class of the
 * `DataWeaveScriptResource` namespace for each script of the project's `dw` folder, and the
 * System exception its scripts throw (Apex Developer Guide, "DataWeave in Apex"; Apex Reference
 * Guide, "DataWeaveScriptException Class").
 */
const DATAWEAVE_NAMESPACE = 'dataweavescriptresource';
const DATAWEAVE_EXCEPTION = 'DataWeaveScriptException';

/** Apex namespaces of the platform, in lower case, from the catalogue (`system`, `cache`). */
function platformNamespaces(objects: ObjectModel): ReadonlySet<string> {
    return new Set([
        ...objects.schema.catalogue.apexNamespaces().map((namespace) => namespace.toLowerCase()),
        DATAWEAVE_NAMESPACE
    ]);
}

/**
 * Whether an apex-ls error may be a gap of apex-ls rather than of the code:
 * - it is about a file that is not Apex (sfdx-project.json, a flow, a field: other rules check
 *   those, and apex-ls reads static resources as if they deployed);
 * - it names a type of a platform namespace (`System.FormulaValidationException`,
 *   `cache.OrgPartition`, `Flow.Interview.Name`), a System type by its bare name
 *   (`AuraHandledException`), or a value apex-ls could only type as Object; a type mismatch
 *   counts only when a namespace other than System is in it;
 * - it is an unknown field of an object that the project's model knows, or whose absence the
 *   model cannot prove (a standard field of a newer release, a hierarchy setting's SetupOwner).
 */
function platformGap(file: string, message: string, objects: ObjectModel): boolean {
    if (!/\.(cls|trigger)$/.test(file)) {
        return true;
    }
    const unknownField = /^Unknown field '(\w+)' on SObject 'Schema\.(\w+)'/.exec(message);
    if (unknownField) {
        const [, field = '', object = ''] = unknownField;
        if (objects.schema.relationship(object, field)) {
            return true;
        }
        const check = objects.checkField(object, field);
        return (
            check.status === 'ok' ||
            check.status === 'unverifiable' ||
            unknownSeverity(check) === 'warning'
        );
    }
    if (/\(([^)]*\b)?Object\b/.test(message)) {
        return true;
    }
    const namespaces = platformNamespaces(objects);
    const quoted = [...message.matchAll(/'([A-Za-z_][\w.]*)/g)].map((match) => match[1] ?? '');
    const platform = quoted.filter((name) => {
        const [first = '', ...rest] = name.split('.');
        return rest.length > 0
            ? namespaces.has(first.toLowerCase())
            : first === DATAWEAVE_EXCEPTION ||
                  objects.schema.catalogue.apexType('System', first) !== undefined;
    });
    // apex-ls models System's own types (String, Integer, List) well: a mismatch between them
    // is the code's; one that involves another platform namespace (cache.OrgPartition) may not be.
    return /^Incompatible types/.test(message)
        ? platform.some((name) => !/^system\./i.test(name))
        : platform.length > 0;
}

function firstLine(text: string): string {
    return text.trim().split('\n')[0] ?? text;
}
