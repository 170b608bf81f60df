import { generateOrganization, type RateLimit } from '../../../calendly';
import type { Project } from '../../cli/project';
import { SyncOrg } from './org';
import type { StepLimits, SyncReport } from './types';

/**
 * First syncs of teams of several sizes, end to end, and an unchanged sync of one of them: what
 * `npm run bench:sync` measures. Not a test: the figures are the point.
 */

/** The seed of every team the benchmark syncs. */
const SEED = 1;

/**
 * No rate limit for the benchmark: the embedded org runs a step in a fraction of a second, far
 * faster than an org whose step waits on real callouts, and would meet Calendly's 500 requests
 * a minute where an org may not. The fault tests cover 429s and their waits.
 */
export const NO_RATE_LIMIT: RateLimit = { limit: Number.MAX_SAFE_INTEGER, windowSeconds: 60 };

export interface BenchRun {
    readonly members: number;
    readonly report: SyncReport;
    /** Time to start the stand-in and set the org up with its users, before the sync. */
    readonly setupSeconds: number;
}

export interface BenchUnchanged {
    readonly members: number;
    readonly report: SyncReport;
}

export interface SyncBench {
    readonly runs: readonly BenchRun[];
    readonly unchanged: BenchUnchanged | null;
}

/** The size whose org syncs a second time unchanged: 10,000 when measured, else the first. */
export function unchangedSize(sizes: readonly number[]): number | undefined {
    return sizes.includes(10_000) ? 10_000 : sizes[0];
}

/**
 * Runs a first sync for each size, one org at a time, and the unchanged sync right after the
 * first sync of its size; `progress` hears of each sync as it ends.
 */
export async function benchSyncs(
    sizes: readonly number[],
    options: {
        readonly project?: Project;
        readonly progress?: (text: string) => void;
    } = {}
): Promise<SyncBench> {
    const runs: BenchRun[] = [];
    let unchanged: BenchUnchanged | null = null;
    const again = unchangedSize(sizes);
    for (const members of sizes) {
        const began = performance.now();
        const org = await SyncOrg.open({
            organization: generateOrganization({ seed: SEED, members }),
            rateLimit: NO_RATE_LIMIT,
            ...(options.project ? { project: options.project } : {})
        });
        try {
            const setupSeconds = (performance.now() - began) / 1000;
            const report = org.sync('first');
            runs.push({ members, report, setupSeconds });
            options.progress?.(
                `first sync of ${members.toLocaleString('en-US')} members: ${report.seconds.toFixed(2)} s`
            );
            if (members === again && unchanged === null) {
                unchanged = { members, report: org.sync('unchanged') };
                options.progress?.(
                    `unchanged sync of ${members.toLocaleString('en-US')} members: ${unchanged.report.seconds.toFixed(2)} s`
                );
            }
        } finally {
            await org.close();
        }
    }
    return { runs, unchanged };
}

/** What must hold of the measured syncs; empty when everything did. */
export function benchFailures(bench: SyncBench): string[] {
    const failures: string[] = [];
    const syncs = [
        ...bench.runs.map((run) => ({ members: run.members, report: run.report })),
        ...(bench.unchanged ? [bench.unchanged] : [])
    ];
    for (const { members, report } of syncs) {
        const what = `the ${report.name} sync of ${members.toLocaleString('en-US')} members`;
        if (report.status !== 'Succeeded') {
            failures.push(
                `${what} ended ${report.status}: ${report.run.errorSummary ?? 'no error summary'}`
            );
        }
        if (report.calendlyRequests !== report.minimumRequests) {
            failures.push(
                `${what} made ${report.calendlyRequests} Calendly requests, not the minimum of ${report.minimumRequests}`
            );
        }
    }
    if (bench.unchanged) {
        const { members, report } = bench.unchanged;
        const what = `the unchanged sync of ${members.toLocaleString('en-US')} members`;
        if (report.linkRowsWritten !== 0) {
            failures.push(`${what} wrote ${report.linkRowsWritten} link row(s), not none`);
        }
        if (report.flowInterviews !== 0) {
            failures.push(`${what} started ${report.flowInterviews} flow interview(s), not none`);
        }
    }
    return failures;
}

/** The busiest step's limits, or zeros for a sync without steps. */
export function busiestLimits(report: SyncReport): StepLimits {
    return (
        report.busiestStep?.limits ?? {
            soqlQueries: 0,
            queryRows: 0,
            dmlStatements: 0,
            dmlRows: 0,
            callouts: 0,
            heapBytes: 0
        }
    );
}
