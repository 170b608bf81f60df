import * as fs from 'node:fs';
import * as path from 'node:path';
import { child, childText, children, parseXml } from '../../xml/parse';
import { UsageError } from '../../shared/command';
import { parseFlowCopyArgs } from '../flow';
import { makeProject, read, REPO_ROOT, writeCopy } from './flowCopyProject';

function refusal(action: () => unknown): string {
    try {
        action();
    } catch (error: unknown) {
        if (error instanceof UsageError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('the command was not refused');
}

describe('npm run generate -- flow: options', () => {
    it('maps profile links to Calendly_Link__c by default, labelled after the API name', () => {
        expect(parseFlowCopyArgs(['--name', 'Map_User_Calendly_Link'])).toEqual({
            apiName: 'Map_User_Calendly_Link',
            label: 'Map User Calendly Link',
            links: { linkType: 'Profile' },
            userField: 'Calendly_Link__c',
            triggerOrder: 500,
            force: false
        });
    });

    it('reads a managed-event copy with its field, the field label and a namespace', () => {
        expect(
            parseFlowCopyArgs([
                '--name=Map_Intro_Call',
                '--link-type',
                'managedevent',
                '--event-name',
                'Intro call',
                '--user-field',
                'Calendly_Intro_Call_Link__c',
                '--create-field',
                '--field-label',
                'Intro Call Link',
                '--namespace',
                'cly',
                '--trigger-order',
                '600'
            ])
        ).toMatchObject({
            links: { linkType: 'ManagedEvent', event: { by: 'name', value: 'Intro call' } },
            userField: 'Calendly_Intro_Call_Link__c',
            createField: { label: 'Intro Call Link' },
            namespace: 'cly',
            triggerOrder: 600
        });
    });

    it('answers help without other options', () => {
        expect(parseFlowCopyArgs(['--help'])).toBe('help');
    });

    it.each([
        ['no --name', [], /--name is required, e.g. --name Map_User_Calendly_Link/],
        [
            'an invalid flow name',
            ['--name', 'Map__Link'],
            /^--name "Map__Link" is not a valid flow API name/
        ],
        ['a flow name ending in _', ['--name', 'Map_'], /^--name "Map_" is not a valid/],
        [
            'an unknown option',
            ['--name', 'A', '--colour', 'red'],
            /unknown option --colour.*npm run generate -- flow --help/
        ],
        [
            'an unknown link type',
            ['--name', 'A', '--link-type', 'Team'],
            /^--link-type "Team" is not a link type: use Profile or ManagedEvent/
        ],
        [
            'a slug and a name together',
            [
                '--name',
                'A',
                '--link-type',
                'ManagedEvent',
                '--event-slug',
                'intro-call',
                '--event-name',
                'Intro call',
                '--user-field',
                'X__c'
            ],
            /^--event-slug and --event-name were both given.*keep one/
        ],
        [
            'a slug on a profile copy',
            ['--name', 'A', '--event-slug', 'intro-call'],
            /^--event-slug selects a managed event type: add --link-type ManagedEvent/
        ],
        [
            'a managed-event copy without an event type',
            ['--name', 'A', '--link-type', 'ManagedEvent', '--user-field', 'X__c'],
            /needs --event-slug SLUG.*or --event-name NAME/
        ],
        [
            'a managed-event copy without a field',
            ['--name', 'A', '--link-type', 'ManagedEvent', '--event-slug', 'intro-call'],
            /needs --user-field FIELD/
        ],
        [
            'a slug with a slash',
            [
                '--name',
                'A',
                '--link-type',
                'ManagedEvent',
                '--event-slug',
                'ada/intro',
                '--user-field',
                'X__c'
            ],
            /^--event-slug "ada\/intro" is not an event type slug/
        ],
        [
            'an event name with a quote',
            [
                '--name',
                'A',
                '--link-type',
                'ManagedEvent',
                '--event-name',
                'Say "hi"',
                '--user-field',
                'X__c'
            ],
            /^--event-name "Say "hi"" must be .*double quotes/
        ],
        [
            'a field name without __c',
            ['--name', 'A', '--user-field', 'Calendly_Intro'],
            /^--user-field "Calendly_Intro" is not a valid custom field API name/
        ],
        [
            'a field name with a space',
            ['--name', 'A', '--user-field', 'Intro Link__c'],
            /is not a valid custom field API name/
        ],
        [
            'a field name too long',
            ['--name', 'A', '--user-field', `${'A'.repeat(41)}__c`],
            /is not a valid custom field API name.*at most 40/
        ],
        [
            'a prefixed field name',
            ['--name', 'A', '--user-field', 'cly__Calendly_Link__c'],
            /^--user-field "cly__Calendly_Link__c" carries a namespace prefix/
        ],
        [
            'an invalid namespace',
            ['--name', 'A', '--namespace', 'cly__'],
            /^--namespace "cly__" is not a namespace prefix/
        ],
        [
            'a trigger order out of range',
            ['--name', 'A', '--trigger-order', '0'],
            /^--trigger-order "0" must be a whole number from 1 to 2000/
        ],
        [
            'a field label without --create-field',
            ['--name', 'A', '--field-label', 'Link'],
            /^--field-label labels a field this command creates: add --create-field/
        ]
    ])('refuses %s, naming the option', (_, args, message) => {
        expect(refusal(() => parseFlowCopyArgs(args))).toMatch(message);
    });
});

describe('npm run generate -- flow: the project', () => {
    let root: string;
    /** A managed-event copy, by slug, into a User field the project does not have. */
    const INTRO_CALL_COPY = [
        '--name',
        'Map_Intro',
        '--link-type',
        'ManagedEvent',
        '--event-slug',
        'intro-call',
        '--user-field',
        'Calendly_Intro_Call_Link__c'
    ];

    beforeAll(() => {
        root = makeProject();
        // A User field of the org that is not text.
        const fields = path.join(root, 'unpackaged/main/default/objects/User/fields');
        fs.mkdirSync(fields, { recursive: true });
        fs.writeFileSync(
            path.join(fields, 'Calendly_Opt_Out__c.field-meta.xml'),
            '<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>Calendly_Opt_Out__c</fullName>\n    <defaultValue>false</defaultValue>\n    <label>Calendly Opt Out</label>\n    <type>Checkbox</type>\n</CustomField>\n'
        );
    });

    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('writes an active copy into the unpackaged directory, never into the package', () => {
        const written = writeCopy(root, [
            '--name',
            'Map_User_Calendly_Link',
            '--label',
            'Map User Calendly Link'
        ]);

        expect(written).toEqual([
            'unpackaged/main/default/flows/Map_User_Calendly_Link.flow-meta.xml'
        ]);
        const flow = parseXml(read(root, written[0] ?? ''), 'copy');
        expect(childText(flow, 'label')).toBe('Map User Calendly Link');
        expect(childText(flow, 'status')).toBe('Active');
        expect(child(flow, 'isTemplate')).toBeUndefined();
        expect(childText(flow, 'triggerOrder')).toBe('500');
        expect(childText(flow, 'interviewLabel')).toBe('Map User Calendly Link {!$Record.Name}');
        expect(childText(flow, 'description')).toMatch(
            /^Copies each active Calendly profile link to the User field Calendly_Link__c of every active user .* An active copy of the MapUserCalendlyLinkTemplate flow template\.$/
        );
        // The package is what the definitions write, untouched.
        for (const file of ['flows/MapUserCalendlyLinkTemplate.flow-meta.xml']) {
            expect(read(root, `force-app/main/default/${file}`)).toBe(
                fs.readFileSync(path.join(REPO_ROOT, 'force-app/main/default', file), 'utf8')
            );
        }
    });

    it('refuses a flow name already taken, unless --force, and the package template always', () => {
        expect(refusal(() => writeCopy(root, ['--name', 'map_user_calendly_link']))).toBe(
            '--name map_user_calendly_link: unpackaged/main/default/flows/Map_User_Calendly_Link.flow-meta.xml already exists. Choose another --name, or add --force to overwrite it.'
        );
        const written = writeCopy(root, [
            '--name',
            'Map_User_Calendly_Link',
            '--description',
            'Our mapping.',
            '--trigger-order',
            '700',
            '--force'
        ]);
        const flow = parseXml(read(root, written[0] ?? ''), 'copy');
        expect(childText(flow, 'description')).toBe('Our mapping.');
        expect(childText(flow, 'triggerOrder')).toBe('700');
        expect(
            refusal(() => writeCopy(root, ['--name', 'MapUserCalendlyLinkTemplate', '--force']))
        ).toMatch(
            /^--name MapUserCalendlyLinkTemplate: force-app\/main\/default\/flows\/MapUserCalendlyLinkTemplate\.flow-meta\.xml is a flow of the package/
        );
    });

    it('replaces, with --force, a copy whose name differs in case only, leaving one definition', () => {
        writeCopy(root, ['--name', 'Map_Case_Demo']);
        expect(writeCopy(root, ['--name', 'MAP_CASE_DEMO', '--force'])).toEqual([
            'unpackaged/main/default/flows/MAP_CASE_DEMO.flow-meta.xml'
        ]);
        const flows = fs.readdirSync(path.join(root, 'unpackaged/main/default/flows'));
        expect(
            flows.filter((file) => file.toLowerCase() === 'map_case_demo.flow-meta.xml')
        ).toEqual(['MAP_CASE_DEMO.flow-meta.xml']);
    });

    it('refuses a User field that exists with another type, even with --force', () => {
        expect(
            refusal(() =>
                writeCopy(root, [
                    '--name',
                    'Map_Opt_Out',
                    '--user-field',
                    'Calendly_Opt_Out__c',
                    '--create-field',
                    '--force'
                ])
            )
        ).toBe(
            '--user-field Calendly_Opt_Out__c: unpackaged/main/default/objects/User/fields/Calendly_Opt_Out__c.field-meta.xml defines it as Checkbox, and a link needs a Text field. Choose another --user-field (add --create-field to create it).'
        );
    });

    it('refuses a field the project does not have unless --create-field, and creating the package field', () => {
        expect(refusal(() => writeCopy(root, INTRO_CALL_COPY))).toMatch(
            /^--user-field Calendly_Intro_Call_Link__c: no User field Calendly_Intro_Call_Link__c in this project\. Add --create-field/
        );
        expect(refusal(() => writeCopy(root, ['--name', 'Map_Again', '--create-field']))).toBe(
            '--create-field: force-app/main/default/objects/User/fields/Calendly_Link__c.field-meta.xml already defines User.Calendly_Link__c in the package; leave out --create-field.'
        );
    });

    it('creates the field and a permission set that grants it, once', () => {
        const args = [...INTRO_CALL_COPY, '--create-field'];
        expect(writeCopy(root, args)).toEqual([
            'unpackaged/main/default/flows/Map_Intro.flow-meta.xml',
            'unpackaged/main/default/objects/User/fields/Calendly_Intro_Call_Link__c.field-meta.xml',
            'unpackaged/main/default/permissionsets/Calendly_Intro_Call_Link_Access.permissionset-meta.xml'
        ]);
        const field = parseXml(
            read(
                root,
                'unpackaged/main/default/objects/User/fields/Calendly_Intro_Call_Link__c.field-meta.xml'
            ),
            'field'
        );
        expect([
            childText(field, 'type'),
            childText(field, 'length'),
            childText(field, 'label')
        ]).toEqual(['Text', '255', 'Calendly Intro Call Link']);
        const permissionSet = parseXml(
            read(
                root,
                'unpackaged/main/default/permissionsets/Calendly_Intro_Call_Link_Access.permissionset-meta.xml'
            ),
            'permission set'
        );
        expect(
            children(permissionSet, 'fieldPermissions').map((grant) => [
                childText(grant, 'field'),
                childText(grant, 'readable'),
                childText(grant, 'editable')
            ])
        ).toEqual([['User.Calendly_Intro_Call_Link__c', 'true', 'false']]);

        // Again, under another flow name: the field is there now.
        expect(refusal(() => writeCopy(root, ['--name', 'Map_Intro_2', ...args.slice(2)]))).toMatch(
            /^--create-field: unpackaged\/main\/default\/objects\/User\/fields\/Calendly_Intro_Call_Link__c\.field-meta\.xml already defines User\.Calendly_Intro_Call_Link__c\. Leave out --create-field/
        );
        expect(writeCopy(root, ['--name', 'Map_Intro_2', ...args.slice(2, -1)])).toEqual([
            'unpackaged/main/default/flows/Map_Intro_2.flow-meta.xml'
        ]);
    });

    it('selects the managed event type by slug or by name in the entry formula', () => {
        const bySlug = parseXml(
            read(root, 'unpackaged/main/default/flows/Map_Intro.flow-meta.xml'),
            'copy'
        );
        expect(childText(child(bySlug, 'start') ?? bySlug, 'filterFormula')).toMatch(
            /^ISPICKVAL\(\{!\$Record\.LinkType__c\}, "ManagedEvent"\) && \{!\$Record\.EventTypeSlug__c\} = "intro-call" && \(\n/
        );
        const [file = ''] = writeCopy(root, [
            '--name',
            'Map_Intro_By_Name',
            '--link-type',
            'ManagedEvent',
            '--event-name',
            'Intro call',
            '--user-field',
            'Calendly_Intro_Call_Link__c'
        ]);
        const byName = parseXml(read(root, file), 'copy');
        expect(childText(child(byName, 'start') ?? byName, 'filterFormula')).toMatch(
            /^ISPICKVAL\(\{!\$Record\.LinkType__c\}, "ManagedEvent"\) && \{!\$Record\.EventTypeName__c\} = "Intro call" && \(\n/
        );
    });

    it('prefixes the package object and fields with --namespace, and nothing else', () => {
        const [profile = ''] = writeCopy(root, ['--name', 'Map_Subscriber', '--namespace', 'cly']);
        const xml = read(root, profile);
        expect(xml).toContain('<object>cly__CalendlyLink__c</object>');
        expect(xml).toContain('{!$Record.cly__LinkType__c}');
        expect(xml).toContain('<elementReference>$Record.cly__Url__c</elementReference>');
        expect(xml).toContain(
            '<assignToReference>Loop_Matching_Users.cly__Calendly_Link__c</assignToReference>'
        );
        expect(xml).toContain('<field>Email</field>');
        const packaged =
            /(\w*)(CalendlyLink__c|Url__c|Email__c|LinkType__c|IsActive__c|Calendly_Link__c)\b/g;
        expect([...xml.matchAll(packaged)].filter((match) => match[1] !== 'cly__')).toEqual([]);

        const [event = ''] = writeCopy(root, [
            '--name',
            'Map_Subscriber_Intro',
            '--namespace',
            'cly',
            ...INTRO_CALL_COPY.slice(2)
        ]);
        const eventXml = read(root, event);
        expect(eventXml).toContain('{!$Record.cly__EventTypeSlug__c} = &quot;intro-call&quot;');
        // The org's own field keeps its name: only the package's fields carry the prefix.
        expect(eventXml).toContain('<field>Calendly_Intro_Call_Link__c</field>');
        expect(eventXml).not.toContain('cly__Calendly_Intro_Call_Link__c');
    });
});
