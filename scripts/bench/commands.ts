import type { CommandSpec } from '../shared/command';

/** The numbers of links `npm run bench` syncs unless told otherwise. */
export const DEFAULT_BENCH_SIZES = [10_000, 100_000] as const;

export const benchRuntimeCommand = {
    command: 'npm run bench',
    description: `Benchmark of the embedded org: a first sync of 10,000 and then 100,000 profile links against
as many users, written 200 links a transaction with the shipped template active. Prints wall
time, interviews per second and the limits each transaction used, and how the time grew
against the number of links.`,
    options: {
        sizes: {
            type: 'string',
            value: 'N,N',
            description: 'the numbers of links to sync, separated by commas (default 10000,100000)'
        }
    },
    exitCodes: { 0: 'measured', 2: 'bad usage', 3: 'a bug of the tooling' }
} as const satisfies CommandSpec;

export const benchValidateCommand = {
    command: 'npm run bench:validate',
    description: `Times npm run validate against sf project convert source on DIR (default: this project),
N runs each after a warm-up, and prints median, min and max of both and their ratio.`,
    positionals: { synopsis: '[DIR]', min: 0, max: 1, what: 'one directory' },
    options: {
        runs: { type: 'string', value: 'N', description: 'runs of each command (default 5)' },
        cold: {
            type: 'boolean',
            description: 'validate with --no-cache: every run reads and checks everything afresh'
        }
    },
    exitCodes: {
        0: 'measured',
        1: 'a command failed while measured',
        2: 'bad usage (a bad --runs, or DIR is not an sfdx project)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

/** The iterations of the loop `npm run bench:apex` times unless told otherwise. */
export const DEFAULT_APEX_ITERATIONS = 1_000_000;

export const benchApexCommand = {
    command: 'npm run bench:apex',
    description: `Benchmark of the Apex interpreter: the wall time of the package's whole Apex test suite in a
fresh and an installed org, and a CPU-bound loop run as anonymous Apex against the same loop in
TypeScript, with their ratio.`,
    options: {
        iterations: {
            type: 'string',
            value: 'N',
            description: 'iterations of the loop (default 1000000)'
        }
    },
    exitCodes: { 0: 'measured', 2: 'bad usage', 3: 'a bug of the tooling' }
} as const satisfies CommandSpec;

/** The team sizes `npm run bench:sync` syncs unless told otherwise. */
export const DEFAULT_SYNC_MEMBERS = [1_000, 10_000, 50_000] as const;

export const benchSyncCommand = {
    command: 'npm run bench:sync',
    description: `Benchmark of the whole sync: for each team size, a first sync end to end in the embedded org
against the Calendly stand-in (startSync, then every queued job). Prints the Calendly requests
against the minimum, the steps, the busiest step's limits and heap estimate, and the wall time,
with how the time grew against the size; then a second sync with nothing changed at 10,000
members (or at the first size when 10,000 is not measured).`,
    options: {
        members: {
            type: 'string',
            value: 'N,N',
            description: 'the team sizes to sync, separated by commas (default 1000,10000,50000)'
        },
        json: {
            type: 'boolean',
            description: 'print {"runs":[...],"unchanged":{...}} only'
        }
    },
    json: true,
    exitCodes: {
        0: 'measured: minimum requests, and nothing written when unchanged',
        1: 'a sync failed or made more requests than the minimum, or the unchanged one wrote links or ran flows',
        2: 'bad usage',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
