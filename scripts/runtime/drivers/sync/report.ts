import { managedEventTypes } from './org';
import type { Tour, TourSync } from './tour';
import { STEP_LIMITS, type StepLimits, type SyncReport, type SyncStep } from './types';

/** `npm start`'s output: the syncs as a terminal shows them, or as JSON. */

const count = (value: number): string => value.toLocaleString('en-US');

/** Bytes in KB or MB, rounded. */
export function formatBytes(bytes: number): string {
    return bytes >= 1_000_000
        ? `${(bytes / 1_000_000).toFixed(1)} MB`
        : `${Math.max(1, Math.round(bytes / 1000))} KB`;
}

/** A step's limits against the asynchronous limits, heap marked as an estimate. */
export function formatStepLimits(limits: StepLimits): string {
    const pair = (name: keyof StepLimits): string =>
        `${count(limits[name])}/${count(STEP_LIMITS[name])}`;
    return [
        `SOQL ${pair('soqlQueries')}`,
        `query rows ${pair('queryRows')}`,
        `DML ${pair('dmlStatements')}`,
        `DML rows ${pair('dmlRows')}`,
        `callouts ${pair('callouts')}`,
        `heap ~${formatBytes(limits.heapBytes)}/${formatBytes(STEP_LIMITS.heapBytes)} (estimate)`
    ].join(', ');
}

/** The Calendly requests of a sync, grouped by path, in the order first made. */
function requestsByPath(steps: readonly SyncStep[]): string {
    const counts = new Map<string, number>();
    for (const request of steps.flatMap((step) => step.requests)) {
        const key = `${request.path}${request.status === 200 ? '' : ` (HTTP ${request.status})`}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([path, times]) => `${path} x${times}`).join(', ');
}

function column(text: string, width: number): string {
    return text.length >= width ? `${text} ` : text.padEnd(width);
}

function syncLines(sync: TourSync, index: number, previous: TourSync | undefined): string[] {
    const report = sync.report;
    const run = report.run;
    const lines = [
        `${index + 1}. ${report.name}: ${report.status} in ${report.steps.length} step(s), ${report.seconds.toFixed(2)} s`
    ];
    if (sync.change !== null) {
        lines.push(`   what changed in Calendly: ${sync.change}`);
    }
    lines.push(
        `   links: ${run.linksCreated} created, ${run.linksUpdated} updated, ${run.linksUnchanged} unchanged, ${run.linksDeactivated} deactivated, ${run.linksMissed} missed once and kept, ${run.linksSkipped} skipped, ${run.linksFailed} failed; ${report.linkRowsWritten} link row(s) written, ${report.flowInterviews} flow interview(s)`,
        `   Calendly: ${report.calendlyRequests} request(s) against a minimum of ${report.minimumRequests}: ${requestsByPath(report.steps) || 'none'}`
    );
    if (report.busiestStep) {
        lines.push(
            `   busiest step (${report.busiestStep.step} of ${report.steps.length}): ${formatStepLimits(report.busiestStep.limits)}`
        );
    }
    if (report.delaysMinutes.length > 0) {
        lines.push(
            `   delays, skipped here: ${report.delaysMinutes.map((minutes) => `${minutes} min`).join(', ')}`
        );
    }
    if (run.errorSummary !== null) {
        lines.push(`   error summary: ${run.errorSummary.replace(/\n/g, ' ')}`);
    }
    const users = previous
        ? sync.users.filter((user, at) => previous.users[at]?.link !== user.link)
        : sync.users;
    lines.push(
        previous
            ? users.length === 0
                ? '   users: none changed'
                : '   users that changed:'
            : '   who has which link, and why the others have none:'
    );
    const nameWidth = Math.max(...sync.users.map((user) => user.name.length)) + 2;
    const emailWidth = Math.max(...sync.users.map((user) => user.email.length)) + 2;
    for (const user of users) {
        lines.push(
            `     ${column(user.name, nameWidth)}${column(user.email, emailWidth)}${user.link ?? `-  ${user.reason}`}`
        );
    }
    for (const each of sync.checks) {
        lines.push(`   ${each.holds ? 'ok  ' : 'FAIL'} ${each.says}`);
    }
    return lines;
}

/** The tour as a terminal shows it. */
export function formatTour(tour: Tour): string {
    const { organization } = tour;
    const managed = managedEventTypes(organization);
    const active = managedEventTypes(organization, true);
    const users = tour.syncs[0]?.users.length ?? 0;
    const lines = [
        'Calendly Links for Salesforce: a small team synced offline, end to end',
        `Calendly stand-in on ${tour.standIn}: ${organization.organization.name}, ${organization.members.length} members, ${managed} managed event types (${active} active)`,
        `Embedded org: the package's Apex, MapUserCalendlyLinkTemplate as an active copy, ${users} users; the admin holds Calendly_Links_Admin and the credential's principal the stand-in's token`,
        'Each sync: CalendlySyncController.startSync as the admin, then every queued job in a transaction of its own (delays skipped, and reported), until the run ends',
        ''
    ];
    tour.syncs.forEach((sync, index) => {
        lines.push(...syncLines(sync, index, tour.syncs[index - 1]), '');
    });
    const failed = tour.syncs.flatMap((sync) =>
        sync.checks.filter((each) => !each.holds).map((each) => `${sync.report.name}: ${each.says}`)
    );
    lines.push(
        failed.length === 0
            ? 'Every sync behaved as the README documents.'
            : [
                  `${failed.length} promise(s) of the README did not hold:`,
                  ...failed.map((each) => `  - ${each}`)
              ].join('\n')
    );
    return lines.join('\n');
}

/** One sync as `npm start -- --json` prints it. */
export function syncJson(report: SyncReport): Record<string, unknown> {
    return {
        name: report.name,
        status: report.status,
        calendlyRequests: report.calendlyRequests,
        minimumRequests: report.minimumRequests,
        linksCreated: report.linksCreated,
        linksUpdated: report.linksUpdated,
        linksUnchanged: report.linksUnchanged,
        linksDeactivated: report.linksDeactivated,
        linkRowsWritten: report.linkRowsWritten,
        flowInterviews: report.flowInterviews,
        usersWithLink: report.usersWithLink,
        linksSkipped: report.run.linksSkipped,
        linksFailed: report.run.linksFailed,
        linksMissed: report.run.linksMissed,
        errorSummary: report.run.errorSummary,
        steps: report.steps.length,
        delaysMinutes: report.delaysMinutes,
        busiestStep: report.busiestStep?.limits ?? null,
        seconds: Number(report.seconds.toFixed(3))
    };
}

/** `npm start -- --json`: `{"syncs":[...]}`, each sync with its checks. */
export function tourJson(tour: Tour): { syncs: Record<string, unknown>[] } {
    return {
        syncs: tour.syncs.map((sync) => ({
            ...syncJson(sync.report),
            change: sync.change,
            checks: sync.checks
        }))
    };
}
