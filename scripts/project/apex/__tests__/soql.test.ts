import { outlineApex, parseApex, resolveAlias, type SoqlQuery, type SoqlSelect } from '..';
import { inMethod, outlineOf } from './helpers';

function queries(statements: string): SoqlQuery[] {
    return [...outlineOf(inMethod(statements)).queries];
}

/** A query's object and the names of its own fields, in source order. */
function names(query: SoqlSelect | undefined): { from: string; fields: string[] } {
    return {
        from: query?.from.name ?? '',
        fields: query?.fields.map((field) => field.name) ?? []
    };
}

describe('inline SOQL', () => {
    it('reads the object and the fields of a bracket query, and its subqueries apart', () => {
        const [query] = queries(`List<User> users = [
            SELECT Id, Owner.Email, toLabel(Title), (SELECT Subject FROM Tasks)
            FROM User
            WHERE IsActive = TRUE AND Email LIKE :pattern AND Id NOT IN (SELECT UserId FROM Other)
            ORDER BY LastName DESC NULLS LAST, FirstName
            LIMIT 10
        ];`);
        expect(names(query)).toEqual({
            from: 'User',
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
        });
        expect(query?.fields.map((field) => field.clause)).toEqual([
            'select',
            'select',
            'select',
            'where',
            'where',
            'where',
            'orderBy',
            'orderBy'
        ]);
        expect(query?.subqueries.map((subquery) => [subquery.kind, names(subquery)])).toEqual([
            ['relationship', { from: 'Tasks', fields: ['Subject'] }],
            ['semi-join', { from: 'Other', fields: ['UserId'] }]
        ]);
        expect(query?.orderBy).toEqual([
            { expression: 'LastName', direction: 'DESC', nulls: 'LAST' },
            { expression: 'FirstName' }
        ]);
    });

    it("reads the FROM clause's aliases and resolves fields written through them", () => {
        const [query] = queries(
            `Integer n = [SELECT c.Name, a.Name FROM Contact c, c.Account a WHERE a.Name != null].size();`
        );
        expect(query?.aliases).toEqual([
            { alias: 'c', path: '' },
            { alias: 'a', path: 'Account' }
        ]);
        expect(query?.fields.map((field) => resolveAlias(query.aliases, field.name))).toEqual([
            'Name',
            'Account.Name',
            'Account.Name'
        ]);
        const [plain] = queries('List<User> users = [SELECT Id FROM User];');
        expect(plain?.aliases).toEqual([]);
    });

    it('places the query, its object and each field at their line and column', () => {
        const [query] = queries(`List<User> users = [SELECT Id,
            Owner.Name FROM User];`);
        expect(query).toMatchObject({
            kind: 'inline',
            line: 1,
            column: 57,
            from: { name: 'User', line: 2, column: 29 },
            fields: [
                { name: 'Id', line: 1, column: 64, clause: 'select' },
                { name: 'Owner.Name', line: 2, column: 13, clause: 'select' }
            ]
        });
    });

    it('reads the arguments of functions and skips COUNT(), aliases and FIELDS()', () => {
        const read = queries(`Integer n = [SELECT COUNT() FROM Link__c WHERE IsActive__c = TRUE];
            List<AggregateResult> rows = [SELECT CALENDAR_YEAR(CreatedDate) y, COUNT(Id) n FROM Link__c GROUP BY CALENDAR_YEAR(CreatedDate)];
            List<Link__c> all = [SELECT FIELDS(STANDARD), FORMAT(Amount__c) amount, DAY_ONLY(convertTimezone(CreatedDate)) FROM Link__c];`);
        expect(read.map(names)).toEqual([
            { from: 'Link__c', fields: ['IsActive__c'] },
            { from: 'Link__c', fields: ['CreatedDate', 'Id', 'CreatedDate'] },
            { from: 'Link__c', fields: ['Amount__c', 'CreatedDate'] }
        ]);
        expect(read[1]?.fields.map((field) => field.clause)).toEqual([
            'select',
            'select',
            'groupBy'
        ]);
    });

    it('reads the fields of HAVING and of functions in WHERE, and none of TYPEOF', () => {
        const [aggregate, polymorphic] = queries(`
            List<AggregateResult> rows = [SELECT LeadSource, COUNT(Name) FROM Lead WHERE CALENDAR_YEAR(CreatedDate) = 2024 GROUP BY LeadSource HAVING COUNT(Name) > 100];
            List<Event> events = [SELECT Subject, TYPEOF What WHEN Account THEN Phone ELSE Name END FROM Event];`);
        expect(aggregate?.fields.map((field) => `${field.clause}:${field.name}`)).toEqual([
            'select:LeadSource',
            'select:Name',
            'where:CreatedDate',
            'groupBy:LeadSource',
            'having:Name'
        ]);
        expect(names(polymorphic)).toEqual({ from: 'Event', fields: ['Subject'] });
    });

    it('reads every kind of bind as an Apex expression, never as a field', () => {
        const [query] = queries(`List<Account> accounts = [
            SELECT Id FROM Account
            WHERE Name LIKE :('%' + name) AND Id IN :ids AND OwnerId = :UserInfo.getUserId()
            AND Id IN :new Set<Id>{ first.Id, second.Id } AND Type = :account.Type
            AND DISTANCE(Location__c, GEOLOCATION(:lat, :lng), 'mi') < 20
            AND CreatedDate = LAST_N_DAYS:30
            LIMIT :size OFFSET :offsets[0]
        ];`);
        expect(names(query).fields).toEqual([
            'Id',
            'Name',
            'Id',
            'OwnerId',
            'Id',
            'Type',
            'Location__c',
            'CreatedDate'
        ]);
        expect(query?.binds).toEqual([
            { expression: "('%' + name)", line: 3, column: 29 },
            { expression: 'ids', line: 3, column: 53 },
            { expression: 'UserInfo.getUserId()', line: 3, column: 72 },
            { expression: 'new Set<Id>{ first.Id, second.Id }', line: 4, column: 23 },
            { expression: 'account.Type', line: 4, column: 70 },
            { expression: 'lat', line: 5, column: 51 },
            { expression: 'lng', line: 5, column: 57 },
            { expression: 'size', line: 7, column: 19 },
            { expression: 'offsets[0]', line: 7, column: 32 }
        ]);
    });

    it('keeps the binds of a subquery with the subquery', () => {
        const [query] = queries(
            'List<Account> a = [SELECT Id, (SELECT Id FROM Contacts WHERE Email = :email) FROM Account WHERE Id IN (SELECT AccountId FROM Case WHERE OwnerId = :owner)];'
        );
        expect(query?.binds).toEqual([]);
        expect(
            query?.subqueries.map((subquery) => subquery.binds.map((bind) => bind.expression))
        ).toEqual([['email'], ['owner']]);
    });

    it('reads the access mode and the FOR clauses', () => {
        const read = queries(`List<User> a = [SELECT Id FROM User WITH USER_MODE];
            List<User> b = [SELECT Id FROM User WHERE Id = :id WITH SECURITY_ENFORCED LIMIT 1 FOR UPDATE];
            List<User> c = [SELECT Id FROM User FOR VIEW FOR REFERENCE];
            List<User> d = [SELECT Id FROM User];`);
        expect(read.map((query) => [query.accessMode, query.forClauses])).toEqual([
            ['USER_MODE', []],
            ['SECURITY_ENFORCED', ['UPDATE']],
            [undefined, ['VIEW', 'REFERENCE']],
            [undefined, []]
        ]);
    });

    it('reads a query nested in the bind of another', () => {
        const read = queries(
            'List<Contact> c = [SELECT Id FROM Contact WHERE AccountId IN :[SELECT Id FROM Account WHERE Name = :name]];'
        );
        expect(read.map(names)).toEqual([
            { from: 'Contact', fields: ['Id', 'AccountId'] },
            { from: 'Account', fields: ['Id', 'Name'] }
        ]);
    });
});

describe('dynamic SOQL', () => {
    it('reads a literal Database.query with escaped quotes, and no query built at run time', () => {
        const read =
            queries(`Database.query('SELECT Id, Url__c FROM Link__c WHERE Name = \\'a b\\'');
            Database.query(soql + ' WHERE X__c = 1');
            Database.query('SELECT Id FROM Link__c' + ' WHERE X__c = 1');`);
        expect(read.map(names)).toEqual([{ from: 'Link__c', fields: ['Id', 'Url__c', 'Name'] }]);
        expect(read[0]).toMatchObject({ kind: 'dynamic', method: 'query', syntaxErrors: [] });
    });

    it('places the fields of a dynamic query in the file, past escapes', () => {
        const [query] = queries(
            "List<SObject> r = System.Database.queryWithBinds('SELECT Id FROM Link__c WHERE Name = \\'x\\' AND Url__c IN :urls', binds, AccessLevel.USER_MODE);"
        );
        expect(query).toMatchObject({
            kind: 'dynamic',
            method: 'queryWithBinds',
            line: 1,
            column: 87,
            from: { name: 'Link__c', line: 1, column: 102 },
            fields: [
                { name: 'Id', line: 1, column: 94 },
                { name: 'Name', line: 1, column: 116 },
                { name: 'Url__c', line: 1, column: 133 }
            ],
            binds: [{ expression: 'urls', line: 1, column: 143 }]
        });
    });

    it('reads a multi-line string literal, line by line', () => {
        const [query] = queries(
            "List<SObject> r = Database.query('''\n    SELECT Id, Email__c\n    FROM Link__c\n''');"
        );
        expect(query).toMatchObject({
            from: { name: 'Link__c', line: 3, column: 10 },
            fields: [
                { name: 'Id', line: 2, column: 12 },
                { name: 'Email__c', line: 2, column: 16 }
            ]
        });
    });

    it('reads every Database method that takes a query, in any case', () => {
        const read = queries(`Database.countQuery('SELECT COUNT() FROM A__c');
            DATABASE.GetQueryLocator('SELECT Id FROM B__c');
            Database.countQueryWithBinds('SELECT COUNT() FROM C__c', binds, AccessLevel.USER_MODE);
            Database.getQueryLocatorWithBinds('SELECT Id FROM D__c', binds, AccessLevel.USER_MODE);
            Database.insert(records);
            Other.query('SELECT Id FROM E__c');`);
        expect(read.map((query) => [query.method, query.from.name])).toEqual([
            ['countQuery', 'A__c'],
            ['GetQueryLocator', 'B__c'],
            ['countQueryWithBinds', 'C__c'],
            ['getQueryLocatorWithBinds', 'D__c']
        ]);
    });

    it('keeps the syntax errors of a dynamic query, placed in the file', () => {
        const [query] = queries(
            "List<SObject> r = Database.query('SELECT Id FROM Link__c WHERE Name =');"
        );
        expect(query?.from.name).toBe('Link__c');
        // The query ends too early: the error is where the literal closes.
        expect(query?.syntaxErrors).toEqual([expect.objectContaining({ line: 1, column: 106 })]);
    });
});

describe('queries in comments and strings', () => {
    it('are not read', () => {
        const text = inMethod(`// [SELECT Bogus__c FROM User]
            /* User.Bogus__c */ String s = '[SELECT Bogus__c FROM User] User.Bogus__c';`);
        const outline = outlineApex(parseApex(text, 'Snippet.cls'));
        expect(outline.queries).toEqual([]);
        expect(outline.fieldReferences).toEqual([]);
    });
});
