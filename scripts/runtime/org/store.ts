import type { FieldSchema, ObjectSchema } from '../schema';
import type { FieldValues, Scalar } from '../types';
import { makeId, normalizeId } from './ids';

type UndoEntry =
    | { readonly kind: 'insert'; readonly object: string; readonly id: string }
    | {
          readonly kind: 'update';
          readonly object: string;
          readonly id: string;
          readonly before: FieldValues;
      }
    | {
          readonly kind: 'delete';
          readonly object: string;
          readonly id: string;
          readonly before: FieldValues;
          readonly order?: number;
      };

const NULL_KEY = '\u0000';

/**
 * The key under which an equality index files a value, as SOQL's `=` compares: text without
 * regard to case, empty text as null, Ids in their 18-character form.
 * [verify in an org: fields defined unique and case-sensitive compare with case in SOQL]
 */
export function indexKey(field: FieldSchema, value: Scalar): string {
    if (value === null || value === '') {
        return NULL_KEY;
    }
    if (typeof value === 'string') {
        return field.type === 'id' || field.type === 'reference'
            ? (normalizeId(value) ?? value)
            : value.toLowerCase();
    }
    return `${typeof value}:${String(value)}`;
}

/**
 * Ids of the records whose field holds the value: as SOQL compares, or exactly for a field
 * defined case-sensitive (unique and external-ID matching).
 */
export function matchingIds(
    store: RecordStore,
    object: ObjectSchema,
    field: FieldSchema,
    value: Scalar
): string[] {
    if (value === null || value === '') {
        return [];
    }
    const ids = [...store.lookup(object.name, field, value)];
    return field.caseSensitive
        ? ids.filter((id) => store.get(object.name, id)?.[field.name] === value)
        : ids;
}

interface Table {
    readonly records: Map<string, FieldValues>;
    /** Insertion order, so that queries without a sort return records in a stable order. */
    readonly order: Map<string, number>;
    /** Equality indexes by field name. */
    readonly indexes: Map<string, FieldIndex>;
    reordered: boolean;
    /** Every Id of the table in ascending order, made on first use, until one comes or goes. */
    idsInOrder?: readonly string[] | undefined;
}

interface FieldIndex {
    readonly field: FieldSchema;
    readonly entries: Map<string, Set<string>>;
}

/**
 * The org's records, per object, with equality indexes built on first use and an undo journal
 * so that a transaction (or a savepoint inside it) can be rolled back. The store holds its own
 * copies: callers copy what they read before changing it.
 */
export class RecordStore {
    private readonly tables = new Map<string, Table>();
    private readonly serials = new Map<string, number>();
    private readonly numbers = new Map<string, number>();
    /** Ids that records being loaded carry, which newId must not hand out. */
    private readonly reserved = new Set<string>();

    public reserve(id: string): void {
        this.reserved.add(id);
    }
    private journal: UndoEntry[] = [];
    private sequence = 0;

    public newId(object: ObjectSchema): string {
        let serial = this.serials.get(object.keyPrefix) ?? 0;
        let id: string;
        do {
            serial += 1;
            id = makeId(object.keyPrefix, serial);
        } while (this.table(object.name).records.has(id) || this.reserved.has(id));
        this.serials.set(object.keyPrefix, serial);
        return id;
    }

    /** The next number of an auto-number field; numbers are not reused after a rollback. */
    public nextNumber(key: string): number {
        const next = (this.numbers.get(key) ?? 0) + 1;
        this.numbers.set(key, next);
        return next;
    }

    public get(object: string, id: string): FieldValues | undefined {
        return this.table(object).records.get(id);
    }

    public count(object: string): number {
        return this.table(object).records.size;
    }

    /** Every record of the object, in insertion order. */
    public all(object: string): FieldValues[] {
        const table = this.table(object);
        if (table.reordered) {
            // A rolled-back delete put a record back at the end of the map: restore the order.
            const entries = [...table.records].sort(
                ([a], [b]) => (table.order.get(a) ?? 0) - (table.order.get(b) ?? 0)
            );
            table.records.clear();
            entries.forEach(([id, values]) => table.records.set(id, values));
            table.reordered = false;
        }
        return [...table.records.values()];
    }

    /** Ids of the records whose field equals the value under SOQL's equality (see indexKey). */
    public lookup(object: string, field: FieldSchema, value: Scalar): ReadonlySet<string> {
        return this.index(object, field).get(indexKey(field, value)) ?? new Set<string>();
    }

    /**
     * Every Id of the object's records, ascending as SOQL's ORDER BY Id sorts them; kept until a
     * record is inserted or deleted, so that reading a large table in Id order, page by page,
     * does not sort it for every page.
     */
    public idsInOrder(object: string): readonly string[] {
        const table = this.table(object);
        table.idsInOrder ??= [...table.records.keys()].sort();
        return table.idsInOrder;
    }

    /** Orders Ids as their records were inserted. */
    public inInsertionOrder(object: string, ids: Iterable<string>): string[] {
        const order = this.table(object).order;
        return [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }

    public insert(object: string, values: FieldValues): void {
        const id = String(values['Id']);
        this.put(object, id, { ...values });
        this.journal.push({ kind: 'insert', object, id });
    }

    public update(object: string, values: FieldValues): void {
        const id = String(values['Id']);
        const before = this.table(object).records.get(id);
        if (before) {
            this.journal.push({ kind: 'update', object, id, before });
            this.unindex(object, id, before);
        }
        this.put(object, id, { ...values }, before ? this.table(object).order.get(id) : undefined);
    }

    public delete(object: string, id: string): void {
        const before = this.table(object).records.get(id);
        const order = this.table(object).order.get(id);
        if (before) {
            this.journal.push({
                kind: 'delete',
                object,
                id,
                before,
                ...(order === undefined ? {} : { order })
            });
            this.remove(object, id);
            this.table(object).order.delete(id);
        }
    }

    /** A point to roll back to: the length of the undo journal. */
    public savepoint(): number {
        return this.journal.length;
    }

    public rollbackTo(savepoint: number): void {
        while (this.journal.length > savepoint) {
            const entry = this.journal.pop();
            if (!entry) {
                break;
            }
            const table = this.table(entry.object);
            const current = table.records.get(entry.id);
            if (entry.kind === 'insert') {
                this.remove(entry.object, entry.id);
                table.order.delete(entry.id);
            } else if (entry.kind === 'update') {
                if (current) {
                    this.unindex(entry.object, entry.id, current);
                }
                this.put(entry.object, entry.id, entry.before, table.order.get(entry.id));
            } else {
                table.reordered = true;
                this.put(entry.object, entry.id, entry.before, entry.order);
            }
        }
    }

    /** Forgets the journal: what is in the store stays. */
    public commit(): void {
        this.journal = [];
    }

    /**
     * A store of its own with the records of the objects `keep` accepts, as they are now, and
     * the same Id and auto-number sequences: what an Apex test starts from (its changes are
     * thrown away with the copy).
     */
    public copy(keep: (object: string) => boolean = () => true): RecordStore {
        const copy = new RecordStore();
        for (const object of this.tables.keys()) {
            if (!keep(object)) {
                continue;
            }
            for (const record of this.all(object)) {
                copy.put(object, String(record['Id']), { ...record });
            }
        }
        this.serials.forEach((serial, prefix) => copy.serials.set(prefix, serial));
        this.numbers.forEach((number, key) => copy.numbers.set(key, number));
        this.reserved.forEach((id) => copy.reserved.add(id));
        return copy;
    }

    private table(object: string): Table {
        let table = this.tables.get(object);
        if (!table) {
            table = { records: new Map(), order: new Map(), indexes: new Map(), reordered: false };
            this.tables.set(object, table);
        }
        return table;
    }

    private index(object: string, field: FieldSchema): Map<string, Set<string>> {
        const table = this.table(object);
        let index = table.indexes.get(field.name);
        if (!index) {
            index = { field, entries: new Map() };
            for (const [id, values] of table.records) {
                addTo(index, values, id);
            }
            table.indexes.set(field.name, index);
        }
        return index.entries;
    }

    private put(object: string, id: string, values: FieldValues, order?: number): void {
        const table = this.table(object);
        if (!table.records.has(id)) {
            table.idsInOrder = undefined;
        }
        table.records.set(id, values);
        table.order.set(id, order ?? ++this.sequence);
        for (const index of table.indexes.values()) {
            addTo(index, values, id);
        }
    }

    private remove(object: string, id: string): void {
        const table = this.table(object);
        const values = table.records.get(id);
        if (values) {
            table.records.delete(id);
            table.idsInOrder = undefined;
            this.unindex(object, id, values);
        }
    }

    private unindex(object: string, id: string, values: FieldValues): void {
        for (const { field, entries } of this.table(object).indexes.values()) {
            entries.get(indexKey(field, values[field.name] ?? null))?.delete(id);
        }
    }
}

function addTo(index: FieldIndex, values: FieldValues, id: string): void {
    const key = indexKey(index.field, values[index.field.name] ?? null);
    let ids = index.entries.get(key);
    if (!ids) {
        ids = new Set();
        index.entries.set(key, ids);
    }
    ids.add(id);
}
