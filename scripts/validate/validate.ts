import { defaultJavaCommand } from './apex/java';
import { UsageError } from '../shared/command';
import { ToolError } from './errors';
import { compareFindings, finding } from './finding';
import { messages } from './messages';
import { useSchemaCache } from './model';
import { Project } from '../project';
import { createRules } from './rules';
import type { Finding, Rule, ValidateOptions, ValidationResult } from './types';

/**
 * Validates the Salesforce DX project in dir. Throws UsageError (or its ProjectError) when dir
 * is not a project or an option is wrong; every problem of the project is a finding.
 */
export async function validateProject(
    dir: string,
    options: ValidateOptions = {}
): Promise<ValidationResult> {
    const rules = selectRules(options);
    const loading = Project.load(
        dir,
        options.cacheDirectory ? { cacheDirectory: options.cacheDirectory } : {}
    );
    preload(rules, options);
    return validate(await loading, rules);
}

/** The rules' work that needs no project, to run while the project loads. */
export function preload(rules: readonly Rule[], options: ValidateOptions = {}): void {
    useSchemaCache(options.schemaCache ?? true);
    for (const rule of rules) {
        rule.preload?.();
    }
}

/** Runs the rules on a loaded project. */
export async function validate(
    project: Project,
    rules: readonly Rule[]
): Promise<ValidationResult> {
    const results = await Promise.all(rules.map((rule) => runRule(rule, project)));
    const findings = results.flat().sort(compareFindings);
    const count = (severity: Finding['severity']): number =>
        findings.filter((candidate) => candidate.severity === severity).length;
    return {
        ok: count('error') === 0,
        root: project.root,
        findings,
        summary: {
            files: project.files.length,
            errors: count('error'),
            warnings: count('warning'),
            notes: count('note'),
            rules: rules.map((rule) => rule.id)
        }
    };
}

/** The ids of every rule, in the order they run. */
export function ruleIds(): string[] {
    return allRules({}).map((rule) => rule.id);
}

function allRules(options: ValidateOptions): Rule[] {
    return [
        ...createRules({
            javaCommand: options.javaCommand ?? defaultJavaCommand(),
            ...(options.cacheDirectory ? { cacheDirectory: options.cacheDirectory } : {})
        }),
        ...(options.extraRules ?? [])
    ];
}

export function selectRules(options: ValidateOptions): Rule[] {
    const rules = allRules(options);
    if (!options.rules) {
        return rules;
    }
    const known = rules.map((rule) => rule.id);
    for (const id of options.rules) {
        if (!known.includes(id)) {
            throw new UsageError(messages.usage.unknownRule(id, known));
        }
    }
    return rules.filter((rule) => options.rules?.includes(rule.id));
}

/** A rule that throws is a finding of its own, so that one broken check never hides the others. */
async function runRule(rule: Rule, project: Project): Promise<Finding[]> {
    try {
        return await rule.check(project);
    } catch (error: unknown) {
        const text = error instanceof ToolError ? error.text : messages.ruleFailed(rule.id, error);
        return [finding(rule.id, 'error', text)];
    }
}
