import type { FieldSchema, ObjectSchema } from '../../schema';
import type { CompilerApi } from '../compiler/api';
import type { Expr } from '../frame';
import { UnsupportedError } from '../errors';
import {
    EnumValue,
    IdValue,
    PlatformValue,
    SObjectValue,
    type ApexType,
    type Value
} from '../model';
import type { CallSite, PlatformClass } from '../services';
import { isInstanceOf, runtimeTypeName } from '../runtimeTypes';
import { T, typeName } from '../types';
import { method, required } from '../platform/define';
import { apexTypeOf, type ApexData } from './bridge';

/**
 * sObject tokens and describes (RG "Schema Namespace": SObjectType, SObjectField,
 * DescribeSObjectResult, DescribeFieldResult) and the generic sObject methods get/put (RG
 * "SObject Class"). Describe answers come from the org's schema; isAccessible and its kin from
 * the running user's permissions.
 */

export const SOBJECT_TYPE = 'Schema.SObjectType';
export const SOBJECT_FIELD = 'Schema.SObjectField';
export const DESCRIBE_SOBJECT = 'Schema.DescribeSObjectResult';
export const DESCRIBE_FIELD = 'Schema.DescribeFieldResult';

interface TypeToken {
    readonly object: ObjectSchema;
}

interface FieldToken {
    readonly object: ObjectSchema;
    readonly field: FieldSchema;
}

const token = (value: Value): TypeToken => (value as PlatformValue).state as unknown as TypeToken;
const fieldToken = (value: Value): FieldToken =>
    (value as PlatformValue).state as unknown as FieldToken;

/*
 * One token per object and per field, so that tokens compare with ==: "if
 * (A.getSObjectType() == Account.SObjectType)" (DG "Understanding Apex Describe Information",
 * describing sObjects using tokens).
 */
const typeTokens = new WeakMap<ObjectSchema, PlatformValue>();
const fieldTokens = new WeakMap<FieldSchema, PlatformValue>();

export function typeToken(object: ObjectSchema): PlatformValue {
    let found = typeTokens.get(object);
    if (!found) {
        found = new PlatformValue(SOBJECT_TYPE, { object });
        typeTokens.set(object, found);
    }
    return found;
}

function fieldTokenOf(object: ObjectSchema, field: FieldSchema): PlatformValue {
    let found = fieldTokens.get(field);
    if (!found) {
        found = new PlatformValue(SOBJECT_FIELD, { object, field });
        fieldTokens.set(field, found);
    }
    return found;
}

/** `Account.SObjectType` and `Account.Name` (a field token). */
export function sobjectStatic(
    compiler: CompilerApi,
    data: ApexData,
    type: ApexType,
    name: string,
    context: Parameters<CompilerApi['fail']>[0]
): Expr {
    const object =
        type.kind === 'sobject' && type.name ? data.schema.findObject(type.name) : undefined;
    if (!object) {
        return compiler.refuse(context, `the member ${name} of the generic SObject`);
    }
    if (name.toLowerCase() === 'sobjecttype') {
        const value = typeToken(object);
        return { type: T.platform(SOBJECT_TYPE), evaluate: () => value };
    }
    const field = data.schema.findField(object, name);
    if (!field) {
        const refusal = data.schema.refusal(object, name);
        return refusal
            ? compiler.refuse(context, `the field ${object.name}.${name} (${refusal})`)
            : compiler.fail(context, `Variable does not exist: ${name}`);
    }
    const value = fieldTokenOf(object, field);
    return { type: T.platform(SOBJECT_FIELD), evaluate: () => value };
}

/** The field an sObject's get/put names: a token or an API name, in any case. */
function fieldNamed(
    data: ApexData,
    record: SObjectValue,
    name: Value,
    site: CallSite
): FieldSchema {
    const object = data.schema.findObject(record.type);
    const wanted =
        name instanceof PlatformValue
            ? fieldToken(name).field.name
            : (required(name, site) as string);
    const field = object ? data.schema.findField(object, wanted) : undefined;
    if (!field) {
        // RG "SObject Class": get and put throw SObjectException for a field the type lacks.
        return site.vm.raise('SObjectException', `Invalid field ${wanted} for ${record.type}`);
    }
    return field;
}

/** The platform classes of describe and tokens, and SObject's own methods. */
export function describeClasses(data: ApexData): PlatformClass[] {
    const describeObject = (object: ObjectSchema): PlatformValue =>
        new PlatformValue(DESCRIBE_SOBJECT, { object });
    const access =
        (kind: 'read' | 'create' | 'edit' | 'delete') =>
        (self: Value, _args: readonly Value[], site: CallSite) =>
            data.security.canAccess(token(self).object, kind, undefined, site.place);
    const fieldAccess =
        (kind: 'read' | 'create' | 'edit') =>
        (self: Value, _args: readonly Value[], site: CallSite) =>
            data.security.canAccess(
                fieldToken(self).object,
                kind,
                fieldToken(self).field,
                site.place
            );
    return [
        {
            name: 'System.Id',
            names: ['id', 'system.id'],
            instanceMethods: [
                // "Returns the token for the sObject corresponding to this ID" (RG "Id Class"),
                // read from the Id's key prefix.
                method('getSObjectType', [], T.platform(SOBJECT_TYPE), (self, _args, site) => {
                    const object = data.schema.objectOfId((self as IdValue).value);
                    if (!object) {
                        // [verify in an org: an Id whose prefix names no object of the org]
                        throw new UnsupportedError(
                            site.place,
                            `getSObjectType of ${(self as IdValue).value}, whose key prefix names no object the embedded org holds`
                        );
                    }
                    return typeToken(object);
                })
            ]
        },
        {
            name: SOBJECT_TYPE,
            names: ['sobjecttype', 'schema.sobjecttype'],
            // `Schema.SObjectType.Account`: the describe of each object of the org.
            staticProperties: data.schema.objects.map((object) => ({
                name: object.name,
                type: T.platform(DESCRIBE_SOBJECT),
                get: () => describeObject(object)
            })),
            instanceMethods: [
                // A token prints as its object's name: `String.valueOf(Account.SObjectType)` is
                // 'Account' (DG "Understanding Apex Describe Information"). [verify in an org]
                method('toString', [], T.string, (self) => token(self).object.name),
                method('getDescribe', [], T.platform(DESCRIBE_SOBJECT), (self) =>
                    describeObject(token(self).object)
                ),
                // The options choose when child relationships load; the result is the same.
                method(
                    'getDescribe',
                    ['any'],
                    T.platform(DESCRIBE_SOBJECT),
                    (self, [options = null], site) => {
                        if (
                            !(options instanceof EnumValue) ||
                            options.type.name !== 'Schema.SObjectDescribeOptions'
                        ) {
                            return site.vm.raise(
                                'TypeException',
                                'getDescribe takes a Schema.SObjectDescribeOptions'
                            );
                        }
                        return describeObject(token(self).object);
                    }
                ),
                method(
                    'newSObject',
                    [],
                    T.sobject,
                    (self) => new SObjectValue(token(self).object.name)
                )
            ]
        },
        {
            name: DESCRIBE_SOBJECT,
            names: ['describesobjectresult', 'schema.describesobjectresult'],
            instanceMethods: [
                method('getName', [], T.string, (self) => token(self).object.name),
                method('getKeyPrefix', [], T.string, (self) => token(self).object.keyPrefix),
                method('isCustom', [], T.boolean, (self) => token(self).object.custom),
                method('getSObjectType', [], T.platform(SOBJECT_TYPE), (self) =>
                    typeToken(token(self).object)
                ),
                method('isAccessible', [], T.boolean, access('read')),
                method('isCreateable', [], T.boolean, access('create')),
                method('isUpdateable', [], T.boolean, access('edit')),
                method('isDeletable', [], T.boolean, access('delete'))
            ]
        },
        {
            name: SOBJECT_FIELD,
            names: ['sobjectfield', 'schema.sobjectfield'],
            instanceMethods: [
                // A field token prints as the field's name. [verify in an org]
                method('toString', [], T.string, (self) => fieldToken(self).field.name),
                method(
                    'getDescribe',
                    [],
                    T.platform(DESCRIBE_FIELD),
                    (self) => new PlatformValue(DESCRIBE_FIELD, (self as PlatformValue).state)
                )
            ]
        },
        {
            name: DESCRIBE_FIELD,
            names: ['describefieldresult', 'schema.describefieldresult'],
            instanceMethods: [
                method('getName', [], T.string, (self) => fieldToken(self).field.name),
                method('getLength', [], T.integer, (self) => fieldToken(self).field.length ?? 0),
                method('isAccessible', [], T.boolean, fieldAccess('read')),
                method('isCreateable', [], T.boolean, fieldAccess('create')),
                method('isUpdateable', [], T.boolean, fieldAccess('edit')),
                method('getSObjectField', [], T.platform(SOBJECT_FIELD), (self) =>
                    fieldTokenOf(fieldToken(self).object, fieldToken(self).field)
                )
            ]
        },
        {
            name: 'System.SObject',
            names: ['sobject', 'system.sobject'],
            instanceMethods: [
                method('get', ['any'], T.object, (self, [name = null], site) => {
                    const record = self as SObjectValue;
                    const field = fieldNamed(data, record, name, site);
                    const value = record.fields.get(field.name.toLowerCase());
                    if (value === undefined && record.fromQuery && field.name !== 'Id') {
                        return site.vm.raise(
                            'SObjectException',
                            `SObject row was retrieved via SOQL without querying the requested field: ${record.type}.${field.name}`
                        );
                    }
                    return value ?? null;
                }),
                method(
                    'put',
                    ['any', 'any'],
                    T.object,
                    (self, [name = null, value = null], site) => {
                        const record = self as SObjectValue;
                        const field = fieldNamed(data, record, name, site);
                        if (!field.writable && field.name !== 'Id') {
                            // A field Apex may not assign may not be put either: formula, auto-
                            // number, computed and system fields are read-only. [verify in an org:
                            // the message]
                            return site.vm.raise(
                                'SObjectException',
                                `Field ${field.name} is not editable`
                            );
                        }
                        const type = apexTypeOf(field);
                        if (value !== null && !isInstanceOf(value, type)) {
                            // [verify in an org: the message of put with a value of another type]
                            return site.vm.raise(
                                'SObjectException',
                                `Illegal assignment from ${runtimeTypeName(value)} to ${typeName(type)}`
                            );
                        }
                        const key = field.name.toLowerCase();
                        const previous = record.fields.get(key) ?? null;
                        record.fields.set(key, value);
                        record.names.set(key, field.name);
                        return previous;
                    }
                ),
                method('getSObjectType', [], T.platform(SOBJECT_TYPE), (self, _args, site) => {
                    const object = data.schema.findObject((self as SObjectValue).type);
                    return object
                        ? typeToken(object)
                        : site.vm.raise('SObjectException', 'unknown sObject type');
                })
            ]
        }
    ];
}
