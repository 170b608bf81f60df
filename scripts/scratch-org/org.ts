import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectLayout, readProjectLayout } from '../build/project';
import { readProjectConfig } from '../project';
import { orgMessages as M } from './messages';
import type { CreateOptions, PackageVersionOptions, SetupOptions } from './options';
import { UsageError } from '../shared/command';
import { commandText, type Command, type Runner } from './run';

export const SCRATCH_DEFINITION = 'config/project-scratch-def.json';
export const SAMPLE_USER = 'config/users/ada-lovelace.user-def.json';
export const SAMPLE_DATA_PLAN = 'config/sample-data/plan.json';
const DEPLOY_SCRIPT = 'scripts/deploy/cli.ts';
const BUILD_SCRIPT = 'scripts/build/cli.ts';
/** The managed package's post-install class, when the package has one. */
const POST_INSTALL_CLASS = 'CalendlyPostInstall';

/** What a script prints; console.log in the command line, a list in tests. */
export type Log = (line: string) => void;

interface Context {
    readonly run: Runner;
    readonly log: Log;
    /** The command to run again after a failure, for the message. */
    readonly again: string;
}

/** A step that failed: the script ends with the step's exit code and says what to do. */
export class StepFailure extends Error {
    public constructor(
        message: string,
        public readonly status: number
    ) {
        super(message);
        this.name = 'StepFailure';
    }
}

async function step(context: Context, command: Command): Promise<void> {
    const text = commandText(command);
    context.log(M.step(text));
    const result = await context.run(command);
    if (result.status !== 0) {
        throw new StepFailure(M.stepFailed(text, result.status, context.again), result.status);
    }
}

/** `sf data query --json`: how many records the query counts, or a StepFailure. */
async function count(context: Context, targetOrg: string, query: string): Promise<number> {
    const command: Command = {
        program: 'sf',
        args: ['data', 'query', '--query', query, '--target-org', targetOrg, '--json']
    };
    const text = commandText(command);
    context.log(M.step(text));
    const result = await context.run(command, { capture: true });
    let answer: unknown;
    try {
        answer = JSON.parse(result.stdout);
    } catch {
        // Not JSON: the status says whether the query itself failed.
        answer = undefined;
    }
    const totalSize =
        typeof answer === 'object' && answer !== null && 'result' in answer
            ? (answer.result as { totalSize?: unknown } | null)?.totalSize
            : undefined;
    if (result.status !== 0) {
        throw new StepFailure(M.stepFailed(text, result.status, context.again), result.status);
    }
    if (typeof totalSize !== 'number') {
        throw new StepFailure(M.unreadableAnswer(text), 1);
    }
    return totalSize;
}

function requireFile(root: string, file: string): void {
    if (!fs.existsSync(path.join(root, file))) {
        throw new UsageError(M.missingFile(file));
    }
}

/** Every permission set of the directories the setup deploys, by API name, sorted. */
export function permissionSetNames(root: string): string[] {
    const layout = readProjectLayout(root);
    const names = new Set<string>();
    for (const directory of [layout.packagedDir, ...layout.unpackagedDirs]) {
        const folder = path.join(root, directory, 'main', 'default', 'permissionsets');
        if (!fs.existsSync(folder)) {
            continue;
        }
        for (const file of fs.readdirSync(folder)) {
            const match = /^(.+)\.permissionset-meta\.xml$/.exec(file);
            if (match?.[1]) {
                names.add(match[1]);
            }
        }
    }
    return [...names].sort();
}

function sampleUserEmail(root: string): string {
    const definition = JSON.parse(fs.readFileSync(path.join(root, SAMPLE_USER), 'utf8')) as {
        Email?: unknown;
    };
    if (typeof definition.Email !== 'string' || !/^[^'\s]+@[^'\s]+$/.test(definition.Email)) {
        throw new UsageError(`${SAMPLE_USER}: "Email" must be an email address.`);
    }
    return definition.Email;
}

/**
 * Puts the package into an org and makes it usable: deploy (package and unpackaged directory),
 * permission sets for the running user, the sample user the FlowTests expect, sample links.
 * Steps whose result is already in the org are skipped, so the setup can be run again.
 */
export async function setupOrg(
    root: string,
    options: SetupOptions,
    run: Runner,
    log: Log
): Promise<void> {
    const org = options.targetOrg;
    const context: Context = { run, log, again: `npm run org:setup -- --target-org ${org}` };
    requireFile(root, SAMPLE_USER);
    if (options.sampleData) {
        requireFile(root, SAMPLE_DATA_PLAN);
    }
    const email = sampleUserEmail(root);
    await step(context, {
        program: 'script',
        file: DEPLOY_SCRIPT,
        args: ['--target-org', org, '--include-unpackaged']
    });
    const permissionSets = permissionSetNames(root);
    if (permissionSets.length > 0) {
        await step(context, {
            program: 'sf',
            args: [
                'org',
                'assign',
                'permset',
                ...permissionSets.flatMap((name) => ['--name', name]),
                '--target-org',
                org
            ]
        });
    }
    if (
        (await count(
            context,
            org,
            `SELECT COUNT() FROM User WHERE Email = '${email}' AND IsActive = true`
        )) > 0
    ) {
        log(M.skipped(`the sample user ${email}`));
    } else {
        await step(context, {
            program: 'sf',
            args: [
                'org',
                'create',
                'user',
                '--definition-file',
                SAMPLE_USER,
                '--set-unique-username',
                '--target-org',
                org
            ]
        });
    }
    if (!options.sampleData) {
        return;
    }
    // Links are loaded after the user, so that an active flow copy maps the user's link on insert.
    if ((await count(context, org, 'SELECT COUNT() FROM CalendlyLink__c')) > 0) {
        log(M.skipped('Calendly links'));
    } else {
        await step(context, {
            program: 'sf',
            args: ['data', 'import', 'tree', '--plan', SAMPLE_DATA_PLAN, '--target-org', org]
        });
    }
}

/** A scratch org from the project's definition, then set up (unless told not to). */
export async function createScratchOrg(
    root: string,
    options: CreateOptions,
    run: Runner,
    log: Log
): Promise<void> {
    requireFile(root, SCRATCH_DEFINITION);
    const context: Context = { run, log, again: `npm run org:create -- --alias ${options.alias}` };
    await step(context, {
        program: 'sf',
        args: [
            'org',
            'create',
            'scratch',
            '--definition-file',
            SCRATCH_DEFINITION,
            '--alias',
            options.alias,
            '--duration-days',
            String(options.durationDays),
            '--wait',
            '20',
            ...(options.devHub ? ['--target-dev-hub', options.devHub] : [])
        ]
    });
    if (options.setup) {
        await setupOrg(
            root,
            { targetOrg: options.alias, sampleData: options.sampleData },
            run,
            log
        );
    }
}

export async function deleteScratchOrg(targetOrg: string, run: Runner, log: Log): Promise<void> {
    await step(
        { run, log, again: `npm run org:delete -- --target-org ${targetOrg}` },
        {
            program: 'sf',
            args: ['org', 'delete', 'scratch', '--target-org', targetOrg, '--no-prompt']
        }
    );
}

/**
 * The arguments of `sf package version create` for the managed package: its alias from
 * sfdx-project.json, no installation key, code coverage computed (a version without it cannot
 * be promoted), the scratch definition for the features the package needs, and the post-install
 * class when the package has one.
 */
export function packageVersionArgs(root: string, options: PackageVersionOptions): string[] {
    const config = readProjectConfig(root);
    const layout = projectLayout(config);
    if (config.packageAliases[layout.packageName] === undefined) {
        throw new UsageError(M.noPackageAlias(layout.packageName));
    }
    requireFile(root, SCRATCH_DEFINITION);
    const postInstall = path.join(
        root,
        layout.packagedDir,
        'main',
        'default',
        'classes',
        `${POST_INSTALL_CLASS}.cls`
    );
    return [
        'package',
        'version',
        'create',
        '--package',
        layout.packageName,
        '--installation-key-bypass',
        '--code-coverage',
        '--definition-file',
        SCRATCH_DEFINITION,
        ...(fs.existsSync(postInstall) ? ['--post-install-script', POST_INSTALL_CLASS] : []),
        '--wait',
        String(options.waitMinutes),
        ...(options.tag ? ['--tag', options.tag] : []),
        ...(options.devHub ? ['--target-dev-hub', options.devHub] : [])
    ];
}

/** Builds the package (generate check, validate, convert), then creates the version. */
export async function createPackageVersion(
    root: string,
    options: PackageVersionOptions,
    run: Runner,
    log: Log
): Promise<void> {
    const args = packageVersionArgs(root, options);
    const context: Context = { run, log, again: 'npm run package:version' };
    await step(context, { program: 'script', file: BUILD_SCRIPT, args: [] });
    await step(context, { program: 'sf', args });
}
