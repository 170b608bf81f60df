import { loadProject } from '../runtime/cli/project';
import {
    benchFailures,
    benchSyncs,
    busiestLimits,
    formatBytes,
    STEP_LIMITS,
    type SyncBench
} from '../runtime/drivers/sync';

import { runMain, UsageError, type ParsedCommandLine } from '../shared/command';
import { benchSyncCommand, DEFAULT_SYNC_MEMBERS } from './commands';

/**
 * `npm run bench:sync`: first syncs of teams of 1,000, 10,000 and 50,000 members end to end in
 * the embedded org against the Calendly stand-in, and an unchanged sync of 10,000. See
 * scripts/runtime/drivers/sync/bench.ts.
 */

/** Reads --members: whole numbers of members, at least 1, separated by commas. */
function sizesOf(text: string | undefined): number[] {
    if (text === undefined) {
        return [...DEFAULT_SYNC_MEMBERS];
    }
    const sizes = text.split(',').map((part) => Number(part.trim()));
    if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
        throw new UsageError(
            `--members "${text}" must be whole numbers of members separated by commas, e.g. --members 1000,10000.`
        );
    }
    return sizes;
}

const count = (value: number): string => value.toLocaleString('en-US');

/** The last size against the one before it: how the time grew, and the most a linear cost allows. */
function growth(bench: SyncBench): { members: number; time: number; linear: number } | null {
    const large = bench.runs.at(-1);
    const small = bench.runs.at(-2);
    if (!large || !small || small.report.seconds === 0) {
        return null;
    }
    const members = large.members / small.members;
    return {
        members,
        time: large.report.seconds / small.report.seconds,
        // 20% over proportional for the warm-up and the costs that do not grow with the team.
        linear: members * 1.2
    };
}

function table(bench: SyncBench): string {
    const header = [
        'members',
        'requests (minimum)',
        'steps',
        'busiest step: SOQL',
        'query rows',
        'DML',
        'DML rows',
        'callouts',
        'heap (estimate)',
        'wall time'
    ];
    const rows = bench.runs.map(({ members, report }) => {
        const limits = busiestLimits(report);
        return [
            count(members),
            `${count(report.calendlyRequests)} (${count(report.minimumRequests)})`,
            count(report.steps.length),
            `${limits.soqlQueries}/${STEP_LIMITS.soqlQueries}`,
            `${count(limits.queryRows)}/${count(STEP_LIMITS.queryRows)}`,
            `${limits.dmlStatements}/${STEP_LIMITS.dmlStatements}`,
            `${count(limits.dmlRows)}/${count(STEP_LIMITS.dmlRows)}`,
            `${limits.callouts}/${STEP_LIMITS.callouts}`,
            `${formatBytes(limits.heapBytes)}/${formatBytes(STEP_LIMITS.heapBytes)}`,
            `${report.seconds.toFixed(1)} s`
        ];
    });
    const widths = header.map((title, index) =>
        Math.max(title.length, ...rows.map((row) => row[index]?.length ?? 0))
    );
    const line = (cells: readonly string[]): string =>
        `| ${cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join(' | ')} |`;
    return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
        '\n'
    );
}

function text(bench: SyncBench, failures: readonly string[]): string {
    const lines = [
        'First syncs end to end: startSync as the admin, then every queued job, the flow template active',
        '',
        table(bench),
        ''
    ];
    for (const { members, report, setupSeconds } of bench.runs) {
        lines.push(
            `${count(members)} members: ${count(report.managedEventTypes)} managed event types listed, ${count(report.linksCreated)} links created, ${count(report.flowInterviews)} flow interviews, ${count(report.usersWithLink)} users with a link; busiest step ${report.busiestStep?.step ?? '-'} of ${report.steps.length}; the org and its users set up in ${setupSeconds.toFixed(1)} s (not counted)`
        );
    }
    const grown = growth(bench);
    if (grown) {
        lines.push(
            '',
            `${grown.members.toFixed(1)}x the members took ${grown.time.toFixed(1)}x the time (linear: at most ${grown.linear.toFixed(1)}x): ${grown.time <= grown.linear ? 'linear' : 'NOT linear'}.`
        );
    }
    if (bench.unchanged) {
        const { members, report } = bench.unchanged;
        lines.push(
            '',
            `Unchanged sync of ${count(members)} members: ${report.status}, ${count(report.calendlyRequests)} requests (minimum ${count(report.minimumRequests)}), ${count(report.linksUnchanged)} links unchanged, ${report.linkRowsWritten} link rows written, ${report.flowInterviews} flow interviews, ${report.seconds.toFixed(1)} s.`
        );
    }
    lines.push(
        '',
        failures.length === 0
            ? 'Every sync made the minimum of Calendly requests, and the unchanged one wrote nothing.'
            : ['What did not hold:', ...failures.map((failure) => `  - ${failure}`)].join('\n')
    );
    return lines.join('\n');
}

function json(bench: SyncBench, failures: readonly string[]): unknown {
    const grown = growth(bench);
    return {
        runs: bench.runs.map(({ members, report, setupSeconds }) => ({
            members,
            calendlyRequests: report.calendlyRequests,
            minimumRequests: report.minimumRequests,
            steps: report.steps.length,
            seconds: Number(report.seconds.toFixed(3)),
            busiestStep: busiestLimits(report),
            status: report.status,
            managedEventTypes: report.managedEventTypes,
            linksCreated: report.linksCreated,
            flowInterviews: report.flowInterviews,
            usersWithLink: report.usersWithLink,
            setupSeconds: Number(setupSeconds.toFixed(3))
        })),
        unchanged: bench.unchanged && {
            members: bench.unchanged.members,
            linkRowsWritten: bench.unchanged.report.linkRowsWritten,
            flowInterviews: bench.unchanged.report.flowInterviews,
            status: bench.unchanged.report.status,
            calendlyRequests: bench.unchanged.report.calendlyRequests,
            minimumRequests: bench.unchanged.report.minimumRequests,
            seconds: Number(bench.unchanged.report.seconds.toFixed(3))
        },
        timeRatio: grown && {
            members: grown.members,
            time: Number(grown.time.toFixed(2)),
            linearAtMost: grown.linear
        },
        failures
    };
}

async function main({
    values
}: ParsedCommandLine<typeof benchSyncCommand.options>): Promise<number> {
    const sizes = sizesOf(values.members);
    const project = loadProject(process.cwd(), { setup: true });
    const bench = await benchSyncs(sizes, {
        project,
        ...(values.json ? {} : { progress: (line: string) => process.stderr.write(`${line}\n`) })
    });
    const failures = benchFailures(bench);
    console.log(
        values.json ? JSON.stringify(json(bench, failures), null, 2) : text(bench, failures)
    );
    return failures.length === 0 ? 0 : 1;
}

runMain(benchSyncCommand, main);
