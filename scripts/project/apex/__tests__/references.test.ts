import type { FieldReference } from '..';
import { inMethod, outlineOf } from './helpers';

function references(statements: string): FieldReference[] {
    return [...outlineOf(inMethod(statements)).fieldReferences];
}

const described = (reference: FieldReference): [string, string, boolean] => [
    reference.object.name,
    reference.field.name,
    reference.qualified
];

describe('static field references', () => {
    it('are found qualified or not, with their lines', () => {
        const read = references(
            'Object a = User.Calendly_Link__c;\nObject b = Schema.SObjectType.Link__c.fields.Url__c;\nx = rec.Other__c;'
        );
        expect(read.map(described)).toEqual([
            ['User', 'Calendly_Link__c', false],
            ['Link__c', 'Url__c', true],
            ['rec', 'Other__c', false]
        ]);
        expect(read.map((reference) => reference.field.line)).toEqual([1, 2, 3]);
        expect(read[1]).toEqual({
            object: { name: 'Link__c', line: 2, column: 31 },
            field: { name: 'Url__c', line: 2, column: 46 },
            qualified: true
        });
    });

    it('take every form of the qualifier, in any case, and go on past calls', () => {
        const read = references(`Object a = Schema.Link__c.Url__c;
            Object b = sobjecttype.Link__c.FIELDS.Url__c.getDescribe();
            String c = User.Calendly_Link__C.getDescribe().getName();
            Object d = Link__c.fields.Url__c;`);
        expect(read.map(described)).toEqual([
            ['Link__c', 'Url__c', true],
            ['Link__c', 'Url__c', true],
            ['User', 'Calendly_Link__C', false],
            ['Link__c', 'Url__c', false]
        ]);
    });

    it('name the external ID field of an upsert statement', () => {
        expect(references('upsert links Link__c.Uri__c;').map(described)).toEqual([
            ['Link__c', 'Uri__c', false]
        ]);
    });

    it('are read in binds, and never in SOQL field names', () => {
        const read = references(
            'List<Link__c> l = [SELECT Owner__r.Email__c FROM Link__c WHERE Url__c = :link.Url__c];'
        );
        expect(read.map(described)).toEqual([['link', 'Url__c', false]]);
    });

    it('are not an object type, a standard field, a call or a safe navigation', () => {
        const read = references(`Boolean a = Schema.SObjectType.Link__c.isAccessible();
            Object b = User.Email;
            Object c = getLink().Url__c;
            Object d = link?.Url__c;
            Object e = this.link.Url__c;
            Object f = links[0].Url__c;`);
        expect(read).toEqual([]);
    });
});

describe('labels', () => {
    it('are found with System. or without, and with a namespace', () => {
        const outline = outlineOf(
            inMethod(
                "String s = System.Label.Greeting + Label.Farewell + label.ns.Other + Label.get('ns', 'Dynamic');"
            )
        );
        expect(outline.labels).toEqual([
            { name: 'Greeting', line: 1, column: 61, qualified: true },
            { name: 'Farewell', line: 1, column: 78, qualified: false },
            { name: 'Other', line: 1, column: 98, namespace: 'ns', qualified: false }
        ]);
    });
});
