import { spawn } from 'node:child_process';

export interface ProcessResult {
    /** Exit code; undefined when the process could not start or was killed. */
    readonly code: number | undefined;
    readonly stdout: string;
    readonly stderr: string;
    /** Why the process could not start (e.g. the command does not exist). */
    readonly error?: Error;
}

/** Runs a command without a shell and collects its output; never rejects. */
export function runProcess(
    command: string,
    args: readonly string[],
    cwd?: string
): Promise<ProcessResult> {
    return new Promise((resolve) => {
        const stdout: Buffer[] = [];
        const stderr: Buffer[] = [];
        const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
        const output = (): { stdout: string; stderr: string } => ({
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8')
        });
        child.on('error', (error) => {
            resolve({ code: undefined, ...output(), error });
        });
        child.on('close', (code) => {
            resolve({ code: code ?? undefined, ...output() });
        });
    });
}

/** Maps items with at most `limit` calls in flight: one process per file, a few at a time. */
export async function mapLimited<T, R>(
    items: readonly T[],
    limit: number,
    map: (item: T) => Promise<R>
): Promise<R[]> {
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    const worker = async (): Promise<void> => {
        for (let index = next++; index < items.length; index = next++) {
            results[index] = await map(items[index] as T);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
