import type * as md from '@salesforce/types/metadata';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { FieldValues, Scalar } from '../types';
import { normalizeId } from './ids';
import { evaluateLogic, type LogicNode } from './logic';
import type { RecordStore } from './store';

/** Operators of Get/Update/Delete Records filters (FlowRecordFilterOperator, less IsChanged). */
export const FILTER_OPERATORS = [
    'EqualTo',
    'NotEqualTo',
    'GreaterThan',
    'LessThan',
    'GreaterThanOrEqualTo',
    'LessThanOrEqualTo',
    'StartsWith',
    'EndsWith',
    'Contains',
    'IsNull',
    'In',
    'NotIn'
] as const satisfies readonly md.FlowRecordFilterOperator[];
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * What a query may compare with: the flow operators and SOQL's LIKE, whose `%` matches any
 * characters and `_` one character, without regard to case (SOQL and SOSL Reference,
 * "Comparison Operators").
 */
export type QueryOperator = FilterOperator | 'Like';

/**
 * The lookup fields a query walks from its object to a parent's field (`CreatedBy.Name` walks
 * CreatedById); empty for the object's own fields.
 */
export type FieldPath = readonly FieldSchema[];

export interface QueryFilter {
    readonly field: FieldSchema;
    readonly operator: QueryOperator;
    readonly value: Scalar | readonly Scalar[];
    /** The lookups to the record whose field is compared; the queried record when absent. */
    readonly path?: FieldPath;
}

/** One key of a SOQL ORDER BY. */
export interface SortKey {
    readonly field: FieldSchema;
    readonly path?: FieldPath;
    readonly descending: boolean;
    readonly nullsFirst: boolean;
}

export interface QuerySpec {
    readonly object: ObjectSchema;
    readonly filters: readonly QueryFilter[];
    readonly logic: LogicNode;
    /** A flow's sort: nulls first ascending, last descending. */
    readonly sort?: { readonly field: FieldSchema; readonly descending: boolean };
    /** SOQL's ORDER BY, key by key; takes the place of `sort`. */
    readonly orderBy?: readonly SortKey[];
    readonly limit?: number;
    readonly offset?: number;
    /** Fields to return besides Id; all fields when absent. */
    readonly fields?: readonly FieldSchema[];
}

/** Finds the record an Id names, whatever its object: how a query walks a lookup. */
export type RecordLookup = (id: string) => FieldValues | undefined;

function isList(value: Scalar | readonly Scalar[]): value is readonly Scalar[] {
    return Array.isArray(value);
}

/**
 * A value as SOQL compares it: text without regard to case, empty text as null, Ids in their
 * 18-character form. [verify in an org: case of range comparisons on text]
 */
function comparable(field: FieldSchema, value: Scalar): Scalar {
    if (value === '' || value === null) {
        return null;
    }
    if (typeof value !== 'string') {
        return value;
    }
    if (field.type === 'id' || field.type === 'reference') {
        return normalizeId(value) ?? value;
    }
    return field.type === 'date' || field.type === 'datetime' ? value : value.toLowerCase();
}

function order(a: Scalar, b: Scalar): number {
    if (a === b) {
        return 0;
    }
    if (a === null) {
        return -1;
    }
    if (b === null) {
        return 1;
    }
    return a < b ? -1 : 1;
}

/**
 * Whether a record meets one filter, as SOQL does: `=` null finds empty fields; `!=` a value
 * also finds empty fields; ranges and text matches never match an empty field; a checkbox
 * compared with null matches nothing, because flows treat null as different from false;
 * `In` an empty list matches nothing and `NotIn` an empty list matches everything.
 * [verify in an org: `!=` including empty fields; StartsWith with an empty value]
 */
export function matchesFilter(
    filter: QueryFilter,
    record: FieldValues,
    lookup?: RecordLookup
): boolean {
    return matcher(filter, lookup)(record);
}

/**
 * A filter as a test of one record, for a query that tests many: the value it compares with is
 * made comparable once (an `In` or `NotIn` list as a set, a LIKE pattern as a regular
 * expression), not at every record.
 */
function matcher(filter: QueryFilter, lookup?: RecordLookup): (record: FieldValues) => boolean {
    const { field, operator } = filter;
    const actualOf = (record: FieldValues): Scalar =>
        comparable(field, valueAt(record, filter.path, field, lookup));
    if (operator === 'In' || operator === 'NotIn') {
        const list = isList(filter.value) ? filter.value : [filter.value];
        const values = new Set(list.map((item) => comparable(field, item)));
        return (record) => {
            const actual = actualOf(record);
            // NaN is no value `===` finds, though a set has it.
            const found = actual !== null && !Number.isNaN(actual) && values.has(actual);
            return operator === 'In' ? found : !found;
        };
    }
    const raw = isList(filter.value) ? (filter.value[0] ?? null) : filter.value;
    if (operator === 'IsNull') {
        return (record) => (actualOf(record) === null) === Boolean(raw);
    }
    const expected = comparable(field, raw);
    if (field.type === 'checkbox' && expected === null) {
        return () => false;
    }
    switch (operator) {
        case 'EqualTo':
            return (record) => actualOf(record) === expected;
        case 'NotEqualTo':
            return (record) => actualOf(record) !== expected;
        case 'Like': {
            const pattern = expected === null ? undefined : likePattern(String(expected));
            return (record) => {
                const actual = actualOf(record);
                return actual !== null && pattern !== undefined && pattern.test(String(actual));
            };
        }
        case 'StartsWith':
        case 'EndsWith':
        case 'Contains': {
            const part = expected === null ? '' : String(expected);
            return (record) => {
                const actual = actualOf(record);
                if (actual === null) {
                    return false;
                }
                const text = String(actual);
                return operator === 'StartsWith'
                    ? text.startsWith(part)
                    : operator === 'EndsWith'
                      ? text.endsWith(part)
                      : text.includes(part);
            };
        }
        default:
            return (record) => {
                const actual = actualOf(record);
                if (actual === null || expected === null) {
                    return false;
                }
                const sign = order(actual, expected);
                return operator === 'GreaterThan'
                    ? sign > 0
                    : operator === 'LessThan'
                      ? sign < 0
                      : operator === 'GreaterThanOrEqualTo'
                        ? sign >= 0
                        : sign <= 0;
            };
    }
}

/**
 * A field's value on the record, or on the parent its lookups lead to: null when a lookup on
 * the way is empty (SOQL and SOSL Reference, "null Values in WHERE": a filter on a parent field
 * treats a missing parent as null).
 */
function valueAt(
    record: FieldValues,
    path: FieldPath | undefined,
    field: FieldSchema,
    lookup: RecordLookup | undefined
): Scalar {
    let current: FieldValues | undefined = record;
    for (const step of path ?? []) {
        const id: Scalar | undefined = current[step.name];
        current = typeof id === 'string' && lookup ? lookup(id) : undefined;
        if (!current) {
            return null;
        }
    }
    return current[field.name] ?? null;
}

/** A LIKE pattern as a regular expression: `%` any characters, `_` one, `\` escapes. */
function likePattern(pattern: string): RegExp {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
        const character = pattern.charAt(index);
        if (character === '\\' && index + 1 < pattern.length) {
            index += 1;
            source += escapeRegExp(pattern.charAt(index));
        } else if (character === '%') {
            source += '[\\s\\S]*';
        } else if (character === '_') {
            source += '[\\s\\S]';
        } else {
            source += escapeRegExp(character);
        }
    }
    return new RegExp(`^${source}$`, 'i');
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The Ids an equality index can narrow the query to, or undefined when every record must be
 * looked at: an AND takes its narrowest indexed branch, an OR the union of its branches when
 * each is indexed. The filters are still checked on every candidate.
 */
function candidates(
    store: RecordStore,
    spec: QuerySpec,
    node: LogicNode
): ReadonlySet<string> | undefined {
    switch (node.kind) {
        case 'condition': {
            const filter = spec.filters[node.index];
            if (!filter || filter.field.type === 'checkbox' || (filter.path?.length ?? 0) > 0) {
                return undefined;
            }
            const list = isList(filter.value) ? filter.value : [filter.value];
            const values =
                filter.operator === 'EqualTo' || filter.operator === 'In' ? list : undefined;
            if (!values || values.some((value) => value === null || value === '')) {
                return undefined;
            }
            const ids = new Set<string>();
            for (const value of values) {
                for (const id of store.lookup(spec.object.name, filter.field, value)) {
                    ids.add(id);
                }
            }
            return ids;
        }
        case 'and': {
            let best: ReadonlySet<string> | undefined;
            for (const item of node.items) {
                const ids = candidates(store, spec, item);
                if (ids && (!best || ids.size < best.size)) {
                    best = ids;
                }
            }
            return best;
        }
        case 'or': {
            const union = new Set<string>();
            for (const item of node.items) {
                const ids = candidates(store, spec, item);
                if (!ids) {
                    return undefined;
                }
                ids.forEach((id) => union.add(id));
            }
            return union;
        }
        case 'not':
            return undefined;
    }
}

/**
 * The keys a query sorts by, text without regard to case. A flow's sort puts nulls first
 * ascending and last descending; SOQL's ORDER BY says where nulls go, first by default (SOQL
 * and SOSL Reference, "ORDER BY"). [verify in an org: nulls of ORDER BY ... DESC]
 */
function sortKeys(spec: QuerySpec): readonly SortKey[] {
    if (spec.orderBy) {
        return spec.orderBy;
    }
    const sort = spec.sort;
    return sort
        ? [{ field: sort.field, descending: sort.descending, nullsFirst: !sort.descending }]
        : [];
}

/**
 * Runs a query against the store; returns copies holding Id and the queried fields. `lookup`
 * finds the parents of filters and sort keys on a parent's field.
 */
export function selectRecords(
    store: RecordStore,
    spec: QuerySpec,
    lookup?: RecordLookup
): FieldValues[] {
    const object = spec.object.name;
    const narrowed = spec.filters.length > 0 ? candidates(store, spec, spec.logic) : undefined;
    const matchers = spec.filters.map((filter) => matcher(filter, lookup));
    const matches = (record: FieldValues | undefined): record is FieldValues =>
        record !== undefined &&
        (spec.filters.length === 0 ||
            evaluateLogic(spec.logic, (index) => matchers[index]?.(record) ?? false));
    const keys = sortKeys(spec);
    if (narrowed === undefined && spec.limit !== undefined && isAscendingById(spec, keys)) {
        return copyFields(spec, firstById(store, spec, spec.limit, matches));
    }
    const pool = narrowed
        ? store.inInsertionOrder(object, narrowed).map((id) => store.get(object, id))
        : store.all(object);
    let rows = pool.filter(matches);
    if (keys.length > 0) {
        // Each record's sort values are read once, not at every comparison.
        const sorted = rows
            .map((record) => ({
                record,
                values: keys.map((key) =>
                    comparable(key.field, valueAt(record, key.path, key.field, lookup))
                )
            }))
            .sort((a, b) => {
                for (let index = 0; index < keys.length; index++) {
                    const key = keys[index];
                    const left = a.values[index] ?? null;
                    const right = b.values[index] ?? null;
                    if (!key || left === right) {
                        continue;
                    }
                    if (left === null || right === null) {
                        return (left === null) === key.nullsFirst ? -1 : 1;
                    }
                    const sign = order(left, right);
                    return key.descending ? -sign : sign;
                }
                return 0;
            });
        rows = sorted.map((entry) => entry.record);
    }
    const offset = spec.offset ?? 0;
    if (offset > 0 || spec.limit !== undefined) {
        rows = rows.slice(offset, spec.limit === undefined ? undefined : offset + spec.limit);
    }
    return copyFields(spec, rows);
}

/** The rows as a query returns them: copies, with the fields it asked for when it named them. */
function copyFields(spec: QuerySpec, rows: readonly FieldValues[]): FieldValues[] {
    const fields = spec.fields;
    return rows.map((record) => {
        if (!fields) {
            return { ...record };
        }
        const copy: FieldValues = { Id: record['Id'] ?? null };
        for (const field of fields) {
            copy[field.name] = record[field.name] ?? null;
        }
        return copy;
    });
}

/** Whether a query sorts by the object's own Id alone, ascending. */
function isAscendingById(spec: QuerySpec, keys: readonly SortKey[]): boolean {
    const [key, ...others] = keys;
    return (
        key !== undefined &&
        others.length === 0 &&
        !key.descending &&
        (key.path?.length ?? 0) === 0 &&
        key.field.type === 'id' &&
        key.field.name === 'Id' &&
        spec.object.fields.includes(key.field)
    );
}

/**
 * A page of a query in Id order (`ORDER BY Id LIMIT n`, with an offset), read from the table's
 * Ids in order and stopping once the page is full, instead of sorting every matching record:
 * reading a large table page by page then costs each page its own rows. A filter `Id >` or
 * `Id >=` a value that every record must meet starts the walk at that value.
 */
function firstById(
    store: RecordStore,
    spec: QuerySpec,
    limit: number,
    matches: (record: FieldValues | undefined) => record is FieldValues
): FieldValues[] {
    const object = spec.object.name;
    const ids = store.idsInOrder(object);
    const offset = spec.offset ?? 0;
    const rows: FieldValues[] = [];
    for (let index = lowerBound(ids, spec); index < ids.length; index++) {
        if (rows.length >= offset + limit) {
            break;
        }
        const record = store.get(object, ids[index] ?? '');
        if (matches(record)) {
            rows.push(record);
        }
    }
    return rows.slice(offset);
}

/** The first position of `ids` an `Id >` or `Id >=` filter every record must meet lets in. */
function lowerBound(ids: readonly string[], spec: QuerySpec): number {
    const required =
        spec.logic.kind === 'and'
            ? spec.logic.items
            : spec.logic.kind === 'condition'
              ? [spec.logic]
              : [];
    let bound: { readonly id: string; readonly inclusive: boolean } | undefined;
    for (const node of required) {
        const filter = node.kind === 'condition' ? spec.filters[node.index] : undefined;
        const raw = filter && !isList(filter.value) ? filter.value : null;
        if (
            filter?.field.name !== 'Id' ||
            (filter.path?.length ?? 0) > 0 ||
            typeof raw !== 'string' ||
            (filter.operator !== 'GreaterThan' && filter.operator !== 'GreaterThanOrEqualTo')
        ) {
            continue;
        }
        const id = normalizeId(raw);
        if (id !== undefined) {
            bound = { id, inclusive: filter.operator === 'GreaterThanOrEqualTo' };
        }
    }
    if (!bound) {
        return 0;
    }
    let low = 0;
    let high = ids.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        const id = ids[middle] ?? '';
        if (id < bound.id || (!bound.inclusive && id === bound.id)) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    return low;
}
