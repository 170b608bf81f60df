import * as fs from 'node:fs';
import { copyOfProject } from '../../../shared/testProject';
import { loadProject } from '../../cli/project';
import { runTour, tourHeld, tourJson, type Tour } from '../sync';

/**
 * `npm start`'s syncs, run by their driver: a small team's first sync, one with nothing changed,
 * and one after a member left and another's link changed, read from the run records, the
 * stand-in's request log and the users' fields, and printed as `npm start -- --json` prints them.
 */
const PROJECT = copyOfProject();
let tour: Tour;
let json: ReturnType<typeof tourJson>;

beforeAll(async () => {
    tour = await runTour({ project: loadProject(PROJECT, { setup: true }) });
    json = JSON.parse(JSON.stringify(tourJson(tour))) as ReturnType<typeof tourJson>;
}, 120_000);

afterAll(() => {
    fs.rmSync(PROJECT, { recursive: true, force: true });
});

interface SyncJson {
    readonly name: string;
    readonly status: string;
    readonly calendlyRequests: number;
    readonly minimumRequests: number;
    readonly linksCreated: number;
    readonly linksUpdated: number;
    readonly linksUnchanged: number;
    readonly linksDeactivated: number;
    readonly linkRowsWritten: number;
    readonly flowInterviews: number;
    readonly usersWithLink: number;
}

const syncs = (): SyncJson[] => json.syncs as unknown as SyncJson[];
const named = (name: string): SyncJson | undefined => syncs().find((sync) => sync.name === name);

describe('npm start: three syncs of a small team, end to end', () => {
    it('prints {"syncs":[...]} with the documented keys, in the order run', () => {
        expect(Object.keys(json)).toEqual(['syncs']);
        expect(
            syncs()
                .slice(0, 3)
                .map((sync) => sync.name)
        ).toEqual(['first', 'unchanged', 'after changes']);
        for (const sync of syncs()) {
            expect(sync).toEqual(
                expect.objectContaining({
                    name: expect.any(String) as string,
                    status: 'Succeeded',
                    calendlyRequests: expect.any(Number) as number,
                    minimumRequests: expect.any(Number) as number,
                    linksCreated: expect.any(Number) as number,
                    linksUpdated: expect.any(Number) as number,
                    linksUnchanged: expect.any(Number) as number,
                    linksDeactivated: expect.any(Number) as number,
                    linkRowsWritten: expect.any(Number) as number,
                    flowInterviews: expect.any(Number) as number,
                    usersWithLink: expect.any(Number) as number
                })
            );
        }
    });

    it('makes the minimum of Calendly requests in every sync: the user, then one page of each list', () => {
        for (const sync of syncs()) {
            expect({ name: sync.name, requests: sync.calendlyRequests }).toEqual({
                name: sync.name,
                requests: sync.minimumRequests
            });
            expect(sync.minimumRequests).toBe(3);
        }
    });

    it('creates a link for every member and gives each active user with a member email its link', () => {
        const first = named('first');
        const users = tour.syncs[0]?.users ?? [];
        const members = tour.organization.members;
        expect(first?.linksCreated).toBeGreaterThanOrEqual(members.length - 1);
        expect(first?.linkRowsWritten).toBe(first?.linksCreated);
        const withLink = members.filter((member) => member.user.scheduling_url !== null);
        expect(first?.usersWithLink).toBe(withLink.length);
        expect(first?.flowInterviews).toBe(withLink.length);
        expect(users.filter((user) => user.link === null).map((user) => user.reason)).toEqual([
            expect.stringMatching(/no scheduling link/) as string,
            'inactive user: the flow never changes inactive users',
            'no Calendly member has this email'
        ]);
    });

    it('writes no link row and starts no flow interview when nothing changed in Calendly', () => {
        const unchanged = named('unchanged');
        expect(unchanged).toEqual(
            expect.objectContaining({
                linksCreated: 0,
                linksUpdated: 0,
                linksDeactivated: 0,
                linkRowsWritten: 0,
                flowInterviews: 0,
                linksUnchanged: named('first')?.linksCreated
            })
        );
    });

    it('after a member leaves and a link changes: the new link is applied, and the departed member loses theirs', () => {
        const [, second, third] = tour.syncs;
        const last = tour.syncs.at(-1);
        const changedBefore = second?.users ?? [];
        const afterChange = third?.users ?? [];
        const finalUsers = last?.users ?? [];
        const moved = afterChange.filter(
            (user, index) => user.link !== changedBefore[index]?.link && user.link !== null
        );
        expect(moved.map((user) => user.link)).toEqual([
            expect.stringMatching(/^https:\/\/calendly\.com\/[a-z-]+-meetings$/) as string
        ]);
        const cleared = finalUsers.filter(
            (user, index) => changedBefore[index]?.link !== null && user.link === null
        );
        expect(cleared.map((user) => user.reason)).toEqual([
            'left the Calendly organization: the link was deactivated and the field cleared'
        ]);
        const deactivated = tour.syncs
            .slice(2)
            .reduce((sum, sync) => sum + sync.report.linksDeactivated, 0);
        expect(deactivated).toBeGreaterThanOrEqual(1);
        expect(last?.report.usersWithLink).toBe((named('first')?.usersWithLink ?? 0) - 1);
    });

    it('holds every promise it checks', () => {
        const failed = tour.syncs.flatMap((sync) =>
            sync.checks.filter((each) => !each.holds).map((each) => each.says)
        );
        expect(failed).toEqual([]);
        expect(tourHeld(tour)).toBe(true);
    });
});
