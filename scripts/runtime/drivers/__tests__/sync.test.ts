import {
    generateOrganization,
    startCalendlyStandIn,
    type CalendlyStandIn,
    type Organization
} from '../../../calendly';
import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg, readFlow, type OpenedApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';

/**
 * The package's whole sync, offline: the shipped Apex reads the Calendly stand-in over HTTP
 * through the named credential, writes the links in its queued job, and the template's active
 * copy gives each active user with a member's email that member's profile link.
 */
const TEMPLATE = 'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';
const DEBUG = /^USER_DEBUG\|\[\d+\]\|DEBUG\|/;

let organization: Organization;
let standIn: CalendlyStandIn;
let opened: OpenedApexOrg;
const lines: string[] = [];

/** Runs anonymous Apex as the org's administrator; returns its debug values. */
function apex(text: string): string[] {
    lines.length = 0;
    const outcome = opened.org.asUser(opened.setup.adminId, () =>
        executeAnonymous(opened.org, text, 'sync.apex')
    );
    expect(outcome).toEqual({ kind: 'completed' });
    return lines.map((line) => line.replace(DEBUG, ''));
}

beforeAll(async () => {
    organization = generateOrganization({ seed: 7, members: 6 });
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
            `new User(LastName = 'Member${index}', Email = '${user.email}', Username = 'member${index}@sync.test', ProfileId = standard, Alias = 'm${index}', TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US')`
    );
    apex(
        `Id standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id;\ninsert new List<User>{ ${users.join(', ')} };`
    );
}, 60_000);

afterAll(async () => {
    await standIn.close();
});

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
        const managed = organization.eventTypes.filter(
            (record) => record.eventType.admin_managed && record.eventType.active
        ).length;
        const profiles = organization.members.filter(({ user }) => user.scheduling_url).length;
        expect(Number(created)).toBe(profiles + managed);

        const mapped = apex(
            "for (User u : [SELECT Email, Calendly_Link__c FROM User WHERE LastName LIKE 'Member%' ORDER BY LastName]) { System.debug(u.Email + ' ' + u.Calendly_Link__c); }"
        );
        expect(mapped).toEqual(
            organization.members.map(({ user }) => `${user.email} ${user.scheduling_url ?? 'null'}`)
        );
        // 1 (the user) + ceil(members / 100) + ceil(managed event types / 100): the minimum.
        expect(standIn.requests().map((request) => `${request.status} ${request.path}`)).toEqual([
            '200 /users/me',
            '200 /organization_memberships',
            '200 /event_types'
        ]);
    });
});
