import * as fs from 'node:fs';
import { ruleIds, validateProject } from '../../validate';
import {
    makeProject,
    rewriteHelperFlows,
    rewriteScenario,
    runScenarioIn,
    templateScenarios,
    writeCopy,
    type Rewrite
} from './flowCopyProject';

/**
 * Every kind of copy the command writes runs in the local runtime on the template's own
 * scenarios, rewritten for the copy: a copy keeps every rule of the template (active users,
 * case-insensitive email, sandbox emails, clearing on deactivation, fault path, limits).
 */
const scenarios = templateScenarios();
const FIELD = 'Calendly_Intro_Call_Link__c';
const INTRO = ['--link-type', 'ManagedEvent', '--user-field', FIELD];
const BY_SLUG = { field: 'EventTypeSlug__c', value: 'intro-call' } as const;
const BY_NAME = { field: 'EventTypeName__c', value: 'Intro call' } as const;

interface CopyCase {
    readonly args: readonly string[];
    /** How the template's scenarios change for this copy, besides the flow file. */
    readonly rewrite: Omit<Rewrite, 'flow'>;
}

const CASES: Record<string, CopyCase> = {
    'profile copy (--name, --label)': {
        args: ['--name', 'Map_User_Calendly_Link', '--label', 'Map User Calendly Link'],
        rewrite: {}
    },
    'managed-event copy (--event-slug, --user-field, --create-field)': {
        args: [
            '--name',
            'Map_Intro_Call_Link',
            ...INTRO,
            '--event-slug',
            'intro-call',
            '--create-field'
        ],
        rewrite: { userField: FIELD, event: BY_SLUG }
    },
    'managed-event copy (--event-name, --user-field, --create-field)': {
        args: [
            '--name',
            'Map_Intro_Call_Link',
            ...INTRO,
            '--event-name',
            'Intro call',
            '--create-field'
        ],
        rewrite: { userField: FIELD, event: BY_NAME }
    },
    'profile copy for an installed package (--namespace)': {
        args: ['--name', 'Map_User_Calendly_Link', '--namespace', 'cly'],
        rewrite: {}
    },
    'managed-event copy for an installed package (--namespace, --event-slug)': {
        args: [
            '--name',
            'Map_Intro_Call_Link',
            '--namespace',
            'cly',
            ...INTRO,
            '--event-slug',
            'intro-call',
            '--create-field'
        ],
        rewrite: { userField: FIELD, event: BY_SLUG }
    }
};

it('has the template scenarios to run every copy on', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(14);
});

describe.each(Object.entries(CASES))('%s', (_, copy) => {
    const root = makeProject();
    const [flow = ''] = writeCopy(root, copy.args);
    if (copy.rewrite.userField) {
        rewriteHelperFlows(root, copy.rewrite.userField);
    }
    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it.each(scenarios)('%s: every expectation holds', (file, json) => {
        const rewritten = rewriteScenario(json, { flow, ...copy.rewrite });
        expect(runScenarioIn(root, rewritten, file).failures).toEqual([]);
    });

    it('runs as an active flow of the project, without a scenario listing it', () => {
        const field = copy.rewrite.userField ?? 'Calendly_Link__c';
        const outcome = runScenarioIn(
            root,
            rewriteScenario(
                {
                    description: 'the active copy runs by itself',
                    data: {
                        User: [
                            {
                                Username: 'ada@x.test',
                                Email: 'ada@example.com',
                                LastName: 'Lovelace'
                            }
                        ]
                    },
                    steps: [
                        {
                            insert: 'CalendlyLink__c',
                            records: [
                                {
                                    Url__c: 'https://calendly.com/ada',
                                    Email__c: 'ADA@example.com',
                                    LinkType__c: 'Profile'
                                }
                            ],
                            expect: { interviews: 1 }
                        }
                    ],
                    expect: { User: [{ fields: { Calendly_Link__c: 'https://calendly.com/ada' } }] }
                },
                { flow, ...copy.rewrite }
            )
        );
        expect(outcome.failures).toEqual([]);
        expect(outcome.data['User']?.[0]?.[field]).toBe('https://calendly.com/ada');
    });
});

describe.each([
    ['--event-slug', BY_SLUG],
    ['--event-name', BY_NAME]
] as const)('a managed-event copy by %s', (option, event) => {
    const root = makeProject();
    const [flow = ''] = writeCopy(root, [
        '--name',
        'Map_Intro_Call_Link',
        ...INTRO,
        option,
        event.value,
        '--create-field'
    ]);
    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('maps only links of the selected event type, and leaves the profile link field alone', () => {
        const link = (path: string, type: string, extra: object = {}): object => ({
            Url__c: `https://calendly.com/ada${path}`,
            Email__c: 'ada@example.com',
            LinkType__c: type,
            CalendlyUri__c: `https://api.calendly.com/x/ada${path}`,
            ...extra
        });
        const outcome = runScenarioIn(root, {
            description: 'one user, a profile link and two managed-event links',
            flows: [flow],
            data: {
                User: [{ Username: 'ada@x.test', Email: 'Ada@Example.com', LastName: 'Lovelace' }]
            },
            steps: [
                {
                    insert: 'CalendlyLink__c',
                    records: [
                        link('', 'Profile', { [event.field]: event.value }),
                        link('/other', 'ManagedEvent', { [event.field]: `${event.value}-2` }),
                        link('/intro', 'ManagedEvent', { [event.field]: event.value })
                    ],
                    expect: { interviews: 1 }
                }
            ],
            expect: {
                User: [
                    {
                        fields: {
                            [FIELD]: 'https://calendly.com/ada/intro',
                            Calendly_Link__c: null
                        }
                    }
                ]
            }
        });
        expect(outcome.failures).toEqual([]);
    });
});

it('the runtime reads a namespaced copy with data written with or without the prefix', () => {
    const root = makeProject();
    try {
        const [flow = ''] = writeCopy(root, [
            '--name',
            'Map_User_Calendly_Link',
            '--namespace',
            'cly'
        ]);
        const outcome = runScenarioIn(root, {
            description: 'prefixed names in the data',
            flows: [flow],
            data: {
                User: [
                    { Username: 'ada@x.test', Email: 'ada@example.com', LastName: 'Lovelace' },
                    { Username: 'grace@x.test', Email: 'grace@example.com', LastName: 'Hopper' }
                ]
            },
            steps: [
                {
                    insert: 'cly__CalendlyLink__c',
                    records: [
                        {
                            cly__Url__c: 'https://calendly.com/ada',
                            cly__Email__c: 'ada@example.com',
                            cly__LinkType__c: 'Profile'
                        },
                        {
                            Url__c: 'https://calendly.com/grace',
                            Email__c: 'grace@example.com',
                            LinkType__c: 'Profile'
                        }
                    ]
                }
            ],
            expect: {
                User: [
                    {
                        where: { Email: 'ada@example.com' },
                        fields: { cly__Calendly_Link__c: 'https://calendly.com/ada' }
                    },
                    {
                        where: { Email: 'grace@example.com' },
                        fields: { Calendly_Link__c: 'https://calendly.com/grace' }
                    }
                ]
            }
        });
        expect(outcome.failures).toEqual([]);
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
});

it('the offline validator finds no error in a project holding every kind of copy', async () => {
    const root = makeProject();
    try {
        for (const copy of Object.values(CASES)) {
            writeCopy(root, [...copy.args, '--force']);
        }
        writeCopy(root, ['--name', 'Map_Demo_Link', ...INTRO, '--event-name', 'Demo']);
        // The Apex checks need Java and read only force-app, which copies never touch; the
        // staleness check compares this repository, not a project in a temporary directory.
        const rules = ruleIds().filter((id) => !id.startsWith('apex') && id !== 'generated-files');
        const result = await validateProject(root, { rules });
        expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
        expect(result.summary.files).toBeGreaterThan(100);
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
    }
    // A whole validation with source-deploy-retrieve's worker: seconds on a busy machine.
}, 60_000);
