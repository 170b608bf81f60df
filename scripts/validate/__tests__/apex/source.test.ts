import { findFieldReferences, findQueries, lineOf, prepareApex } from '../../apex/source';

function queries(text: string): { object: string; fields: string[] }[] {
    return findQueries(prepareApex(text)).map((query) => ({
        object: query.object.name,
        fields: query.fields.map((field) => field.name)
    }));
}

describe('Apex source scanning', () => {
    it('reads the object and the fields of a bracket query, ignoring its subqueries', () => {
        const text = `List<User> users = [
            SELECT Id, Owner.Email, toLabel(Title), (SELECT Subject FROM Tasks)
            FROM User
            WHERE IsActive = TRUE AND Email LIKE :pattern AND Id NOT IN (SELECT UserId FROM Other)
            ORDER BY LastName DESC NULLS LAST, FirstName
            LIMIT 10
        ];`;
        expect(queries(text)).toEqual([
            {
                object: 'User',
                fields: [
                    'Id',
                    'Owner.Email',
                    'Title',
                    'IsActive',
                    'Email',
                    'Id',
                    'LastName',
                    'FirstName'
                ]
            }
        ]);
    });

    it('reads the arguments of functions and skips COUNT()', () => {
        const text = `Integer n = [SELECT COUNT() FROM Link__c WHERE IsActive__c = TRUE];
            List<AggregateResult> rows = [SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) n FROM Link__c GROUP BY CALENDAR_YEAR(CreatedDate)];`;
        expect(queries(text)).toEqual([
            { object: 'Link__c', fields: ['IsActive__c'] },
            { object: 'Link__c', fields: ['CreatedDate', 'Id', 'CreatedDate'] }
        ]);
    });

    it('reads a literal Database.query with escaped quotes, and no query built at run time', () => {
        const text = `Database.query('SELECT Id, Url__c FROM Link__c WHERE Name = \\'a b\\'');
            Database.query(soql + ' WHERE X__c = 1');`;
        expect(queries(text)).toEqual([{ object: 'Link__c', fields: ['Id', 'Url__c', 'Name'] }]);
    });

    it('ignores queries and field references in comments and strings', () => {
        const text = `// [SELECT Bogus__c FROM User]
            /* User.Bogus__c */ String s = '[SELECT Bogus__c FROM User] User.Bogus__c';`;
        const source = prepareApex(text);
        expect(findQueries(source)).toEqual([]);
        expect(findFieldReferences(source)).toEqual([]);
    });

    it('finds static field references, qualified or not, and their offsets', () => {
        const text =
            'Object a = User.Calendly_Link__c;\nObject b = Schema.SObjectType.Link__c.fields.Url__c;\nx = rec.Other__c;';
        const references = findFieldReferences(prepareApex(text));
        expect(
            references.map((reference) => [
                reference.object.name,
                reference.field.name,
                reference.qualified
            ])
        ).toEqual([
            ['User', 'Calendly_Link__c', false],
            ['Link__c', 'Url__c', true],
            ['rec', 'Other__c', false]
        ]);
        expect(references.map((reference) => lineOf(text, reference.field.offset))).toEqual([
            1, 2, 3
        ]);
    });
});
