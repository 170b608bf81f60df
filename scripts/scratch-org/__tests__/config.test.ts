import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject, runScenarioIn, writeCopy } from '../../generate/__tests__/flowCopyProject';
import { SAMPLE_DATA_PLAN, SAMPLE_USER, SCRATCH_DEFINITION } from '..';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): unknown =>
    JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8'));

interface TreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: unknown;
}

describe('config/', () => {
    it('has a scratch org definition the sf CLI schema allows', () => {
        const schema = JSON.parse(
            fs.readFileSync(
                require.resolve('@salesforce/core/project-scratch-def.schema.json'),
                'utf8'
            )
        ) as { properties: Record<string, { enum?: string[] }> };
        const definition = readJson(SCRATCH_DEFINITION) as Record<string, unknown>;
        expect(Object.keys(definition).filter((key) => !(key in schema.properties))).toEqual([]);
        expect(schema.properties['edition']?.enum).toContain(definition['edition']);
    });

    it('has a sample data plan whose files exist, for the package object only', () => {
        const plan = readJson(SAMPLE_DATA_PLAN) as { sobject: string; files: string[] }[];
        expect(plan.map((entry) => entry.sobject)).toEqual(['CalendlyLink__c']);
        for (const file of plan.flatMap((entry) => entry.files)) {
            expect(fs.existsSync(path.join(REPO_ROOT, path.dirname(SAMPLE_DATA_PLAN), file))).toBe(
                true
            );
        }
    });

    it('loads into the local runtime and maps the sample user her profile and intro-call links', () => {
        const root = makeProject();
        try {
            writeCopy(root, ['--name', 'Map_User_Calendly_Link']);
            writeCopy(root, [
                '--name',
                'Map_User_Intro_Call_Link',
                '--link-type',
                'ManagedEvent',
                '--event-slug',
                'intro-call',
                '--user-field',
                'Calendly_Intro_Call_Link__c',
                '--create-field'
            ]);
            const user = readJson(SAMPLE_USER) as Record<string, string>;
            const tree = readJson(
                path.join(path.dirname(SAMPLE_DATA_PLAN), 'CalendlyLink__c.json')
            ) as {
                records: TreeRecord[];
            };
            const records = tree.records.map(({ attributes, ...fields }) => {
                expect(attributes.type).toBe('CalendlyLink__c');
                return fields;
            });
            const outcome = runScenarioIn(root, {
                description:
                    'org:setup: the sample user, then the sample links, with the active copies',
                data: {
                    User: [
                        {
                            Username: user['Username'],
                            Email: user['Email'],
                            FirstName: user['FirstName'],
                            LastName: user['LastName']
                        }
                    ]
                },
                steps: [{ insert: 'CalendlyLink__c', records }],
                expect: {
                    User: [
                        {
                            where: { Email: user['Email'] },
                            fields: {
                                Calendly_Link__c: 'https://calendly.com/ada-lovelace',
                                Calendly_Intro_Call_Link__c:
                                    'https://calendly.com/ada-lovelace/intro-call'
                            },
                            count: 1
                        }
                    ],
                    CalendlyLink__c: [{ count: records.length }]
                }
            });
            expect(outcome.failures).toEqual([]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});
