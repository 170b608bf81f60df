import {
    generateOrganization,
    removeMember,
    startCalendlyStandIn,
    type CalendlyStandIn,
    type Organization
} from '../../../calendly';
import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg, readFlow, type OpenedApexOrg } from '../../cli/project';
import { debugAsAdmin } from './apexHelpers';

/**
 * The package's whole sync, offline: the shipped Apex reads the Calendly stand-in over HTTP
 * through the named credential, writes the links in its queued job, and the template's active
 * copy gives each active user with a member's email that member's profile link. The tests run
 * in order against one org and one organization of 120 members: two pages of members, as
 * Calendly pages them by 100.
 */
const TEMPLATE = 'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';
const HOUR = 3_600_000;

let organization: Organization;
let standIn: CalendlyStandIn;
let opened: OpenedApexOrg;
const lines: string[] = [];

/** Runs anonymous Apex as the org's administrator; returns its debug values. */
function apex(text: string): string[] {
    return debugAsAdmin(opened, lines, text, 'sync.apex');
}

beforeAll(async () => {
    organization = generateOrganization({ seed: 7, members: 120 });
    standIn = await startCalendlyStandIn({ organization });
    const project = loadProject(REPOSITORY_ROOT, { setup: true });
    opened = openApexOrg(project, {
        state: 'fresh',
        flows: [readFlow(project, TEMPLATE, 'the template, as an active copy')],
        log: (line) => lines.push(line),
        standIns: new Map([['Calendly', standIn.url]]),
        principals: new Map([['Calendly-CalendlyAdmin', new Map([['Token', standIn.token]])]])
    });
    apex(
        "insert new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Calendly_Links_Admin'].Id);"
    );
    const users = organization.members.map(
        ({ user }, index) =>
            `new User(LastName = 'Member${String(index).padStart(3, '0')}', Email = '${user.email}', Username = 'member${index}@sync.test', ProfileId = standard, Alias = 'm${index}', TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US')`
    );
    apex(
        `Id standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id;\ninsert new List<User>{ ${users.join(', ')} };`
    );
}, 60_000);

afterAll(async () => {
    await standIn.close();
});

/**
 * The latest run's fields, by name, once a manual sync has run to its end. It starts an hour
 * after anything before it, as the hourly sync would: a run takes a link written since the
 * second it started in for one it wrote, as a Datetime field keeps no milliseconds.
 */
function sync(): Record<string, string> {
    opened.org.advanceClock(HOUR);
    const [started] = apex('System.debug(CalendlySyncController.startSync().status);');
    expect(started).toBe('Queued');
    const outcomes = opened.org.asUser(opened.setup.adminId, () => opened.org.jobs.runQueue());
    expect(outcomes.map((outcome) => outcome.failure?.message)).toEqual([undefined]);
    const fields = ['Status__c', 'LinksDeactivated__c', 'LinksMissed__c', 'LinksUpdated__c'];
    const values = apex(
        [
            `CalendlySyncRun__c run = [SELECT ${fields.join(', ')} FROM CalendlySyncRun__c ORDER BY CreatedDate DESC, Id DESC LIMIT 1];`,
            ...fields.map((field) => `System.debug(run.${field});`)
        ].join('\n')
    );
    return Object.fromEntries(fields.map((field, index) => [field, values[index] ?? '']));
}

/** A member's profile link and their user's Calendly link, as `active missed userLink`. */
function memberState(uri: string, email: string): string {
    const [link] = apex(
        [
            `CalendlyLink__c link = [SELECT IsActive__c, MissedRuns__c FROM CalendlyLink__c WHERE CalendlyUri__c = '${uri}'];`,
            `User member = [SELECT Calendly_Link__c FROM User WHERE Email = '${email}' LIMIT 1];`,
            "System.debug(link.IsActive__c + ' ' + link.MissedRuns__c + ' ' + member.Calendly_Link__c);"
        ].join('\n')
    );
    return link ?? '';
}

describe('the whole sync, offline', () => {
    it('reads Calendly once per page, saves every link and maps each member to their user', () => {
        const [started] = apex('System.debug(CalendlySyncController.startSync().status);');
        expect(started).toBe('Queued');
        const outcomes = opened.org.asUser(opened.setup.adminId, () => opened.org.jobs.runQueue());
        expect(outcomes.map((outcome) => outcome.failure?.message)).toEqual([undefined]);

        const [status, created] = apex(
            'CalendlySyncRun__c run = [SELECT Status__c, LinksCreated__c FROM CalendlySyncRun__c];\nSystem.debug(run.Status__c);\nSystem.debug(run.LinksCreated__c);'
        );
        expect(status).toBe('Succeeded');
        // A managed event type is a link when its owner's own profile link is saved: an owner
        // without a scheduling link gives none, whichever step reads their event types.
        const linked = new Set(
            organization.members
                .filter(({ user }) => user.scheduling_url)
                .map(({ user }) => user.uri)
        );
        const managed = organization.eventTypes.filter(
            ({ eventType }) =>
                eventType.admin_managed &&
                eventType.active &&
                linked.has(eventType.profile?.owner ?? '')
        ).length;
        const profiles = linked.size;
        expect(Number(created)).toBe(profiles + managed);

        const mapped = apex(
            "for (User u : [SELECT Email, Calendly_Link__c FROM User WHERE LastName LIKE 'Member%' ORDER BY LastName]) { System.debug(u.Email + ' ' + u.Calendly_Link__c); }"
        );
        expect(mapped).toEqual(
            organization.members.map(({ user }) => `${user.email} ${user.scheduling_url ?? 'null'}`)
        );
        // 1 (the user) + ceil(members / 100) + ceil(active managed event types / 100): the
        // minimum, Calendly leaving the inactive ones out.
        const requests = standIn.requests();
        expect(requests.map((request) => `${request.status} ${request.path}`)).toEqual([
            '200 /users/me',
            ...pages(organization.members.length, '/organization_memberships'),
            ...pages(managed, '/event_types')
        ]);
        const eventTypeQueries = requests
            .filter((request) => request.path === '/event_types')
            .map(({ query }) => `${query['admin_managed']} ${query['active']}`);
        expect(new Set(eventTypeQueries)).toEqual(new Set(['true true']));
    });

    it('keeps the link of a member who moved across a page boundary while a run read the members, and the next run finds them', () => {
        // The member first on the second page moves to the front just before that page is
        // served: the run sees the member before them twice, and never sees them.
        const drifted = organization.members[100]?.user;
        if (!drifted?.scheduling_url) {
            throw new Error('The organization has no member with a link at the page boundary.');
        }
        expect(memberState(drifted.uri, drifted.email)).toBe(`true 0 ${drifted.scheduling_url}`);
        standIn.setFaults([{ kind: 'page-drift', resource: 'organization_memberships' }]);

        const drift = sync();

        expect(standIn.requests().some((request) => request.fault === 'page-drift')).toBe(true);
        // Their profile link and the link of their managed event type, whose owner the run did
        // not see: missed once, kept active, and the user keeps their link.
        expect(drift).toMatchObject({
            Status__c: 'Succeeded',
            LinksDeactivated__c: '0',
            LinksMissed__c: '2'
        });
        expect(memberState(drifted.uri, drifted.email)).toBe(`true 1 ${drifted.scheduling_url}`);

        const next = sync();

        expect(next).toMatchObject({
            Status__c: 'Succeeded',
            LinksDeactivated__c: '0',
            LinksMissed__c: '0',
            LinksUpdated__c: '2'
        });
        expect(memberState(drifted.uri, drifted.email)).toBe(`true 0 ${drifted.scheduling_url}`);
    });

    it('deactivates the link of a member who left once two complete runs in a row missed it, and clears it from their user', () => {
        const leaver = organization.members.find(
            ({ user }, index) => index > 0 && user.scheduling_url !== null
        )?.user;
        if (!leaver?.scheduling_url) {
            throw new Error('The organization has no member with a link to remove.');
        }
        // Their profile link, and the links of their active managed event types, gone with them.
        const links = String(
            1 +
                organization.eventTypes.filter(
                    ({ eventType }) =>
                        eventType.admin_managed &&
                        eventType.active &&
                        eventType.profile?.owner === leaver.uri
                ).length
        );
        organization = removeMember(organization, leaver.uri);
        standIn.setOrganization(organization);

        expect(sync()).toMatchObject({
            Status__c: 'Succeeded',
            LinksDeactivated__c: '0',
            LinksMissed__c: links
        });
        expect(memberState(leaver.uri, leaver.email)).toBe(`true 1 ${leaver.scheduling_url}`);

        expect(sync()).toMatchObject({
            Status__c: 'Succeeded',
            LinksDeactivated__c: links,
            LinksMissed__c: '0'
        });
        expect(memberState(leaver.uri, leaver.email)).toBe('false 2 null');
    });
});

/** The request lines of a list read in pages of 100. */
function pages(items: number, path: string): string[] {
    return Array.from({ length: Math.max(1, Math.ceil(items / 100)) }, () => `200 ${path}`);
}
