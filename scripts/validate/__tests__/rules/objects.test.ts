import {
    copyFixture,
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

describe('field-permissions', () => {
    it('accepts grants of every optional field and none of the required one', async () => {
        expect(await findings(fixture('valid-project'), ['field-permissions'])).toEqual([]);
    });

    it('reports an optional field that no permission set grants, at the field', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_PERMISSION_SET]: replace(EMAIL_GRANT, '')
        });
        expect(await findings(dir, ['field-permissions'])).toEqual([
            expect.objectContaining({
                rule: 'field-permissions',
                severity: 'error',
                file: VALID_EMAIL_FIELD,
                message:
                    'No permission set of the project grants read access to Link__c.Email__c: nobody can see it.'
            })
        ]);
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
            'No permission set of the project grants read access to Link__c.IsActive__c: nobody can see it.',
            expect.stringContaining('Grants Link__c.Email__c, a master-detail field') as string,
            'Link__c.IsActive__c is editable but not readable.'
        ]);
    });
});
