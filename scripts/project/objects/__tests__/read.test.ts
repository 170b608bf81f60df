import { FIELD, model, OBJECT } from './helpers';

const DIR = 'force-app/main/default/objects';

/** What the model reads from each kind of field-meta.xml, as the file writes it. */
describe("the project's fields", () => {
    const objects = model({
        [`${DIR}/Link__c/Link__c.object-meta.xml`]: OBJECT(
            '<label>Link</label><nameField><label>Link Name</label><type>AutoNumber</type><displayFormat>L-{0000}</displayFormat></nameField>'
        ),
        [`${DIR}/Link__c/fields/Url__c.field-meta.xml`]: FIELD(
            'Url__c',
            '<label>URL</label><length>255</length><required>true</required><type>Text</type>'
        ),
        [`${DIR}/Link__c/fields/Uri__c.field-meta.xml`]: FIELD(
            'Uri__c',
            '<caseSensitive>true</caseSensitive><externalId>true</externalId><length>255</length><type>Text</type><unique>true</unique>'
        ),
        [`${DIR}/Link__c/fields/Email__c.field-meta.xml`]: FIELD('Email__c', '<type>Email</type>'),
        [`${DIR}/Link__c/fields/Kind__c.field-meta.xml`]: FIELD(
            'Kind__c',
            `<type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>
                <value><fullName>Profile</fullName><default>false</default><label>Profile</label></value>
                <value><fullName>ManagedEvent</fullName><default>false</default><label>Managed Event</label></value>
            </valueSetDefinition></valueSet>`
        ),
        [`${DIR}/Link__c/fields/Region__c.field-meta.xml`]: FIELD(
            'Region__c',
            '<type>Picklist</type><valueSet><restricted>true</restricted><valueSetName>Regions</valueSetName></valueSet>'
        ),
        [`${DIR}/Link__c/fields/Account__c.field-meta.xml`]: FIELD(
            'Account__c',
            '<deleteConstraint>SetNull</deleteConstraint><referenceTo>Account</referenceTo><relationshipName>Links</relationshipName><type>Lookup</type>'
        ),
        [`${DIR}/Link__c/fields/Active__c.field-meta.xml`]: FIELD(
            'Active__c',
            '<defaultValue>true</defaultValue><type>Checkbox</type>'
        ),
        [`${DIR}/Link__c/fields/Score__c.field-meta.xml`]: FIELD(
            'Score__c',
            '<formula>LEN(Url__c) * 2</formula><precision>18</precision><scale>0</scale><type>Number</type>'
        ),
        [`${DIR}/Link__c/fields/Serial__c.field-meta.xml`]: FIELD(
            'Serial__c',
            '<displayFormat>S-{000000}</displayFormat><type>AutoNumber</type>'
        ),
        [`${DIR}/Link__c/fields/Place__c.field-meta.xml`]: FIELD(
            'Place__c',
            '<scale>6</scale><type>Location</type>'
        )
    });
    const field = (name: string) => objects.field('Link__c', name);

    it('reads text fields with length, required, unique, case sensitivity and external ID', () => {
        expect(field('Url__c')).toEqual({
            origin: 'project',
            object: 'Link__c',
            name: 'Url__c',
            file: `${DIR}/Link__c/fields/Url__c.field-meta.xml`,
            line: 2,
            metadataType: 'Text',
            valueType: 'String',
            label: 'URL',
            length: 255,
            required: true,
            unique: false,
            caseSensitive: false,
            externalId: false
        });
        expect(field('Uri__c')).toMatchObject({
            unique: true,
            caseSensitive: true,
            externalId: true,
            required: false
        });
        expect(field('Email__c')).toMatchObject({ metadataType: 'Email', valueType: 'String' });
    });

    it('reads picklist values and whether they are restricted, or the global value set', () => {
        expect(field('Kind__c')).toMatchObject({
            picklist: { values: ['Profile', 'ManagedEvent'], restricted: true }
        });
        expect(field('Region__c')).toMatchObject({
            picklist: { values: [], restricted: true, valueSetName: 'Regions' }
        });
    });

    it('reads a lookup with its parent, its child relationship name and its path', () => {
        expect(field('Account__c')).toMatchObject({
            metadataType: 'Lookup',
            valueType: 'Id',
            referenceTo: ['Account'],
            relationshipName: 'Links',
            relationship: 'Account__r'
        });
        expect(objects.relationship('Link__c', 'Account__r')).toEqual({
            name: 'Account__r',
            idField: 'Account__c',
            target: 'Account',
            polymorphic: false,
            referenceTo: ['Account']
        });
    });

    it('keeps defaults as written, formulas with their return type, and auto-number formats', () => {
        expect(field('Active__c')).toMatchObject({ valueType: 'Boolean', defaultValue: 'true' });
        expect(field('Score__c')).toMatchObject({
            valueType: 'Decimal',
            precision: 18,
            scale: 0,
            formula: { expression: 'LEN(Url__c) * 2', returnType: 'Number' }
        });
        expect(field('Serial__c')).toMatchObject({
            valueType: 'String',
            displayFormat: 'S-{000000}'
        });
        expect(objects.object('Link__c')).toMatchObject({
            label: 'Link',
            nameField: { type: 'AutoNumber', label: 'Link Name', displayFormat: 'L-{0000}' }
        });
    });

    it("adds a geolocation field's latitude and longitude", () => {
        expect(field('Place__c')).toMatchObject({ valueType: 'Location' });
        expect(field('Place__Latitude__s')).toEqual({
            origin: 'platform',
            name: 'Place__Latitude__s',
            valueType: 'Double',
            componentOf: 'Place__c'
        });
        expect(field('place__longitude__S')?.name).toBe('Place__Longitude__s');
        expect(objects.projectFields.map((item) => item.name)).not.toContain('Place__Latitude__s');
    });
});
