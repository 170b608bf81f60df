import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageVersion } from '../dependencies';
import { isRecord } from '../json';
import type { Project } from '../project';
import type { Finding, Rule } from '../types';
import { apexFiles } from './files';

/** The packages whose versions change what the Apex checks find. */
const TOOLS = [
    '@salesforce/code-analyzer-core',
    '@salesforce/code-analyzer-pmd-engine',
    'prettier-plugin-apex'
];

/** The validator's own sources: a change to them may change findings. */
const VALIDATOR_DIR = path.resolve(__dirname, '..');

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
            const key = cacheKey(project, rule.id, javaCommand);
            const file = path.join(
                cacheDirectory,
                `${rule.id}-${hash([project.root]).slice(0, 16)}.json`
            );
            const cached = readEntry(file, key);
            if (cached) {
                return cached;
            }
            const findings = await rule.check(project);
            fs.mkdirSync(cacheDirectory, { recursive: true });
            fs.writeFileSync(file, JSON.stringify({ key, findings }));
            return findings;
        }
    };
}

function cacheKey(project: Project, ruleId: string, javaCommand: string): string {
    const files = ['sfdx-project.json', '.forceignore', ...project.files].flatMap((file) => {
        const absolute = project.absolute(file);
        return fs.existsSync(absolute) ? [file, fs.readFileSync(absolute)] : [file];
    });
    const tools = TOOLS.map((tool) => `${tool}@${packageVersion(tool)}`);
    return hash([ruleId, javaCommand, ...tools, validatorSources(), ...files]);
}

function readEntry(file: string, key: string): Finding[] | undefined {
    try {
        const entry: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
        return isRecord(entry) && entry.key === key && Array.isArray(entry.findings)
            ? (entry.findings as Finding[])
            : undefined;
    } catch {
        // No entry yet, or one from an interrupted write: run the check.
        return undefined;
    }
}

function validatorSources(): string {
    validatorHash ??= hash(
        listSources(VALIDATOR_DIR).flatMap((file) => [file, fs.readFileSync(file)])
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

function hash(parts: readonly (string | Buffer)[]): string {
    const digest = createHash('sha256');
    for (const part of parts) {
        digest.update(part);
        digest.update('\0');
    }
    return digest.digest('hex');
}
