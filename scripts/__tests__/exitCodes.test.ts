import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../commands';
import { copyOfProject, REPOSITORY_ROOT } from '../shared/testProject';

/**
 * Every exit code a command documents is produced by a test: here, by running the command as a
 * user would, in a temporary copy of the project; or, where it takes an org, a browser or a bug
 * to produce, by the named test elsewhere.
 */

interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** Where a code is produced by a test of another file: the file and the test's title. */
type ShownElsewhere = readonly [file: string, title: string];

const SHARED = 'scripts/shared/__tests__/command.test.ts';
const CRASH: ShownElsewhere = [SHARED, 'says a crash is a bug of the tooling'];
const RUNTIME_CLI = 'scripts/runtime/__tests__/cli.test.ts';
const VALIDATE_CLI = 'scripts/validate/__tests__/cli.test.ts';
const DEPLOY = 'scripts/deploy/__tests__/deploy.test.ts';
const ORG = 'scripts/scratch-org/__tests__/org.test.ts';
const FLOW_COPY_CLI = 'scripts/generate/__tests__/flowCopyCli.test.ts';
const CORPUS = 'scripts/corpus/__tests__/corpus.test.ts';

/** The exit codes shown by tests of other files, by command and code. */
const SHOWN_ELSEWHERE: Readonly<Record<string, Readonly<Record<number, ShownElsewhere>>>> = {
    start: { 0: [RUNTIME_CLI, 'start prints who got which link'], 3: CRASH },
    simulate: {
        0: [RUNTIME_CLI, 'simulate --json prints exactly the steps and the data'],
        1: [RUNTIME_CLI, 'simulate exits 1 naming the expectation that failed'],
        3: CRASH
    },
    'flow:test': { 0: [RUNTIME_CLI, 'flow:test reports each test and writes JUnit XML'], 3: CRASH },
    apex: { 3: CRASH },
    'apex -- exec': { 3: CRASH },
    'apex:test': { 3: CRASH },
    generate: { 3: CRASH },
    'preview -- record': { 3: CRASH },
    'generate -- flow': {
        0: [FLOW_COPY_CLI, 'writes the copy, says what it wrote and what to do next, and exits 0'],
        2: [FLOW_COPY_CLI, 'exits 2 with the reason when it refuses, writing nothing'],
        3: CRASH
    },
    validate: {
        0: [VALIDATE_CLI, 'exits 0 and prints the findings as JSON with --json'],
        1: [VALIDATE_CLI, 'exits 1 on errors and prints them line by line'],
        2: [VALIDATE_CLI, 'exits 2 with a clear message when the directory is not'],
        3: CRASH
    },
    corpus: {
        0: [CORPUS, 'surveys each project, counting errors, crashes and flows, and exits 0'],
        2: [CORPUS, 'exits 2 when DIR is not a folder or holds no sfdx project'],
        3: CRASH
    },
    build: { 3: CRASH },
    deploy: {
        0: [DEPLOY, 'deploys the package, reports progress, and succeeds'],
        1: [DEPLOY, 'reports a component the org refuses with its source file, line and column'],
        2: [
            'scripts/deploy/__tests__/cli.test.ts',
            'refuses bad options before looking for the org, exits 2'
        ],
        3: [DEPLOY, 'stops waiting when --wait runs out, giving the deploy id to follow it'],
        4: [
            DEPLOY,
            'refuses a login the org no longer accepts (exit 2), and tells a network failure apart (exit 4)'
        ]
    },
    'org:create': {
        0: [ORG, 'creates the scratch org from the project definition, then sets it up'],
        1: [ORG, 'stops at a failed step with its exit code and what to run again'],
        3: CRASH
    },
    'org:setup': {
        0: [
            ORG,
            'deploys, assigns the permission sets, creates the sample user, then loads the sample links'
        ],
        1: [ORG, 'stops at a failed step with its exit code and what to run again'],
        3: CRASH
    },
    'org:delete': {
        0: [ORG, 'deletes without a prompt'],
        1: [ORG, 'stops at a failed step'],
        3: CRASH
    },
    'package:version': {
        0: [
            ORG,
            'builds, then creates a managed version with code coverage and the post-install class'
        ],
        1: [ORG, 'does not create the version when the build fails'],
        3: CRASH
    },
    preview: {
        0: [
            'scripts/preview/__tests__/preview.test.ts',
            'stops with exit code 0 on SIGTERM, as Ctrl+C stops it'
        ],
        3: CRASH
    },
    bench: { 3: CRASH },
    'bench:apex': { 3: CRASH },
    'bench:sync': { 3: CRASH },
    'bench:validate': { 3: CRASH }
};

const TSX = path.join(REPOSITORY_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** The script file and first arguments an npm script runs, read from package.json. */
function scriptOf(name: string): readonly string[] {
    const { scripts } = JSON.parse(
        fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')
    ) as { scripts: Record<string, string> };
    const words = (scripts[name] ?? '').split(/\s+/);
    const file = words.findIndex((word) => word.endsWith('.ts'));
    if (file < 0) {
        throw new Error(`package.json has no script ${name} that runs a TypeScript file`);
    }
    return [path.join(REPOSITORY_ROOT, words[file] ?? ''), ...words.slice(file + 1)];
}

/** `npm run NAME -- ARGS` in cwd, as npm starts it (tsx), without npm's own banner. */
function npmRun(
    name: string,
    args: readonly string[],
    cwd: string,
    env: NodeJS.ProcessEnv = {}
): Run {
    const result = spawnSync(process.execPath, [TSX, ...scriptOf(name), ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, ...env }
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Changes a generated file of the copy, as a hand edit would. */
function makeTemplateStale(project: string): void {
    fs.appendFileSync(
        path.join(
            project,
            'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml'
        ),
        '\n'
    );
}

/** Makes the copy's sync write every link it reads, changed or not, as a defect would. */
function writeEveryLink(project: string): void {
    const file = path.join(project, 'force-app/main/default/classes/CalendlyLinkMapper.cls');
    const signature =
        'public static Boolean differs(CalendlyLink__c stored, CalendlyLink__c incoming) {';
    const source = fs.readFileSync(file, 'utf8');
    if (!source.includes(signature)) {
        throw new Error(`CalendlyLinkMapper.cls no longer has ${signature}`);
    }
    fs.writeFileSync(
        file,
        source.replace(signature, `${signature}\n        if (stored != null) { return true; }`)
    );
}

/** A project of one object beside the copy, quick to validate and convert. */
function smallProject(project: string): string {
    const small = path.join(project, 'small');
    const object = 'force-app/main/default/objects/CalendlyLink__c';
    fs.cpSync(path.join(project, object), path.join(small, object), { recursive: true });
    fs.writeFileSync(
        path.join(small, 'sfdx-project.json'),
        JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '66.0'
        })
    );
    return small;
}

/** The codes this file produces, each with the run that produces it and what it must say. */
interface Case {
    readonly command: string;
    readonly code: number;
    readonly title: string;
    readonly run: (project: string) => Run;
    readonly says: RegExp;
}

const CASES: readonly Case[] = [
    {
        command: 'start',
        code: 1,
        title: 'a sync that writes links when nothing changed',
        run: (project) => {
            writeEveryLink(project);
            return npmRun('start', [], project);
        },
        says: /unchanged: \d+ link row\(s\) written, not none/
    },
    {
        command: 'start',
        code: 2,
        title: 'an option it does not take',
        run: (project) => npmRun('start', ['--jsn'], project),
        says: /^npm start: unknown option --jsn \(did you mean --json\?\)\. Run npm start -- --help for the options\.\n$/
    },
    {
        command: 'simulate',
        code: 2,
        title: 'a directory instead of a scenario file',
        run: (project) => npmRun('simulate', ['scripts'], project),
        says: /^scripts is a directory; give a scenario file \(\*\.scenario\.json\)\.\n$/
    },
    {
        command: 'flow:test',
        code: 1,
        title: 'a FlowTest that fails against other org data',
        run: (project) => {
            fs.writeFileSync(path.join(project, 'no-users.json'), '{"data": {"User": []}}');
            return npmRun('flow:test', ['--data', 'no-users.json'], project);
        },
        says: /FAIL MapUserCalendlyLinkTemplate > MapUserCalendlyLinkTemplate_MapsActiveUser/
    },
    {
        command: 'flow:test',
        code: 2,
        title: 'a data file that does not exist',
        run: (project) => npmRun('flow:test', ['--data', 'missing.json'], project),
        says: /^missing\.json: no such file; give a data file/
    },
    {
        command: 'apex',
        code: 2,
        title: 'no command named',
        run: (project) => npmRun('apex', [], project),
        says: /^npm run apex: name a command: exec\. See npm run apex -- --help\.\n$/
    },
    {
        command: 'apex -- exec',
        code: 0,
        title: 'Apex that runs to its end',
        run: (project) => {
            fs.writeFileSync(path.join(project, 'hello.apex'), "System.debug('hello');\n");
            return npmRun('apex', ['exec', 'hello.apex'], project);
        },
        says: /^USER_DEBUG\|\[1\]\|DEBUG\|hello\n$/
    },
    {
        command: 'apex -- exec',
        code: 1,
        title: 'an exception nothing caught',
        run: (project) => {
            fs.writeFileSync(
                path.join(project, 'divide.apex'),
                'Integer zero = 0;\nSystem.debug(1 / zero);\n'
            );
            return npmRun('apex', ['exec', 'divide.apex'], project);
        },
        says: /^FATAL_ERROR\|System\.MathException: Divide by 0\n$/
    },
    {
        command: 'apex -- exec',
        code: 2,
        title: 'a platform method the embedded org does not implement',
        run: (project) => {
            fs.writeFileSync(path.join(project, 'batch.apex'), 'Database.executeBatch(null);\n');
            return npmRun('apex', ['exec', 'batch.apex'], project);
        },
        says: /^batch\.apex:1: the method Database\.executeBatch is not supported by the embedded org\n$/
    },
    {
        command: 'apex:test',
        code: 0,
        title: 'a test class whose tests pass',
        run: (project) => npmRun('apex:test', ['--class', 'CalendlyLinkMapper_Tests'], project),
        says: /\n7 test methods in the fresh org: 7 passed, 0 failed, 0 could not run\n/
    },
    {
        command: 'apex:test',
        code: 1,
        title: 'a test whose assertion fails',
        run: (project) => {
            const file = path.join(
                project,
                'force-app/main/default/classes/CalendlyLinkMapper_Tests.cls'
            );
            fs.writeFileSync(
                file,
                fs
                    .readFileSync(file, 'utf8')
                    .replace("'Ada Lovelace · Profile'", "'Somebody Else · Profile'")
            );
            return npmRun('apex:test', ['--class', 'CalendlyLinkMapper_Tests'], project);
        },
        says: /FAIL {2}CalendlyLinkMapper_Tests\.it_should_make_a_profile_link_from_a_member: System\.AssertException: Assertion Failed: .*Expected: Somebody Else · Profile, Actual: Ada Lovelace · Profile/
    },
    {
        command: 'apex:test',
        code: 2,
        title: 'a class that is not a test class',
        run: (project) => npmRun('apex:test', ['--class', 'CalendlyLinkMapper'], project),
        says: /^CalendlyLinkMapper is not a test class of the project \(a top-level class annotated @IsTest\)\.\n$/
    },
    {
        command: 'generate',
        code: 0,
        title: 'a check of generated files that are current',
        run: (project) => npmRun('generate', ['--check'], project),
        says: /Generated metadata is up to date\./
    },
    {
        command: 'generate',
        code: 1,
        title: 'a check that finds a stale generated file',
        run: (project) => {
            makeTemplateStale(project);
            return npmRun('generate', ['--check'], project);
        },
        says: /1 generated file\(s\) are stale\./
    },
    {
        command: 'generate',
        code: 2,
        title: 'a subcommand misspelt',
        run: (project) => npmRun('generate', ['flows', '--name', 'X'], project),
        says: /unknown command "flows" \(did you mean flow\?\)/
    },
    {
        command: 'build',
        code: 0,
        title: 'a build of the project',
        run: (project) => npmRun('build', [], project),
        says: /dist\/calendly-links\.zip/
    },
    {
        command: 'build',
        code: 1,
        title: 'a build with a stale generated file',
        run: (project) => {
            makeTemplateStale(project);
            return npmRun('build', [], project);
        },
        says: /differ from scripts\/metadata: run npm run generate/
    },
    {
        command: 'build',
        code: 2,
        title: 'a build of a folder that is not a project',
        run: (project) => {
            fs.rmSync(path.join(project, 'sfdx-project.json'));
            return npmRun('build', [], project);
        },
        says: /has no sfdx-project\.json/
    },
    {
        command: 'org:create',
        code: 2,
        title: 'a Dev Hub without the alias of the org to create',
        run: (project) => npmRun('org:create', ['--target-dev-hub', 'devhub'], project),
        says: /^npm run org:create: --alias is required, e.g\. --alias calendly-dev\./
    },
    {
        command: 'org:setup',
        code: 2,
        title: 'no target org',
        run: (project) => npmRun('org:setup', [], project),
        says: /--target-org is required/
    },
    {
        command: 'org:delete',
        code: 2,
        title: 'an alias that cannot be one',
        run: (project) => npmRun('org:delete', ['--target-org', 'my org'], project),
        says: /is not an alias or username/
    },
    {
        command: 'package:version',
        code: 2,
        title: 'a wait out of range',
        run: (project) => npmRun('package:version', ['--wait', '0'], project),
        says: /--wait "0" must be a whole number from 1 to 1440\./
    },
    {
        command: 'preview',
        code: 2,
        title: 'a PORT that is not a port',
        run: (project) => npmRun('preview', [], project, { PORT: 'http' }),
        says: /^PORT=http is not a port: use a whole number from 0 to 65535\./
    },
    {
        command: 'preview -- record',
        code: 0,
        title: '--check on answers that are what the controller answers',
        run: (project) => npmRun('preview', ['record', '--check'], project),
        says: /^The recorded answers are what the controller answers\./
    },
    {
        command: 'preview -- record',
        code: 1,
        title: '--check on an answer edited by hand',
        run: (project) => {
            fs.writeFileSync(
                path.join(
                    project,
                    'force-app/main/default/lwc/calendlyIntegration/__tests__/data/runFailed.json'
                ),
                '{}\n'
            );
            return npmRun('preview', ['record', '--check'], project);
        },
        says: /__tests__\/data\/runFailed\.json: different - run `npm run preview -- record`/
    },
    {
        command: 'preview -- record',
        code: 2,
        title: 'an option it does not take',
        run: (project) => npmRun('preview', ['record', '--chek'], project),
        says: /--chek/
    },
    {
        command: 'bench',
        code: 0,
        title: 'a small benchmark',
        run: (project) => npmRun('bench', ['--sizes', '200,400'], project),
        says: /2\.0x the links took [\d.]+x the time\./
    },
    {
        command: 'bench',
        code: 2,
        title: 'sizes that are not numbers',
        run: (project) => npmRun('bench', ['--sizes', 'ten'], project),
        says: /--sizes "ten" must be whole numbers/
    },
    {
        command: 'bench:apex',
        code: 0,
        title: 'a short loop after the package tests',
        run: (project) => npmRun('bench:apex', ['--iterations', '1000'], project),
        says: /A CPU-bound loop of 1,000 iterations/
    },
    {
        command: 'bench:apex',
        code: 2,
        title: 'iterations that are not a number',
        run: (project) => npmRun('bench:apex', ['--iterations', 'many'], project),
        says: /^--iterations "many" must be a whole number/
    },
    {
        command: 'bench:sync',
        code: 0,
        title: 'a small team',
        run: (project) => npmRun('bench:sync', ['--members', '30'], project),
        says: /Every sync made the minimum of Calendly requests, and the unchanged one wrote nothing\./
    },
    {
        command: 'bench:sync',
        code: 1,
        title: 'a sync that writes links when nothing changed',
        run: (project) => {
            writeEveryLink(project);
            return npmRun('bench:sync', ['--members', '30'], project);
        },
        says: /the unchanged sync of 30 members wrote \d+ link row\(s\), not none/
    },
    {
        command: 'bench:sync',
        code: 2,
        title: 'members that are not numbers',
        run: (project) => npmRun('bench:sync', ['--members', 'ten'], project),
        says: /^--members "ten" must be whole numbers/
    },
    {
        command: 'bench:validate',
        code: 0,
        title: 'one run of each command on a small project',
        run: (project) => npmRun('bench:validate', [smallProject(project), '--runs', '1'], project),
        says: /validate \/ convert \(medians\): [\d.]+/
    },
    {
        command: 'bench:validate',
        code: 1,
        title: 'a project that the validator refuses',
        run: (project) => {
            const small = smallProject(project);
            fs.writeFileSync(path.join(small, 'sfdx-project.json'), '{');
            return npmRun('bench:validate', [small, '--runs', '1'], project);
        },
        says: /is not valid JSON/
    },
    {
        command: 'bench:validate',
        code: 2,
        title: 'runs that are not a number',
        run: (project) => npmRun('bench:validate', ['--runs', '0'], project),
        says: /--runs expects a positive whole number, not 0\./
    }
];

const projects: string[] = [];
afterAll(() => {
    for (const project of projects) {
        fs.rmSync(project, { recursive: true, force: true });
    }
});

describe('every documented exit code is produced by a test', () => {
    it.each(Object.entries(COMMANDS))('%s: each of its exit codes has a test', (name, spec) => {
        const here = CASES.filter((test) => test.command === name).map((test) => test.code);
        const elsewhere = Object.keys(SHOWN_ELSEWHERE[name] ?? {}).map(Number);
        expect([...new Set([...here, ...elsewhere])].sort()).toEqual(
            Object.keys(spec.exitCodes).map(Number).sort()
        );
    });

    it('names tests that exist', () => {
        for (const [name, codes] of Object.entries(SHOWN_ELSEWHERE)) {
            for (const [code, [file, title]] of Object.entries(codes)) {
                const source = fs.readFileSync(path.join(REPOSITORY_ROOT, file), 'utf8');
                expect({ name, code, file, found: source.includes(title) }).toEqual({
                    name,
                    code,
                    file,
                    found: true
                });
            }
        }
    });

    it.each(CASES.map((test) => [test.command, test.code, test.title, test] as const))(
        '%s exits %i on %s',
        (_command, code, _title, test) => {
            const project = copyOfProject([
                'scripts/runtime/scenarios',
                'scripts/runtime/flowtest.data.json'
            ]);
            projects.push(project);
            const result = test.run(project);
            expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({
                status: code,
                output: expect.stringMatching(test.says) as string
            });
            expect(result.stderr).not.toMatch(/\n {4}at /);
        },
        120_000
    );
});
