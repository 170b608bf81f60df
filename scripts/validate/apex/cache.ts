import * as fs from 'node:fs';
import * as path from 'node:path';
import { hashOf, readKeyed, writeKeyed } from '../../cache/keyed';
import { packageVersion } from '../../shared/packages';
import type { Project } from '../../project';
import type { Finding, Rule } from '../types';
import { apexFiles } from './files';

/** The packages whose versions change what the Apex checks find. */
const TOOLS = [
    '@apexdevtools/apex-parser',
    '@salesforce/code-analyzer-core',
    '@salesforce/code-analyzer-pmd-engine',
    'prettier-plugin-apex'
];

/** The validator's own sources and the project readers it uses: a change to them may change findings. */
const SOURCE_DIRS = [path.resolve(__dirname, '..'), path.resolve(__dirname, '..', '..', 'project')];

let validatorHash: string | undefined;

/**
 * Remembers the findings of a slow Apex check (Java, native parser) for a project whose files,
 * tools and validator are unchanged, so that running the validator again costs no JVM. The
 * cache lives in one file per project and rule; any change of any file runs the check again.
 */
export function cachedRule(rule: Rule, cacheDirectory: string, javaCommand: string): Rule {
    return {
        ...rule,
        async check(project) {
            if (apexFiles(project).length === 0) {
                return rule.check(project);
            }
            const key = cacheKey(project, rule, javaCommand);
            const file = path.join(
                cacheDirectory,
                `${rule.id}-${hashOf([project.root]).slice(0, 16)}.json`
            );
            const cached = readEntry(file, key);
            if (cached) {
                return cached;
            }
            const findings = await rule.check(project);
            writeKeyed(file, key, findings);
            return findings;
        }
    };
}

function cacheKey(project: Project, rule: Rule, javaCommand: string): string {
    const files = [
        ...['sfdx-project.json', '.forceignore', ...project.files].map((file) =>
            project.absolute(file)
        ),
        ...(rule.inputs?.(project) ?? [])
    ].flatMap((file) => (fs.existsSync(file) ? [file, fs.readFileSync(file)] : [file]));
    const tools = TOOLS.map((tool) => `${tool}@${packageVersion(tool)}`);
    return hashOf([rule.id, javaCommand, ...tools, validatorSources(), ...files]);
}

function readEntry(file: string, key: string): Finding[] | undefined {
    const findings = readKeyed(file, key);
    return Array.isArray(findings) ? (findings as Finding[]) : undefined;
}

function validatorSources(): string {
    validatorHash ??= hashOf(
        SOURCE_DIRS.flatMap(listSources).flatMap((file) => [file, fs.readFileSync(file)])
    );
    return validatorHash;
}

function listSources(directory: string): string[] {
    return fs
        .readdirSync(directory, { withFileTypes: true })
        .filter((entry) => entry.name !== '__tests__')
        .flatMap((entry) => {
            const absolute = path.join(directory, entry.name);
            return entry.isDirectory() ? listSources(absolute) : [absolute];
        })
        .sort();
}
