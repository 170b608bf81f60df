import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { safeSfEnvironment } from '../deploy/environment';

/**
 * One command of a script: the sf CLI the project pins (node_modules), or one of the project's
 * own command lines (a TypeScript file under scripts/).
 */
export type Command =
    | { readonly program: 'sf'; readonly args: readonly string[] }
    | { readonly program: 'script'; readonly file: string; readonly args: readonly string[] };

export interface CommandResult {
    readonly status: number;
    /** Only when captured. */
    readonly stdout: string;
}

/** Runs a command; with capture its output is returned (for --json), else shown as it comes. */
export type Runner = (
    command: Command,
    options?: { readonly capture?: boolean }
) => Promise<CommandResult>;

/** The command as a person would type it, for messages. */
export function commandText(command: Command): string {
    const quote = (arg: string): string =>
        /^[\w@%+=:,./-]+$/.test(arg) ? arg : `"${arg.replace(/"/g, '\\"')}"`;
    const head = command.program === 'sf' ? ['sf'] : ['tsx', command.file];
    return [...head, ...command.args].map(quote).join(' ');
}

/**
 * Runs commands with node itself, not a shell: the pinned sf CLI's entry point, or tsx for the
 * project's scripts, in the safe environment, so that sf starts no background process.
 */
export function processRunner(root: string): Runner {
    return (command, options = {}) =>
        new Promise((resolve, reject) => {
            const entry =
                command.program === 'sf'
                    ? [path.join(root, 'node_modules/@salesforce/cli/bin/run.js')]
                    : [
                          path.join(root, 'node_modules/tsx/dist/cli.mjs'),
                          path.join(root, command.file)
                      ];
            const child = spawn(process.execPath, [...entry, ...command.args], {
                cwd: root,
                env: safeSfEnvironment(),
                stdio: ['inherit', options.capture ? 'pipe' : 'inherit', 'inherit']
            });
            const chunks: Buffer[] = [];
            child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
            child.on('error', reject);
            child.on('close', (code) => {
                resolve({ status: code ?? 1, stdout: Buffer.concat(chunks).toString('utf8') });
            });
        });
}
