/**
 * Times the project's validator against `sf project convert source` on the same tree, so that
 * the cost of validating before every build is known next to the cost of the conversion the
 * build does anyway.
 *
 *   npm run bench:validate [-- [DIR] [--runs N] [--cold]]
 *
 * Both commands run as child processes, alternately, after one warm-up each that is not counted
 * (it fills tsx's compile cache and sf's first-run files). sf runs with a scratch HOME and the
 * environment that keeps it from starting background processes (telemetry, autoupdate); after
 * the runs, any process still carrying that HOME is reported and stopped.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { safeSfEnvironment } from '../deploy/environment';
import { readProjectConfig } from '../project';
import { runMain, UsageError, type ParsedCommandLine } from '../shared/command';
import { benchValidateCommand } from './commands';

const ROOT = path.resolve(__dirname, '..', '..');
/** tsx as a loader of node itself, as `npm run validate` uses it: no extra CLI process. */
const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const SF = path.join(ROOT, 'node_modules', '.bin', 'sf');
const VALIDATE_CLI = path.join(ROOT, 'scripts', 'validate', 'cli.ts');

interface Run {
    readonly milliseconds: number;
    readonly exitCode: number | null;
    readonly signal: NodeJS.Signals | null;
    /** The end of stdout and stderr, to explain a failure. */
    readonly outputTail: string;
}

interface Command {
    readonly label: string;
    readonly file: string;
    readonly args: (run: number) => readonly string[];
    /** Exit codes that still make a valid sample: the validator exits 1 when it has findings. */
    readonly acceptedExitCodes: readonly number[];
}

interface Stats {
    readonly median: number;
    readonly min: number;
    readonly max: number;
}

const OUTPUT_TAIL = 2000;

function time(command: Command, run: number, cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(command.file, command.args(run), {
            cwd,
            env,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let output = '';
        const keep = (chunk: Buffer): void => {
            output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
        };
        child.stdout.on('data', keep);
        child.stderr.on('data', keep);
        child.on('error', reject);
        child.on('close', (exitCode, signal) => {
            resolve({
                milliseconds: performance.now() - started,
                exitCode,
                signal,
                outputTail: output
            });
        });
    });
}

function stats(samples: readonly number[]): Stats {
    const sorted = [...samples].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median =
        sorted.length % 2 === 1
            ? (sorted[middle] ?? NaN)
            : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
    return { median, min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

function seconds(milliseconds: number): string {
    return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Processes still running with the scratch HOME: only the sf runs of this benchmark had it. */
function leftoverProcesses(home: string): { pid: number; command: string }[] {
    if (process.platform !== 'linux') {
        return [];
    }
    const marker = `HOME=${home}`;
    const found: { pid: number; command: string }[] = [];
    for (const entry of fs.readdirSync('/proc')) {
        const pid = Number(entry);
        if (!Number.isInteger(pid) || pid === process.pid) {
            continue;
        }
        try {
            const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
            if (environ.includes(marker)) {
                const command = fs
                    .readFileSync(`/proc/${pid}/cmdline`, 'utf8')
                    .split('\0')
                    .join(' ')
                    .trim();
                found.push({ pid, command });
            }
        } catch {
            // The process ended meanwhile, or belongs to another user: not one of ours.
        }
    }
    return found;
}

function machine(): string {
    const cpus = os.cpus();
    const model = cpus[0]?.model.trim() ?? 'unknown CPU';
    const memory = (os.totalmem() / 1024 ** 3).toFixed(1);
    // Other work on the machine skews every figure: the load average says how much there was.
    const load = os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ');
    return `Node ${process.version}, ${cpus.length} CPU(s) (${model}), ${os.platform()} ${os.release()} ${os.arch()}, ${memory} GiB RAM, load average ${load}`;
}

async function main({
    values,
    positionals
}: ParsedCommandLine<typeof benchValidateCommand.options>): Promise<number> {
    const runs = Number(values.runs ?? '5');
    if (!Number.isInteger(runs) || runs < 1) {
        throw new UsageError(`--runs expects a positive whole number, not ${values.runs ?? ''}.`);
    }
    const dir = path.resolve(positionals[0] ?? process.cwd());
    if (!fs.existsSync(path.join(dir, 'sfdx-project.json'))) {
        throw new UsageError(
            `${dir} has no sfdx-project.json: give the folder of an sfdx project.`
        );
    }
    for (const required of [VALIDATE_CLI, SF, fileURLToPath(TSX_LOADER)]) {
        if (!fs.existsSync(required)) {
            throw new Error(`${required} is missing: run npm ci.`);
        }
    }

    // The same tree for both: the package directories of the project, as validate reads them,
    // read when the conversion first runs, after the validator has accepted sfdx-project.json
    // (a file it refuses ends the benchmark with the validator's failure).
    let sourceDirs: readonly string[] | undefined;
    const packageDirectories = (): readonly string[] =>
        (sourceDirs ??= readProjectConfig(dir).packageDirectories.map((entry) => entry.path));

    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-validate-'));
    const home = path.join(scratch, 'home');
    fs.mkdirSync(home);
    const env: NodeJS.ProcessEnv = {
        ...safeSfEnvironment(),
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_CACHE_HOME: path.join(home, '.cache')
    };
    const commands: readonly Command[] = [
        {
            label: 'validate (as npm run validate runs it)',
            file: process.execPath,
            args: () => [
                '--import',
                TSX_LOADER,
                VALIDATE_CLI,
                ...(values.cold ? ['--no-cache'] : [])
            ],
            acceptedExitCodes: [0, 1]
        },
        {
            label: 'sf project convert source',
            file: SF,
            args: (run) => [
                'project',
                'convert',
                'source',
                ...packageDirectories().flatMap((source) => ['--source-dir', source]),
                '--output-dir',
                path.join(scratch, `convert-${run}`)
            ],
            acceptedExitCodes: [0]
        }
    ];

    console.log(`Benchmark on ${dir}`);
    console.log(`Machine: ${machine()}`);
    console.log(
        `Runs: ${runs} each, alternating, after 1 warm-up each${values.cold ? '; validate with --no-cache (cold)' : ''}\n`
    );
    const samples = commands.map(() => [] as Run[]);
    let failure: string | undefined;
    try {
        for (let run = 0; run <= runs && !failure; run++) {
            for (const [index, command] of commands.entries()) {
                const result = await time(command, run, dir, env);
                if (
                    result.exitCode === null ||
                    !command.acceptedExitCodes.includes(result.exitCode)
                ) {
                    failure = `${command.label} failed (exit ${result.exitCode ?? result.signal ?? '?'}):\n${result.outputTail}`;
                    break;
                }
                if (run > 0) {
                    samples[index]?.push(result);
                }
            }
        }
    } finally {
        const leftovers = leftoverProcesses(home);
        for (const leftover of leftovers) {
            console.error(
                `sf left process ${leftover.pid} running (${leftover.command}); stopping it.`
            );
            process.kill(leftover.pid, 'SIGTERM');
        }
        if (leftovers.length === 0) {
            console.log('No sf process left running.\n');
        }
        fs.rmSync(scratch, { recursive: true, force: true });
    }
    if (failure) {
        console.error(failure);
        return 1;
    }

    const rows = commands.map((command, index) => {
        const results = samples[index] ?? [];
        const exits = [...new Set(results.map((result) => result.exitCode))].join(', ');
        return { label: command.label, stats: stats(results.map((r) => r.milliseconds)), exits };
    });
    const labelWidth = Math.max(...rows.map((row) => row.label.length));
    console.log(
        `${''.padEnd(labelWidth)}  ${'median'.padStart(8)}  ${'min'.padStart(8)}  ${'max'.padStart(8)}  exit`
    );
    for (const row of rows) {
        console.log(
            `${row.label.padEnd(labelWidth)}  ${seconds(row.stats.median).padStart(8)}  ${seconds(row.stats.min).padStart(8)}  ${seconds(row.stats.max).padStart(8)}  ${row.exits}`
        );
    }
    const [validate, convert] = rows;
    if (validate && convert) {
        console.log(
            `\nvalidate / convert (medians): ${(validate.stats.median / convert.stats.median).toFixed(2)}`
        );
    }
    return 0;
}

runMain(benchValidateCommand, main);
