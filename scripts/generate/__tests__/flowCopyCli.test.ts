import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, REPO_ROOT } from './flowCopyProject';

/** `npm run generate -- ARGS` in the project at cwd. Each run costs a TypeScript start: few. */
function generate(
    cwd: string,
    ...args: string[]
): { status: number | null; out: string; err: string } {
    const result = spawnSync(
        process.execPath,
        [
            path.join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'),
            path.join(REPO_ROOT, 'scripts/generate/cli.ts'),
            ...args
        ],
        { cwd, encoding: 'utf8' }
    );
    return { status: result.status, out: result.stdout, err: result.stderr };
}

describe('npm run generate -- flow, as a command line', () => {
    const root = makeProject();
    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('writes the copy, says what it wrote and what to do next, and exits 0', () => {
        const result = generate(
            root,
            'flow',
            '--name',
            'Map_User_Calendly_Link',
            '--label',
            'Map User Calendly Link'
        );
        expect(result.err).toBe('');
        expect(result.status).toBe(0);
        expect(result.out).toContain(
            'wrote unpackaged/main/default/flows/Map_User_Calendly_Link.flow-meta.xml'
        );
        expect(result.out).toContain('npm run deploy -- --target-org ALIAS --include-unpackaged');
        expect(
            fs.existsSync(
                path.join(
                    root,
                    'unpackaged/main/default/flows/Map_User_Calendly_Link.flow-meta.xml'
                )
            )
        ).toBe(true);
    });

    it('run again as it was, leaves the copy as it is and exits 0; with other options, refuses', () => {
        const file = path.join(
            root,
            'unpackaged/main/default/flows/Map_User_Calendly_Link.flow-meta.xml'
        );
        const before = fs.readFileSync(file, 'utf8');
        const again = generate(
            root,
            'flow',
            '--name',
            'Map_User_Calendly_Link',
            '--label',
            'Map User Calendly Link'
        );
        expect(again.status).toBe(0);
        expect(again.out).toContain(
            'unchanged unpackaged/main/default/flows/Map_User_Calendly_Link.flow-meta.xml (already this copy)'
        );
        expect(fs.readFileSync(file, 'utf8')).toBe(before);
        const other = generate(
            root,
            'flow',
            '--name',
            'Map_User_Calendly_Link',
            '--label',
            'Other'
        );
        expect(other.status).toBe(2);
        expect(other.err).toContain('already exists. Choose another --name, or add --force');
    });

    it('exits 2 with the reason when it refuses, writing nothing', () => {
        const result = generate(
            root,
            'flow',
            '--name',
            'Map_Intro',
            '--link-type',
            'ManagedEvent',
            '--event-slug',
            'intro-call',
            '--event-name',
            'Intro call',
            '--user-field',
            'Intro__c'
        );
        expect(result.status).toBe(2);
        expect(result.err).toMatch(/^--event-slug and --event-name were both given/);
        expect(
            fs.existsSync(path.join(root, 'unpackaged/main/default/flows/Map_Intro.flow-meta.xml'))
        ).toBe(false);
    });

    it('refuses an unknown subcommand, naming the one that was meant', () => {
        const result = generate(root, 'flows', '--name', 'X');
        expect(result.status).toBe(2);
        expect(result.err).toContain('unknown command "flows" (did you mean flow?)');
    });
});
