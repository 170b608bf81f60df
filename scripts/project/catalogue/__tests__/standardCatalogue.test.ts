import { readStandardCatalogue } from '..';
import type { SObjectField, StandardCatalogue } from '..';
import { removeTemporaryDirectories, temporaryDirectory } from './builders';

/**
 * The catalogue read from the jars the project installs (apex-dev-tools 65.0), asked what a
 * Salesforce admin or the tooling would ask of it.
 */

let catalogue: StandardCatalogue;

beforeAll(() => {
    catalogue = readStandardCatalogue({ cacheDirectory: temporaryDirectory('real') }).catalogue;
});

afterAll(removeTemporaryDirectories);

function fieldOf(object: string, name: string): SObjectField {
    const field = catalogue.field(object, name);
    if (field === undefined) {
        throw new Error(`${object}.${name} is not in the catalogue`);
    }
    return field;
}

describe('where the catalogue comes from', () => {
    it('names both jars and the Salesforce API version they describe', () => {
        expect(catalogue.apiVersion).toMatch(/^\d+\.\d+$/);
        expect(catalogue.sources.map((source) => source.jar)).toEqual([
            expect.stringMatching(/^sobject-types-.+\.jar$/),
            expect.stringMatching(/^standard-types-.+\.jar$/)
        ]);
        for (const source of catalogue.sources) {
            expect(source.version.startsWith(`${catalogue.apiVersion}.`)).toBe(true);
        }
    });
});

describe('standard objects', () => {
    it('holds thousands of objects, sorted by name', () => {
        const names = catalogue.sobjectNames();

        expect(names.length).toBeGreaterThan(4000);
        expect([...names].sort((left, right) => left.localeCompare(right, 'en'))).toEqual(names);
    });

    it.each([
        ['Account', 'Site', 'String'],
        ['Account', 'AnnualRevenue', 'Decimal'],
        ['Account', 'NumberOfEmployees', 'Integer'],
        ['Contact', 'Email', 'String'],
        ['Contact', 'Birthdate', 'Date'],
        ['Lead', 'IsConverted', 'Boolean'],
        ['Lead', 'ConvertedAccountId', 'Id'],
        ['Opportunity', 'Amount', 'Decimal'],
        ['Opportunity', 'CloseDate', 'Date'],
        ['Opportunity', 'StageName', 'String'],
        ['Case', 'ContactEmail', 'String'],
        ['Case', 'IsClosed', 'Boolean'],
        ['Campaign', 'IsActive', 'Boolean'],
        ['Order', 'EffectiveDate', 'Date'],
        ['Task', 'WhoId', 'Id'],
        ['Task', 'WhatId', 'Id'],
        ['Task', 'ActivityDate', 'Date'],
        ['Task', 'Status', 'String'],
        ['Task', 'IsClosed', 'Boolean'],
        ['Event', 'ActivityDateTime', 'Datetime'],
        ['Event', 'DurationInMinutes', 'Integer'],
        ['Event', 'IsAllDayEvent', 'Boolean'],
        ['ContentVersion', 'VersionData', 'Blob'],
        ['ContentVersion', 'ContentDocumentId', 'Id'],
        ['User', 'Email', 'String'],
        ['User', 'IsActive', 'Boolean'],
        ['User', 'ProfileId', 'Id'],
        ['User', 'Username', 'String'],
        ['Profile', 'Name', 'String'],
        ['PermissionSet', 'IsOwnedByProfile', 'Boolean'],
        ['Organization', 'IsSandbox', 'Boolean'],
        ['CronTrigger', 'CronJobDetailId', 'Id'],
        ['CronTrigger', 'NextFireTime', 'Datetime'],
        ['AsyncApexJob', 'Status', 'String'],
        ['AsyncApexJob', 'NumberOfErrors', 'Integer'],
        ['FlowDefinitionView', 'ApiName', 'String'],
        ['FlowDefinitionView', 'IsActive', 'Boolean'],
        // The jar types the view's version Ids as text, not Id.
        ['FlowDefinitionView', 'ActiveVersionId', 'String'],
        ['Account', 'BillingAddress', 'Address'],
        ['Contact', 'MailingAddress', 'Address'],
        ['AccountHistory', 'OldValue', 'Object'],
        ['Event', 'EventWhoIds', 'List<String>']
    ])('%s.%s is a %s', (object, name, type) => {
        expect(fieldOf(object, name)).toMatchObject({ kind: 'value', name, type });
    });

    it('knows the object a lookup points at, from its Id field and from its relationship', () => {
        expect(fieldOf('User', 'ProfileId')).toMatchObject({
            relationshipName: 'Profile',
            referenceTo: 'Profile'
        });
        expect(fieldOf('User', 'Profile')).toEqual({
            kind: 'parent',
            name: 'Profile',
            target: 'Profile',
            polymorphic: false,
            idField: 'ProfileId'
        });
        expect(fieldOf('Account', 'Owner')).toMatchObject({ target: 'User', idField: 'OwnerId' });
        expect(fieldOf('Contact', 'Account')).toMatchObject({ target: 'Account' });
        expect(fieldOf('CronTrigger', 'CronJobDetail')).toMatchObject({
            target: 'CronJobDetail',
            idField: 'CronJobDetailId'
        });
        expect(fieldOf('AsyncApexJob', 'ApexClass')).toMatchObject({ target: 'ApexClass' });
    });

    it('types polymorphic lookups as Name, whose fields every target shares', () => {
        expect(fieldOf('Task', 'Who')).toMatchObject({
            kind: 'parent',
            target: 'Name',
            polymorphic: true,
            idField: 'WhoId'
        });
        expect(fieldOf('Task', 'What')).toMatchObject({ target: 'Name', polymorphic: true });
        expect(fieldOf('Case', 'Owner')).toMatchObject({ target: 'Name', polymorphic: true });
        expect(catalogue.field('Name', 'Email')).toMatchObject({ type: 'String' });
        expect(fieldOf('FeedItem', 'RelatedRecord')).toMatchObject({
            target: 'SObject',
            polymorphic: true
        });
    });

    it('tells a compound address from a lookup to the Address object', () => {
        expect(fieldOf('Account', 'BillingAddress')).toMatchObject({ kind: 'value' });
        expect(fieldOf('Location', 'VisitorAddress')).toMatchObject({
            kind: 'parent',
            target: 'Address',
            idField: 'VisitorAddressId'
        });
    });

    it('lists child relationships with the object of their records', () => {
        expect(fieldOf('Account', 'Contacts')).toEqual({
            kind: 'children',
            name: 'Contacts',
            childObject: 'Contact'
        });
        expect(fieldOf('Account', 'Opportunities')).toMatchObject({ childObject: 'Opportunity' });
        expect(fieldOf('Account', 'ChildAccounts')).toMatchObject({ childObject: 'Account' });
        expect(fieldOf('User', 'PermissionSetAssignments')).toMatchObject({
            childObject: 'PermissionSetAssignment'
        });
    });

    it('points every relationship at an object of the catalogue, and back at its Id field', () => {
        const problems: string[] = [];
        for (const name of catalogue.sobjectNames()) {
            for (const field of catalogue.sobject(name)?.fields ?? []) {
                const target =
                    field.kind === 'parent'
                        ? field.target
                        : field.kind === 'children'
                          ? field.childObject
                          : undefined;
                if (target !== undefined && target !== 'SObject' && !catalogue.sobject(target)) {
                    problems.push(`${name}.${field.name} → ${target}`);
                }
                if (field.kind === 'parent' && field.idField !== undefined) {
                    const idField = catalogue.field(name, field.idField);
                    if (idField?.kind !== 'value' || idField.relationshipName !== field.name) {
                        problems.push(`${name}.${field.idField} ↛ ${field.name}`);
                    }
                }
            }
        }

        expect(problems).toEqual([]);
    });

    it('reads names in any case, as Apex and SOQL do, and gives them as Salesforce spells them', () => {
        expect(catalogue.sobject('aCCOUNT')).toBe(catalogue.sobject('Account'));
        expect(catalogue.sobject('account')?.name).toBe('Account');
        expect(catalogue.field('USER', 'isactive')).toBe(catalogue.field('User', 'IsActive'));
        expect(catalogue.field('crontrigger', 'cronjobdetail')?.name).toBe('CronJobDetail');
    });

    it('does not know custom objects or fields, nor made-up names', () => {
        expect(catalogue.sobject('CalendlyLink__c')).toBeUndefined();
        expect(catalogue.field('User', 'Calendly_Link__c')).toBeUndefined();
        expect(catalogue.field('NoSuchObject', 'Id')).toBeUndefined();
        expect(catalogue.field('Account', 'NoSuchField')).toBeUndefined();
    });
});

describe('platform Apex types', () => {
    it('groups the types by namespace, without the jar helpers that are no namespace', () => {
        const namespaces = catalogue.apexNamespaces();

        expect(namespaces).toEqual(
            expect.arrayContaining(['System', 'Database', 'Schema', 'ConnectApi', 'Messaging'])
        );
        expect(namespaces).not.toContain('Internal');
        expect(namespaces).not.toContain('SObjectStubs');
        expect(catalogue.apexTypes('system').map((type) => type.name)).toEqual(
            expect.arrayContaining(['Database', 'Limits', 'String', 'List', 'Map', 'Test'])
        );
    });

    it('gives System.Database its static DML and query methods', () => {
        const database = catalogue.apexType('System', 'Database');
        const insert = database?.methods.filter((method) => method.name === 'insert') ?? [];

        expect(database?.kind).toBe('class');
        expect(insert.length).toBeGreaterThan(1);
        expect(insert.every((method) => method.static)).toBe(true);
        expect(insert).toContainEqual({
            name: 'insert',
            static: true,
            parameters: ['System.List<System.SObject>', 'System.Boolean'],
            returnType: 'System.List<Database.SaveResult>'
        });
        // The jar's own list type for query results is Apex's List.
        expect(database?.methods).toContainEqual({
            name: 'query',
            static: true,
            parameters: ['System.String'],
            returnType: 'System.List<System.SObject>'
        });
    });

    it('gives System.Limits static counters', () => {
        expect(catalogue.apexType('system', 'limits')?.methods).toEqual(
            expect.arrayContaining([
                { name: 'getQueries', static: true, parameters: [], returnType: 'System.Integer' },
                {
                    name: 'getLimitQueries',
                    static: true,
                    parameters: [],
                    returnType: 'System.Integer'
                }
            ])
        );
    });

    it('gives System.String static and instance methods, under their Apex names', () => {
        const methods = catalogue.apexType('System', 'String')?.methods ?? [];

        expect(methods).toContainEqual({
            name: 'isBlank',
            static: true,
            parameters: ['System.String'],
            returnType: 'System.Boolean'
        });
        expect(methods).toContainEqual({
            name: 'toLowerCase',
            static: false,
            parameters: [],
            returnType: 'System.String'
        });
        expect(methods.map((method) => method.name)).not.toContain('toString$');
    });

    it('keeps the type parameters of generic types', () => {
        const list = catalogue.apexType('System', 'List');

        expect(list?.typeParameters).toEqual(['T']);
        expect(list?.interfaces).toEqual(['System.Iterable<T>']);
        expect(list?.methods).toContainEqual({
            name: 'get',
            static: false,
            parameters: ['System.Integer'],
            returnType: 'T'
        });
        expect(catalogue.apexType('System', 'Map')?.typeParameters).toEqual(['K', 'V']);
    });

    it('tells enums, interfaces and exceptions apart', () => {
        const loggingLevel = catalogue.apexType('System', 'LoggingLevel');

        expect(loggingLevel?.kind).toBe('enum');
        expect(loggingLevel?.values).toEqual(expect.arrayContaining(['DEBUG', 'ERROR', 'WARN']));
        // javac's values() and valueOf(java.lang.String) are Java's, not the type's.
        expect(loggingLevel?.methods).toEqual([]);
        expect(catalogue.apexType('System', 'Schedulable')?.kind).toBe('interface');
        expect(catalogue.apexType('System', 'DmlException')?.superclass).toBe('System.Exception');
        expect(catalogue.apexType('System', 'DmlException')?.constructors).toContainEqual({
            parameters: ['System.String']
        });
    });

    it('names inner types with a dot and reads names in any case', () => {
        expect(catalogue.apexType('component', 'apex.outputtext')?.name).toBe('Apex.OutputText');
        expect(catalogue.apexType('SYSTEM', 'database')).toBe(
            catalogue.apexType('System', 'Database')
        );
        expect(catalogue.apexType('System', 'NoSuchType')).toBeUndefined();
        expect(catalogue.apexTypes('NoSuchNamespace')).toEqual([]);
    });
});
