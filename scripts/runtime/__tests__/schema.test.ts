import { ScenarioError } from '../errors';
import { parseFlow } from '../flow';
import { parseDataFile } from '../drivers/scenario';
import { EmbeddedOrg } from '../org/embedded';
import { loadSchema, type SourceFile } from '../schema';

/**
 * The embedded org's schema comes from the project's object schema: User's fields from
 * Salesforce's catalogue, the project's own objects and fields from their files. What the org
 * cannot store is refused where a run names it, with the place and the field's definition.
 */
const DIR = 'force-app/main/default/objects';
const OBJECT = (body = ''): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomObject>`;
const FIELD = (name: string, body: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n    <fullName>${name}</fullName>${body}</CustomField>`;
const file = (path: string, content: string): SourceFile => ({ path: `${DIR}/${path}`, content });

const FILES: SourceFile[] = [
    file('Widget__c/Widget__c.object-meta.xml', OBJECT('<label>Widget</label>')),
    file('Widget__c/fields/Size__c.field-meta.xml', FIELD('Size__c', '<type>Number</type>')),
    file(
        'Widget__c/fields/Double__c.field-meta.xml',
        FIELD('Double__c', '<formula>Parent__r.Size__c * 2</formula><type>Number</type>')
    ),
    file(
        'Widget__c/fields/Place__c.field-meta.xml',
        FIELD('Place__c', '<scale>6</scale><type>Location</type>')
    ),
    file(
        'Widget__c/fields/Region__c.field-meta.xml',
        FIELD(
            'Region__c',
            '<type>Picklist</type><valueSet><restricted>true</restricted><valueSetName>Regions</valueSetName></valueSet>'
        )
    ),
    file(
        'Widget__c/fields/Due__c.field-meta.xml',
        FIELD(
            'Due__c',
            '<defaultValue>DATEVALUE($User.CreatedDate)</defaultValue><type>Date</type>'
        )
    ),
    file('Gadget__c/fields/Color__c.field-meta.xml', FIELD('Color__c', '<type>Text</type>')),
    file(
        'User/fields/Calendly_Link__c.field-meta.xml',
        FIELD('Calendly_Link__c', '<type>Text</type><length>255</length>')
    )
];
const schema = loadSchema(FILES, 'cly');
const USER = schema.object('User', 'test');
const WIDGET = schema.object('Widget__c', 'test');

describe('the embedded org schema', () => {
    it("stores User's rule fields, in print order, with the project's fields after", () => {
        expect(USER.keyPrefix).toBe('005');
        expect(USER.setup).toBe(true);
        expect(USER.fields.map((field) => [field.name, field.type])).toEqual([
            ['Id', 'id'],
            ['Username', 'text'],
            ['Email', 'text'],
            ['FirstName', 'text'],
            ['LastName', 'text'],
            ['Name', 'text'],
            ['IsActive', 'checkbox'],
            ['ProfileId', 'reference'],
            ['UserRoleId', 'reference'],
            ['Calendly_Link__c', 'text'],
            ['CreatedDate', 'datetime'],
            ['LastModifiedDate', 'datetime'],
            ['SystemModstamp', 'datetime']
        ]);
        expect(USER.fields.filter((field) => field.required).map((field) => field.name)).toEqual([
            'Username',
            'Email',
            'LastName'
        ]);
    });

    it('stores another User field of the catalogue once a run names it, typed from its Apex type', () => {
        const data = parseDataFile(
            JSON.stringify({
                data: {
                    User: [
                        {
                            Username: 'ada@example.com.demo',
                            Email: 'ada@example.com',
                            LastName: 'Lovelace',
                            Department: 'Engines',
                            ManagerId: null,
                            ReceivesInfoEmails: true
                        }
                    ]
                }
            }),
            'data.json',
            schema
        );
        const org = new EmbeddedOrg(schema, []);
        org.load(data);
        expect(org.records()['User']?.[0]).toMatchObject({
            Department: 'Engines',
            ManagerId: null,
            ReceivesInfoEmails: true,
            Name: 'Lovelace'
        });
        expect(schema.findField(USER, 'department')?.type).toBe('text');
        expect(schema.findField(USER, 'ManagerId')?.type).toBe('reference');
        expect(() => schema.field(USER, 'Emial', 'data.json: data.User[0]')).toThrow(
            'data.json: data.User[0]: unknown field "Emial" on User'
        );
    });

    it('numbers custom objects a00, a01, ... by name and gives them Id and Name', () => {
        expect(WIDGET.keyPrefix).toBe('a01');
        expect(WIDGET.fields.map((field) => field.name)).toEqual([
            'Id',
            'Name',
            'Size__c',
            'CreatedDate',
            'LastModifiedDate',
            'SystemModstamp'
        ]);
    });

    it('stamps the system fields on save, and the user fields only in an org with a running user', () => {
        expect(WIDGET.fields.filter((field) => field.audit).map((field) => field.audit)).toEqual([
            'createdDate',
            'modifiedDate',
            'modifiedDate'
        ]);
        const withUser = loadSchema(FILES, 'cly', { setup: true });
        const widget = withUser.object('Widget__c', 'test');
        expect(
            widget.fields.filter((field) => field.audit).map((field) => [field.name, field.audit])
        ).toEqual([
            ['CreatedDate', 'createdDate'],
            ['LastModifiedDate', 'modifiedDate'],
            ['SystemModstamp', 'modifiedDate'],
            ['CreatedById', 'createdBy'],
            ['LastModifiedById', 'modifiedBy'],
            ['OwnerId', 'owner']
        ]);
        expect(widget.fields.find((field) => field.name === 'OwnerId')?.writable).toBe(true);
        expect(widget.fields.find((field) => field.name === 'CreatedDate')?.writable).toBe(false);
    });

    it('refuses a detail record without its master, on insert and on update', () => {
        const pair = loadSchema([
            file('Invoice__c/Invoice__c.object-meta.xml', OBJECT('<label>Invoice</label>')),
            file('InvoiceLine__c/InvoiceLine__c.object-meta.xml', OBJECT('<label>Line</label>')),
            file(
                'InvoiceLine__c/fields/Invoice__c.field-meta.xml',
                FIELD(
                    'Invoice__c',
                    '<referenceTo>Invoice__c</referenceTo><relationshipName>Lines</relationshipName><type>MasterDetail</type>'
                )
            )
        ]);
        const line = pair.object('InvoiceLine__c', 'test');
        const org = new EmbeddedOrg(pair, []);
        org.load([
            {
                object: pair.object('Invoice__c', 'test'),
                place: 'test data',
                records: [{ Name: 'INV-1' }]
            }
        ]);
        const invoice = String(org.records()['Invoice__c']?.[0]?.['Id']);
        const transaction = org.transaction();
        const inserted = transaction.dml({
            operation: 'insert',
            object: line,
            allOrNone: false,
            records: [{ Name: 'orphan' }, { Name: 'kept', Invoice__c: invoice }]
        });
        expect(inserted.map((result) => result.errors)).toEqual([
            [
                {
                    statusCode: 'REQUIRED_FIELD_MISSING',
                    message: 'Required fields are missing: [Invoice__c]',
                    fields: ['Invoice__c']
                }
            ],
            []
        ]);
        const updated = transaction.dml({
            operation: 'update',
            object: line,
            allOrNone: false,
            records: [{ Id: inserted[1]?.id ?? null, Invoice__c: null }]
        });
        expect(updated[0]?.errors[0]?.statusCode).toBe('REQUIRED_FIELD_MISSING');
    });

    it('loads a project with fields it cannot store, and refuses each where a run names it', () => {
        const refusal = (name: string): string => {
            try {
                schema.field(WIDGET, name, 'flows/Widget.flow-meta.xml:12');
            } catch (error: unknown) {
                return error instanceof ScenarioError ? error.message : String(error);
            }
            return 'not refused';
        };
        expect(refusal('Double__c')).toBe(
            `flows/Widget.flow-meta.xml:12: Widget__c.Double__c is a formula field (Number, ${DIR}/Widget__c/fields/Double__c.field-meta.xml:2) that reads Parent__r.Size__c, a field of another record (a cross-object formula): not supported by the embedded org, which stores text, numbers, checkboxes, dates, date-times, picklists and lookups. Leave the field out of the flow, scenario or FlowTest, or try it in an org.`
        );
        expect(refusal('Place__c')).toContain(
            `Widget__c.Place__c has type Location (${DIR}/Widget__c/fields/Place__c.field-meta.xml:2): not supported by the embedded org`
        );
        expect(refusal('Region__c')).toContain('global value set Regions');
        expect(refusal('Due__c')).toContain(
            'the default value "DATEVALUE($User.CreatedDate)", a formula'
        );
        expect(refusal('LastViewedDate')).toContain(
            'Widget__c.LastViewedDate is a system field the platform maintains'
        );
        expect(refusal('OwnerId')).toContain(
            'Widget__c.OwnerId is a system field the platform maintains'
        );
        expect(refusal('CreatedDate')).toBe('not refused');
        expect(refusal('Place__Latitude__s')).toBe('not refused');
        expect(schema.findField(WIDGET, 'Double__c')).toBeUndefined();
        expect(schema.refusal(WIDGET, 'Double__c')).toContain('is a formula field');
        expect(schema.refusal(WIDGET, 'Size__c')).toBeUndefined();
    });

    it("refuses a standard field whose Apex type it cannot store, and a formula a flow's filter names", () => {
        expect(() => schema.field(USER, 'Address', 'scenario.json: expect.User[0]')).toThrow(
            'scenario.json: expect.User[0]: User.Address holds Address values'
        );
        const flow = `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <label>Widget</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <filterLogic>and</filterLogic>
        <filters><field>Double__c</field><operator>EqualTo</operator><value><numberValue>2</numberValue></value></filters>
        <object>Widget__c</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>Active</status>
</Flow>`;
        expect(() => parseFlow(flow, 'flows/Widget.flow-meta.xml', schema)).toThrow(
            /^flows\/Widget\.flow-meta\.xml:\d+: Widget__c\.Double__c is a formula field/
        );
    });

    it('refuses an object whose fields the project defines without its object file, when named', () => {
        expect(schema.findObject('Gadget__c')).toBeUndefined();
        expect(() => schema.object('Gadget__c', 'scenario.json: steps[0]')).toThrow(
            'scenario.json: steps[0]: fields are defined for Gadget__c but its Gadget__c.object-meta.xml is missing'
        );
    });

    it('still refuses a file that is not well-formed XML, at its line', () => {
        expect(() =>
            loadSchema([file('Widget__c/Widget__c.object-meta.xml', '<CustomObject>\n<label>')])
        ).toThrow(
            /^force-app\/main\/default\/objects\/Widget__c\/Widget__c\.object-meta\.xml:\d+: /
        );
    });
});
