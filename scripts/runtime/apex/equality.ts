import { Big } from 'bigdecimal.js';
import {
    type BigDecimal,
    BlobValue,
    DatetimeValue,
    DateValue,
    DoubleValue,
    IdValue,
    ListValue,
    MapValue,
    ObjectValue,
    SetValue,
    SObjectValue,
    TimeValue,
    type Value
} from './model';

/**
 * Equality and ordering as Apex defines them (DG "Expression Operators"): `==` compares values,
 * Strings without regard to case, sObjects and collections field by field and element by
 * element, instances of the project's classes by reference unless their class defines
 * `equals` (asked through `objectEquals`). Set elements and Map keys use `keyOf`, which is
 * case-sensitive for Strings (RG Set, Map).
 */
export interface EqualityHooks {
    /** The class's own equals(Object), or undefined when it has none. */
    readonly objectEquals?: (left: ObjectValue, right: Value) => boolean | undefined;
    /** The class's own hashCode(), or undefined when it has none. */
    readonly objectHash?: (value: ObjectValue) => number | undefined;
}

/** A number of any numeric type as a BigDecimal, to compare across types; undefined for others. */
export function asDecimal(value: Value): BigDecimal | undefined {
    if (typeof value === 'number' || typeof value === 'bigint') {
        return Big(value);
    }
    if (value instanceof DoubleValue) {
        return Number.isFinite(value.value) ? Big(value.value) : undefined;
    }
    if (value !== null && typeof value === 'object' && 'compareTo' in value && 'scale' in value) {
        return value;
    }
    return undefined;
}

/** Apex `==`. */
export function apexEquals(left: Value, right: Value, hooks: EqualityHooks = {}): boolean {
    if (left === right) {
        return true;
    }
    if (left === null || right === null) {
        return false;
    }
    if (typeof left === 'number' && typeof right === 'number') {
        // Two Integers (the same value was caught above).
        return false;
    }
    if (typeof left === 'string' || typeof right === 'string') {
        const a = left instanceof IdValue ? left.value : left;
        const b = right instanceof IdValue ? right.value : right;
        return typeof a === 'string' && typeof b === 'string'
            ? a.toLowerCase() === b.toLowerCase()
            : false;
    }
    if (typeof left === 'boolean' || typeof right === 'boolean') {
        return left === right;
    }
    const a = asDecimal(left);
    const b = asDecimal(right);
    if (a !== undefined && b !== undefined) {
        return a.compareTo(b) === 0;
    }
    if (left instanceof IdValue && right instanceof IdValue) {
        return left.value === right.value;
    }
    if (left instanceof DateValue && right instanceof DateValue) {
        return left.year === right.year && left.month === right.month && left.day === right.day;
    }
    if (left instanceof DatetimeValue && right instanceof DatetimeValue) {
        return left.epochMillis === right.epochMillis;
    }
    if (left instanceof TimeValue && right instanceof TimeValue) {
        return left.millis === right.millis;
    }
    if (left instanceof BlobValue && right instanceof BlobValue) {
        return left.bytes.equals(right.bytes);
    }
    if (left instanceof ListValue && right instanceof ListValue) {
        return (
            left.items.length === right.items.length &&
            left.items.every((item, index) => apexEquals(item, right.items[index] ?? null, hooks))
        );
    }
    if (left instanceof SetValue && right instanceof SetValue) {
        return (
            left.items.size === right.items.size &&
            [...left.items.keys()].every((key) => right.items.has(key))
        );
    }
    if (left instanceof MapValue && right instanceof MapValue) {
        return (
            left.entries.size === right.entries.size &&
            [...left.entries.entries()].every(([key, entry]) => {
                const other = right.entries.get(key);
                return other !== undefined && apexEquals(entry.value, other.value, hooks);
            })
        );
    }
    if (left instanceof SObjectValue && right instanceof SObjectValue) {
        return (
            left.type.toLowerCase() === right.type.toLowerCase() &&
            left.fields.size === right.fields.size &&
            [...left.fields.entries()].every(([name, value]) =>
                apexEquals(value, right.fields.get(name) ?? null, hooks)
            )
        );
    }
    if (left instanceof ObjectValue) {
        return hooks.objectEquals?.(left, right) ?? false;
    }
    return false;
}

/**
 * The key of a Set element or Map key: values that Apex takes for the same element get the same
 * key. Strings are case-sensitive; Ids use their 18 characters; a Decimal keeps its scale (1.1
 * and 1.10 "generally don't have the same hashcode", RG Decimal); sObjects and collections are
 * keyed by their content; a project instance by its hashCode() when its class has one, else by
 * reference.
 */
export function keyOf(value: Value, hooks: EqualityHooks = {}): unknown {
    if (value === null) {
        return null;
    }
    switch (typeof value) {
        case 'string':
            return `s:${value}`;
        case 'boolean':
            return `b:${String(value)}`;
        case 'number':
            return `n:${value}`;
        case 'bigint':
            return `n:${value.toString()}`;
        default:
            break;
    }
    if (value instanceof IdValue) {
        return `s:${value.value}`;
    }
    if (value instanceof DoubleValue) {
        return `f:${value.value}`;
    }
    if (value instanceof DateValue) {
        return `d:${value.year}-${value.month}-${value.day}`;
    }
    if (value instanceof DatetimeValue) {
        return `t:${value.epochMillis}`;
    }
    if (value instanceof TimeValue) {
        return `h:${value.millis}`;
    }
    if (value instanceof BlobValue) {
        return `x:${value.bytes.toString('base64')}`;
    }
    if (value instanceof ListValue) {
        return `l:[${value.items.map((item) => String(keyOf(item, hooks))).join(',')}]`;
    }
    if (value instanceof SetValue) {
        return `e:[${[...value.items.keys()].map(String).join(',')}]`;
    }
    if (value instanceof MapValue) {
        return `m:[${[...value.entries.entries()]
            .map(([key, entry]) => `${String(key)}=${String(keyOf(entry.value, hooks))}`)
            .join(',')}]`;
    }
    if (value instanceof SObjectValue) {
        return `o:${value.type.toLowerCase()}{${[...value.fields.entries()]
            .map(([name, field]) => `${name}=${String(keyOf(field, hooks))}`)
            .join(',')}}`;
    }
    if (value instanceof ObjectValue) {
        const hash = hooks.objectHash?.(value);
        return hash === undefined ? value : `h:${value.type.name}:${hash}`;
    }
    if ('toPlainString' in value && 'scale' in value) {
        return `d:${value.toString()}`;
    }
    return value;
}

/** Orders two non-null values of the same kind: numbers, Strings without case, dates, Ids. */
export function compareValues(a: Value, b: Value): number {
    // Integers and Longs compare as they are, without a BigDecimal each.
    if (typeof a === 'number' && typeof b === 'number') {
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (
        (typeof a === 'bigint' || typeof a === 'number') &&
        (typeof b === 'bigint' || typeof b === 'number')
    ) {
        const x = BigInt(a);
        const y = BigInt(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const x = asDecimal(a);
    const y = asDecimal(b);
    if (x !== undefined && y !== undefined) {
        return x.compareTo(y);
    }
    if (typeof a === 'string' || a instanceof IdValue) {
        const left = (a instanceof IdValue ? a.value : a).toLowerCase();
        const right = (
            b instanceof IdValue ? b.value : typeof b === 'string' ? b : ''
        ).toLowerCase();
        return left < right ? -1 : left > right ? 1 : 0;
    }
    if (a instanceof DateValue && b instanceof DateValue) {
        return a.year - b.year || a.month - b.month || a.day - b.day;
    }
    if (a instanceof DatetimeValue && b instanceof DatetimeValue) {
        return a.epochMillis - b.epochMillis;
    }
    if (a instanceof TimeValue && b instanceof TimeValue) {
        return a.millis - b.millis;
    }
    return 0;
}
