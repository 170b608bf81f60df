import { parseLogic, RecordStore, selectRecords, Transaction, type QuerySpec } from '..';
import type { FieldValues } from '../../types';
import { schema, user } from '../../__tests__/helpers';

/**
 * A page of a table in Id order (`WHERE ... AND Id > :last ORDER BY Id LIMIT n`), as the sync
 * reads its links while deactivating: read from the table's Ids in order, and the same rows as
 * sorting every match would give, also once records come and go or a transaction rolls back.
 */
const USER = schema.object('User', 'test');
const field = (name: string) => schema.field(USER, name, 'test');
const NO_TRIGGERS = { fire: () => undefined };

/** The page as the general path gives it: every match sorted by Id, then the offset and limit. */
function reference(store: RecordStore, spec: QuerySpec): string[] {
    const { limit, offset = 0, ...unpaged } = spec;
    const all = selectRecords(store, unpaged).map((record) => String(record['Id']));
    return all.slice(offset, limit === undefined ? undefined : offset + limit);
}

function page(after: string | null, limit: number, offset?: number): QuerySpec {
    const filters = [
        { field: field('IsActive'), operator: 'EqualTo' as const, value: true },
        ...(after === null
            ? []
            : [{ field: field('Id'), operator: 'GreaterThan' as const, value: after }])
    ];
    return {
        object: USER,
        filters,
        logic: parseLogic('and', filters.length),
        orderBy: [{ field: field('Id'), descending: false, nullsFirst: true }],
        limit,
        ...(offset === undefined ? {} : { offset })
    };
}

const ids = (rows: readonly FieldValues[]): string[] => rows.map((row) => String(row['Id']));

describe('a page of a table in Id order', () => {
    const store = new RecordStore();
    const transaction = new Transaction(schema, store, NO_TRIGGERS);
    transaction.dml({
        operation: 'insert',
        object: USER,
        allOrNone: true,
        records: Array.from({ length: 40 }, (_, index) =>
            user(`member${index}`, { IsActive: index % 3 !== 0 })
        )
    });
    transaction.commit();

    it('walks the table page by page from the last Id read, as sorting every match would', () => {
        const inOrder = jest.spyOn(store, 'idsInOrder');
        const walked: string[] = [];
        let after: string | null = null;
        for (;;) {
            const spec = page(after, 7);
            const rows = ids(selectRecords(store, spec));
            expect(rows).toEqual(reference(store, spec));
            if (rows.length === 0) {
                break;
            }
            walked.push(...rows);
            after = rows.at(-1) ?? null;
        }
        expect(walked).toEqual(reference(store, page(null, 1000)));
        expect(walked).toHaveLength(26);
        // Each page came from the Ids in order, not from a sort of every match.
        expect(inOrder.mock.calls.length).toBeGreaterThanOrEqual(5);
        inOrder.mockRestore();
    });

    it('takes Id >= and an offset as the general path does, and a 15-character Id as its 18', () => {
        const [, second = '', third = ''] = ids(selectRecords(store, page(null, 3)));
        const inclusive: QuerySpec = {
            ...page(null, 4, 2),
            filters: [
                { field: field('IsActive'), operator: 'EqualTo', value: true },
                { field: field('Id'), operator: 'GreaterThanOrEqualTo', value: second }
            ]
        };
        expect(ids(selectRecords(store, inclusive))).toEqual(reference(store, inclusive));
        const short = page(second.slice(0, 15), 2);
        expect(ids(selectRecords(store, short))[0]).toBe(third);
    });

    it('sees records inserted or deleted since the last page, and none a rollback undid', () => {
        const before = ids(selectRecords(store, page(null, 100)));
        const local = new Transaction(schema, store, NO_TRIGGERS);
        const [added] = local.dml({
            operation: 'insert',
            object: USER,
            allOrNone: true,
            records: [user('late')]
        });
        local.dml({
            operation: 'delete',
            object: USER,
            allOrNone: true,
            records: [{ Id: before[0] ?? null }]
        });
        const during = ids(selectRecords(store, page(null, 100)));
        expect(during).toEqual(reference(store, page(null, 100)));
        expect(during).toContain(added?.id);
        expect(during).not.toContain(before[0]);
        local.rollback();
        expect(ids(selectRecords(store, page(null, 100)))).toEqual(before);
    });
});
