import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { OpenedApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';

/** The prefix of a System.debug line in the org's debug log. */
const DEBUG_LINE = /^USER_DEBUG\|\[\d+\]\|DEBUG\|/;

/**
 * Runs anonymous Apex as the org's administrator, expects it to run to its end, and returns the
 * values it wrote with System.debug, read from `lines`, the log the org was opened with (emptied
 * first).
 */
export function debugAsAdmin(
    opened: OpenedApexOrg,
    lines: string[],
    text: string,
    file: string
): string[] {
    lines.length = 0;
    const outcome = opened.org.asUser(opened.setup.adminId, () =>
        executeAnonymous(opened.org, text, file)
    );
    expect(outcome).toEqual({ kind: 'completed' });
    return lines.map((line) => line.replace(DEBUG_LINE, ''));
}

/** Temporary sfdx projects made of the given Apex classes, removed together. */
export class ClassProjects {
    private readonly roots: string[] = [];

    public constructor(private readonly prefix: string) {}

    /** A new project whose force-app holds the classes (name → source); returns its root. */
    public create(classes: Readonly<Record<string, string>>): string {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), `${this.prefix}-`));
        this.roots.push(root);
        fs.writeFileSync(
            path.join(root, 'sfdx-project.json'),
            JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '66.0'
            })
        );
        const folder = path.join(root, 'force-app', 'main', 'default', 'classes');
        fs.mkdirSync(folder, { recursive: true });
        for (const [name, source] of Object.entries(classes)) {
            fs.writeFileSync(path.join(folder, `${name}.cls`), source);
        }
        return root;
    }

    public removeAll(): void {
        this.roots.splice(0).forEach((root) => {
            fs.rmSync(root, { recursive: true, force: true });
        });
    }
}
