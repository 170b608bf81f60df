import { parseArgs, type ParseArgsConfig } from 'node:util';
import { orgMessages as M } from './messages';

/** Bad options: exit code 2. */
export class OrgUsageError extends Error {
    public constructor(message: string, options?: ErrorOptions) {
        super(message, options);
        this.name = 'OrgUsageError';
    }
}

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
    | { readonly command: 'help' }
    | { readonly command: 'create'; readonly options: CreateOptions }
    | { readonly command: 'setup'; readonly options: SetupOptions }
    | { readonly command: 'delete'; readonly options: { readonly targetOrg: string } }
    | { readonly command: 'package-version'; readonly options: PackageVersionOptions };

const ALIAS = /^[\w.@-]+$/;

function parse(
    args: readonly string[],
    options: NonNullable<ParseArgsConfig['options']>
): Record<string, string | boolean | undefined> {
    try {
        return parseArgs({ args: [...args], options, allowPositionals: false, strict: true })
            .values as Record<string, string | boolean | undefined>;
    } catch (error: unknown) {
        throw new OrgUsageError(
            M.badArguments(error instanceof Error ? error.message : String(error)),
            {
                cause: error
            }
        );
    }
}

function alias(
    values: Record<string, unknown>,
    option: string,
    required: boolean
): string | undefined {
    const value = values[option];
    if (typeof value !== 'string' || value === '') {
        if (required) {
            throw new OrgUsageError(M.required(`--${option}`, 'calendly-dev'));
        }
        return undefined;
    }
    if (!ALIAS.test(value)) {
        throw new OrgUsageError(M.badAlias(`--${option}`, value));
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
        throw new OrgUsageError(M.badNumber(`--${option}`, text, 1, max));
    }
    return value;
}

/** Parses `create|setup|delete|package-version ARGS`; throws OrgUsageError on anything wrong. */
export function parseOrgArgs(argv: readonly string[]): OrgCommand {
    const [command = '', ...args] = argv;
    const help = { help: { type: 'boolean' as const, default: false } };
    if (command === '--help' || command === 'help') {
        return { command: 'help' };
    }
    switch (command) {
        case 'create': {
            const values = parse(args, {
                ...help,
                alias: { type: 'string', short: 'a' },
                'dev-hub': { type: 'string', short: 'v' },
                'duration-days': { type: 'string', short: 'y' },
                'skip-setup': { type: 'boolean', default: false },
                'skip-sample-data': { type: 'boolean', default: false }
            });
            if (values['help'] === true) {
                return { command: 'help' };
            }
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
        case 'setup': {
            const values = parse(args, {
                ...help,
                'target-org': { type: 'string', short: 'o' },
                'skip-sample-data': { type: 'boolean', default: false }
            });
            if (values['help'] === true) {
                return { command: 'help' };
            }
            return {
                command,
                options: {
                    targetOrg: alias(values, 'target-org', true) ?? '',
                    sampleData: values['skip-sample-data'] !== true
                }
            };
        }
        case 'delete': {
            const values = parse(args, { ...help, 'target-org': { type: 'string', short: 'o' } });
            if (values['help'] === true) {
                return { command: 'help' };
            }
            return { command, options: { targetOrg: alias(values, 'target-org', true) ?? '' } };
        }
        case 'package-version': {
            const values = parse(args, {
                ...help,
                'dev-hub': { type: 'string', short: 'v' },
                wait: { type: 'string', short: 'w' },
                tag: { type: 'string', short: 't' }
            });
            if (values['help'] === true) {
                return { command: 'help' };
            }
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
        default:
            throw new OrgUsageError(M.unknownCommand(command));
    }
}
