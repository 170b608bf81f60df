import {
    generateOrganization,
    startCalendlyStandIn,
    type CalendlyStandIn
} from '../../../calendly';
import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg, readFlow, type OpenedApexOrg } from '../../cli/project';
import { debugAsAdmin } from './apexHelpers';

/**
 * The sync where each link costs a lot: every member's email belongs to 70 active users, so
 * the mapping flow updates 70 users for each profile link. A step of the sync's 500 links, or of
 * 250, breaks the 10,000 DML rows of a transaction and is rolled back; its finalizer runs it again
 * from the same page with fewer links, and the run ends with every user mapped.
 */
const TEMPLATE = 'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';
const USERS_PER_EMAIL = 70;

let standIn: CalendlyStandIn;
let opened: OpenedApexOrg;
const lines: string[] = [];

/** Runs anonymous Apex as the org's administrator; returns its debug values. */
function apex(text: string): string[] {
    return debugAsAdmin(opened, lines, text, 'limits.apex');
}

const organization = generateOrganization({ seed: 11, members: 150, withoutSchedulingLink: 0 });

beforeAll(async () => {
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
    const emails = organization.members.map(({ user }) => `'${user.email}'`);
    // Two transactions of 75 emails: each inserts 5,250 users, within 10,000 DML rows.
    for (const half of [emails.slice(0, 75), emails.slice(75)]) {
        apex(
            [
                "Id standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id;",
                `List<String> emails = new List<String>{ ${half.join(', ')} };`,
                'List<User> users = new List<User>();',
                'for (String email : emails) {',
                `    for (Integer i = 0; i < ${USERS_PER_EMAIL}; i++) {`,
                "        String name = email.substringBefore('@') + i;",
                "        users.add(new User(LastName = 'Holder', Email = email, Username = name + '@limits.test', ProfileId = standard, Alias = 'h' + String.valueOf(users.size()).right(7), TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US'));",
                '    }',
                '}',
                'insert users;'
            ].join('\n')
        );
    }
}, 120_000);

afterAll(async () => {
    await standIn.close();
});

describe('a sync step that breaks a governor limit', () => {
    it('runs again from the same page with fewer links, and the run maps every user', () => {
        apex('System.debug(CalendlySyncController.startSync().status);');
        const outcomes = opened.org.asUser(opened.setup.adminId, () => opened.org.jobs.runQueue());

        // 500 links, then 250, break the DML rows limit; 125 (one page of 100) do not.
        expect(outcomes.slice(0, 3).map((outcome) => outcome.failure?.message)).toEqual([
            expect.stringMatching(/Too many DML rows: \d+$/),
            expect.stringMatching(/Too many DML rows: \d+$/),
            undefined
        ]);
        expect(outcomes.slice(3).every((outcome) => outcome.failure === undefined)).toBe(true);
        const [status, created, detail] = apex(
            'CalendlySyncRun__c run = [SELECT Status__c, LinksCreated__c, StatusDetail__c FROM CalendlySyncRun__c];\nSystem.debug(run.Status__c);\nSystem.debug(run.LinksCreated__c);\nSystem.debug(run.StatusDetail__c);'
        );
        expect(status).toBe('Succeeded');
        const managed = organization.eventTypes.filter(
            ({ eventType }) => eventType.admin_managed && eventType.active
        ).length;
        expect(Number(created)).toBe(organization.members.length + managed);
        expect(detail).toBe('null');
        const [unmapped] = apex(
            "System.debug([SELECT COUNT() FROM User WHERE LastName = 'Holder' AND Calendly_Link__c = null]);"
        );
        expect(unmapped).toBe('0');
    });
});
