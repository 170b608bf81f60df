import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { loadProject, openApexOrg, type OpenedApexOrg } from '../../cli/project';
import { executeAnonymous } from '../anonymous';

/**
 * Security.stripInaccessible for a user who may only read Calendly links (the package's reader
 * permission set): readable fields stay, fields the user may not create are stripped and
 * counted, and an object the user may not create at all is refused rather than guessed.
 */
const DEBUG = /^USER_DEBUG\|\[\d+\]\|DEBUG\|/;
const lines: string[] = [];
let opened: OpenedApexOrg;
let readerId = '';

function asReader(text: string): string[] {
    lines.length = 0;
    const outcome = opened.org.asUser(readerId, () =>
        executeAnonymous(opened.org, text, 'strip.apex')
    );
    expect(outcome).toEqual({ kind: 'completed' });
    return lines.map((line) => line.replace(DEBUG, ''));
}

const LINK =
    "List<CalendlyLink__c> links = new List<CalendlyLink__c>{ new CalendlyLink__c(Name = 'Ada', Email__c = 'ada@example.com') };";

beforeAll(() => {
    const project = loadProject(REPOSITORY_ROOT, { setup: true });
    opened = openApexOrg(project, { state: 'fresh', flows: [], log: (line) => lines.push(line) });
    lines.length = 0;
    opened.org.asUser(opened.setup.adminId, () =>
        executeAnonymous(
            opened.org,
            [
                "User reader = new User(LastName = 'Reader', Email = 'reader@example.com', Username = 'reader@strip.test', ProfileId = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id, Alias = 'reader', TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');",
                'insert reader;',
                "insert new PermissionSetAssignment(AssigneeId = reader.Id, PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Calendly_Links_Reader'].Id);",
                'System.debug(reader.Id);'
            ].join('\n'),
            'setup.apex'
        )
    );
    readerId = (lines[0] ?? '').replace(DEBUG, '');
});

describe('Security.stripInaccessible', () => {
    it('keeps the fields the user may read', () => {
        expect(
            asReader(
                `${LINK}\nSObjectAccessDecision decision = Security.stripInaccessible(AccessType.READABLE, links);\nSystem.debug(decision.getModifiedIndexes());\nSystem.debug(((CalendlyLink__c) decision.getRecords()[0]).Email__c);`
            )
        ).toEqual(['{}', 'ada@example.com']);
    });

    it('strips the fields the user may not create, and says which and where', () => {
        expect(
            asReader(
                `${LINK}\nSObjectAccessDecision decision = Security.stripInaccessible(AccessType.CREATABLE, links, false);\nSystem.debug(decision.getModifiedIndexes());\nSystem.debug(decision.getRemovedFields().get('CalendlyLink__c').contains('Email__c'));\nSystem.debug(((CalendlyLink__c) decision.getRecords()[0]).Email__c);\nSystem.debug(links[0].Email__c);`
            )
        ).toEqual(['{0}', 'true', 'null', 'ada@example.com']);
    });

    it('refuses records of an object the user may not create at all', () => {
        expect(() =>
            opened.org.asUser(readerId, () =>
                executeAnonymous(
                    opened.org,
                    `${LINK}\nSecurity.stripInaccessible(AccessType.CREATABLE, links);`,
                    'strip.apex'
                )
            )
        ).toThrow(
            /strip\.apex:2: stripInaccessible of CalendlyLink__c records the user may not access at all is not supported/
        );
    });
});
