import * as fs from 'node:fs';
import {
    changeSchedulingUrl,
    generateOrganization,
    type Fault,
    type Member
} from '../../../calendly';
import { copyOfProject } from '../../../shared/testProject';
import { loadProject, type Project } from '../../cli/project';
import { SyncOrg, type SyncReport, type UserOutcome } from '../sync';

/**
 * Each fault the Calendly stand-in can inject, met by a whole sync: the shipped Apex reads a
 * team of 250 members (three pages of members, three of managed event types) through the named
 * credential, and its queued jobs run to the end. Each fault hits a later page, so that the run
 * wrote links before it. What must hold is what the README documents ("The sync and the hourly
 * schedule", "Run statuses"): the run's final status and message, the links written before the
 * fault kept, and no link deactivated that Calendly still has, page drift included.
 */

// Each test opens an org of its own and runs two or three whole syncs.
jest.setTimeout(60_000);

const PROJECT = copyOfProject();
let project: Project;

beforeAll(() => {
    project = loadProject(PROJECT, { setup: true });
});

afterAll(() => {
    fs.rmSync(PROJECT, { recursive: true, force: true });
});

const TEAM = generateOrganization({ seed: 11, members: 250 });
const MEMBERSHIPS = '/organization_memberships';
/** The fault lets the user and the first page of members through: it hits the second page. */
const SECOND_PAGE = { path: MEMBERSHIPS, after: 1 } as const;
/** What every failed run adds to its reason (README, "Run statuses": Failed). */
const KEPT = 'Links written before the failure are kept; no link was deactivated.';
/** The member, on the first page, whose link changes before a faulted second sync. */
const MOVER: Member = TEAM.members[5] ?? (TEAM.members[0] as Member);

interface Outcome {
    readonly report: SyncReport;
    /** Links as stored after the sync, by Calendly URI. */
    readonly links: ReadonlyMap<string, { readonly active: boolean; readonly url: string }>;
    /** Links active before the sync, by Calendly URI, with their URL. */
    readonly activeBefore: ReadonlyMap<string, string>;
    readonly users: readonly UserOutcome[];
    readonly usersBefore: readonly UserOutcome[];
}

function linksOf(org: SyncOrg): Map<string, { active: boolean; url: string }> {
    return new Map(
        org
            .links()
            .map((link) => [
                String(link['CalendlyUri__c']),
                { active: link['IsActive__c'] === true, url: String(link['Url__c']) }
            ])
    );
}

/**
 * A sync of the team with the faults, on a fresh org (`first`), or after a clean first sync and
 * a change on the first page of members: the mover's new link is written before the fault.
 */
async function syncWith(
    faults: readonly Fault[],
    when: 'first' | 'second',
    after?: (org: SyncOrg) => void
): Promise<Outcome> {
    const org = await SyncOrg.open({ organization: TEAM, project });
    try {
        if (when === 'second') {
            expect(org.sync('clean').status).toBe('Succeeded');
            org.change(changeSchedulingUrl(TEAM, MOVER.user.uri, 'moved-on'));
        }
        const activeBefore = new Map(
            [...linksOf(org)]
                .filter(([, link]) => link.active)
                .map(([uri, link]) => [uri, link.url])
        );
        const usersBefore = org.users();
        org.setFaults(faults);
        const report = org.sync('faulted');
        org.setFaults([]);
        after?.(org);
        return { report, links: linksOf(org), activeBefore, users: org.users(), usersBefore };
    } finally {
        await org.close();
    }
}

/** No link Calendly still has was deactivated, and the run says it deactivated none. */
function expectNothingDeactivated(outcome: Outcome): void {
    const deactivated = [...outcome.activeBefore.keys()].filter(
        (uri) => outcome.links.get(uri)?.active !== true
    );
    expect(deactivated).toEqual([]);
    expect(outcome.report.linksDeactivated).toBe(0);
}

/** The mover's new link, written on the first page before the fault, is kept and mapped. */
function expectMoverKept(outcome: Outcome): void {
    expect(outcome.links.get(MOVER.user.uri)).toEqual({
        active: true,
        url: 'https://calendly.com/moved-on'
    });
    expect(outcome.users.find((user) => user.email === MOVER.user.email)?.link).toBe(
        'https://calendly.com/moved-on'
    );
}

/** A first sync's links are all there, active, and the run counted each. */
function expectFirstLinksKept(outcome: Outcome): void {
    const links = [...outcome.links.values()];
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.active)).toBe(true);
    expect(links).toHaveLength(outcome.report.linksCreated);
}

/** The status details of the steps that met the fault, in order. */
const details = (report: SyncReport): (string | null)[] =>
    report.steps.filter((step) => step.runStatus === 'Running').map((step) => step.statusDetail);

/** The run's reason, without the issue summary a run may add after it. */
const reason = (report: SyncReport): string | undefined => report.run.errorSummary?.split('\n')[0];

describe('429: Calendly limits the requests', () => {
    it('waits as X-RateLimit-Reset says after each 429 of a burst, reports each wait, then Succeeds with every link', async () => {
        const outcome = await syncWith(
            [{ kind: 'rate-limit', times: 3, resetSeconds: 90, ...SECOND_PAGE }],
            'first'
        );
        const { report } = outcome;

        expect(report.status).toBe('Succeeded');
        expect(report.delaysMinutes).toEqual([2, 2, 2]);
        expect(details(report).slice(0, 3)).toEqual(
            Array(3).fill(
                'Calendly limited the requests (HTTP 429 from /organization_memberships). Waiting 2 minute(s), as X-RateLimit-Reset says, then going on.'
            )
        );
        expect(report.calendlyRequests).toBe(report.minimumRequests + 3);
        // The first step saved the first page of members before the 429 ended it.
        expect(report.steps[0]?.linkRowsWritten).toBeGreaterThan(0);
        expectFirstLinksKept(outcome);
    });

    it('fails after 10 waits in a row, with the reason, keeping the links written before and deactivating none', async () => {
        const outcome = await syncWith(
            [{ kind: 'rate-limit', times: 11, resetSeconds: 30, ...SECOND_PAGE }],
            'second'
        );
        const { report } = outcome;

        expect(report.status).toBe('Failed');
        expect(report.delaysMinutes).toEqual(Array(10).fill(1));
        expect(reason(report)).toBe(
            `Calendly limited the requests (HTTP 429 from /organization_memberships). The sync waited 10 times in a row for the rate limit and stopped; the next sync starts over. ${KEPT}`
        );
        expectMoverKept(outcome);
        expectNothingDeactivated(outcome);
    });
});

describe('5xx: Calendly does not answer', () => {
    it('retries after 1 and 2 minutes, then Succeeds with every link', async () => {
        const outcome = await syncWith(
            [{ kind: 'server-error', times: 2, status: 503, ...SECOND_PAGE }],
            'first'
        );
        const { report } = outcome;

        expect(report.status).toBe('Succeeded');
        expect(report.delaysMinutes).toEqual([1, 2]);
        expect(details(report).slice(0, 2)).toEqual([
            'Calendly did not answer /organization_memberships (HTTP 503). Retry 1 of 3 in 1 minute(s).',
            'Calendly did not answer /organization_memberships (HTTP 503). Retry 2 of 3 in 2 minute(s).'
        ]);
        expect(report.calendlyRequests).toBe(report.minimumRequests + 2);
        expectFirstLinksKept(outcome);
    });

    it('fails after 4 attempts (retries after 1, 2 and 4 minutes), keeping the links written before and deactivating none', async () => {
        const outcome = await syncWith(
            [{ kind: 'server-error', times: 4, status: 502, ...SECOND_PAGE }],
            'second'
        );
        const { report } = outcome;

        expect(report.status).toBe('Failed');
        expect(report.delaysMinutes).toEqual([1, 2, 4]);
        expect(reason(report)).toBe(
            `Calendly did not answer /organization_memberships (HTTP 502), after 4 attempts. The next sync will try again; if this goes on, check https://status.calendly.com. ${KEPT}`
        );
        expectMoverKept(outcome);
        expectNothingDeactivated(outcome);
    });

    it('keeps the links a first sync wrote before it failed, and the users hold them', async () => {
        const outcome = await syncWith(
            [{ kind: 'server-error', times: 4, status: 500, ...SECOND_PAGE }],
            'first'
        );

        expect(outcome.report.status).toBe('Failed');
        expectFirstLinksKept(outcome);
        const firstPage = TEAM.members.slice(0, 100).filter((member) => member.user.scheduling_url);
        expect(outcome.report.linksCreated).toBe(firstPage.length);
        const holders = outcome.users.filter((user) => user.link !== null).map((user) => user.link);
        expect(holders.sort()).toEqual(
            firstPage.map((member) => member.user.scheduling_url).sort()
        );
    });
});

describe("slow responses: beyond the client's timeout of 20 seconds", () => {
    it('takes a timeout for a failure to retry, after 1 minute, then Succeeds with every link', async () => {
        const outcome = await syncWith(
            [{ kind: 'slow', times: 1, delayMs: 21_000, ...SECOND_PAGE }],
            'first'
        );
        const { report } = outcome;

        expect(report.status).toBe('Succeeded');
        expect(report.delaysMinutes).toEqual([1]);
        expect(details(report)[0]).toBe(
            'Calendly did not answer /organization_memberships (Read timed out). Retry 1 of 3 in 1 minute(s).'
        );
        expectFirstLinksKept(outcome);
    }, 90_000);
});

describe('malformed JSON', () => {
    it('fails at once naming the endpoint, keeping the links written before and deactivating none', async () => {
        const outcome = await syncWith(
            [{ kind: 'malformed-json', times: 1, ...SECOND_PAGE }],
            'second'
        );
        const { report } = outcome;

        expect(report.status).toBe('Failed');
        expect(report.delaysMinutes).toEqual([]);
        expect(reason(report)).toMatch(
            /^Calendly returned malformed JSON from \/organization_memberships \(.+\)\. Links written before the failure are kept; no link was deactivated\.$/
        );
        expectMoverKept(outcome);
        expectNothingDeactivated(outcome);
    });
});

describe('an expired token', () => {
    it('fails with the 401 message, keeping the links written before and deactivating none', async () => {
        // The user and the first page of members are read before the token expires.
        const outcome = await syncWith([{ kind: 'expired-token', after: 2 }], 'second');
        const { report } = outcome;

        expect(report.status).toBe('Failed');
        expect(reason(report)).toBe(
            `Calendly rejected the token: update the Calendly credential (HTTP 401 from /organization_memberships): The access token is invalid. ${KEPT}`
        );
        expectMoverKept(outcome);
        expectNothingDeactivated(outcome);
    });
});

describe('page drift: the list changes between two page reads', () => {
    it.each(['organization_memberships', 'event_types'] as const)(
        'of %s: the run Succeeds, deactivates no link Calendly still has, and the next run finds it again',
        async (resource) => {
            let next: SyncReport | undefined;
            let linksAfterNext: Map<string, { active: boolean; url: string }> | undefined;
            const outcome = await syncWith([{ kind: 'page-drift', resource }], 'second', (org) => {
                next = org.sync('next');
                linksAfterNext = linksOf(org);
            });
            const { report } = outcome;

            expect(
                report.steps.flatMap((step) => step.requests).map((request) => request.fault)
            ).toContain('page-drift');
            expect(report.status).toBe('Succeeded');
            expectMoverKept(outcome);
            expectNothingDeactivated(outcome);
            const usersThatLostTheirLink = outcome.users.filter(
                (user, index) => user.link === null && outcome.usersBefore[index]?.link !== null
            );
            expect(usersThatLostTheirLink).toEqual([]);
            expect(next?.status).toBe('Succeeded');
            expect(next?.linksDeactivated).toBe(0);
            expect(
                [...outcome.activeBefore.keys()].filter(
                    (uri) => linksAfterNext?.get(uri)?.active !== true
                )
            ).toEqual([]);
        }
    );
});
