import { keyOf, type EqualityHooks } from './equality';
import { ListValue, MapValue, SetValue, SObjectValue, type Value } from './model';

/**
 * The operations every List, Set and Map shares between the language (`new Set<String>{...}`,
 * `new Map<Id, Account>(records)`) and their methods. Sets and Maps key their elements with
 * keyOf (equality.ts).
 */
export function setAdd(set: SetValue, value: Value, hooks: EqualityHooks): boolean {
    const key = keyOf(value, hooks);
    if (set.items.has(key)) {
        return false;
    }
    set.items.set(key, value);
    return true;
}

export function setHas(set: SetValue, value: Value, hooks: EqualityHooks): boolean {
    return set.items.has(keyOf(value, hooks));
}

export function mapPut(map: MapValue, key: Value, value: Value, hooks: EqualityHooks): Value {
    const mapKey = keyOf(key, hooks);
    const previous = map.entries.get(mapKey);
    map.entries.set(mapKey, { key: previous?.key ?? key, value });
    return previous?.value ?? null;
}

export function mapGet(map: MapValue, key: Value, hooks: EqualityHooks): Value {
    return map.entries.get(keyOf(key, hooks))?.value ?? null;
}

/** The elements of a List or Set, for `addAll`, copies and loops. */
export function elementsOf(value: Value): readonly Value[] | undefined {
    if (value instanceof ListValue) {
        return value.items;
    }
    if (value instanceof SetValue) {
        return [...value.items.values()];
    }
    return undefined;
}

/** Adds the elements of a List or Set to a List or Set (the copy constructors and addAll). */
export function addAll(target: ListValue | SetValue, source: Value, hooks: EqualityHooks): void {
    const items = elementsOf(source) ?? [];
    if (target instanceof ListValue) {
        target.items.push(...items);
    } else {
        for (const item of items) {
            setAdd(target, item, hooks);
        }
    }
}

/**
 * Copies a Map, or keys a List of sObjects by their Ids (`new Map<Id, Account>(records)`, RG
 * Map: "populates the map with the records' IDs as keys").
 */
export function putAll(target: MapValue, source: Value, hooks: EqualityHooks): void {
    if (source instanceof MapValue) {
        for (const entry of source.entries.values()) {
            mapPut(target, entry.key, entry.value, hooks);
        }
        return;
    }
    for (const record of elementsOf(source) ?? []) {
        if (record instanceof SObjectValue) {
            mapPut(target, record.fields.get('id') ?? null, record, hooks);
        }
    }
}
