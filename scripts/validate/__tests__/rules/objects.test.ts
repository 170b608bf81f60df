import {
    copyFixture,
    createProject,
    findings,
    fixture,
    removeTemporaryProjects,
    replace,
    VALID_EMAIL_FIELD,
    VALID_LIST_VIEW,
    VALID_OBJECT,
    VALID_PERMISSION_SET
} from '../helpers';

/** What permission sets, layouts and list views name, and which fields permission sets grant. */

afterAll(removeTemporaryProjects);

const LAYOUT = 'force-app/main/default/layouts/Link__c-Link_Layout.layout-meta.xml';
const EMAIL_GRANT = `    <fieldPermissions>
        <editable>false</editable>
        <field>Link__c.Email__c</field>
        <readable>true</readable>
    </fieldPermissions>
`;

describe('object-references', () => {
    it('accepts the valid permission set, layout, list view and search layouts', async () => {
        expect(await findings(fixture('valid-project'), ['object-references'])).toEqual([]);
    });

    it('reports unknown fields, objects and tabs in a permission set', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: (text) =>
                replace(
                    '<field>Link__c.Email__c</field>',
                    '<field>Link__c.Mail__c</field>'
                )(text)
                    .replace('<field>User.Calendly_Link__c</field>', '<field>User.Emial</field>')
                    .replace('<object>Link__c</object>', '<object>Links__c</object>')
                    .replace('<tab>Link__c</tab>', '<tab>Links__c</tab>')
        });
        const result = await findings(dir, ['object-references']);
        expect(result.map((item) => [item.path, item.message])).toEqual([
            [
                'PermissionSet.fieldPermissions[0].field',
                '`Link__c.Mail__c` does not exist: the project has no objects/Link__c/fields/Mail__c.field-meta.xml.'
            ],
            [
                'PermissionSet.fieldPermissions[3].field',
                '`User.Emial` is neither a custom field of the project nor a standard field the validator knows.'
            ],
            [
                'PermissionSet.objectPermissions.object',
                '`Links__c` is neither an object of the project nor a standard object the validator knows.'
            ],
            ['PermissionSet.tabSettings.tab', 'The tab Links__c is not in the project.']
        ]);
        expect(result[1]?.fix).toContain('scripts/project/objects/platform.ts');
        // A custom name is the project's to define; a standard one may be of a newer release
        // or of a feature the catalogue's org lacked.
        expect(result.map((item) => item.severity)).toEqual(['error', 'warning', 'error', 'error']);
    });

    it('warns of a standard object the catalogue lacks', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(
                '<object>Link__c</object>',
                '<object>BroadcastCommunication</object>'
            )
        });
        expect(await findings(dir, ['object-references'])).toEqual([
            expect.objectContaining({
                severity: 'warning',
                path: 'PermissionSet.objectPermissions.object',
                fix: expect.stringContaining('a newer release') as string
            })
        ]);
    });

    it('reports an Apex class and a flow that a permission set opens but the project lacks', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(
                '    <description>',
                '    <classAccesses>\n        <apexClass>LinkController</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n    <description>'
            )
        });
        expect(await findings(dir, ['object-references'])).toEqual([
            expect.objectContaining({
                line: 4,
                message: 'The Apex class LinkController is not in the project.'
            })
        ]);
    });

    it('finds an Apex class in sub-folders of classes/, as source format allows', async () => {
        const classes = 'force-app/main/default/classes/Links/Controllers';
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(
                '    <description>',
                '    <classAccesses>\n        <apexClass>LinkController</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n    <description>'
            ),
            [`${classes}/LinkController.cls`]: 'public with sharing class LinkController {\n}\n',
            [`${classes}/LinkController.cls-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`
        });
        expect(await findings(dir, ['object-references'])).toEqual([]);
    });

    it('reports a custom permission that a permission set enables but the project lacks', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(
                '    <description>',
                '    <customPermissions>\n        <enabled>true</enabled>\n        <name>Run_Sync</name>\n    </customPermissions>\n    <customPermissions>\n        <enabled>true</enabled>\n        <name>other__Run_Sync</name>\n    </customPermissions>\n    <description>'
            )
        });
        expect(await findings(dir, ['object-references'])).toEqual([
            expect.objectContaining({
                line: 5,
                path: 'PermissionSet.customPermissions[Run_Sync].name',
                message: 'The custom permission Run_Sync is not in the project.',
                fix: 'Fix the name, or add customPermissions/Run_Sync.customPermission-meta.xml.'
            })
        ]);
    });

    it('reports unknown fields in a layout, a list view and a search layout', async () => {
        const dir = copyFixture('valid-project', {
            [LAYOUT]: replace('<field>Email__c</field>', '<field>Mail__c</field>'),
            [VALID_LIST_VIEW]: (text) =>
                replace(
                    '<columns>OWNER.ALIAS</columns>',
                    '<columns>Owner.Nickname</columns>'
                )(text).replace('<field>IsActive__c</field>', '<field>Active__c</field>'),
            [VALID_OBJECT]: replace(
                '<searchResultsAdditionalFields>Email__c</searchResultsAdditionalFields>',
                '<searchResultsAdditionalFields>Mail__c</searchResultsAdditionalFields>'
            )
        });
        const result = await findings(dir, ['object-references']);
        expect(result.map((item) => [item.file, item.path])).toEqual([
            [LAYOUT, 'Layout.layoutSections.layoutColumns[0].layoutItems[2].field'],
            [VALID_OBJECT, 'CustomObject.searchLayouts.searchResultsAdditionalFields'],
            [VALID_LIST_VIEW, 'ListView.columns[3]'],
            [VALID_LIST_VIEW, 'ListView.filters.field']
        ]);
    });
});

/** The fixture's sfdx-project.json with the severity of a field that nothing grants. */
const PROJECT_WITH_SEVERITY = (severity: string): string =>
    JSON.stringify({
        packageDirectories: [{ path: 'force-app', default: true }],
        name: 'valid-project',
        sourceApiVersion: '66.0',
        plugins: { validate: { ungrantedFieldSeverity: severity } }
    });

describe('field-permissions', () => {
    it('accepts grants of every optional field and none of the required one', async () => {
        expect(await findings(fixture('valid-project'), ['field-permissions'])).toEqual([]);
    });

    it('warns of an optional field that no permission set grants, at the field', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(EMAIL_GRANT, '')
        });
        expect(await findings(dir, ['field-permissions'])).toEqual([
            expect.objectContaining({
                rule: 'field-permissions',
                severity: 'warning',
                file: VALID_EMAIL_FIELD,
                message:
                    'No permission set or profile of the project grants read access to Link__c.Email__c: nobody can see it.'
            })
        ]);
    });

    it('reports a field without a grant at the severity sfdx-project.json sets', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(EMAIL_GRANT, ''),
            'sfdx-project.json': PROJECT_WITH_SEVERITY('error')
        });
        expect(await findings(dir, ['field-permissions'])).toEqual([
            expect.objectContaining({ severity: 'error', file: VALID_EMAIL_FIELD })
        ]);
        const wrong = copyFixture('valid-project', {
            'sfdx-project.json': PROJECT_WITH_SEVERITY('fatal')
        });
        expect(await findings(wrong, ['field-permissions'])).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: 'sfdx-project.json',
                message: expect.stringContaining('"fatal"') as string
            })
        ]);
    });

    it('takes viewAllFields on the object, in a permission set or a profile, as a grant of every field', async () => {
        const viewAll = (text: string): string =>
            text.replace(
                '<viewAllRecords>false</viewAllRecords>',
                '<viewAllFields>true</viewAllFields>\n        <viewAllRecords>false</viewAllRecords>'
            );
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: (text) => viewAll(replace(EMAIL_GRANT, '')(text))
        });
        expect(await findings(dir, ['field-permissions'])).toEqual([]);
        const profile = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(EMAIL_GRANT, ''),
            'force-app/main/default/profiles/Reader.profile-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<Profile xmlns="http://soap.sforce.com/2006/04/metadata">
    <custom>true</custom>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>Link__c</object>
        <viewAllFields>true</viewAllFields>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
</Profile>
`
        });
        expect(await findings(profile, ['field-permissions'])).toEqual([]);
    });

    it('asks no grant for fields of custom metadata types, platform events and custom settings', async () => {
        const field = (name: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <label>${name}</label>
    <length>80</length>
    <required>false</required>
    <type>Text</type>
    <unique>false</unique>
</CustomField>
`;
        const object = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
${body}
</CustomObject>
`;
        const objects = 'force-app/main/default/objects';
        const dir = copyFixture('valid-project', {
            [`${objects}/Setting__mdt/Setting__mdt.object-meta.xml`]: object(
                '    <label>Setting</label>\n    <pluralLabel>Settings</pluralLabel>\n    <visibility>Public</visibility>'
            ),
            [`${objects}/Setting__mdt/fields/Value__c.field-meta.xml`]: field('Value__c'),
            [`${objects}/Change__e/Change__e.object-meta.xml`]: object(
                '    <deploymentStatus>Deployed</deploymentStatus>\n    <eventType>HighVolume</eventType>\n    <label>Change</label>\n    <pluralLabel>Changes</pluralLabel>\n    <publishBehavior>PublishAfterCommit</publishBehavior>'
            ),
            [`${objects}/Change__e/fields/Detail__c.field-meta.xml`]: field('Detail__c'),
            [`${objects}/Limits__c/Limits__c.object-meta.xml`]: object(
                '    <customSettingsType>Hierarchy</customSettingsType>\n    <enableFeeds>false</enableFeeds>\n    <label>Limits</label>\n    <visibility>Public</visibility>'
            ),
            [`${objects}/Limits__c/fields/Maximum__c.field-meta.xml`]: field('Maximum__c')
        });
        expect(await findings(dir, ['field-permissions'])).toEqual([]);
    });

    it('reports a grant of a required field, which the Metadata API refuses', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(
                EMAIL_GRANT,
                `${EMAIL_GRANT}${EMAIL_GRANT.replace('Email__c', 'Url__c')}`
            )
        });
        expect(await findings(dir, ['field-permissions'])).toEqual([
            expect.objectContaining({
                file: VALID_PERMISSION_SET,
                path: 'PermissionSet.fieldPermissions[1]',
                message: expect.stringContaining(
                    'Grants Link__c.Url__c, a required field'
                ) as string
            })
        ]);
    });

    it('reports a grant of a master-detail field and an editable field that is not readable', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_EMAIL_FIELD]: replace(
                '<type>Email</type>',
                '<referenceTo>Account</referenceTo>\n    <type>MasterDetail</type>'
            ),
            [VALID_PERMISSION_SET]: replace(
                '<editable>false</editable>\n        <field>Link__c.IsActive__c</field>\n        <readable>true</readable>',
                '<editable>true</editable>\n        <field>Link__c.IsActive__c</field>\n        <readable>false</readable>'
            )
        });
        const result = await findings(dir, ['field-permissions']);
        expect(result.map((item) => item.message)).toEqual([
            'No permission set or profile of the project grants read access to Link__c.IsActive__c: nobody can see it.',
            expect.stringContaining('Grants Link__c.Email__c, a master-detail field') as string,
            'Link__c.IsActive__c is editable but not readable.'
        ]);
    });

    it('takes an Activity custom field as a field of Task and Event, granted under their names', async () => {
        const dir = createProject({
            'force-app/main/default/objects/Activity/fields/Visit__c.field-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Visit__c</fullName>
    <label>Visit</label>
    <length>80</length>
    <type>Text</type>
</CustomField>
`,
            'force-app/main/default/permissionsets/Visits.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <fieldPermissions>
        <editable>true</editable>
        <field>Event.Visit__c</field>
        <readable>true</readable>
    </fieldPermissions>
    <fieldPermissions>
        <editable>true</editable>
        <field>Task.Visit__c</field>
        <readable>true</readable>
    </fieldPermissions>
    <label>Visits</label>
</PermissionSet>
`
        });
        expect(await findings(dir, ['object-references', 'field-permissions'])).toEqual([]);
    });
});
