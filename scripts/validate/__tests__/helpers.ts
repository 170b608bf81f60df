import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validateProject } from '..';
import type { Finding, ValidateOptions } from '../types';

export const FIXTURES = path.join(__dirname, 'fixtures');

/** A fixture project: small sfdx projects that pass (valid-*) or fail (*-broken) on purpose. */
export function fixture(name: string): string {
    return path.join(FIXTURES, name);
}

/** A change to a file of a copied project: new content, an edit of the old one, or deletion. */
export type Change = string | ((text: string) => string) | null;

const temporary: string[] = [];

/**
 * Copies a fixture project to a temporary directory and applies changes to it, so that each
 * failing case is the passing fixture with one mistake.
 */
export function copyFixture(name: string, changes: Record<string, Change> = {}): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `validate-${name}-`));
    temporary.push(dir);
    fs.cpSync(fixture(name), dir, { recursive: true });
    applyChanges(dir, changes);
    return dir;
}

/** A new project in a temporary directory with these files (sfdx-project.json included unless given). */
export function createProject(files: Record<string, string>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-project-'));
    temporary.push(dir);
    applyChanges(dir, {
        'sfdx-project.json': JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '66.0'
        }),
        ...files
    });
    return dir;
}

export function applyChanges(dir: string, changes: Record<string, Change>): void {
    for (const [file, change] of Object.entries(changes)) {
        const target = path.join(dir, file);
        if (change === null) {
            fs.rmSync(target, { force: true });
            continue;
        }
        const text =
            typeof change === 'function' ? change(fs.readFileSync(target, 'utf8')) : change;
        if (typeof change === 'function' && text === fs.readFileSync(target, 'utf8')) {
            throw new Error(`The change to ${file} changes nothing: the test would prove nothing.`);
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
    }
}

/** Deletes the temporary projects; call it in afterAll. */
export function removeTemporaryProjects(): void {
    for (const dir of temporary.splice(0)) {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The findings of the given rules on a project. */
export async function findings(
    dir: string,
    rules: readonly string[],
    options: Omit<ValidateOptions, 'rules'> = {}
): Promise<Finding[]> {
    const result = await validateProject(dir, { ...options, rules });
    return [...result.findings];
}

/** Replaces one exact piece of text, failing loudly when it is not there. */
export function replace(search: string, replacement: string): (text: string) => string {
    return (text) => {
        if (!text.includes(search)) {
            throw new Error(`The fixture has no ${search}.`);
        }
        return text.replace(search, replacement);
    };
}

export const VALID_FLOW = 'force-app/main/default/flows/Link_CopyToUser.flow-meta.xml';
export const VALID_FLOW_TEST =
    'force-app/main/default/flowtests/Link_CopyToUser_MapsActiveUser.flowtest-meta.xml';
export const VALID_PERMISSION_SET =
    'force-app/main/default/permissionsets/Link_Reader.permissionset-meta.xml';
export const VALID_OBJECT_DIR = 'force-app/main/default/objects/Link__c';
export const VALID_OBJECT = `${VALID_OBJECT_DIR}/Link__c.object-meta.xml`;
export const VALID_EMAIL_FIELD = `${VALID_OBJECT_DIR}/fields/Email__c.field-meta.xml`;
export const VALID_LIST_VIEW = `${VALID_OBJECT_DIR}/listViews/All.listView-meta.xml`;
