import { generatePackage, writeFiles } from '../../../generate';
import { validateProject } from '../..';
import {
    copyFixture,
    createProject,
    findings,
    fixture,
    removeTemporaryProjects,
    replace,
    VALID_EMAIL_FIELD,
    VALID_FLOW,
    VALID_LIST_VIEW,
    VALID_OBJECT,
    VALID_OBJECT_DIR,
    VALID_PERMISSION_SET
} from '../helpers';

const URL_FIELD = `${VALID_OBJECT_DIR}/fields/Url__c.field-meta.xml`;

afterAll(removeTemporaryProjects);

async function schemaFindings(
    changes: Parameters<typeof copyFixture>[1]
): ReturnType<typeof findings> {
    return findings(copyFixture('valid-project', changes), ['schema']);
}

describe('schema', () => {
    it('accepts the valid fixture', async () => {
        expect(await findings(fixture('valid-project'), ['schema'])).toEqual([]);
    });

    it("accepts every file of the package's generator", async () => {
        const dir = createProject({});
        const files = generatePackage();
        writeFiles(dir, files);
        const result = await validateProject(dir, { rules: ['schema'] });
        expect(result.summary.files).toBe(files.length);
        expect(result.findings).toEqual([]);
    });

    it('warns of an element the schema does not declare, with the element it resembles', async () => {
        expect(
            await schemaFindings({
                [VALID_EMAIL_FIELD]: replace(
                    '<required>false</required>',
                    '<requird>false</requird>'
                )
            })
        ).toEqual([
            expect.objectContaining({
                rule: 'schema',
                severity: 'warning',
                file: VALID_EMAIL_FIELD,
                line: 5,
                path: 'CustomField.requird',
                message:
                    '<requird> is not an element of CustomField in the Metadata API schema of @salesforce/types, which lacks some elements the API accepts.',
                fix: expect.stringContaining('<required>') as string
            })
        ]);
    });

    it('reports an undeclared element at the severity sfdx-project.json sets', async () => {
        const result = await schemaFindings({
            'sfdx-project.json': JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '66.0',
                plugins: { validate: { schemaGapSeverity: 'error' } }
            }),
            [VALID_EMAIL_FIELD]: replace('<required>false</required>', '<requird>false</requird>')
        });
        expect(result).toEqual([
            expect.objectContaining({ severity: 'error', path: 'CustomField.requird' })
        ]);
    });

    it('takes xsi:nil as no value, of a complex type too, and warns of an empty enum value', async () => {
        const result = await schemaFindings({
            [VALID_EMAIL_FIELD]: (text) =>
                replace(
                    '<fullName>Email__c</fullName>',
                    '<fullName>Email__c</fullName>\n    <deleteConstraint></deleteConstraint>'
                )(text).replace(
                    '<label>Email</label>',
                    '<label>Email</label>\n    <lookupFilter xsi:nil="true"/>'
                )
        });
        expect(result).toEqual([
            expect.objectContaining({
                severity: 'warning',
                path: 'CustomField.deleteConstraint',
                message: expect.stringContaining('is empty') as string
            })
        ]);
    });

    it('reports an unknown element deep in a flow with its element path', async () => {
        expect(
            await schemaFindings({
                [VALID_FLOW]: replace(
                    '<iterationOrder>Asc</iterationOrder>',
                    '<iterationOrder>Asc</iterationOrder><bogus>1</bogus>'
                )
            })
        ).toEqual([
            expect.objectContaining({
                path: 'Flow.loops[Loop_Matching_Users].bogus',
                message:
                    '<bogus> is not an element of FlowLoop in the Metadata API schema of @salesforce/types, which lacks some elements the API accepts.'
            })
        ]);
    });

    it('warns of an element out of schema order, which the Metadata API deploys', async () => {
        const result = await schemaFindings({
            [VALID_PERMISSION_SET]: (text) =>
                replace(
                    '    <label>Link Reader</label>\n',
                    ''
                )(text).replace(
                    '    <description>',
                    '    <label>Link Reader</label>\n    <description>'
                )
        });
        expect(result).toEqual([
            expect.objectContaining({
                severity: 'warning',
                line: 3,
                path: 'PermissionSet.label',
                message:
                    '<label> is out of the schema order of PermissionSet (inherited elements first, then alphabetical).',
                fix: 'Move <label> after <hasActivationRequired>.'
            })
        ]);
    });

    it('warns of a repeated element that is not contiguous', async () => {
        const permission = `    <fieldPermissions>
        <editable>false</editable>
        <field>Link__c.Email__c</field>
        <readable>true</readable>
    </fieldPermissions>
`;
        const result = await schemaFindings({
            [VALID_PERMISSION_SET]: replace(
                '    <objectPermissions>',
                `${permission}    <objectPermissions>`
            )
        });
        expect(result).toEqual([
            expect.objectContaining({
                severity: 'warning',
                path: 'PermissionSet.fieldPermissions[4]',
                message: expect.stringContaining(
                    'repeated with other elements in between'
                ) as string
            })
        ]);
    });

    it('reports an element that may appear once but appears twice', async () => {
        expect(
            await schemaFindings({
                [VALID_EMAIL_FIELD]: replace(
                    '<label>Email</label>',
                    '<label>Email</label>\n    <label>Mail</label>'
                )
            })
        ).toEqual([
            expect.objectContaining({
                message: '<label> appears more than once, but CustomField allows it once.'
            })
        ]);
    });

    it('warns of a missing required element, which the types may require where the API does not', async () => {
        expect(
            await schemaFindings({
                [VALID_LIST_VIEW]: replace('    <filterScope>Everything</filterScope>\n', '')
            })
        ).toEqual([
            expect.objectContaining({
                severity: 'warning',
                file: VALID_LIST_VIEW,
                path: 'ListView',
                message:
                    'ListView requires <filterScope> in the Metadata API schema of @salesforce/types, and it is missing.'
            })
        ]);
    });

    it('reports enum, boolean and number values the schema does not allow', async () => {
        const result = await schemaFindings({
            [VALID_OBJECT]: replace(
                '<sharingModel>ReadWrite</sharingModel>',
                '<sharingModel>ReadWriteAll</sharingModel>'
            ),
            [VALID_EMAIL_FIELD]: replace('<required>false</required>', '<required>yes</required>'),
            [URL_FIELD]: replace('<length>255</length>', '<length>long</length>')
        });
        expect(result.map((item) => [item.file, item.severity, item.message])).toEqual([
            [
                VALID_OBJECT,
                'warning',
                '<sharingModel> is "ReadWriteAll", which is not a value of SharingModel in the Metadata API schema of @salesforce/types.'
            ],
            [VALID_EMAIL_FIELD, 'error', '<required> is "yes", which is not a boolean.'],
            [URL_FIELD, 'error', '<length> is "long", which is not a number.']
        ]);
        expect(result[0]?.fix).toContain('ReadWrite');
    });

    it('reports a root element that is not the metadata type of the file', async () => {
        expect(
            await schemaFindings({
                [VALID_LIST_VIEW]: (text) => text.replace(/ListView/g, 'CustomField')
            })
        ).toEqual([
            expect.objectContaining({
                message: expect.stringContaining('make it a ListView') as string
            })
        ]);
    });

    it("accepts a Lightning component's targets written in the documented order, and nothing unknown", async () => {
        const bundle = 'force-app/main/default/lwc/hello';
        const meta = `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <isExposed>true</isExposed>
    <targets>
        <target>lightning__RecordPage</target>
    </targets>
    <targetConfigs>
        <targetConfig targets="lightning__RecordPage">
            <property name="greeting" type="String"/>
        </targetConfig>
    </targetConfigs>
</LightningComponentBundle>
`;
        const files = {
            [`${bundle}/hello.js`]:
                "import { LightningElement } from 'lwc';\nexport default class Hello extends LightningElement {}\n",
            [`${bundle}/hello.html`]: '<template></template>\n'
        };
        const documented = createProject({ ...files, [`${bundle}/hello.js-meta.xml`]: meta });
        expect(await findings(documented, ['schema'])).toEqual([]);
        const unknown = createProject({
            ...files,
            [`${bundle}/hello.js-meta.xml`]: meta
                .replace('<isExposed>', '<isExposd>')
                .replace('</isExposed>', '</isExposd>')
        });
        expect(await findings(unknown, ['schema'])).toEqual([
            expect.objectContaining({
                message:
                    '<isExposd> is not an element of LightningComponentBundle in the Metadata API schema of @salesforce/types, which lacks some elements the API accepts.'
            })
        ]);
    });

    it('reports a root element without the Metadata API namespace', async () => {
        expect(
            await schemaFindings({
                [VALID_LIST_VIEW]: replace(' xmlns="http://soap.sforce.com/2006/04/metadata"', '')
            })
        ).toEqual([
            expect.objectContaining({
                message: '<ListView> does not declare the Metadata API namespace.'
            })
        ]);
    });

    it("accepts the Tooling API's namespace, which files retrieved through it declare", async () => {
        expect(
            await schemaFindings({
                [VALID_LIST_VIEW]: replace(
                    'xmlns="http://soap.sforce.com/2006/04/metadata"',
                    'xmlns="urn:metadata.tooling.soap.sforce.com"'
                )
            })
        ).toEqual([]);
    });
});
