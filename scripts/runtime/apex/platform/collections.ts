import { addAll, elementsOf, mapGet, mapPut, putAll, setAdd, setHas } from '../collections';
import { apexEquals, compareValues, keyOf } from '../equality';
import { T } from '../types';
import { elementType, method, required } from './define';
import type { CallSite, PlatformClass } from '../services';
import {
    type ApexType,
    EnumValue,
    ListValue,
    MapValue,
    SetValue,
    SObjectValue,
    type Value
} from '../model';

/**
 * The methods of List, Set and Map (RG "List Class", "Set Class", "Map Class"). Their generic
 * results take the receiver's type: `List<String>.get(0)` is a String.
 */

const asList = (value: Value): ListValue => value as ListValue;
const asSet = (value: Value): SetValue => value as SetValue;
const asMap = (value: Value): MapValue => value as MapValue;

const receiverType = (receiver: ApexType | undefined): ApexType => receiver ?? T.object;
const keyType = (receiver: ApexType | undefined): ApexType =>
    receiver?.kind === 'map' ? receiver.key : T.object;

function at(list: ListValue, index: Value, site: CallSite): number {
    const position = required(index, site) as number;
    if (position < 0 || position >= list.items.length) {
        return site.vm.raise('ListException', `List index out of bounds: ${position}`);
    }
    return position;
}

/** List.sort(): ascending; nulls first; Strings by Unicode order [verify in an org: case order]. */
function sortItems(items: Value[], site: CallSite): void {
    items.sort((a, b) => {
        if (a === null || b === null) {
            return a === b ? 0 : a === null ? -1 : 1;
        }
        if (typeof a === 'string' && typeof b === 'string') {
            return a < b ? -1 : a > b ? 1 : 0;
        }
        if (a instanceof EnumValue && b instanceof EnumValue) {
            return a.ordinal - b.ordinal;
        }
        if (a instanceof SObjectValue || b instanceof SObjectValue) {
            return site.vm.raise(
                'UnsupportedOperationException',
                'Sorting a list of sObjects is not supported by the embedded org'
            );
        }
        return compareValues(a, b);
    });
}

export const listClass: PlatformClass = {
    name: 'System.List',
    names: ['list'],
    instanceMethods: [
        method('add', ['any'], T.void, (self, [item = null]) => {
            asList(self).items.push(item);
            return null;
        }),
        method('add', [T.integer, 'any'], T.void, (self, [index, item = null], site) => {
            const list = asList(self);
            const position = required(index ?? null, site) as number;
            if (position < 0 || position > list.items.length) {
                return site.vm.raise('ListException', `List index out of bounds: ${position}`);
            }
            list.items.splice(position, 0, item);
            return null;
        }),
        method('addAll', ['any'], T.void, (self, [items = null], site) => {
            addAll(asList(self), required(items, site), site.vm.equalityHooks);
            return null;
        }),
        method('clear', [], T.void, (self) => {
            asList(self).items.length = 0;
            return null;
        }),
        method(
            'clone',
            [],
            receiverType,
            (self) => new ListValue(asList(self).elementType, [...asList(self).items])
        ),
        method('contains', ['any'], T.boolean, (self, [item = null], site) =>
            asList(self).items.some((candidate) =>
                apexEquals(candidate, item, site.vm.equalityHooks)
            )
        ),
        method(
            'get',
            [T.integer],
            (receiver) => elementType(receiver),
            (self, [index = null], site) => {
                const list = asList(self);
                return list.items[at(list, index, site)] ?? null;
            }
        ),
        method('indexOf', ['any'], T.integer, (self, [item = null], site) =>
            asList(self).items.findIndex((candidate) =>
                apexEquals(candidate, item, site.vm.equalityHooks)
            )
        ),
        method('isEmpty', [], T.boolean, (self) => asList(self).items.length === 0),
        method(
            'remove',
            [T.integer],
            (receiver) => elementType(receiver),
            (self, [index = null], site) => {
                const list = asList(self);
                return list.items.splice(at(list, index, site), 1)[0] ?? null;
            }
        ),
        method('set', [T.integer, 'any'], T.void, (self, [index = null, item = null], site) => {
            const list = asList(self);
            list.items[at(list, index, site)] = item;
            return null;
        }),
        method('size', [], T.integer, (self) => asList(self).items.length),
        method('sort', [], T.void, (self, _args, site) => {
            sortItems(asList(self).items, site);
            return null;
        }),
        method('equals', ['any'], T.boolean, (self, [other = null], site) =>
            apexEquals(self, other, site.vm.equalityHooks)
        )
    ]
};

export const setClass: PlatformClass = {
    name: 'System.Set',
    names: ['set'],
    instanceMethods: [
        method('add', ['any'], T.boolean, (self, [item = null], site) =>
            setAdd(asSet(self), item, site.vm.equalityHooks)
        ),
        method('addAll', ['any'], T.boolean, (self, [items = null], site) => {
            const before = asSet(self).items.size;
            addAll(asSet(self), required(items, site), site.vm.equalityHooks);
            return asSet(self).items.size !== before;
        }),
        method('clear', [], T.void, (self) => {
            asSet(self).items.clear();
            return null;
        }),
        method('clone', [], receiverType, (self) => {
            const copy = new SetValue(asSet(self).elementType);
            asSet(self).items.forEach((value, key) => copy.items.set(key, value));
            return copy;
        }),
        method('contains', ['any'], T.boolean, (self, [item = null], site) =>
            setHas(asSet(self), item, site.vm.equalityHooks)
        ),
        method('containsAll', ['any'], T.boolean, (self, [items = null], site) =>
            (elementsOf(required(items, site)) ?? []).every((item) =>
                setHas(asSet(self), item, site.vm.equalityHooks)
            )
        ),
        method('isEmpty', [], T.boolean, (self) => asSet(self).items.size === 0),
        method('remove', ['any'], T.boolean, (self, [item = null], site) =>
            asSet(self).items.delete(keyOf(item, site.vm.equalityHooks))
        ),
        method('removeAll', ['any'], T.boolean, (self, [items = null], site) => {
            let changed = false;
            for (const item of elementsOf(required(items, site)) ?? []) {
                changed = asSet(self).items.delete(keyOf(item, site.vm.equalityHooks)) || changed;
            }
            return changed;
        }),
        method('retainAll', ['any'], T.boolean, (self, [items = null], site) => {
            const keep = new Set(
                (elementsOf(required(items, site)) ?? []).map((item) =>
                    keyOf(item, site.vm.equalityHooks)
                )
            );
            const set = asSet(self);
            let changed = false;
            for (const key of [...set.items.keys()]) {
                if (!keep.has(key)) {
                    set.items.delete(key);
                    changed = true;
                }
            }
            return changed;
        }),
        method('size', [], T.integer, (self) => asSet(self).items.size),
        method('equals', ['any'], T.boolean, (self, [other = null], site) =>
            apexEquals(self, other, site.vm.equalityHooks)
        )
    ]
};

export const mapClass: PlatformClass = {
    name: 'System.Map',
    names: ['map'],
    instanceMethods: [
        method('clear', [], T.void, (self) => {
            asMap(self).entries.clear();
            return null;
        }),
        method('clone', [], receiverType, (self) => {
            const map = asMap(self);
            const copy = new MapValue(map.keyType, map.valueType);
            map.entries.forEach((entry, key) => copy.entries.set(key, { ...entry }));
            return copy;
        }),
        method('containsKey', ['any'], T.boolean, (self, [key = null], site) =>
            asMap(self).entries.has(keyOf(key, site.vm.equalityHooks))
        ),
        method(
            'get',
            ['any'],
            (receiver) => elementType(receiver),
            (self, [key = null], site) => mapGet(asMap(self), key, site.vm.equalityHooks)
        ),
        method('isEmpty', [], T.boolean, (self) => asMap(self).entries.size === 0),
        method(
            'keySet',
            [],
            (receiver) => T.set(keyType(receiver)),
            (self, _args, site) => {
                const map = asMap(self);
                const set = new SetValue(map.keyType);
                map.entries.forEach((entry) => setAdd(set, entry.key, site.vm.equalityHooks));
                return set;
            }
        ),
        method(
            'put',
            ['any', 'any'],
            (receiver) => elementType(receiver),
            (self, [key = null, value = null], site) =>
                mapPut(asMap(self), key, value, site.vm.equalityHooks)
        ),
        method('putAll', ['any'], T.void, (self, [source = null], site) => {
            putAll(asMap(self), required(source, site), site.vm.equalityHooks);
            return null;
        }),
        method(
            'remove',
            ['any'],
            (receiver) => elementType(receiver),
            (self, [key = null], site) => {
                const map = asMap(self);
                const mapKey = keyOf(key, site.vm.equalityHooks);
                const entry = map.entries.get(mapKey);
                map.entries.delete(mapKey);
                return entry?.value ?? null;
            }
        ),
        method('size', [], T.integer, (self) => asMap(self).entries.size),
        method(
            'values',
            [],
            (receiver) => T.list(elementType(receiver)),
            (self) => {
                const map = asMap(self);
                return new ListValue(
                    map.valueType,
                    [...map.entries.values()].map((entry) => entry.value)
                );
            }
        ),
        method('equals', ['any'], T.boolean, (self, [other = null], site) =>
            apexEquals(self, other, site.vm.equalityHooks)
        )
    ]
};

/** The methods of an enum value and its class (RG "Enums"): name(), ordinal(), values(). */
export const enumClass: PlatformClass = {
    name: 'System.Enum',
    names: ['enum'],
    staticMethods: [
        method(
            'values',
            [],
            (receiver) => T.list(receiver ?? T.object),
            (_self, _args, site) => {
                const type = site.receiverType;
                return type?.kind === 'class'
                    ? new ListValue(type, [...type.cls.enumValues])
                    : new ListValue(T.object);
            }
        ),
        method(
            'valueOf',
            [T.string],
            (receiver) => receiver ?? T.object,
            (_self, [name = null], site) => {
                const type = site.receiverType;
                const found =
                    type?.kind === 'class'
                        ? type.cls.enumValues.find((value) => value.name === name)
                        : undefined;
                return (
                    found ??
                    site.vm.raise('NoSuchElementException', `No enum value ${name as string}`)
                );
            }
        )
    ],
    instanceMethods: [
        method('name', [], T.string, (self) => (self as EnumValue).name),
        method('ordinal', [], T.integer, (self) => (self as EnumValue).ordinal),
        method('equals', ['any'], T.boolean, (self, [other = null]) => self === other),
        method('hashCode', [], T.integer, (self) => (self as EnumValue).ordinal)
    ]
};
