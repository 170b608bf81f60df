import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS } from '../commands';
import { parseCommandLine, type CommandSpec } from '../shared/command';
import { copyOfProject, REPOSITORY_ROOT } from '../shared/testProject';
import { markdownTables, sfCommands, shownCommands, type ShownCommand } from './readmeCommands';

/**
 * The README is the newcomer's path and a contract: every command it shows exists and takes the
 * options it is shown with, and it documents each command's exit codes as the command gives
 * them. The runtime's README is held to the same.
 */
const READMES = ['README.md', 'scripts/runtime/README.md'];
const README = path.join(REPOSITORY_ROOT, 'README.md');

const { scripts } = JSON.parse(
    fs.readFileSync(path.join(REPOSITORY_ROOT, 'package.json'), 'utf8')
) as { scripts: Record<string, string> };

/** npm's own commands a README may show, which need no script. */
const NPM_COMMANDS = new Set(['ci', 'install', 'i']);

interface NpmRun {
    readonly shown: ShownCommand;
    readonly file: string;
    /** The npm script, or npm's own command. */
    readonly script: string;
    /** npm's own options before the script, e.g. -s. */
    readonly npmOptions: readonly string[];
    /** What the script is given: the words after `--`. */
    readonly args: readonly string[];
    /** Words given after the script without `--`, which npm would take for itself. */
    readonly unseparated: readonly string[];
}

function npmRunOf(shown: ShownCommand, file: string): NpmRun | undefined {
    const words = shown.words.filter((word, index, all) =>
        all.slice(0, index + 1).every((before) => /^[A-Z_]+=/.test(before))
            ? !/^[A-Z_]+=/.test(word)
            : true
    );
    if (words[0] !== 'npm') {
        return undefined;
    }
    const npmOptions: string[] = [];
    let index = 1;
    while (words[index]?.startsWith('-')) {
        npmOptions.push(words[index++] ?? '');
    }
    let script = words[index++] ?? '';
    if (script === 'run' || script === 'run-script') {
        while (words[index]?.startsWith('-')) {
            npmOptions.push(words[index++] ?? '');
        }
        script = words[index++] ?? '';
    }
    const rest = words.slice(index);
    const separator = rest.indexOf('--');
    return {
        shown,
        file,
        script,
        npmOptions,
        args: separator < 0 ? [] : rest.slice(separator + 1),
        unseparated: separator < 0 ? rest : rest.slice(0, separator)
    };
}

const shown = READMES.flatMap((file) =>
    shownCommands(path.join(REPOSITORY_ROOT, file)).map((command) => ({ file, command }))
);
const npmRuns = shown.flatMap(({ file, command }) => npmRunOf(command, file) ?? []);
const where = (run: { file: string; shown: ShownCommand }): string =>
    `${run.file}:${run.shown.line}: ${run.shown.text}`;

/** The spec of an npm command line, with the arguments it takes (a subcommand resolved). */
function specOf(run: NpmRun): { spec: CommandSpec; args: readonly string[] } | undefined {
    const [first, ...rest] = run.args;
    const sub = first === undefined ? undefined : COMMANDS[`${run.script} -- ${first}`];
    if (sub) {
        return { spec: sub, args: rest };
    }
    const spec = COMMANDS[run.script];
    return spec ? { spec, args: run.args } : undefined;
}

/** A line that shows a command's syntax rather than a command to type as it is. */
const isSynopsis = (args: readonly string[]): boolean =>
    args.some(
        (word) => /[[\]|]|\.\.\./.test(word) || (/^[A-Z][A-Z0-9_]*$/.test(word) && word.length > 1)
    );

/** The long and short option names a spec accepts, --help included. */
function optionNames(spec: CommandSpec): Set<string> {
    const names = new Set(['--help']);
    for (const [name, option] of Object.entries(spec.options)) {
        names.add(`--${name}`);
        for (const alias of option.aliases ?? []) {
            names.add(`--${alias}`);
        }
        if (option.short) {
            names.add(`-${option.short}`);
        }
    }
    return names;
}

describe('the README shows commands that exist, with options they take', () => {
    it('finds the commands it shows', () => {
        expect(npmRuns.length).toBeGreaterThan(30);
    });

    it('shows npm scripts that package.json has', () => {
        const missing = npmRuns
            .filter((run) => !NPM_COMMANDS.has(run.script) && scripts[run.script] === undefined)
            .map(where);
        expect(missing).toEqual([]);
    });

    it('gives a script its arguments after --, where npm does not take them for its own', () => {
        const swallowed = npmRuns
            .filter((run) => !NPM_COMMANDS.has(run.script) && run.unseparated.length > 0)
            .map(where);
        expect(swallowed).toEqual([]);
    });

    it('shows every command of the project in the table of the main commands', () => {
        const table = markdownTables(README).find(
            (candidate) => candidate.heading === 'The main commands'
        );
        const listed = (table?.rows ?? []).map((row) => row.cells[0] ?? '').join(' ');
        const unlisted = Object.keys(COMMANDS)
            .filter((name) => !name.includes(' -- '))
            .filter((name) => !listed.includes(name === 'start' ? 'npm start' : `npm run ${name}`));
        expect(unlisted).toEqual([]);
    });

    it('has a spec for every script that runs a command of the project, and a script for every spec', () => {
        const commandScripts = Object.entries(scripts)
            .filter(([, command]) => /\bscripts\/\S+\.ts\b/.test(command))
            .map(([name]) => name)
            .sort();
        const specs = Object.keys(COMMANDS)
            .filter((name) => !name.includes(' -- '))
            .sort();
        expect(commandScripts).toEqual(specs);
    });

    it('shows each command with options it accepts, and literal lines that parse as they are', () => {
        const refused: string[] = [];
        for (const run of npmRuns) {
            const resolved = specOf(run);
            if (resolved === undefined) {
                continue;
            }
            const { spec, args } = resolved;
            if (args.length === 0) {
                // The command named, not run: its required options are shown elsewhere.
                continue;
            }
            if (isSynopsis(args)) {
                const names = optionNames(spec);
                const unknown = args
                    .flatMap((word) => word.match(/(?<![\w-])--?[a-z][\w-]*/g) ?? [])
                    .filter((name) => !names.has(name));
                if (unknown.length > 0) {
                    refused.push(`${where(run)}: ${unknown.join(', ')}`);
                }
                continue;
            }
            try {
                parseCommandLine(spec, args);
            } catch (error: unknown) {
                refused.push(
                    `${where(run)}: ${error instanceof Error ? error.message : String(error)}`
                );
            }
        }
        expect(refused).toEqual([]);
    });

    it('lists in each option table only the options of the command it documents', () => {
        const tables = markdownTables(README).filter((table) => table.header[0] === 'option');
        expect(tables.length).toBeGreaterThan(0);
        const refused: string[] = [];
        for (const table of tables) {
            // An option table documents the command its section is about.
            const command = npmRuns.find(
                (run) =>
                    run.file === 'README.md' &&
                    run.shown.line < (table.rows[0]?.line ?? 0) &&
                    specOf(run) !== undefined &&
                    !npmRuns.some(
                        (later) =>
                            later.file === 'README.md' &&
                            later.shown.line > run.shown.line &&
                            later.shown.line < (table.rows[0]?.line ?? 0) &&
                            specOf(later) !== undefined
                    )
            );
            const resolved = command === undefined ? undefined : specOf(command);
            if (resolved === undefined) {
                refused.push(`the option table under "${table.heading}" follows no command`);
                continue;
            }
            const names = optionNames(resolved.spec);
            for (const row of table.rows) {
                for (const name of (row.cells[0] ?? '').match(/--[a-z][\w-]*/g) ?? []) {
                    if (!names.has(name)) {
                        refused.push(
                            `README.md:${row.line}: ${resolved.spec.command} has no ${name}`
                        );
                    }
                }
            }
        }
        expect(refused).toEqual([]);
    });

    it('shows sf commands and flags that the pinned sf CLI has', () => {
        const commands = sfCommands(REPOSITORY_ROOT);
        const unknown: string[] = [];
        for (const { file, command } of shown) {
            const words = command.words[0] === 'npx' ? command.words.slice(1) : command.words;
            if (words[0] !== 'sf' || words.length === 1) {
                continue;
            }
            const id = [3, 2, 1]
                .map((length) => words.slice(1, 1 + length).join(' '))
                .find((candidate) => commands.has(candidate));
            const flags = id === undefined ? undefined : commands.get(id);
            if (id === undefined || flags === undefined) {
                unknown.push(`${file}:${command.line}: no sf command in "${command.text}"`);
                continue;
            }
            for (const flag of words.slice(1 + id.split(' ').length)) {
                const name = /^(--?[a-z][\w-]*)/.exec(flag)?.[1];
                if (name !== undefined && flag.startsWith('-') && !flags.has(name)) {
                    unknown.push(`${file}:${command.line}: sf ${id} has no ${name}`);
                }
            }
        }
        expect(unknown).toEqual([]);
    });
});

describe('the README documents the exit codes as the commands give them', () => {
    const table = markdownTables(README).find((candidate) => candidate.heading === 'Exit codes');

    it('has a table of every command and its exit codes', () => {
        const documented = (table?.rows ?? []).map((row) => row.cells[0]);
        expect(documented).toEqual(Object.values(COMMANDS).map((spec) => `\`${spec.command}\``));
    });

    it.each(Object.values(COMMANDS).map((spec) => [spec.command, spec] as const))(
        '%s: the codes and their meanings',
        (command, spec) => {
            const row = table?.rows.find((candidate) => candidate.cells[0] === `\`${command}\``);
            const codes = Object.fromEntries(
                (row?.cells[1] ?? '').split('; ').map((entry) => {
                    const [, code = '', meaning = ''] = /^(\d+) (.*)$/.exec(entry) ?? [];
                    return [code, meaning];
                })
            );
            expect(codes).toEqual(
                Object.fromEntries(
                    Object.entries(spec.exitCodes).map(([code, meaning]) => [code, meaning])
                )
            );
        }
    );
});

describe('--json, run the way the README shows it, prints JSON alone', () => {
    const jsonRuns = npmRuns.filter((run) => run.args.includes('--json'));

    it('shows every --json command with npm -s, so that npm prints no banner of its own', () => {
        expect(jsonRuns.length).toBeGreaterThan(0);
        expect(
            jsonRuns
                .filter(
                    (run) => !run.npmOptions.some((option) => ['-s', '--silent'].includes(option))
                )
                .map(where)
        ).toEqual([]);
    });

    it('gives stdout that parses as JSON, for a result and for a mistake', () => {
        // npm runs the scripts in a copy of the project, as a fresh clone has it.
        const project = copyOfProject(['package.json']);
        for (const shared of ['node_modules', 'scripts']) {
            fs.symlinkSync(path.join(REPOSITORY_ROOT, shared), path.join(project, shared));
        }
        const npm = (args: readonly string[]): { status: number | null; stdout: string } => {
            const result = spawnSync('npm', ['run', '-s', ...args], {
                cwd: project,
                encoding: 'utf8'
            });
            return { status: result.status, stdout: result.stdout };
        };
        const scenario = npm([
            'simulate',
            '--',
            'scripts/runtime/scenarios/match.scenario.json',
            '--json'
        ]);
        expect(scenario.status).toBe(0);
        expect(Object.keys(JSON.parse(scenario.stdout) as object)).toEqual(['steps', 'data']);
        const mistake = npm(['validate', '--', '--json', '--jsn']);
        fs.rmSync(project, { recursive: true, force: true });
        expect(mistake.status).toBe(2);
        expect(JSON.parse(mistake.stdout)).toEqual({
            error: {
                exitCode: 2,
                message:
                    'npm run validate: unknown option --jsn (did you mean --json?). Run npm run validate -- --help for the options.'
            }
        });
    }, 60_000);
});
