import { parseCommandLine, UsageError, type CommandSpec } from '../shared/command';
import { ORG_COMMANDS } from './command';
import { orgMessages as M } from './messages';

export interface CreateOptions {
    readonly alias: string;
    readonly devHub?: string;
    readonly durationDays: number;
    readonly setup: boolean;
    readonly sampleData: boolean;
}

export interface SetupOptions {
    readonly targetOrg: string;
    readonly sampleData: boolean;
}

export interface PackageVersionOptions {
    readonly devHub?: string;
    readonly waitMinutes: number;
    readonly tag?: string;
}

export type OrgCommand =
    | { readonly command: 'help'; readonly specs: readonly CommandSpec[] }
    | { readonly command: 'create'; readonly options: CreateOptions }
    | { readonly command: 'setup'; readonly options: SetupOptions }
    | { readonly command: 'delete'; readonly options: { readonly targetOrg: string } }
    | { readonly command: 'package-version'; readonly options: PackageVersionOptions };

const ALIAS = /^[\w.@-]+$/;

function alias(
    values: Record<string, unknown>,
    option: string,
    required: boolean
): string | undefined {
    const value = values[option];
    if (typeof value !== 'string' || value === '') {
        if (required) {
            throw new UsageError(M.required(`--${option}`, 'calendly-dev'));
        }
        return undefined;
    }
    if (!ALIAS.test(value)) {
        throw new UsageError(M.badAlias(`--${option}`, value));
    }
    return value;
}

function wholeNumber(
    values: Record<string, unknown>,
    option: string,
    fallback: number,
    max: number
): number {
    const text = typeof values[option] === 'string' ? values[option] : String(fallback);
    const value = /^\d{1,4}$/.test(text) ? Number(text) : NaN;
    if (!(value >= 1 && value <= max)) {
        throw new UsageError(M.badNumber(`--${option}`, text, 1, max));
    }
    return value;
}

export const isOrgCommand = (name: string): name is keyof typeof ORG_COMMANDS =>
    Object.hasOwn(ORG_COMMANDS, name);

/** Parses `create|setup|delete|package-version ARGS`; throws UsageError on anything wrong. */
export function parseOrgArgs(argv: readonly string[]): OrgCommand {
    const [command = '', ...args] = argv;
    if (command === '--help' || command === 'help') {
        return { command: 'help', specs: Object.values(ORG_COMMANDS) };
    }
    if (!isOrgCommand(command)) {
        throw new UsageError(M.unknownCommand(command));
    }
    const spec: CommandSpec = ORG_COMMANDS[command];
    const parsed = parseCommandLine(spec, args);
    return parsed === 'help'
        ? { command: 'help', specs: [ORG_COMMANDS[command]] }
        : orgOptions(command, parsed.values);
}

/** Checks the parsed options of one org script; throws UsageError on a bad value. */
export function orgOptions(
    command: keyof typeof ORG_COMMANDS,
    values: Readonly<Record<string, unknown>>
): Exclude<OrgCommand, { command: 'help' }> {
    switch (command) {
        case 'create': {
            const devHub = alias(values, 'dev-hub', false);
            return {
                command,
                options: {
                    alias: alias(values, 'alias', true) ?? '',
                    ...(devHub ? { devHub } : {}),
                    durationDays: wholeNumber(values, 'duration-days', 7, 30),
                    setup: values['skip-setup'] !== true,
                    sampleData: values['skip-sample-data'] !== true
                }
            };
        }
        case 'setup':
            return {
                command,
                options: {
                    targetOrg: alias(values, 'target-org', true) ?? '',
                    sampleData: values['skip-sample-data'] !== true
                }
            };
        case 'delete':
            return { command, options: { targetOrg: alias(values, 'target-org', true) ?? '' } };
        case 'package-version': {
            const devHub = alias(values, 'dev-hub', false);
            const tag =
                typeof values['tag'] === 'string' && values['tag'] !== ''
                    ? values['tag']
                    : undefined;
            return {
                command,
                options: {
                    ...(devHub ? { devHub } : {}),
                    waitMinutes: wholeNumber(values, 'wait', 60, 1440),
                    ...(tag ? { tag } : {})
                }
            };
        }
    }
}
