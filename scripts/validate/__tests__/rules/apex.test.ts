import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Finding } from '../../types';
import {
    applyChanges,
    copyFixture,
    createProject,
    findings,
    fixture,
    removeTemporaryProjects,
    replace
} from '../helpers';

/**
 * The Apex checks run Java (apex-ls, PMD) for seconds: both fixtures are checked once, together,
 * and each test reads its rule's findings.
 */
const APEX_RULES = ['apex-syntax', 'apex-semantics', 'apex-pmd', 'apex-fields'];
const SELECTOR = 'force-app/main/default/classes/LinkSelector.cls';

afterAll(removeTemporaryProjects);

let valid: Finding[] = [];
let broken: Finding[] = [];

beforeAll(async () => {
    [valid, broken] = await Promise.all([
        findings(fixture('apex-valid'), APEX_RULES),
        findings(fixture('apex-broken'), APEX_RULES)
    ]);
}, 180_000);

const of = (result: readonly Finding[], rule: string): Finding[] =>
    result.filter((item) => item.rule === rule || item.rule.startsWith(`${rule}/`));

describe('apex-syntax', () => {
    it('accepts classes that parse', () => {
        expect(of(valid, 'apex-syntax')).toEqual([]);
    });

    it("reports a syntax error with Salesforce's parser, at its line and column", () => {
        expect(of(broken, 'apex-syntax')).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: 'force-app/main/default/classes/Broken.cls',
                line: 3,
                column: expect.any(Number) as number,
                message: "Apex syntax error: Unexpected token ';'."
            })
        ]);
    });
});

describe('apex-semantics', () => {
    it('accepts classes that compile', () => {
        expect(of(valid, 'apex-semantics')).toEqual([]);
    });

    it('reports a type mismatch found by apex-ls', () => {
        expect(of(broken, 'apex-semantics')).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: SELECTOR,
                line: 8,
                message: expect.stringContaining('Incompatible types') as string
            })
        ]);
    });

    it('warns, naming apex-ls, of a platform type it does not know, and reports a missing class of the project', async () => {
        const dir = createProject({
            'force-app/main/default/classes/Gaps.cls': `public with sharing class Gaps {
    public static Boolean cached() {
        try {
            return Cache.Session.contains('key');
        } catch (Cache.Session.SessionCacheException e) {
            return false;
        }
    }
    public static Object missing() {
        return new NoSuchHelper();
    }
    public static Object script() {
        return new DataWeaveScriptResource.csvToContacts();
    }
}
`,
            'force-app/main/default/classes/Gaps.cls-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`
        });
        const result = await findings(dir, ['apex-semantics']);
        expect(result.map((item) => [item.line, item.severity])).toEqual([
            [5, 'warning'],
            [10, 'error'],
            [13, 'warning']
        ]);
        expect(result[0]?.message).toMatch(/^apex-ls: .*SessionCacheException/);
        expect(result[1]?.message).toContain('NoSuchHelper');
    }, 120_000);
});

describe('apex-pmd', () => {
    it('accepts a class without critical or high violations', () => {
        expect(of(valid, 'apex-pmd').filter((item) => item.severity === 'error')).toEqual([]);
    });

    it('fails on violations at or above the threshold of sfdx-project.json (2) and warns on the others', () => {
        const result = of(broken, 'apex-pmd');
        expect(result).toEqual(
            expect.arrayContaining([
                expect.objectContaining({
                    rule: 'apex-pmd/EmptyCatchBlock',
                    severity: 'error',
                    file: SELECTOR,
                    line: 11
                }),
                expect.objectContaining({ rule: 'apex-pmd/ApexCRUDViolation', severity: 'error' }),
                expect.objectContaining({
                    rule: 'apex-pmd/UnusedLocalVariable',
                    severity: 'warning',
                    line: 8
                })
            ])
        );
    });
});

describe('apex-pmd without a threshold', () => {
    let unconfigured: Finding[] = [];
    let badThreshold: Finding[] = [];
    const project = (validate?: Record<string, unknown>): string =>
        JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '66.0',
            ...(validate ? { plugins: { validate } } : {})
        });

    beforeAll(async () => {
        [unconfigured, badThreshold] = await Promise.all([
            findings(copyFixture('apex-broken', { 'sfdx-project.json': project() }), ['apex-pmd']),
            findings(
                copyFixture('apex-valid', {
                    'sfdx-project.json': project({ apexPmdSeverityThreshold: 'high' })
                }),
                ['apex-pmd']
            )
        ]);
    }, 180_000);

    it('warns on every violation, as sf code-analyzer run without --severity-threshold', () => {
        expect(unconfigured).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ rule: 'apex-pmd/ApexCRUDViolation', severity: 'warning' })
            ])
        );
        expect(unconfigured.filter((item) => item.severity === 'error')).toEqual([]);
    });

    it('reports a threshold that is not a PMD severity level', () => {
        expect(badThreshold).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: 'sfdx-project.json',
                message: expect.stringContaining('"high"') as string
            })
        ]);
    });
});

describe('apex-fields', () => {
    it("accepts fields that exist on the project's objects and on User", () => {
        expect(of(valid, 'apex-fields')).toEqual([]);
    });

    it('reports unknown fields in SOQL, in a literal Database.query and as Object.Field__c', () => {
        expect(of(broken, 'apex-fields').map((item) => [item.line, item.message])).toEqual([
            [
                4,
                '`User.Calendly_Url__c` does not exist: the project has no objects/User/fields/Calendly_Url__c.field-meta.xml.'
            ],
            [
                6,
                '`User.Calendly_Lnk__c` does not exist: the project has no objects/User/fields/Calendly_Lnk__c.field-meta.xml.'
            ],
            [
                17,
                '`Link__c.Uri__c` does not exist: the project has no objects/Link__c/fields/Uri__c.field-meta.xml.'
            ],
            [
                21,
                '`User.Calendly_Url__c` does not exist: the project has no objects/User/fields/Calendly_Url__c.field-meta.xml.'
            ]
        ]);
    });
});

describe('apex-fields, reading Apex with its grammar', () => {
    const WHERE = 'WHERE IsActive = TRUE AND Calendly_Link__c IN :urls';

    it('reads a bind as an Apex expression: `IN :new Set<Id>{...}` names no field `Set`', async () => {
        const dir = copyFixture('apex-valid', {
            [SELECTOR]: replace(
                WHERE,
                `${WHERE} AND Id NOT IN :new Set<Id>{ UserInfo.getUserId() } AND Email != :new List<String>{ 'a' }[0]`
            )
        });
        expect(await findings(dir, ['apex-fields'])).toEqual([]);
    });

    it('reads fields written through an alias of FROM as fields of the object', async () => {
        const dir = copyFixture('apex-valid', {
            'force-app/main/default/classes/LinkAliases.cls': [
                'public with sharing class LinkAliases {',
                '    public static List<Link__c> read() {',
                '        return [SELECT l.Id, l.Url__c FROM Link__c l WHERE l.Urll__c != null];',
                '    }',
                '}'
            ].join('\n')
        });
        expect((await findings(dir, ['apex-fields'])).map((item) => item.message)).toEqual([
            '`Link__c.Urll__c` does not exist: the project has no objects/Link__c/fields/Urll__c.field-meta.xml.'
        ]);
    });

    it("checks a semi-join's object and fields, and the fields of HAVING", async () => {
        const dir = copyFixture('apex-valid', {
            [SELECTOR]: replace(
                WHERE,
                `${WHERE} AND Email IN (SELECT Url__c FROM Link__c WHERE Uri__c != null)\n` +
                    `AND Id IN (SELECT OwnerId FROM Lnk__c)`
            ),
            'force-app/main/default/classes/LinkCounts.cls': [
                'public with sharing class LinkCounts {',
                '    public static List<AggregateResult> byUrl() {',
                '        return [SELECT Url__c, COUNT(Id) FROM Link__c GROUP BY Url__c HAVING COUNT(Urll__c) > 1];',
                '    }',
                '}'
            ].join('\n')
        });
        expect(
            (await findings(dir, ['apex-fields'])).map((item) => [
                item.file,
                item.line,
                item.message
            ])
        ).toEqual([
            [
                'force-app/main/default/classes/LinkCounts.cls',
                3,
                '`Link__c.Urll__c` does not exist: the project has no objects/Link__c/fields/Urll__c.field-meta.xml.'
            ],
            [
                SELECTOR,
                14,
                '`Link__c.Uri__c` does not exist: the project has no objects/Link__c/fields/Uri__c.field-meta.xml.'
            ],
            [SELECTOR, 15, expect.stringContaining('Lnk__c') as string]
        ]);
    });
});

describe('Java for the Apex checks', () => {
    it('fails with a message saying Java 17 is needed when there is no Java', async () => {
        const result = await findings(fixture('apex-valid'), ['apex-semantics', 'apex-pmd'], {
            javaCommand: '/nonexistent/java'
        });
        expect(result).toEqual([
            expect.objectContaining({
                rule: 'apex-pmd',
                severity: 'error',
                message: expect.stringContaining('need Java 17') as string
            }),
            expect.objectContaining({
                rule: 'apex-semantics',
                severity: 'error',
                message: expect.stringContaining('need Java 17') as string
            })
        ]);
    });

    it('skips every Apex check in a project without Apex, without looking for Java', async () => {
        expect(
            await findings(fixture('valid-project'), APEX_RULES, {
                javaCommand: '/nonexistent/java'
            })
        ).toEqual([]);
    });
});

describe('the cache of the Apex checks', () => {
    it('serves the findings of an unchanged project and runs again after any change', async () => {
        const dir = copyFixture('apex-broken');
        const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cache-'));
        try {
            const first = await findings(dir, ['apex-syntax'], { cacheDirectory });
            expect(first).toEqual([expect.objectContaining({ line: 3 })]);
            const entry = fs
                .readdirSync(cacheDirectory)
                .find((name) => name.startsWith('apex-syntax-'));
            const entryFile = path.join(cacheDirectory, entry ?? '');
            fs.writeFileSync(
                entryFile,
                fs
                    .readFileSync(entryFile, 'utf8')
                    .replace('Unexpected token', 'Served from the cache')
            );
            expect(await findings(dir, ['apex-syntax'], { cacheDirectory })).toEqual([
                expect.objectContaining({
                    message: "Apex syntax error: Served from the cache ';'."
                })
            ]);
            applyChanges(dir, {
                'force-app/main/default/classes/Broken.cls': (text) =>
                    text.replace('Integer x = ;', 'Integer x = 1;')
            });
            expect(await findings(dir, ['apex-syntax'], { cacheDirectory })).toEqual([]);
        } finally {
            fs.rmSync(cacheDirectory, { recursive: true, force: true });
        }
    });

    it('keeps no result of a check whose tool could not run', async () => {
        const cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-cache-'));
        try {
            const options = { cacheDirectory, javaCommand: '/nonexistent/java' };
            expect(await findings(fixture('apex-valid'), ['apex-semantics'], options)).toEqual([
                expect.objectContaining({
                    message: expect.stringContaining('need Java 17') as string
                })
            ]);
            expect(
                fs.readdirSync(cacheDirectory).filter((name) => name.startsWith('apex-'))
            ).toEqual([]);
        } finally {
            fs.rmSync(cacheDirectory, { recursive: true, force: true });
        }
    });
});
