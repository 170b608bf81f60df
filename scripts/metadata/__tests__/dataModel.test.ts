import { child, childText, children, type XmlElement } from '../../xml/parse';
import { generatedNames, generatedXml, text } from './generated';

const LINK_FIELDS = [
    'CalendlyUri__c',
    'CalendlyUserName__c',
    'CalendlyUserUri__c',
    'Email__c',
    'EventTypeName__c',
    'EventTypeSlug__c',
    'IsActive__c',
    'LastSyncedAt__c',
    'LinkType__c',
    'MissedRuns__c',
    'SyncNumber__c',
    'Url__c'
];

const linkField = (name: string): XmlElement =>
    generatedXml(`objects/CalendlyLink__c/fields/${name}.field-meta.xml`);

/** The elements of a field that say what it holds, as Setup shows them. */
function shape(field: XmlElement): Record<string, string> {
    const found: Record<string, string> = {};
    for (const name of [
        'type',
        'length',
        'required',
        'externalId',
        'unique',
        'caseSensitive',
        'defaultValue'
    ]) {
        const value = childText(field, name);
        if (value !== undefined) {
            found[name] = value;
        }
    }
    return found;
}

describe('CalendlyLink__c', () => {
    it('is a custom object with exactly the link fields', () => {
        expect(
            text(generatedXml('objects/CalendlyLink__c/CalendlyLink__c.object-meta.xml'), 'label')
        ).toBe('Calendly Link');
        expect(generatedNames('objects/CalendlyLink__c/fields')).toEqual(
            LINK_FIELDS.map((name) => `${name}.field-meta.xml`)
        );
        for (const name of LINK_FIELDS) {
            expect(text(linkField(name), 'fullName')).toBe(name);
        }
    });

    const text255 = {
        type: 'Text',
        length: '255',
        required: 'false',
        externalId: 'false',
        unique: 'false'
    };
    const contract: [string, Record<string, string>][] = [
        ['Url__c', { ...text255, required: 'true' }],
        ['Email__c', { type: 'Email', required: 'false', externalId: 'false', unique: 'false' }],
        [
            'CalendlyUri__c',
            { ...text255, externalId: 'true', unique: 'true', caseSensitive: 'true' }
        ],
        ['CalendlyUserUri__c', text255],
        ['CalendlyUserName__c', text255],
        ['EventTypeName__c', text255],
        ['EventTypeSlug__c', text255],
        ['IsActive__c', { type: 'Checkbox', defaultValue: 'true', externalId: 'false' }],
        ['LastSyncedAt__c', { type: 'DateTime', required: 'false', externalId: 'false' }],
        ['LinkType__c', { type: 'Picklist', required: 'false', externalId: 'false' }],
        ['SyncNumber__c', { type: 'AutoNumber', externalId: 'false' }]
    ];

    it.each(contract)('%s has its contracted type and constraints', (name, expected) => {
        expect(shape(linkField(name))).toEqual(expected);
    });

    it('restricts LinkType__c to Profile and ManagedEvent, labelled Profile and Managed Event', () => {
        const valueSet = child(linkField('LinkType__c'), 'valueSet');
        const definition = valueSet && child(valueSet, 'valueSetDefinition');
        if (!valueSet || !definition) {
            throw new Error('LinkType__c has no value set definition.');
        }

        expect(text(valueSet, 'restricted')).toBe('true');
        expect(
            children(definition, 'value').map((value) => [
                text(value, 'fullName'),
                text(value, 'label')
            ])
        ).toEqual([
            ['Profile', 'Profile'],
            ['ManagedEvent', 'Managed Event']
        ]);
    });

    it('has list views an admin expects: all, active profile, active managed event, inactive', () => {
        const views = generatedNames('objects/CalendlyLink__c/listViews');
        expect(views).toEqual([
            'Active_Managed_Event_Links.listView-meta.xml',
            'Active_Profile_Links.listView-meta.xml',
            'All.listView-meta.xml',
            'Inactive_Links.listView-meta.xml'
        ]);
        const filters = (file: string): string[] =>
            children(generatedXml(`objects/CalendlyLink__c/listViews/${file}`), 'filters').map(
                (filter) =>
                    `${text(filter, 'field')} ${text(filter, 'operation')} ${text(filter, 'value')}`
            );
        expect(filters('All.listView-meta.xml')).toEqual([]);
        expect(filters('Active_Profile_Links.listView-meta.xml')).toEqual([
            'LinkType__c equals Profile',
            'IsActive__c equals 1'
        ]);
        expect(filters('Active_Managed_Event_Links.listView-meta.xml')).toEqual([
            'LinkType__c equals ManagedEvent',
            'IsActive__c equals 1'
        ]);
        expect(filters('Inactive_Links.listView-meta.xml')).toEqual(['IsActive__c equals 0']);
        const known = new Set(['NAME', ...LINK_FIELDS]);
        for (const file of views) {
            const columns = children(
                generatedXml(`objects/CalendlyLink__c/listViews/${file}`),
                'columns'
            );
            expect(columns.map((column) => column.text).filter((name) => !known.has(name))).toEqual(
                []
            );
        }
    });

    it('has a page layout showing the link, its owner in Calendly and every field', () => {
        const layout = generatedXml('layouts/CalendlyLink__c-Calendly_Link_Layout.layout-meta.xml');
        const shown = children(layout, 'layoutSections')
            .flatMap((section) => children(section, 'layoutColumns'))
            .flatMap((column) => children(column, 'layoutItems'))
            .map((item) => text(item, 'field'));
        expect(shown).toEqual(
            expect.arrayContaining([
                'Name',
                'OwnerId',
                ...LINK_FIELDS.filter((name) => name !== 'SyncNumber__c')
            ])
        );
    });
});

describe('User.Calendly_Link__c', () => {
    it('is the only User field: Text(255) labelled Calendly Link', () => {
        expect(generatedNames('objects/User/fields')).toEqual(['Calendly_Link__c.field-meta.xml']);
        const field = generatedXml('objects/User/fields/Calendly_Link__c.field-meta.xml');

        expect(text(field, 'fullName')).toBe('Calendly_Link__c');
        expect(text(field, 'label')).toBe('Calendly Link');
        expect(shape(field)).toEqual({
            type: 'Text',
            length: '255',
            required: 'false',
            externalId: 'false',
            unique: 'false'
        });
    });
});

describe('permission sets', () => {
    const permissionSet = (name: string): XmlElement =>
        generatedXml(`permissionsets/${name}.permissionset-meta.xml`);

    /** The permissions a set gives on the link object (the admin set also covers sync runs). */
    function objectAccess(set: XmlElement): Record<string, string> {
        const permissions = children(set, 'objectPermissions').filter(
            (permission) => text(permission, 'object') === 'CalendlyLink__c'
        );
        expect(permissions).toHaveLength(1);
        const [only] = permissions;
        if (!only) {
            throw new Error('No object permissions.');
        }
        return Object.fromEntries(
            only.children
                .filter((element) => element.name !== 'object')
                .map((element) => [element.name, element.text])
        );
    }

    /** The field permissions a set gives on link fields and User fields. */
    function fieldAccess(set: XmlElement): Record<string, string> {
        return Object.fromEntries(
            children(set, 'fieldPermissions')
                .filter((permission) => /^(CalendlyLink__c|User)\./.test(text(permission, 'field')))
                .map((permission) => [
                    text(permission, 'field'),
                    `${text(permission, 'readable') === 'true' ? 'read' : ''}${text(permission, 'editable') === 'true' ? '+edit' : ''}`
                ])
        );
    }

    /**
     * Every field a permission set can grant: the Metadata API refuses field permissions on a
     * required field (Url__c), which every user with object access sees anyway. The
     * auto-number (SyncNumber__c) can't be edited: only admins get it, to read.
     */
    const GRANTABLE = [
        ...LINK_FIELDS.filter(
            (name) =>
                childText(linkField(name), 'required') !== 'true' &&
                childText(linkField(name), 'type') !== 'AutoNumber'
        ).map((name) => `CalendlyLink__c.${name}`),
        'User.Calendly_Link__c'
    ].sort();

    it('are the admin and the reader sets', () => {
        expect(generatedNames('permissionsets')).toEqual([
            'Calendly_Links_Admin.permissionset-meta.xml',
            'Calendly_Links_Reader.permissionset-meta.xml'
        ]);
        // Every link field but the required URL and the auto-number, plus the User field.
        expect(GRANTABLE).toHaveLength(LINK_FIELDS.length - 1);
        expect(GRANTABLE).not.toContain('CalendlyLink__c.Url__c');
        expect(GRANTABLE).not.toContain('CalendlyLink__c.SyncNumber__c');
    });

    it('give readers nothing but the link object', () => {
        const reader = permissionSet('Calendly_Links_Reader');

        expect(children(reader, 'objectPermissions').map((p) => text(p, 'object'))).toEqual([
            'CalendlyLink__c'
        ]);
    });

    it('give admins full access to the object and every field', () => {
        const admin = permissionSet('Calendly_Links_Admin');

        expect(objectAccess(admin)).toEqual({
            allowCreate: 'true',
            allowDelete: 'true',
            allowEdit: 'true',
            allowRead: 'true',
            modifyAllRecords: 'true',
            viewAllRecords: 'true'
        });
        expect(fieldAccess(admin)).toEqual({
            ...Object.fromEntries(GRANTABLE.map((field) => [field, 'read+edit'])),
            'CalendlyLink__c.SyncNumber__c': 'read'
        });
    });

    it('give readers read-only access to the object, its fields and User.Calendly_Link__c', () => {
        const reader = permissionSet('Calendly_Links_Reader');

        expect(objectAccess(reader)).toEqual({
            allowCreate: 'false',
            allowDelete: 'false',
            allowEdit: 'false',
            allowRead: 'true',
            modifyAllRecords: 'false',
            viewAllRecords: 'false'
        });
        expect(fieldAccess(reader)).toEqual(
            Object.fromEntries(GRANTABLE.map((field) => [field, 'read']))
        );
    });
});
