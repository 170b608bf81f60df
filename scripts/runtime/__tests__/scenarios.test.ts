import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyOfProject } from '../../shared/testProject';
import { loadProject, readScenario, scenarioFlows } from '../cli/project';
import { ScenarioError } from '../errors';
import { formatText, parseScenario, runScenario } from '../drivers/scenario';
import { project, PROJECT_ROOT, ROOT, schema, TEMPLATE_FILE } from './helpers';

const SCENARIO_DIR = path.join(ROOT, 'scripts', 'runtime', 'scenarios');
const files = fs.readdirSync(SCENARIO_DIR).filter((file) => file.endsWith('.scenario.json'));

function run(file: string): ReturnType<typeof runScenario> {
    const scenario = readScenario(project, path.join(SCENARIO_DIR, file));
    return runScenario(scenario, schema, scenarioFlows(project, scenario));
}

describe('the scenario suite proves the template by running the shipped XML', () => {
    it('has a scenario for every promise of the template', () => {
        expect(files).toEqual(
            expect.arrayContaining([
                'match.scenario.json',
                'case-insensitive-match.scenario.json',
                'several-active-users.scenario.json',
                'inactive-users-untouched.scenario.json',
                'no-match.scenario.json',
                'managed-event-ignored.scenario.json',
                'url-change.scenario.json',
                'unrelated-change.scenario.json',
                'deactivation-clears-matching.scenario.json',
                'sandbox-invalid-email.scenario.json',
                'null-email.scenario.json',
                'bulk-links.scenario.json',
                'too-large-for-limits.scenario.json',
                'sample-team.scenario.json'
            ])
        );
    });

    it.each(files)('%s: every expectation holds', (file) => {
        const outcome = run(file);
        expect(outcome.failures).toEqual([]);
    });
});

const base = {
    description: 'inline',
    flows: [TEMPLATE_FILE],
    data: {
        User: [{ Username: 'ada@example.com.demo', Email: 'ada@example.com', LastName: 'Lovelace' }]
    },
    steps: [
        {
            insert: 'CalendlyLink__c',
            records: [
                {
                    Url__c: 'https://calendly.com/ada',
                    Email__c: 'ada@example.com',
                    LinkType__c: 'Profile'
                }
            ]
        }
    ],
    expect: {
        User: [
            {
                where: { Email: 'ada@example.com' },
                fields: { Calendly_Link__c: 'https://calendly.com/ada' }
            }
        ]
    }
};

function outcomeOf(json: object): ReturnType<typeof runScenario> {
    const scenario = parseScenario(JSON.stringify(json), 'inline.scenario.json', schema);
    return runScenario(scenario, schema, scenarioFlows(project, scenario));
}

function invalid(json: object | string): ScenarioError {
    try {
        const scenario = parseScenario(
            typeof json === 'string' ? json : JSON.stringify(json),
            'bad.scenario.json',
            schema
        );
        runScenario(scenario, schema, scenarioFlows(project, scenario));
    } catch (error: unknown) {
        if (error instanceof ScenarioError) {
            return error;
        }
        throw error;
    }
    throw new Error('the scenario was accepted');
}

describe('scenario outcomes and errors', () => {
    it('reports a failed expectation with its place and the values (exit 1)', () => {
        const outcome = outcomeOf({
            ...base,
            expect: {
                User: [
                    {
                        where: { Email: 'ada@example.com' },
                        fields: { Calendly_Link__c: 'https://calendly.com/someone-else' }
                    }
                ]
            }
        });
        expect(outcome.failures).toEqual([
            expect.stringMatching(
                /^inline\.scenario\.json: expect\.User\[0\]: User 005\w+: Calendly_Link__c is "https:\/\/calendly\.com\/ada", expected "https:\/\/calendly\.com\/someone-else"\.$/
            )
        ]);
    });

    it('reports a step that fails without an expected error, and a count that differs', () => {
        const outcome = outcomeOf({
            ...base,
            steps: [
                {
                    insert: 'CalendlyLink__c',
                    records: [{ Email__c: 'ada@example.com', LinkType__c: 'Profile' }]
                }
            ],
            expect: { CalendlyLink__c: [{ count: 1 }] }
        });
        expect(outcome.steps[0]?.error).toContain('REQUIRED_FIELD_MISSING');
        expect(outcome.failures).toEqual([
            expect.stringContaining('steps[0]: the step failed with'),
            expect.stringContaining(
                'expect.CalendlyLink__c[0]: 0 CalendlyLink__c record(s) match (all records), expected 1.'
            )
        ]);
    });

    it('checks interviews and limits a step expects', () => {
        const outcome = outcomeOf({
            ...base,
            steps: [{ ...base.steps[0], expect: { interviews: 2, limits: { soqlQueries: 5 } } }]
        });
        expect(outcome.failures).toEqual([
            'inline.scenario.json: steps[0]: interviews was 1, expected 2.',
            'inline.scenario.json: steps[0]: limits.soqlQueries was 1, expected 5.'
        ]);
    });

    it('counts failed expectations, not their messages, against the expectations checked', () => {
        const json = {
            ...base,
            steps: [{ ...base.steps[0], expect: { interviews: 2, limits: { soqlQueries: 5 } } }],
            expect: {
                User: [
                    { where: { Email: 'ada@example.com' }, fields: { Calendly_Link__c: 'x' } },
                    { fields: { Calendly_Link__c: 'y' } }
                ]
            }
        };
        const scenario = parseScenario(JSON.stringify(json), 'inline.scenario.json', schema);
        const flows = scenarioFlows(project, scenario);
        const outcome = runScenario(scenario, schema, flows);
        // Two on the step, one on the first record expectation, one per user on the second.
        expect(outcome.failures.length).toBeGreaterThan(3);
        const text = formatText(
            scenario,
            flows.map((flow) => flow.apiName),
            outcome
        );
        expect(text).toContain(
            `Expectations: 3 failed (of 3 checked), ${outcome.failures.length} problem(s):`
        );
    });

    it.each([
        [
            'bad JSON, with line and column',
            '{\n  "steps": [\n    { "insert": "CalendlyLink__c", }\n  ]\n}',
            /^bad\.scenario\.json:3:\d+: the file is not valid JSON/
        ],
        [
            'an unknown object',
            { ...base, data: { Contakt: [] } },
            /^bad\.scenario\.json: data\.Contakt: unknown object "Contakt"/
        ],
        [
            'an unknown field',
            { ...base, steps: [{ insert: 'CalendlyLink__c', records: [{ Url: 'x' }] }] },
            /^bad\.scenario\.json: steps\[0\]\.records\[0\]: unknown field "Url" on CalendlyLink__c/
        ],
        [
            'a value of the wrong type',
            { ...base, data: { User: [{ IsActive: 'yes' }] } },
            /^bad\.scenario\.json: data\.User\[0\]\.IsActive: "yes" is not a valid value for IsActive \(checkbox\)/
        ],
        [
            'a missing flow file',
            { ...base, flows: ['force-app/main/default/flows/Nope.flow-meta.xml'] },
            /^bad\.scenario\.json: flows\[0\]: flow file .*Nope\.flow-meta\.xml" not found/
        ],
        [
            'a step without an operation',
            { ...base, steps: [{ records: [{}] }] },
            /^bad\.scenario\.json: steps\[0\]: a step needs exactly one of/
        ],
        [
            'an unknown key',
            { ...base, stepz: [] },
            /^bad\.scenario\.json: \(top level\): unknown key "stepz"/
        ],
        [
            'an upsert on a field that is not an external ID',
            {
                ...base,
                steps: [
                    {
                        upsert: 'CalendlyLink__c',
                        externalId: 'Email__c',
                        records: [{ Email__c: 'a' }]
                    }
                ]
            },
            /steps\[0\]\.externalId: CalendlyLink__c\.Email__c is not an external ID field/
        ],
        [
            'a computed field written',
            { ...base, data: { User: [{ Name: 'Ada' }] } },
            /data\.User\[0\]\.Name: User\.Name is computed/
        ],
        [
            'data the org refuses',
            { ...base, data: { User: [{ Email: 'a@example.com', LastName: 'A' }] } },
            /^bad\.scenario\.json: data\.User\[0\]: Insert failed\. .*REQUIRED_FIELD_MISSING, Required fields are missing: \[Username\]/
        ]
    ])('names the place of %s (exit 2)', (_, json, message) => {
        expect(invalid(json).message).toMatch(message);
    });

    it('refuses to load a project whose object file is not well-formed XML, naming its line', () => {
        const copy = copyOfProject();
        try {
            const file = path.join(
                copy,
                'force-app/main/default/objects/CalendlyLink__c/fields/Url__c.field-meta.xml'
            );
            fs.writeFileSync(file, '<CustomField>\n<fullName>Url__c</fullName>\n');
            expect(() => loadProject(copy)).toThrow(
                /^force-app\/main\/default\/objects\/CalendlyLink__c\/fields\/Url__c\.field-meta\.xml:3: /
            );
        } finally {
            fs.rmSync(copy, { recursive: true, force: true });
        }
    });

    it('names the place of an invalid flow file a scenario lists', () => {
        const file = path.join(PROJECT_ROOT, 'scratch', 'broken.flow-meta.xml');
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, '<Flow><start></Flow>');
        expect(invalid({ ...base, flows: ['scratch/broken.flow-meta.xml'] }).message).toMatch(
            /^scratch\/broken\.flow-meta\.xml:1: /
        );
    });

    it('runs the project active record-triggered flows when the scenario lists none: the template ships inactive', () => {
        const withoutFlows: Partial<typeof base> = { ...base };
        delete withoutFlows.flows;
        const outcome = outcomeOf({
            ...withoutFlows,
            expect: { User: [{ fields: { Calendly_Link__c: null } }] }
        });
        expect(outcome.steps[0]?.interviews).toBe(0);
        expect(outcome.failures).toEqual([]);
    });

    it('keeps the Ids data records carry and assigns the others without collision', () => {
        const outcome = outcomeOf({
            ...base,
            data: {
                User: [
                    {
                        Id: '005000000000001',
                        Username: 'a@x.test',
                        Email: 'a@x.com',
                        LastName: 'A'
                    },
                    { Username: 'b@x.test', Email: 'b@x.com', LastName: 'B' }
                ]
            },
            steps: [{ update: 'User', records: [{ Id: '005000000000001AAA', FirstName: 'Ann' }] }],
            expect: { User: [{ where: { Id: '005000000000001' }, fields: { FirstName: 'Ann' } }] }
        });
        expect(outcome.failures).toEqual([]);
        expect(outcome.data['User']?.map((record) => record['Id'])).toEqual([
            '005000000000001AAA',
            '005000000000002AAA'
        ]);
    });

    it('expands repeated records with {n}', () => {
        const outcome = outcomeOf({
            ...base,
            data: {
                User: [
                    {
                        repeat: 3,
                        record: { Username: 'u{n}@x.test', Email: 'u{n}@x.com', LastName: 'U{n}' }
                    }
                ]
            },
            steps: [],
            expect: { User: [{ where: { Email: 'u3@x.com' }, count: 1 }, { count: 3 }] }
        });
        expect(outcome.failures).toEqual([]);
    });

    it('prints the final records of every object with every field', () => {
        const outcome = outcomeOf(base);
        // Standard objects first, then every custom object of the project's metadata.
        expect(Object.keys(outcome.data).slice(0, 2)).toEqual(['User', 'CalendlyLink__c']);
        expect(Object.keys(outcome.data['User']?.[0] ?? {})).toEqual([
            'Id',
            'Username',
            'Email',
            'FirstName',
            'LastName',
            'Name',
            'IsActive',
            'ProfileId',
            'UserRoleId',
            'Calendly_Link__c'
        ]);
        expect(outcome.data['CalendlyLink__c']?.[0]).toMatchObject({
            IsActive__c: true,
            Name: expect.stringMatching(/^a00\w{15}$/) as unknown
        });
    });
});
