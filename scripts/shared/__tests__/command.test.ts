import {
    closest,
    parseCommandLine,
    runCommand,
    synopsis,
    usage,
    UsageError,
    type CommandSpec
} from '../command';

const spec = {
    command: 'npm run try',
    description: 'Tries things.',
    positionals: { synopsis: 'FILE', min: 1, max: 1, what: 'one file to try' },
    options: {
        json: { type: 'boolean', description: 'print JSON' },
        data: { type: 'string', value: 'FILE', short: 'd', description: 'the data file' },
        rule: { type: 'string', value: 'ID', multiple: true, description: 'a rule, repeatable' },
        'dev-hub': {
            type: 'string',
            value: 'HUB',
            aliases: ['target-dev-hub'],
            description: 'the Dev Hub'
        }
    },
    json: true,
    exitCodes: { 0: 'done', 1: 'found something', 2: 'bad usage', 3: 'a bug of the tooling' }
} as const satisfies CommandSpec;

const required = {
    command: 'npm run make',
    description: 'Makes a thing.',
    options: {
        name: {
            type: 'string',
            value: 'NAME',
            required: { example: 'Thing' },
            description: 'its name'
        }
    },
    exitCodes: { 0: 'made', 2: 'bad usage' }
} as const satisfies CommandSpec;

function refusal(args: readonly string[], command: CommandSpec = spec): string {
    try {
        parseCommandLine(command, args);
    } catch (error: unknown) {
        if (error instanceof UsageError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('the command line was accepted');
}

/** Runs a command with captured output. */
async function run(
    args: readonly string[],
    main: () => number | Promise<number>,
    options: { exitCodeOf?: (error: Error) => number | undefined } = {}
): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCommand(spec, args, main, {
        ...options,
        stdout: (text) => (out += text),
        stderr: (text) => (err += text)
    });
    return { code, out, err };
}

describe('the command line of every command', () => {
    it('reads options in every spelling: separate and inline values, short names, aliases, repeats', () => {
        const parsed = parseCommandLine(spec, [
            'a.json',
            '--json',
            '-d',
            'data.json',
            '--rule=one',
            '--rule',
            'two',
            '--target-dev-hub',
            'hub'
        ]);
        expect(parsed).toEqual({
            positionals: ['a.json'],
            values: { json: true, data: 'data.json', rule: ['one', 'two'], 'dev-hub': 'hub' }
        });
    });

    it('gives defaults to options not given: off, no value, an empty list', () => {
        expect(parseCommandLine(spec, ['a.json'])).toEqual({
            positionals: ['a.json'],
            values: { json: false, data: undefined, rule: [], 'dev-hub': undefined }
        });
    });

    it('takes a negative number as the value of the option before it, for the command to judge', () => {
        const numbers = {
            ...required,
            options: { order: { type: 'string', value: 'N', description: 'an order' } }
        } satisfies CommandSpec;
        expect(parseCommandLine(numbers, ['--order', '-5'])).toEqual({
            positionals: [],
            values: { order: '-5' }
        });
    });

    it('answers help before checking anything else', () => {
        expect(parseCommandLine(spec, ['--help'])).toBe('help');
        expect(parseCommandLine(required, ['--help'])).toBe('help');
    });

    it.each([
        [
            ['a.json', '--jsn'],
            'npm run try: unknown option --jsn (did you mean --json?). Run npm run try -- --help for the options.'
        ],
        [
            ['a.json', '--colour'],
            'npm run try: unknown option --colour. Run npm run try -- --help for the options.'
        ],
        [
            ['a.json', '--target'],
            'npm run try: unknown option --target (did you mean --target-dev-hub?). Run npm run try -- --help for the options.'
        ],
        [
            ['a.json', '--data'],
            'npm run try: --data needs a value (--data FILE). Run npm run try -- --help for the options.'
        ],
        [
            ['a.json', '--data', '--json'],
            'npm run try: --data needs a value (--data FILE). Run npm run try -- --help for the options.'
        ],
        [
            ['a.json', '--json=yes'],
            'npm run try: --json is a switch and takes no value (--json=yes). Run npm run try -- --help for the options.'
        ],
        [
            ['a.json', '-d', 'x', '--data', 'y'],
            'npm run try: --data is given twice; give it once. Run npm run try -- --help for the options.'
        ],
        [[], 'npm run try: give one file to try. Run npm run try -- --help for the options.'],
        [
            ['a.json', 'b.json'],
            'npm run try: give one file to try, not also "b.json". Run npm run try -- --help for the options.'
        ]
    ])('refuses %j with one line naming the option or argument', (args, message) => {
        expect(refusal(args)).toBe(message);
    });

    it('refuses a missing required option with an example, and an argument a command does not take', () => {
        expect(refusal([], required)).toBe(
            'npm run make: --name is required, e.g. --name Thing. Run npm run make -- --help for the options.'
        );
        expect(refusal(['--name', 'A', 'extra'], required)).toBe(
            'npm run make takes no argument, and "extra" is not an option. Run npm run make -- --help for the options.'
        );
    });

    it('refuses an unknown subcommand, naming the one that was meant', () => {
        const parent = { ...required, options: {}, subcommands: ['flow'] } satisfies CommandSpec;
        expect(refusal(['flows', '--name', 'X'], parent)).toBe(
            'npm run make: unknown command "flows" (did you mean flow?); its commands are flow. Run npm run make -- --help for the options.'
        );
    });

    it('suggests only a name close enough to be meant', () => {
        expect(closest('jsn', ['json', 'quiet'])).toBe('json');
        expect(closest('dry', ['dry-run', 'data'])).toBe('dry-run');
        expect(closest('xyz', ['json', 'quiet'])).toBeUndefined();
    });

    it('writes the help from the spec: usage line, description, options with their aliases, exit codes', () => {
        expect(synopsis(spec)).toBe(
            'npm run try -- FILE [--json] [--data FILE] [--rule ID]... [--dev-hub HUB]'
        );
        expect(synopsis(required)).toBe('npm run make -- --name NAME');
        const help = usage(spec);
        expect(help.split('\n')).toEqual([
            'Usage: npm run try -- FILE [--json] [--data FILE] [--rule ID]... [--dev-hub HUB]',
            '',
            'Tries things.',
            '',
            '  --json                    print JSON',
            '  -d, --data FILE           the data file',
            '  --rule ID                 a rule, repeatable',
            '  --dev-hub HUB, --target-dev-hub HUB',
            '                            the Dev Hub',
            '  --help                    show this help',
            '',
            'Exit code: 0 done, 1 found something, 2 bad usage, 3 a bug of the tooling.'
        ]);
    });
});

describe('how a command ends', () => {
    it('exits with what the command returns, and prints the help for --help without running it', async () => {
        expect((await run(['a.json'], () => 1)).code).toBe(1);
        const help = await run(['--help'], () => {
            throw new Error('must not run');
        });
        expect(help.code).toBe(0);
        expect(help.out).toContain('Usage: npm run try -- FILE');
    });

    it('exits 2 on a usage mistake with its one line on stderr and no stack trace', async () => {
        const result = await run(['a.json', '--jsn'], () => 0);
        expect(result).toEqual({
            code: 2,
            out: '',
            err: 'npm run try: unknown option --jsn (did you mean --json?). Run npm run try -- --help for the options.\n'
        });
    });

    it('exits with the code the command gives its own errors, printing only their message', async () => {
        class ScenarioProblem extends Error {}
        const result = await run(
            ['a.json'],
            () => {
                throw new ScenarioProblem('a.json: steps[0]: unknown object "Contact".');
            },
            { exitCodeOf: (error) => (error instanceof ScenarioProblem ? 2 : undefined) }
        );
        expect(result).toEqual({
            code: 2,
            out: '',
            err: 'a.json: steps[0]: unknown object "Contact".\n'
        });
    });

    it('says a crash is a bug of the tooling and where to report it, with the stack, and exits 3', async () => {
        const result = await run(['a.json'], () => {
            throw new TypeError("Cannot read properties of undefined (reading 'x')");
        });
        expect(result.code).toBe(3);
        expect(result.out).toBe('');
        expect(result.err).toMatch(
            /^npm run try stopped on an unexpected error: Cannot read properties of undefined \(reading 'x'\)\nThis is a bug of the tooling, not a mistake of yours: please report it \(README, "Reporting a problem"\)/
        );
        expect(result.err).toContain('TypeError: Cannot read');
        expect(result.err).toMatch(/\n {4}at /);
    });

    it('with --json, prints errors as JSON on stdout and keeps the exit code', async () => {
        const usageMistake = await run(['a.json', '--json', '--jsn'], () => 0);
        expect(usageMistake.code).toBe(2);
        expect(usageMistake.err).toBe('');
        expect(JSON.parse(usageMistake.out)).toEqual({
            error: {
                exitCode: 2,
                message:
                    'npm run try: unknown option --jsn (did you mean --json?). Run npm run try -- --help for the options.'
            }
        });
        const crash = await run(['a.json', '--json'], () => {
            throw new Error('boom');
        });
        expect(crash.code).toBe(3);
        expect(JSON.parse(crash.out)).toMatchObject({ error: { exitCode: 3 } });
        expect(crash.err).toContain('Error: boom');
    });
});
