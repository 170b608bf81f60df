import { parseArgs } from 'node:util';

/**
 * The one command-line front of every project command (`npm run validate`, `simulate`, ...):
 * options declared once, from which the help text, the parsing and the errors all come.
 *
 * Exit codes are the same everywhere: 0 the command did its job, 1 its check found something
 * (an error, a failed test or expectation), 2 a mistake in what the user gave (an option, a
 * file, a value: one line that names it and says what to do, never a stack trace), 3 a bug of
 * the tooling (it says so and where to report it). A command may give other codes a meaning
 * of its own, which its spec lists.
 */

/** A mistake in how a command was called or in what it was given: exit code 2. */
export class UsageError extends Error {
    public constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = new.target.name;
    }
}

export interface OptionSpec {
    readonly type: 'string' | 'boolean';
    /** What the help shows for its value, e.g. FILE or MINUTES. */
    readonly value?: string;
    readonly description: string;
    readonly short?: string;
    readonly multiple?: boolean;
    /** Given required options are checked before the command runs; `example` completes the message. */
    readonly required?: { readonly example: string };
    /** Other long names accepted for the same option, e.g. the sf CLI's spelling. */
    readonly aliases?: readonly string[];
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface PositionalSpec {
    /** As the usage line shows it, e.g. FILE, [DIR] or [FLOWTEST_FILE...]. */
    readonly synopsis: string;
    readonly min: number;
    /** At most this many; undefined for any number. */
    readonly max?: number;
    /** What a missing or extra argument's message asks for, e.g. "one scenario file". */
    readonly what: string;
}

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
    /** The command as typed, e.g. `npm run simulate` or `npm run generate -- flow`. */
    readonly command: string;
    readonly description: string;
    readonly positionals?: PositionalSpec;
    readonly options: O;
    /** Every exit code the command gives and what it means. */
    readonly exitCodes: Readonly<Record<number, string>>;
    /** The exit code of a bug of the tooling (default 3). */
    readonly crashExitCode?: number;
    /**
     * Commands of their own that the first argument can name, each with its own spec (e.g.
     * `npm run generate -- flow`); any other first word is refused as an unknown command.
     */
    readonly subcommands?: readonly string[];
    /** With --json, everything on stdout is JSON, errors included. */
    readonly json?: boolean;
    /** Lines after the options in the help, e.g. an example. */
    readonly notes?: string;
}

type OptionValue<S extends OptionSpec> = S['type'] extends 'boolean'
    ? boolean
    : S['multiple'] extends true
      ? string[]
      : S['required'] extends object
        ? string
        : string | undefined;

export interface ParsedCommandLine<O extends OptionSpecs> {
    readonly values: { readonly [K in keyof O]: OptionValue<O[K]> };
    readonly positionals: readonly string[];
}

/** The exit code of a bug of the tooling, unless the command says otherwise. */
export const CRASH_EXIT_CODE = 3;
export const USAGE_EXIT_CODE = 2;

const HELP: OptionSpec = { type: 'boolean', description: 'show this help' };

const withHelp = (options: OptionSpecs): OptionSpecs => ({ ...options, help: HELP });

/** How `--help` is asked for, to point at it in messages. */
export const helpCommand = (spec: CommandSpec): string =>
    `${spec.command}${spec.command.includes(' -- ') ? '' : ' --'} --help`;

function optionSynopsis(name: string, option: OptionSpec): string {
    const text = `--${name}${option.value ? ` ${option.value}` : ''}`;
    return `${option.required ? text : `[${text}]`}${option.multiple ? '...' : ''}`;
}

/** The usage line: the command, its arguments and its options. */
export function synopsis(spec: CommandSpec): string {
    const parts = [
        ...(spec.positionals ? [spec.positionals.synopsis] : []),
        ...Object.entries(spec.options).map(([name, option]) => optionSynopsis(name, option))
    ];
    if (parts.length === 0) {
        return spec.command;
    }
    const separator = spec.command.includes(' -- ') ? ' ' : ' -- ';
    return `${spec.command}${separator}${parts.join(' ')}`;
}

/** The width the help text is wrapped to. */
const HELP_WIDTH = 96;

/** Words of text in lines of at most `width` characters, each line after the first indented. */
function wrap(text: string, width: number, indent: string): string {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line !== '' && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    lines.push(line);
    return lines.join(`\n${indent}`);
}

/** The text of `--help`, made from the spec alone. */
export function usage(spec: CommandSpec): string {
    const options = Object.entries(withHelp(spec.options)).map(([name, option]) => {
        const names = [
            ...(option.short ? [`-${option.short}`] : []),
            ...[name, ...(option.aliases ?? [])].map(
                (long) => `--${long}${option.value ? ` ${option.value}` : ''}`
            )
        ].join(', ');
        return [names, option.description] as const;
    });
    const column = Math.min(24, Math.max(...options.map(([names]) => names.length))) + 4;
    const optionLines = options.map(([names, description]) => {
        const text = wrap(description, HELP_WIDTH - column, ' '.repeat(column));
        return names.length + 4 > column
            ? `  ${names}\n${' '.repeat(column)}${text}`
            : `  ${names.padEnd(column - 2)}${text}`;
    });
    const exitCodes = Object.entries(spec.exitCodes)
        .map(([code, meaning]) => `${code} ${meaning}`)
        .join(', ');
    const subcommands = (spec.subcommands ?? []).map(
        (name) => `       ${spec.command} -- ${name} ... (see ${spec.command} -- ${name} --help)`
    );
    return [
        `Usage: ${synopsis(spec)}`,
        ...subcommands,
        '',
        spec.description,
        '',
        ...optionLines,
        ...(spec.notes ? ['', wrap(spec.notes, HELP_WIDTH, '')] : []),
        '',
        wrap(`Exit code: ${exitCodes}.`, HELP_WIDTH, '')
    ].join('\n');
}

/** Edit distance, to suggest the option a typo meant. */
function distance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(
                (previous[j] ?? 0) + 1,
                (current[j - 1] ?? 0) + 1,
                (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
            );
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}

/** The closest of the candidates to a mistyped word, if one is close enough to be meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
    const extended = candidates.filter((candidate) =>
        candidate.toLowerCase().startsWith(word.toLowerCase())
    );
    if (word.length >= 3 && extended.length === 1) {
        return extended[0];
    }
    let best: { candidate: string; distance: number } | undefined;
    for (const candidate of candidates) {
        const d = distance(word.toLowerCase(), candidate.toLowerCase());
        if (d <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || d < best.distance)) {
            best = { candidate, distance: d };
        }
    }
    return best?.candidate;
}

const seeHelp = (spec: CommandSpec): string => `Run ${helpCommand(spec)} for the options.`;

/**
 * Parses a command line against its spec. Unknown options (with the option meant, when a typo
 * is close to one), an option without its value, a value given to a switch, a missing required
 * option and too few or too many arguments are UsageErrors that name the option and what to do.
 */
export function parseCommandLine<O extends OptionSpecs>(
    spec: CommandSpec<O>,
    args: readonly string[]
): ParsedCommandLine<O> | 'help' {
    const options = withHelp(spec.options);
    const canonical = new Map<string, string>();
    for (const [name, option] of Object.entries(options)) {
        canonical.set(name, name);
        for (const alias of option.aliases ?? []) {
            canonical.set(alias, name);
        }
    }
    const shorts = new Map(
        Object.entries(options).flatMap(([name, option]) =>
            option.short ? [[option.short, name] as const] : []
        )
    );
    const { tokens } = parseArgs({
        args: [...args],
        strict: false,
        allowPositionals: true,
        tokens: true
    });
    const [first] = tokens;
    if (spec.subcommands && first?.kind === 'positional') {
        const meant = closest(first.value, spec.subcommands);
        throw new UsageError(
            `${spec.command}: unknown command "${first.value}"${meant ? ` (did you mean ${meant}?)` : ''}; its commands are ${spec.subcommands.join(', ')}. ${seeHelp(spec)}`
        );
    }
    const values: Record<string, string | boolean | string[] | undefined> = {};
    const positionals: string[] = [];
    const consumed = new Set<number>();
    for (const token of tokens) {
        if (consumed.has(token.index)) {
            continue;
        }
        if (token.kind === 'positional') {
            positionals.push(token.value);
            continue;
        }
        if (token.kind === 'option-terminator') {
            continue;
        }
        const written = token.rawName;
        const name = token.rawName.startsWith('--')
            ? canonical.get(token.name)
            : shorts.get(token.name);
        const option = name === undefined ? undefined : options[name];
        if (name === undefined || option === undefined) {
            const meant = closest(token.name, [...canonical.keys()]);
            throw new UsageError(
                `${spec.command}: unknown option ${written}${meant ? ` (did you mean --${meant}?)` : ''}. ${seeHelp(spec)}`
            );
        }
        if (option.type === 'boolean') {
            if (token.inlineValue) {
                throw new UsageError(
                    `${spec.command}: ${written} is a switch and takes no value (${written}=${token.value}). ${seeHelp(spec)}`
                );
            }
            values[name] = true;
            continue;
        }
        let value = token.value;
        if (value === undefined) {
            // parseArgs in lenient mode does not take the next word as the value: do it here,
            // unless that word is itself an option.
            const next = tokens.find((candidate) => candidate.index === token.index + 1);
            if (next?.kind === 'positional') {
                value = next.value;
                consumed.add(next.index);
            } else if (next?.kind === 'option' && /^-\d/.test(next.rawName)) {
                // A negative number is a value, for the option to refuse or take.
                value = args[next.index];
                consumed.add(next.index);
            }
        }
        if (value === undefined || value === '') {
            throw new UsageError(
                `${spec.command}: ${written} needs a value${option.value ? ` (${written} ${option.value})` : ''}. ${seeHelp(spec)}`
            );
        }
        if (option.multiple) {
            const list = values[name];
            values[name] = [...(Array.isArray(list) ? list : []), value];
        } else if (values[name] !== undefined) {
            throw new UsageError(
                `${spec.command}: ${written} is given twice; give it once. ${seeHelp(spec)}`
            );
        } else {
            values[name] = value;
        }
    }
    if (values['help'] === true) {
        return 'help';
    }
    for (const [name, option] of Object.entries(spec.options)) {
        if (values[name] === undefined) {
            if (option.required) {
                throw new UsageError(
                    `${spec.command}: --${name} is required, e.g. --${name} ${option.required.example}. ${seeHelp(spec)}`
                );
            }
            values[name] = option.type === 'boolean' ? false : option.multiple ? [] : undefined;
        }
    }
    checkPositionals(spec, positionals);
    return { values: values as ParsedCommandLine<O>['values'], positionals };
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[]): void {
    const allowed = spec.positionals ?? { synopsis: '', min: 0, max: 0, what: 'no argument' };
    if (positionals.length < allowed.min) {
        throw new UsageError(`${spec.command}: give ${allowed.what}. ${seeHelp(spec)}`);
    }
    if (allowed.max !== undefined && positionals.length > allowed.max) {
        const extra = positionals.slice(allowed.max).join(' ');
        throw new UsageError(
            allowed.max === 0
                ? `${spec.command} takes no argument, and "${extra}" is not an option. ${seeHelp(spec)}`
                : `${spec.command}: give ${allowed.what}, not also "${extra}". ${seeHelp(spec)}`
        );
    }
}

export interface RunOptions {
    /**
     * The exit code of an error of the command's own domain that is the user's to fix (its
     * message is printed as it is), or undefined for a bug.
     */
    readonly exitCodeOf?: (error: Error) => number | undefined;
    /** Where output goes; the process's streams unless a test gives others. */
    readonly stdout?: (text: string) => void;
    readonly stderr?: (text: string) => void;
}

/** Where a bug of the tooling is to be reported. */
export const REPORT_A_BUG =
    'This is a bug of the tooling, not a mistake of yours: please report it (README, "Reporting a problem") with the command line, node --version and the lines below.';

/**
 * Runs a command: parses its arguments (printing the help for --help), runs `main` with them,
 * and turns how it ended into an exit code. A UsageError or a known error prints its one-line
 * message; anything else is a bug and says so, with its stack. With --json (when the command
 * has it), errors are printed as JSON on stdout: `{"error":{"exitCode":N,"message":"..."}}`.
 */
export async function runCommand<O extends OptionSpecs>(
    spec: CommandSpec<O>,
    args: readonly string[],
    main: (parsed: ParsedCommandLine<O>) => number | Promise<number>,
    options: RunOptions = {}
): Promise<number> {
    const stdout = options.stdout ?? ((text: string) => process.stdout.write(text));
    const stderr = options.stderr ?? ((text: string) => process.stderr.write(text));
    const json = spec.json === true && args.includes('--json');
    const fail = (exitCode: number, message: string, detail?: string): number => {
        if (json) {
            stdout(`${JSON.stringify({ error: { exitCode, message } }, null, 2)}\n`);
        } else {
            stderr(`${message}\n`);
        }
        if (detail !== undefined) {
            stderr(`${detail}\n`);
        }
        return exitCode;
    };
    try {
        const parsed = parseCommandLine(spec, args);
        if (parsed === 'help') {
            stdout(`${usage(spec)}\n`);
            return 0;
        }
        return await main(parsed);
    } catch (error: unknown) {
        if (error instanceof UsageError) {
            return fail(USAGE_EXIT_CODE, error.message);
        }
        const known = error instanceof Error ? options.exitCodeOf?.(error) : undefined;
        if (known !== undefined && error instanceof Error) {
            return fail(known, error.message);
        }
        const crash = spec.crashExitCode ?? CRASH_EXIT_CODE;
        const message = error instanceof Error ? error.message : String(error);
        return fail(
            crash,
            `${spec.command} stopped on an unexpected error: ${message}\n${REPORT_A_BUG}`,
            error instanceof Error ? error.stack : undefined
        );
    }
}

/**
 * The entry point of a command file: runs it with the process's arguments and sets the exit
 * code. Output is flushed before the process ends, since nothing calls process.exit.
 */
export function runMain<O extends OptionSpecs>(
    spec: CommandSpec<O>,
    main: (parsed: ParsedCommandLine<O>) => number | Promise<number>,
    options: RunOptions = {}
): void {
    void runCommand(spec, process.argv.slice(2), main, options).then((code) => {
        process.exitCode = code;
    });
}
