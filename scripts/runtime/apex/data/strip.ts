import { mapPut, setAdd } from '../collections';
import { UnsupportedError } from '../errors';
import {
    EnumValue,
    ListValue,
    MapValue,
    PlatformValue,
    SetValue,
    SObjectValue,
    type Value
} from '../model';
import type { CallSite, PlatformClass } from '../services';
import { T } from '../types';
import { method, required } from '../platform/define';
import type { ApexData } from './bridge';

/**
 * Security.stripInaccessible (RG "Security Class", "SObjectAccessDecision Class"; DG "Enforce
 * Security with the stripInaccessible Method"): copies of the records without the fields the
 * running user may not read, create or update, the fields removed per object, and the indexes
 * of the records that lost a field.
 */

const DECISION = 'System.SObjectAccessDecision';

interface Decision {
    readonly records: ListValue;
    readonly removed: MapValue;
    readonly modified: SetValue;
}

const decisionOf = (value: Value): Decision =>
    (value as PlatformValue).state as unknown as Decision;

/** What each AccessType asks of a field (RG "AccessType Enum"). */
const ACCESS: Readonly<Record<string, readonly ('read' | 'create' | 'edit')[]>> = {
    READABLE: ['read'],
    CREATABLE: ['create'],
    UPDATABLE: ['edit'],
    UPSERTABLE: ['create', 'edit']
};

function strip(
    data: ApexData,
    accessType: Value,
    records: Value,
    enforceRootObjectCrud: boolean,
    site: CallSite
): PlatformValue {
    if (!(accessType instanceof EnumValue) || accessType.type.name !== 'System.AccessType') {
        return site.vm.raise('TypeException', 'stripInaccessible takes a System.AccessType');
    }
    const needs = ACCESS[accessType.name] ?? [];
    const list = required(records, site);
    if (!(list instanceof ListValue)) {
        return site.vm.raise('TypeException', 'stripInaccessible takes a list of sObjects');
    }
    const hooks = site.vm.equalityHooks;
    const removed = new MapValue(T.string, T.set(T.string));
    const modified = new SetValue(T.integer);
    const copies = list.items.map((item, index) => {
        if (!(item instanceof SObjectValue)) {
            return item;
        }
        const object = data.schema.findObject(item.type);
        if (!object) {
            throw new UnsupportedError(site.place, `stripInaccessible on ${item.type}`);
        }
        if (
            enforceRootObjectCrud &&
            !needs.every((access) => data.security.canAccess(object, access, undefined, site.place))
        ) {
            // The guide says a NoAccessException is thrown; its message is not documented.
            throw new UnsupportedError(
                site.place,
                `stripInaccessible of ${object.name} records the user may not access at all`
            );
        }
        const copy = new SObjectValue(item.type, item.fromQuery);
        for (const [key, value] of item.fields) {
            const name = item.names.get(key) ?? key;
            if (value instanceof SObjectValue || value instanceof ListValue) {
                throw new UnsupportedError(
                    site.place,
                    `stripInaccessible of records with related records (${name})`
                );
            }
            const field = data.schema.findField(object, name);
            // The Id identifies the record and is kept. [verify in an org]
            const keep =
                name.toLowerCase() === 'id' ||
                (field !== undefined &&
                    needs.every((access) =>
                        data.security.canAccess(object, access, field, site.place)
                    ));
            if (keep) {
                copy.fields.set(key, value);
                copy.names.set(key, name);
                continue;
            }
            const fields =
                (removed.entries.get(object.name)?.value as SetValue | undefined) ??
                new SetValue(T.string);
            setAdd(fields, field?.name ?? name, hooks);
            mapPut(removed, object.name, fields, hooks);
            setAdd(modified, index, hooks);
        }
        return copy;
    });
    const decision: Decision = {
        records: new ListValue(list.elementType, copies),
        removed,
        modified
    };
    return new PlatformValue(DECISION, decision as unknown as Record<string, unknown>);
}

export function stripClasses(data: ApexData): PlatformClass[] {
    return [
        {
            name: 'System.Security',
            names: ['security', 'system.security'],
            staticMethods: [
                method(
                    'stripInaccessible',
                    ['any', T.list(T.sobject)],
                    T.platform(DECISION),
                    (_self, [accessType = null, records = null], site) =>
                        strip(data, accessType, records, true, site)
                ),
                method(
                    'stripInaccessible',
                    ['any', T.list(T.sobject), T.boolean],
                    T.platform(DECISION),
                    (_self, [accessType = null, records = null, enforce = null], site) =>
                        strip(data, accessType, records, enforce !== false, site)
                )
            ]
        },
        {
            name: DECISION,
            names: ['sobjectaccessdecision', 'system.sobjectaccessdecision'],
            instanceMethods: [
                method('getRecords', [], T.list(T.sobject), (self) => decisionOf(self).records),
                method(
                    'getRemovedFields',
                    [],
                    T.map(T.string, T.set(T.string)),
                    (self) => decisionOf(self).removed
                ),
                method(
                    'getModifiedIndexes',
                    [],
                    T.set(T.integer),
                    (self) => decisionOf(self).modified
                )
            ]
        }
    ];
}
