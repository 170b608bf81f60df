import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The root of this repository. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

/**
 * For tests: a temporary copy of this repository's project as a fresh clone has it, with
 * sfdx-project.json, the packaged directory and the other paths given, but never what a user
 * keeps in their working copy (their flow copies in unpackaged/, files in reports/). Tests that
 * run commands or load the project work on the copy, so that what a user generated cannot change
 * their outcome and what a test writes never lands in the user's folders. The caller removes it.
 */
export function copyOfProject(paths: readonly string[] = []): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'calendly-links-project-'));
    for (const entry of [...PROJECT_FILES, ...paths]) {
        const source = path.join(REPOSITORY_ROOT, entry);
        if (fs.existsSync(source)) {
            fs.cpSync(source, path.join(copy, entry), { recursive: true });
        }
    }
    return copy;
}

/** What makes the project, as the commands read it: its settings and its packaged directory. */
const PROJECT_FILES = [
    'sfdx-project.json',
    '.forceignore',
    '.flow-scanner.json',
    'code-analyzer.yml',
    'config',
    'force-app',
    // A fresh clone's unpackaged directory: only its README, never a user's flow copies.
    'unpackaged/README.md'
];
