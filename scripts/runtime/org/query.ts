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

export interface QueryFilter {
    readonly field: FieldSchema;
    readonly operator: FilterOperator;
    readonly value: Scalar | readonly Scalar[];
}

export interface QuerySpec {
    readonly object: ObjectSchema;
    readonly filters: readonly QueryFilter[];
    readonly logic: LogicNode;
    readonly sort?: { readonly field: FieldSchema; readonly descending: boolean };
    readonly limit?: number;
    /** Fields to return besides Id; all fields when absent. */
    readonly fields?: readonly FieldSchema[];
}

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
export function matchesFilter(filter: QueryFilter, record: FieldValues): boolean {
    const { field, operator } = filter;
    const actual = comparable(field, record[field.name] ?? null);
    if (operator === 'In' || operator === 'NotIn') {
        const list = isList(filter.value) ? filter.value : [filter.value];
        const found = list.some((item) => comparable(field, item) === actual && actual !== null);
        return operator === 'In' ? found : !found;
    }
    const raw = isList(filter.value) ? (filter.value[0] ?? null) : filter.value;
    if (operator === 'IsNull') {
        return (actual === null) === Boolean(raw);
    }
    const expected = comparable(field, raw);
    if (field.type === 'checkbox' && expected === null) {
        return false;
    }
    switch (operator) {
        case 'EqualTo':
            return actual === expected;
        case 'NotEqualTo':
            return actual !== expected;
        case 'StartsWith':
        case 'EndsWith':
        case 'Contains': {
            if (actual === null) {
                return false;
            }
            const text = String(actual);
            const part = expected === null ? '' : String(expected);
            return operator === 'StartsWith'
                ? text.startsWith(part)
                : operator === 'EndsWith'
                  ? text.endsWith(part)
                  : text.includes(part);
        }
        default: {
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
        }
    }
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
            if (!filter || filter.field.type === 'checkbox') {
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

/** Runs a query against the store; returns copies holding Id and the queried fields. */
export function selectRecords(store: RecordStore, spec: QuerySpec): FieldValues[] {
    const object = spec.object.name;
    const narrowed = spec.filters.length > 0 ? candidates(store, spec, spec.logic) : undefined;
    const pool = narrowed
        ? store.inInsertionOrder(object, narrowed).map((id) => store.get(object, id))
        : store.all(object);
    let rows = pool.filter(
        (record): record is FieldValues =>
            record !== undefined &&
            (spec.filters.length === 0 ||
                evaluateLogic(spec.logic, (index) => {
                    const filter = spec.filters[index];
                    return filter ? matchesFilter(filter, record) : false;
                }))
    );
    const sort = spec.sort;
    if (sort) {
        // SOQL sorts nulls first ascending and last descending, text without regard to case.
        rows = [...rows].sort((a, b) => {
            const sign = order(
                comparable(sort.field, a[sort.field.name] ?? null),
                comparable(sort.field, b[sort.field.name] ?? null)
            );
            return sort.descending ? -sign : sign;
        });
    }
    if (spec.limit !== undefined) {
        rows = rows.slice(0, spec.limit);
    }
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
