import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    commandText,
    createPackageVersion,
    createScratchOrg,
    deleteScratchOrg,
    packageVersionArgs,
    parseOrgArgs,
    permissionSetNames,
    processRunner,
    setupOrg,
    StepFailure,
    type Command,
    type CommandResult,
    type Runner
} from '..';

import { UsageError } from '../../shared/command';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** A runner that records commands and answers them from a script of results. */
function fakeRunner(
    answer: (command: Command) => CommandResult = () => ({ status: 0, stdout: '' })
): {
    run: Runner;
    commands: string[];
} {
    const commands: string[] = [];
    return {
        commands,
        run: (command) => {
            commands.push(commandText(command));
            return Promise.resolve(answer(command));
        }
    };
}

const counting =
    (totalSize: number) =>
    (command: Command): CommandResult =>
        command.args.includes('query')
            ? {
                  status: 0,
                  stdout: JSON.stringify({ status: 0, result: { totalSize, records: [] } })
              }
            : { status: 0, stdout: '' };

function failure(promise: Promise<unknown>): Promise<StepFailure | UsageError> {
    return promise.then(
        () => {
            throw new Error('the script did not fail');
        },
        (error: unknown) => {
            if (error instanceof StepFailure || error instanceof UsageError) {
                return error;
            }
            throw error;
        }
    );
}

describe('org script options', () => {
    it('create a scratch org for 7 days and set it up by default', () => {
        expect(parseOrgArgs(['create', '--alias', 'calendly-dev'])).toEqual({
            command: 'create',
            options: { alias: 'calendly-dev', durationDays: 7, setup: true, sampleData: true }
        });
        expect(
            parseOrgArgs([
                'create',
                '-a',
                'ci',
                '--dev-hub',
                'hub',
                '--duration-days',
                '1',
                '--skip-sample-data'
            ])
        ).toEqual({
            command: 'create',
            options: { alias: 'ci', devHub: 'hub', durationDays: 1, setup: true, sampleData: false }
        });
    });

    it.each([
        [['setup'], '--target-org is required, e.g. --target-org calendly-dev.'],
        [
            ['delete', '--target-org', 'my org'],
            '--target-org "my org" is not an alias or username: use letters, digits and . _ - @ only.'
        ],
        [
            ['create', '--alias', 'x', '--duration-days', '31'],
            '--duration-days "31" must be a whole number from 1 to 30.'
        ],
        [['package-version', '--wait', '0'], '--wait "0" must be a whole number from 1 to 1440.'],
        [
            ['start'],
            'Unknown command "start": use create, setup, delete or package-version (npm run org:create, org:setup, org:delete, package:version).'
        ]
    ])('refuse %j, naming the option', (args, message) => {
        expect(() => parseOrgArgs(args)).toThrow(message);
    });
});

describe('npm run org:setup', () => {
    it('assigns the package permission sets, and those of the unpackaged directory', () => {
        expect(permissionSetNames(REPO_ROOT)).toEqual(
            expect.arrayContaining(['Calendly_Links_Admin', 'Calendly_Links_Reader'])
        );
    });

    it('deploys, assigns the permission sets, creates the sample user, then loads the sample links', async () => {
        const { run, commands } = fakeRunner(counting(0));
        await setupOrg(
            REPO_ROOT,
            { targetOrg: 'calendly-dev', sampleData: true },
            run,
            () => undefined
        );
        expect(commands).toEqual([
            'tsx scripts/deploy/cli.ts --target-org calendly-dev --include-unpackaged',
            `sf org assign permset ${permissionSetNames(REPO_ROOT)
                .map((name) => `--name ${name}`)
                .join(' ')} --target-org calendly-dev`,
            `sf data query --query "SELECT COUNT() FROM User WHERE Email = 'ada.lovelace@example.com' AND IsActive = true" --target-org calendly-dev --json`,
            'sf org create user --definition-file config/users/ada-lovelace.user-def.json --set-unique-username --target-org calendly-dev',
            'sf data query --query "SELECT COUNT() FROM CalendlyLink__c" --target-org calendly-dev --json',
            'sf data import tree --plan config/sample-data/plan.json --target-org calendly-dev'
        ]);
    });

    it('skips the user and the links an org already has, so it can run again', async () => {
        const { run, commands } = fakeRunner(counting(1));
        const log: string[] = [];
        await setupOrg(REPO_ROOT, { targetOrg: 'calendly-dev', sampleData: true }, run, (line) =>
            log.push(line)
        );
        expect(commands.filter((command) => /create user|import tree/.test(command))).toEqual([]);
        expect(log).toContain(
            '  the sample user ada.lovelace@example.com: already there, skipped.'
        );
        expect(log).toContain('  Calendly links: already there, skipped.');
    });

    it('stops at a failed step with its exit code and what to run again', async () => {
        const { run, commands } = fakeRunner((command) => ({
            status: command.program === 'script' ? 3 : 0,
            stdout: ''
        }));
        const error = await failure(
            setupOrg(
                REPO_ROOT,
                { targetOrg: 'calendly-dev', sampleData: false },
                run,
                () => undefined
            )
        );
        expect(commands).toHaveLength(1);
        expect(error).toBeInstanceOf(StepFailure);
        expect(error instanceof StepFailure && error.status).toBe(3);
        expect(error.message).toBe(
            'tsx scripts/deploy/cli.ts --target-org calendly-dev --include-unpackaged failed (exit 3). Fix what it reports, then run npm run org:setup -- --target-org calendly-dev again: the steps already done are skipped or harmless to repeat.'
        );
    });

    it('refuses a query answer it cannot read rather than guessing', async () => {
        const { run } = fakeRunner((command) => ({
            status: 0,
            stdout: command.args.includes('query') ? 'Warning: something' : ''
        }));
        const error = await failure(
            setupOrg(REPO_ROOT, { targetOrg: 'o', sampleData: false }, run, () => undefined)
        );
        expect(error.message).toMatch(
            /^sf data query .* answered something that is not the JSON it should/
        );
    });
});

describe('npm run org:create and org:delete', () => {
    it('creates the scratch org from the project definition, then sets it up', async () => {
        const { run, commands } = fakeRunner(counting(0));
        await createScratchOrg(
            REPO_ROOT,
            { alias: 'ci', devHub: 'hub', durationDays: 1, setup: true, sampleData: false },
            run,
            () => undefined
        );
        expect(commands[0]).toBe(
            'sf org create scratch --definition-file config/project-scratch-def.json --alias ci --duration-days 1 --wait 20 --target-dev-hub hub'
        );
        expect(commands[1]).toBe('tsx scripts/deploy/cli.ts --target-org ci --include-unpackaged');
        expect(commands.some((command) => command.includes('import tree'))).toBe(false);
    });

    it('deletes without a prompt', async () => {
        const { run, commands } = fakeRunner();
        await deleteScratchOrg('ci', run, () => undefined);
        expect(commands).toEqual(['sf org delete scratch --target-org ci --no-prompt']);
    });
});

describe('npm run package:version', () => {
    let root: string;

    beforeEach(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), 'package-version-'));
        fs.cpSync(path.join(REPO_ROOT, 'config'), path.join(root, 'config'), { recursive: true });
        fs.mkdirSync(path.join(root, 'force-app/main/default/classes'), { recursive: true });
    });

    afterEach(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    function project(aliases?: Record<string, string>): void {
        const config = JSON.parse(
            fs.readFileSync(path.join(REPO_ROOT, 'sfdx-project.json'), 'utf8')
        ) as Record<string, unknown>;
        fs.writeFileSync(
            path.join(root, 'sfdx-project.json'),
            JSON.stringify({ ...config, ...(aliases ? { packageAliases: aliases } : {}) })
        );
    }

    it('refuses until the package exists in the Dev Hub, saying how to create it', () => {
        project();
        expect(() => packageVersionArgs(root, { waitMinutes: 60 })).toThrow(
            'sfdx-project.json has no packageAliases entry for "Calendly Links". Create the package once in the Dev Hub that owns the namespace: sf package create --name "Calendly Links" --package-type Managed --path force-app --target-dev-hub HUB (it adds the alias), then commit sfdx-project.json.'
        );
    });

    it('builds, then creates a managed version with code coverage and the post-install class', async () => {
        project({ 'Calendly Links': '0Ho000000000001AAA' });
        fs.writeFileSync(
            path.join(root, 'force-app/main/default/classes/CalendlyPostInstall.cls'),
            ''
        );
        const { run, commands } = fakeRunner();
        await createPackageVersion(
            root,
            { waitMinutes: 90, devHub: 'hub', tag: 'v2.3.0' },
            run,
            () => undefined
        );
        expect(commands).toEqual([
            'tsx scripts/build/cli.ts',
            'sf package version create --package "Calendly Links" --installation-key-bypass --code-coverage --definition-file config/project-scratch-def.json --post-install-script CalendlyPostInstall --wait 90 --tag v2.3.0 --target-dev-hub hub'
        ]);
    });

    it('does not create the version when the build fails', async () => {
        project({ 'Calendly Links': '0Ho000000000001AAA' });
        const { run, commands } = fakeRunner(() => ({ status: 1, stdout: '' }));
        const error = await failure(
            createPackageVersion(root, { waitMinutes: 60 }, run, () => undefined)
        );
        expect(commands).toEqual(['tsx scripts/build/cli.ts']);
        expect(error.message).toMatch(/^tsx scripts\/build\/cli\.ts failed \(exit 1\)/);
    });
});

describe('the process runner', () => {
    it('runs the project scripts with tsx in the safe sf environment, capturing output when asked', async () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-'));
        try {
            fs.symlinkSync(
                path.join(REPO_ROOT, 'node_modules'),
                path.join(root, 'node_modules'),
                // A junction on Windows, where a directory symlink needs privileges.
                'junction'
            );
            fs.writeFileSync(
                path.join(root, 'env.ts'),
                "console.log(JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith('SF_')))));\nprocess.exitCode = 7;\n"
            );
            const result = await processRunner(root)(
                { program: 'script', file: 'env.ts', args: [] },
                { capture: true }
            );
            expect(result.status).toBe(7);
            expect(JSON.parse(result.stdout)).toMatchObject({
                SF_DISABLE_AUTOUPDATE: 'true',
                SF_AUTOUPDATE_DISABLE: 'true',
                SF_DISABLE_TELEMETRY: 'true'
            });
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
