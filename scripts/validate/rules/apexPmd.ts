import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import { codeAnalyzerConfigInputs, pmdConfig } from '../apex/codeAnalyzerConfig';
import { apexFiles } from '../apex/files';
import { checkJava } from '../apex/java';
import { codeAnalyzer, pmdEngine } from '../dependencies';
import { ToolError } from '../errors';
import { finding } from '../finding';
import { messages } from '../messages';
import { pmdThreshold } from '../settings';
import { PROJECT_FILE, type Project } from '../../project';
import type { Finding, Rule } from '../types';

const ID = 'apex-pmd';

/** What Code Analyzer reports, as violations, when the PMD engine itself failed. */
const ENGINE_ERRORS = new Set(['UninstantiableEngineError', 'UnexpectedEngineError']);

/**
 * PMD's Recommended rules through Salesforce Code Analyzer. Like `sf code-analyzer run`, which
 * fails only with `--severity-threshold`, their findings are warnings unless the project sets
 * `plugins.validate.apexPmdSeverityThreshold` in sfdx-project.json: then findings of that level
 * or a more severe one (1 critical, 2 high, ... 5 info) fail the run. This package sets 2. A project's own code-analyzer.yml (or .yaml) at its root
 * configures the run as it configures Code Analyzer: rule severities, tags (which rules are
 * Recommended), disabled rules, custom PMD rulesets, ignored files and suppressions.
 */
export function apexPmdRule(javaCommand: string): Rule {
    return {
        id: ID,
        description:
            "PMD's Recommended Apex rules (Code Analyzer, Java 17): no violation at or above the project's plugins.validate.apexPmdSeverityThreshold.",
        async check(project) {
            const files = apexFiles(project);
            if (files.length === 0) {
                return [];
            }
            const configured = pmdConfig(project.root, javaCommand);
            if (configured.error !== undefined) {
                return [
                    finding(ID, 'error', messages.apex.codeAnalyzerConfig(configured.error), {
                        ...(configured.file !== undefined ? { file: configured.file } : {}),
                        ...(configured.line !== undefined ? { line: configured.line } : {})
                    })
                ];
            }
            const java = await checkJava(javaCommand);
            if (!java.ok) {
                throw new ToolError(messages.apex.javaMissing(java.reason));
            }
            const { threshold, problem } = pmdThreshold(project, ID);
            const violations = await runPmdWithRetry(project, files, configured.config);
            const findings: Finding[] = problem ? [problem] : [];
            for (const violation of violations) {
                const rule = violation.getRule();
                const location = violation.getPrimaryLocation();
                const absolute = location.getFile();
                const line = location.getStartLine();
                const column = location.getStartColumn();
                const level: number = rule.getSeverityLevel();
                findings.push(
                    finding(
                        `${ID}/${rule.getName()}`,
                        threshold !== undefined && level <= threshold ? 'error' : 'warning',
                        messages.apex.pmd(
                            rule.getName(),
                            level,
                            violation.getMessage(),
                            violation.getResourceUrls()[0]
                        ),
                        {
                            ...(absolute
                                ? {
                                      file: path
                                          .relative(project.root, absolute)
                                          .split(path.sep)
                                          .join('/')
                                  }
                                : {}),
                            ...(line !== undefined ? { line } : {}),
                            ...(column !== undefined ? { column } : {})
                        }
                    )
                );
            }
            return findings;
        },
        inputs(project) {
            return codeAnalyzerConfigInputs(project.root);
        }
    };
}

type Violations = ReturnType<Awaited<ReturnType<CodeAnalyzer['run']>>['getViolations']>;
type CodeAnalyzer = InstanceType<ReturnType<typeof codeAnalyzer>['CodeAnalyzer']>;

/**
 * The PMD engine reads `java -version` when the process exits, which can come before its
 * output has been read: on a loaded machine it then sees no version and refuses to start
 * ("not a recognizable version of Java"). A fresh engine asks again, so that one failure is
 * retried a few times; any other engine failure is reported at once.
 */
const PMD_ATTEMPTS = 3;

async function runPmdWithRetry(
    project: Project,
    files: readonly string[],
    config: CodeAnalyzerConfig
): Promise<Violations> {
    for (let attempt = 1; ; attempt++) {
        const violations = await runPmd(project, files, config);
        const engineError = violations.find((violation) =>
            ENGINE_ERRORS.has(violation.getRule().getName())
        );
        if (!engineError) {
            return violations;
        }
        const reason = engineError.getMessage().trim().split('\n')[0] ?? '';
        if (
            attempt >= PMD_ATTEMPTS ||
            !/recognizable version of Java/.test(engineError.getMessage())
        ) {
            throw new ToolError(messages.apex.checkerFailed('PMD', reason));
        }
    }
}

async function runPmd(
    project: Project,
    files: readonly string[],
    config: CodeAnalyzerConfig
): Promise<Violations> {
    const { CodeAnalyzer } = codeAnalyzer();
    const analyzer = new CodeAnalyzer(config);
    await analyzer.addEnginePlugin(pmdEngine().createEnginePlugin());
    const packageDirectories = project.config.packageDirectories
        .map((directory) => path.resolve(project.root, directory.path))
        .filter((directory) => fs.existsSync(directory));
    // sfdx-project.json makes the project's root the workspace's, from which Code Analyzer
    // resolves the paths of ignores and suppressions, as it does when run from the root.
    const workspace = await analyzer.createWorkspace(
        [...packageDirectories, project.absolute(PROJECT_FILE)],
        files.map((file) => project.absolute(file))
    );
    const selection = await analyzer.selectRules(['pmd:Recommended'], { workspace });
    const results = await analyzer.run(selection, { workspace });
    return results.getViolations();
}
