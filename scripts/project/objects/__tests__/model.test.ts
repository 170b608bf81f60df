import { FIELD, model, OBJECT } from './helpers';

const DIR = 'force-app/main/default/objects';
const object = (name: string, body = ''): Record<string, string> => ({
    [`${DIR}/${name}/${name}.object-meta.xml`]: OBJECT(body)
});
const field = (
    objectName: string,
    name: string,
    body = '<type>Text</type>'
): Record<string, string> => ({
    [`${DIR}/${objectName}/fields/${name}.field-meta.xml`]: FIELD(name, body)
});
const names = (fields: readonly { readonly name: string }[] | undefined): string[] =>
    (fields ?? []).map((item) => item.name);

describe('object kinds', () => {
    const objects = model({
        ...object('Link__c'),
        ...object('Settings__c', '<customSettingsType>Hierarchy</customSettingsType>'),
        ...object('Codes__c', '<customSettingsType>List</customSettingsType>'),
        ...object('Mapping__mdt'),
        ...object('Changed__e'),
        ...object('Remote__x'),
        ...object('Archive__b')
    });

    it('follow the suffix, and a custom settings type makes a custom setting', () => {
        expect(
            [
                'Link__c',
                'Settings__c',
                'Codes__c',
                'Mapping__mdt',
                'Changed__e',
                'Remote__x',
                'Archive__b',
                'Account'
            ].map((name) => [name, objects.object(name)?.kind])
        ).toEqual([
            ['Link__c', 'custom-object'],
            ['Settings__c', 'custom-setting'],
            ['Codes__c', 'custom-setting'],
            ['Mapping__mdt', 'custom-metadata-type'],
            ['Changed__e', 'platform-event'],
            ['Remote__x', 'external-object'],
            ['Archive__b', 'big-object'],
            ['Account', 'standard']
        ]);
        expect(objects.object('Settings__c')?.customSettingsType).toBe('Hierarchy');
    });

    it("give each kind the platform's documented fields", () => {
        expect(names(objects.object('Link__c')?.fields)).toEqual([
            'Id',
            'Name',
            'OwnerId',
            'CreatedById',
            'CreatedDate',
            'LastModifiedById',
            'LastModifiedDate',
            'SystemModstamp',
            'IsDeleted',
            'LastViewedDate',
            'LastReferencedDate',
            'RecordTypeId',
            'CurrencyIsoCode',
            'LastActivityDate'
        ]);
        expect(objects.field('Link__c', 'RecordTypeId')).toMatchObject({
            origin: 'platform',
            condition: 'record-types',
            relationship: 'RecordType'
        });
        expect(names(objects.object('Mapping__mdt')?.fields)).toEqual([
            'Id',
            'DeveloperName',
            'MasterLabel',
            'Label',
            'Language',
            'NamespacePrefix',
            'QualifiedApiName',
            'IsProtected',
            'CreatedById',
            'CreatedDate',
            'LastModifiedById',
            'LastModifiedDate',
            'SystemModstamp'
        ]);
        expect(names(objects.object('Changed__e')?.fields)).toEqual([
            'ReplayId',
            'CreatedDate',
            'CreatedById',
            'EventUuid'
        ]);
        expect(names(objects.object('Remote__x')?.fields)).toEqual([
            'Id',
            'ExternalId',
            'DisplayUrl'
        ]);
        expect(objects.object('Archive__b')?.platformFieldsKnown).toBe(false);
    });

    it('give hierarchy custom settings their setup owner, and custom settings no owner', () => {
        expect(objects.field('Settings__c', 'SetupOwnerId')?.relationship).toBe('SetupOwner');
        expect(objects.relationship('Settings__c', 'SetupOwner')).toMatchObject({
            polymorphic: true,
            target: 'Name',
            referenceTo: ['Organization', 'Profile', 'User']
        });
        expect(objects.field('Codes__c', 'SetupOwnerId')).toBeUndefined();
        expect(objects.field('Codes__c', 'OwnerId')).toBeUndefined();
        expect(objects.field('Codes__c', 'Name')).toBeDefined();
    });

    it("give a custom object's owner as a user or a queue, read through the Name object", () => {
        expect(objects.relationship('Link__c', 'Owner')).toEqual({
            name: 'Owner',
            idField: 'OwnerId',
            target: 'Name',
            polymorphic: true,
            referenceTo: ['Group', 'User']
        });
        expect(objects.relationship('Link__c', 'CreatedBy')?.target).toBe('User');
    });
});

it('gives a detail object of a master-detail relationship no owner', () => {
    const objects = model({
        ...object('Line__c'),
        ...field(
            'Line__c',
            'Order__c',
            '<referenceTo>Order__c</referenceTo><type>MasterDetail</type>'
        )
    });
    expect(objects.field('Line__c', 'OwnerId')).toBeUndefined();
    expect(objects.relationship('Line__c', 'Owner')).toBeUndefined();
    expect(objects.relationship('Line__c', 'Order__r')?.target).toBe('Order__c');
});

describe('standard objects', () => {
    const objects = model({
        ...field('User', 'Calendly_Link__c'),
        ...field('Account', 'Tier__c', '<type>Number</type>'),
        ...field('Legacy', 'Code__c')
    });

    it('come from the catalogue, with the fields the project adds after', () => {
        expect(names(objects.object('user')?.fields)).toEqual([
            'Id',
            'Email',
            'Name',
            'IsActive',
            'ProfileId',
            'DelegatedApproverId',
            'MiddleName',
            'Suffix',
            'Calendly_Link__c'
        ]);
        expect(objects.object('USER')?.name).toBe('User');
        expect(objects.field('Account', 'tier__c')).toMatchObject({
            origin: 'project',
            object: 'Account',
            valueType: 'Decimal'
        });
        expect(objects.field('Account', 'BillingAddress')).toEqual({
            origin: 'catalogue',
            name: 'BillingAddress',
            valueType: 'Address'
        });
        expect(objects.inProject('Account')).toBe(true);
        expect(objects.inProject('Profile')).toBe(false);
    });

    it('that the project does not extend are read from the catalogue when asked for', () => {
        expect(names(objects.object('Profile')?.fields)).toEqual(['Id', 'Name']);
        expect(objects.object('Opportunity')).toBeUndefined();
    });

    it('add the documented fields that come with an org setting the catalogue lacks', () => {
        expect(objects.field('User', 'MiddleName')).toMatchObject({
            origin: 'platform',
            condition: 'middle-names'
        });
        expect(objects.field('Task', 'RecordTypeId')).toMatchObject({ condition: 'record-types' });
        expect(objects.relationship('Task', 'RecordType')?.target).toBe('RecordType');
    });

    it("keep the catalogue's relationships: single, polymorphic through Name, or to any object", () => {
        expect(objects.relationship('Account', 'owner')?.target).toBe('User');
        expect(objects.relationship('Lead', 'Owner')).toMatchObject({
            target: 'Name',
            polymorphic: true
        });
        expect(objects.relationship('User', 'DelegatedApprover')).toMatchObject({
            target: undefined,
            polymorphic: true
        });
    });

    it("that the catalogue lacks have the project's fields only", () => {
        expect(objects.object('Legacy')).toMatchObject({
            kind: 'standard',
            platformFieldsKnown: false
        });
        expect(names(objects.object('Legacy')?.fields)).toEqual(['Code__c']);
    });
});

describe('names', () => {
    const objects = model(
        {
            ...object('Link__c'),
            ...field('Link__c', 'Url__c'),
            ...field('User', 'Calendly_Link__c')
        },
        'cly'
    );

    it("are read in any case, with or without the project's prefix on its own custom names", () => {
        expect(objects.object('cly__LINK__c')?.name).toBe('Link__c');
        expect(objects.field('CLY__link__C', 'cly__url__c')?.name).toBe('Url__c');
        expect(objects.field('User', 'cly__Calendly_Link__c')?.name).toBe('Calendly_Link__c');
        expect(objects.relationship('Link__c', 'cly__Owner')).toBeUndefined();
    });

    it('never strip a prefix from a standard name, and leave other namespaces out', () => {
        expect(objects.field('User', 'cly__Email')).toBeUndefined();
        expect(objects.object('abc__Link__c')).toBeUndefined();
        expect(objects.isForeign('abc__Link__c')).toBe(true);
        expect(objects.isForeign('cly__Link__c')).toBe(false);
        expect(objects.isForeign('abc__Place__Latitude__s')).toBe(true);
        expect(objects.isForeign('Place__Latitude__s')).toBe(false);
        expect(objects.isForeignComponent('abc__LinkController')).toBe(true);
        expect(objects.isForeignComponent('cly__LinkController')).toBe(false);
    });
});

describe('activity custom fields', () => {
    const objects = model({
        ...field('Activity', 'Visit__c'),
        ...field('Task', 'Only_Tasks__c')
    });

    it('are fields of Task and Event, which share them', () => {
        expect(objects.field('Task', 'Visit__c')?.origin).toBe('project');
        expect(objects.field('Event', 'visit__c')?.origin).toBe('project');
        expect(objects.field('Task', 'Only_Tasks__c')?.origin).toBe('project');
        expect(objects.field('Event', 'Only_Tasks__c')).toBeUndefined();
        expect(objects.field('Task', 'Subject')?.origin).toBe('catalogue');
    });
});
