import { DmlException, LimitException } from '../errors';
import {
    CHUNK_SIZE,
    LimitCounter,
    makeId,
    normalizeId,
    parseLogic,
    evaluateLogic,
    RecordStore,
    selectRecords,
    Transaction,
    type TriggerEvent,
    type TriggerHandler,
    type QueryFilter
} from '../org';
import type { FieldValues } from '../types';
import { link, org, schema, user } from './helpers';

const USER = schema.object('User', 'test');
const LINK = schema.object('CalendlyLink__c', 'test');
const field = (object: typeof USER, name: string) => schema.field(object, name, 'test');

/** A trigger handler that records the chunks it sees and lets a test act in them. */
function recorder(
    act: (transaction: Transaction, event: TriggerEvent) => void = () => undefined
): TriggerHandler & { events: TriggerEvent[] } {
    const events: TriggerEvent[] = [];
    return {
        events,
        fire(transaction, event) {
            events.push(event);
            act(transaction, event);
        }
    };
}

describe('Ids', () => {
    it('are Salesforce-style: key prefix, serial, and the case-safe suffix of the 18-character form', () => {
        expect(normalizeId('00D000000000062')).toBe('00D000000000062EAA');
        expect(normalizeId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        expect(normalizeId('001A0000006Vm9rIAC')).toBe('001A0000006Vm9rIAC');
        expect(normalizeId('not an id')).toBeUndefined();
        expect(makeId('005', 1)).toBe('005000000000001AAA');
    });

    it('are assigned in order, so that runs are repeatable', () => {
        const embedded = org([], { User: [user('ada'), user('grace')] });
        expect(embedded.records()['User']?.map((record) => record['Id'])).toEqual([
            '005000000000001AAA',
            '005000000000002AAA'
        ]);
    });
});

describe('condition logic', () => {
    it('parses and, or and custom logic with NOT and parentheses', () => {
        const test = (text: string, values: boolean[]) =>
            evaluateLogic(parseLogic(text, values.length), (index) => values[index] ?? false);
        expect(test('and', [true, false])).toBe(false);
        expect(test('or', [true, false])).toBe(true);
        expect(test('1 AND (2 OR 3)', [true, false, true])).toBe(true);
        expect(test('1 AND (2 OR 3)', [false, true, true])).toBe(false);
        expect(test('1 OR NOT 2', [false, false])).toBe(true);
        expect(test(' 1  and  2 ', [true, true])).toBe(true);
    });

    it('rejects logic that names a missing condition or does not parse', () => {
        expect(() => parseLogic('1 AND 4', 3)).toThrow(/not valid for 3 condition/);
        expect(() => parseLogic('1 AND (2', 2)).toThrow(/not valid/);
    });
});

describe('queries like SOQL', () => {
    const store = new RecordStore();
    const transaction = new Transaction(schema, store, recorder());
    transaction.dml({
        operation: 'insert',
        object: USER,
        allOrNone: true,
        records: [
            user('ada', { Email: 'Ada@Example.com', FirstName: 'Ada' }),
            user('grace', { IsActive: false }),
            user('alan', { Calendly_Link__c: 'https://calendly.com/alan' }),
            user('bob')
        ]
    });
    const select = (filters: QueryFilter[], logic = 'and', sort?: string, descending = false) =>
        selectRecords(store, {
            object: USER,
            filters,
            logic: parseLogic(logic, filters.length),
            ...(sort ? { sort: { field: field(USER, sort), descending } } : {})
        }).map((record) => record['LastName']);

    it('compares text without regard to case', () => {
        expect(
            select([{ field: field(USER, 'Email'), operator: 'EqualTo', value: 'ADA@example.COM' }])
        ).toEqual(['ada']);
    });

    it('finds empty fields with = null, and != a value also finds empty fields', () => {
        const linkField = field(USER, 'Calendly_Link__c');
        expect(select([{ field: linkField, operator: 'EqualTo', value: null }])).toEqual([
            'ada',
            'grace',
            'bob'
        ]);
        expect(
            select([
                { field: linkField, operator: 'NotEqualTo', value: 'https://calendly.com/alan' }
            ])
        ).toEqual(['ada', 'grace', 'bob']);
        expect(select([{ field: linkField, operator: 'IsNull', value: false }])).toEqual(['alan']);
    });

    it('matches nothing when a checkbox is compared with null (null is not false)', () => {
        expect(
            select([{ field: field(USER, 'IsActive'), operator: 'EqualTo', value: null }])
        ).toEqual([]);
    });

    it('treats In an empty list as nothing and NotIn an empty list as everything', () => {
        expect(select([{ field: field(USER, 'Email'), operator: 'In', value: [] }])).toEqual([]);
        expect(
            select([{ field: field(USER, 'Email'), operator: 'NotIn', value: [] }])
        ).toHaveLength(4);
        expect(
            select([{ field: field(USER, 'LastName'), operator: 'In', value: ['ADA', 'bob'] }])
        ).toEqual(['ada', 'bob']);
    });

    it('applies StartsWith, Contains, GreaterThan and LessThan without regard to case', () => {
        expect(
            select([{ field: field(USER, 'Email'), operator: 'StartsWith', value: 'AL' }])
        ).toEqual(['alan']);
        expect(
            select([{ field: field(USER, 'Email'), operator: 'Contains', value: 'RAC' }])
        ).toEqual(['grace']);
        expect(
            select([{ field: field(USER, 'LastName'), operator: 'GreaterThan', value: 'B' }])
        ).toEqual(['grace', 'bob']);
        expect(
            select([{ field: field(USER, 'LastName'), operator: 'LessThan', value: 'B' }])
        ).toEqual(['ada', 'alan']);
    });

    it('sorts nulls first ascending and last descending', () => {
        expect(select([], 'and', 'FirstName')).toEqual(['grace', 'alan', 'bob', 'ada']);
        expect(select([], 'and', 'FirstName', true)[0]).toBe('ada');
    });

    it('gives the same rows through an index as by a scan, with custom logic', () => {
        const filters: QueryFilter[] = [
            { field: field(USER, 'IsActive'), operator: 'EqualTo', value: true },
            { field: field(USER, 'Email'), operator: 'EqualTo', value: 'ada@example.com' },
            { field: field(USER, 'Email'), operator: 'EqualTo', value: 'bob@example.com' }
        ];
        expect(select(filters, '1 AND (2 OR 3)')).toEqual(['ada', 'bob']);
        expect(select(filters, '1 AND (2 OR NOT 3)')).toEqual(['ada', 'alan']);
    });

    const names = (rows: FieldValues[]) => rows.map((row) => row['LastName']);

    it('matches LIKE with % and _ without regard to case', () => {
        const like = (value: string) =>
            names(
                transaction.select({
                    object: USER,
                    filters: [{ field: field(USER, 'Email'), operator: 'Like', value }],
                    logic: parseLogic('and', 1)
                })
            );
        expect(like('A%')).toEqual(['ada', 'alan']);
        expect(like('_ob@%')).toEqual(['bob']);
        expect(like('%RACE%')).toEqual(['grace']);
        expect(like('ada')).toEqual([]);
    });

    it('sorts by several ORDER BY keys with their nulls, then skips OFFSET rows', () => {
        const rows = transaction.select({
            object: USER,
            filters: [],
            logic: parseLogic('and', 0),
            orderBy: [
                { field: field(USER, 'FirstName'), descending: true, nullsFirst: false },
                { field: field(USER, 'LastName'), descending: true, nullsFirst: false }
            ],
            offset: 1,
            limit: 2
        });
        expect(names(rows)).toEqual(['grace', 'bob']);
    });

    it("filters on a parent's field through a lookup, an empty lookup reading as null", () => {
        const manager = field(USER, 'ManagerId');
        const store = new RecordStore();
        const local = new Transaction(schema, store, recorder());
        const [ada] = local.dml({
            operation: 'insert',
            object: USER,
            allOrNone: true,
            records: [user('ada')]
        });
        local.dml({
            operation: 'insert',
            object: USER,
            allOrNone: true,
            records: [user('bob', { ManagerId: ada?.id ?? null }), user('eve')]
        });
        const byManager = (value: string | null) =>
            names(
                local.select({
                    object: USER,
                    filters: [
                        {
                            field: field(USER, 'LastName'),
                            path: [manager],
                            operator: 'EqualTo',
                            value
                        }
                    ],
                    logic: parseLogic('and', 1)
                })
            );
        expect(byManager('ADA')).toEqual(['bob']);
        expect(byManager(null)).toEqual(['ada', 'eve']);
    });
});

describe('system fields', () => {
    it('stamps CreatedDate and LastModifiedDate from the save context, and leaves them out of the records shown', () => {
        const store = new RecordStore();
        let now = Date.UTC(2026, 0, 2, 3, 4, 5);
        const context = { now: () => now, userId: () => null };
        const transaction = new Transaction(schema, store, recorder(), undefined, context);
        const [result] = transaction.dml({
            operation: 'insert',
            object: LINK,
            allOrNone: true,
            records: [link('a')]
        });
        now += 60_000;
        transaction.dml({
            operation: 'update',
            object: LINK,
            allOrNone: true,
            records: [{ Id: result?.id ?? null, Url__c: 'https://calendly.com/b' }]
        });
        const stored = store.get(LINK.name, result?.id ?? '');
        expect(stored?.['CreatedDate']).toBe('2026-01-02T03:04:05.000Z');
        expect(stored?.['LastModifiedDate']).toBe('2026-01-02T03:05:05.000Z');
        expect(stored?.['SystemModstamp']).toBe('2026-01-02T03:05:05.000Z');
        const embedded = org([], { CalendlyLink__c: [link('c')] });
        expect(Object.keys(embedded.records()['CalendlyLink__c']?.[0] ?? {})).not.toContain(
            'CreatedDate'
        );
    });
});

describe('governor limits', () => {
    it('allow 100 SOQL queries, 50,000 rows, 150 DML statements and 10,000 DML rows per transaction', () => {
        const counter = new LimitCounter();
        for (let index = 0; index < 100; index++) {
            counter.query(500);
        }
        expect(() => {
            counter.query(0);
        }).toThrow(new LimitException('System.LimitException: Too many SOQL queries: 101'));
        const rows = new LimitCounter();
        expect(() => {
            rows.query(50_001);
        }).toThrow('Too many query rows: 50001');
        const dml = new LimitCounter();
        for (let index = 0; index < 150; index++) {
            dml.dml(1);
        }
        expect(() => {
            dml.dml(1);
        }).toThrow('Too many DML statements: 151');
        expect(() => {
            new LimitCounter().dml(10_001);
        }).toThrow('Too many DML rows: 10001');
    });
});

describe('DML', () => {
    it('applies default values from metadata on insert', () => {
        const embedded = org([], { CalendlyLink__c: [link('ada')] });
        expect(embedded.records()['CalendlyLink__c']?.[0]?.['IsActive__c']).toBe(true);
        expect(embedded.records()['User']).toEqual([]);
    });

    it('fires save automation in chunks of 200, before and after save', () => {
        const triggers = recorder();
        const transaction = new Transaction(schema, new RecordStore(), triggers);
        const records = Array.from({ length: 450 }, (_, index) => link(`member${index}`));
        transaction.dml({ operation: 'insert', object: LINK, records, allOrNone: true });
        expect(CHUNK_SIZE).toBe(200);
        expect(triggers.events.map((event) => `${event.timing}:${event.rows.length}`)).toEqual([
            'before:200',
            'after:200',
            'before:200',
            'after:200',
            'before:50',
            'after:50'
        ]);
        expect(transaction.limits.usage).toEqual({
            soqlQueries: 0,
            queryRows: 0,
            dmlStatements: 1,
            dmlRows: 450
        });
    });

    it('refuses a record without a required field, with a value too long or a bad restricted picklist value', () => {
        const transaction = new Transaction(schema, new RecordStore(), recorder());
        const results = transaction.dml({
            operation: 'insert',
            object: LINK,
            allOrNone: false,
            records: [
                link('a', { Url__c: null }),
                link('b', { Url__c: `https://${'x'.repeat(300)}` }),
                link('c', { LinkType__c: 'Team' }),
                link('d')
            ]
        });
        expect(results.map((result) => result.errors[0]?.statusCode ?? 'ok')).toEqual([
            'REQUIRED_FIELD_MISSING',
            'STRING_TOO_LONG',
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            'ok'
        ]);
    });

    it('refuses a duplicate of a unique field, within the statement and against stored records', () => {
        const embedded = org([], { CalendlyLink__c: [link('ada')] });
        const transaction = embedded.transaction();
        const results = transaction.dml({
            operation: 'insert',
            object: LINK,
            allOrNone: false,
            records: [
                link('ada', { Name: 'again' }),
                link('grace'),
                link('grace', { Name: 'twice' })
            ]
        });
        expect(results.map((result) => result.errors[0]?.statusCode ?? 'ok')).toEqual([
            'DUPLICATE_VALUE',
            'ok',
            'DUPLICATE_VALUE'
        ]);
    });

    it('all-or-none: one failed record rolls back the statement with what its triggers did, and throws', () => {
        const embedded = org([], { User: [user('ada')] });
        const adaId = String(embedded.records()['User']?.[0]?.['Id']);
        const triggers = recorder((transaction, event) => {
            if (event.object.name === 'CalendlyLink__c' && event.timing === 'after') {
                transaction.dml({
                    operation: 'update',
                    object: USER,
                    allOrNone: true,
                    records: [{ Id: adaId, Calendly_Link__c: 'x' }]
                });
            }
        });
        const transaction = new Transaction(schema, embedded.store, triggers);
        expect(() =>
            transaction.dml({
                operation: 'insert',
                object: LINK,
                allOrNone: true,
                records: [link('ok'), link('bad', { Url__c: null })]
            })
        ).toThrow(DmlException);
        expect(embedded.records()['CalendlyLink__c']).toEqual([]);
        expect(embedded.records()['User']?.[0]?.['Calendly_Link__c']).toBeNull();
    });

    it('partial success: rolls back, retries without the failed records and resets the limits for the retry', () => {
        const triggers = recorder();
        const transaction = new Transaction(schema, new RecordStore(), triggers);
        const results = transaction.dml({
            operation: 'insert',
            object: LINK,
            allOrNone: false,
            records: [link('ok'), link('bad', { Url__c: null })]
        });
        expect(results.map((result) => result.success)).toEqual([true, false]);
        expect(
            triggers.events
                .filter((event) => event.timing === 'after')
                .map((event) => event.rows.length)
        ).toEqual([1, 1]);
        expect(transaction.limits.usage.dmlStatements).toBe(1);
        expect(transaction.store.count('CalendlyLink__c')).toBe(1);
    });

    it('partial success by unit: a failed record fails the other records of its unit', () => {
        const transaction = new Transaction(schema, new RecordStore(), recorder());
        const results = transaction.dml({
            operation: 'insert',
            object: LINK,
            allOrNone: false,
            units: [0, 0, 1],
            records: [link('a'), link('b', { Url__c: null }), link('c')]
        });
        expect(results.map((result) => result.errors[0]?.statusCode ?? 'ok')).toEqual([
            'ALL_OR_NONE_OPERATION_ROLLED_BACK',
            'REQUIRED_FIELD_MISSING',
            'ok'
        ]);
    });

    it('upserts by external ID, exactly for a case-sensitive field', () => {
        const embedded = org([], { CalendlyLink__c: [link('ada')] });
        const transaction = embedded.transaction();
        const uri = schema.field(LINK, 'CalendlyUri__c', 'test');
        const results = transaction.dml({
            operation: 'upsert',
            object: LINK,
            externalId: uri,
            allOrNone: true,
            records: [
                {
                    CalendlyUri__c: 'https://api.calendly.com/users/ada',
                    Url__c: 'https://calendly.com/new',
                    LinkType__c: 'Profile'
                },
                {
                    CalendlyUri__c: 'https://api.calendly.com/users/ADA',
                    Url__c: 'https://calendly.com/other',
                    LinkType__c: 'Profile'
                }
            ]
        });
        expect(results.map((result) => result.created)).toEqual([false, true]);
        expect(embedded.records()['CalendlyLink__c']?.map((record) => record['Url__c'])).toEqual([
            'https://calendly.com/new',
            'https://calendly.com/other'
        ]);
    });

    it('deletes records, and a rollback puts them back in their place with their indexes', () => {
        const embedded = org([], { CalendlyLink__c: [link('a'), link('b'), link('c')] });
        const transaction = embedded.transaction();
        const ids = embedded.records()['CalendlyLink__c']?.map((record) => record['Id']) ?? [];
        transaction.dml({
            operation: 'delete',
            object: LINK,
            allOrNone: true,
            records: [{ Id: ids[0] ?? null }]
        });
        transaction.dml({
            operation: 'update',
            object: LINK,
            allOrNone: true,
            records: [{ Id: ids[1] ?? null, Email__c: 'moved@example.com' }]
        });
        expect(embedded.store.count('CalendlyLink__c')).toBe(2);
        transaction.rollback();
        expect(embedded.records()['CalendlyLink__c']?.map((record) => record['Email__c'])).toEqual([
            'a@example.com',
            'b@example.com',
            'c@example.com'
        ]);
        expect([
            ...embedded.store.lookup('CalendlyLink__c', field(LINK, 'Email__c'), 'b@example.com')
        ]).toEqual([ids[1]]);
    });

    it('refuses a restricted User field change after non-setup DML in the same transaction (mixed DML), but allows custom User fields', () => {
        const embedded = org([], { User: [user('ada'), user('grace')] });
        const [ada, grace] = (embedded.records()['User'] ?? []).map(
            (record) => record['Id'] ?? null
        );
        const transaction = embedded.transaction();
        transaction.dml({
            operation: 'insert',
            object: LINK,
            allOrNone: true,
            records: [link('ada')]
        });
        const results = transaction.dml({
            operation: 'update',
            object: USER,
            allOrNone: false,
            records: [
                { Id: ada ?? null, Calendly_Link__c: 'https://calendly.com/ada' },
                { Id: grace ?? null, IsActive: false }
            ]
        });
        expect(results.map((result) => result.errors[0]?.statusCode ?? 'ok')).toEqual([
            'ok',
            'MIXED_DML_OPERATION'
        ]);
    });

    it('stops nested saves past the trigger depth', () => {
        const triggers = recorder((transaction, event) => {
            if (event.timing === 'after') {
                const values: FieldValues = {
                    Id: event.rows[0]?.record['Id'] ?? null,
                    Name: 'again'
                };
                transaction.dml({
                    operation: 'update',
                    object: LINK,
                    allOrNone: true,
                    records: [values]
                });
            }
        });
        const transaction = new Transaction(schema, new RecordStore(), triggers);
        expect(() =>
            transaction.dml({
                operation: 'insert',
                object: LINK,
                allOrNone: true,
                records: [link('a')]
            })
        ).toThrow('Maximum trigger depth exceeded');
    });

    it('reports an update of a record that does not exist', () => {
        const transaction = new Transaction(schema, new RecordStore(), recorder());
        const [result] = transaction.dml({
            operation: 'update',
            object: LINK,
            allOrNone: false,
            records: [{ Id: 'a00000000000009AAA', Name: 'x' }]
        });
        expect(result?.errors[0]?.statusCode).toBe('ENTITY_IS_DELETED');
    });
});
