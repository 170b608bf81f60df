import { Big } from 'bigdecimal.js';
import { isAssignable, T, typeName } from './types';
import {
    type ApexClass,
    type ApexType,
    BlobValue,
    DatetimeValue,
    DateValue,
    DoubleValue,
    EnumValue,
    IdValue,
    ListValue,
    MapValue,
    ObjectValue,
    PlatformValue,
    SetValue,
    SObjectValue,
    TimeValue,
    TypeValue,
    type Value
} from './model';

/** The runtime type of a value: what `instanceof` and casts check, and messages name. */
export function runtimeType(value: Value): ApexType {
    if (value === null) {
        return T.null;
    }
    switch (typeof value) {
        case 'string':
            return T.string;
        case 'boolean':
            return T.boolean;
        case 'number':
            return T.integer;
        case 'bigint':
            return T.long;
        default:
            break;
    }
    if (value instanceof DoubleValue) {
        return T.double;
    }
    if (value instanceof IdValue) {
        return T.id;
    }
    if (value instanceof DateValue) {
        return T.date;
    }
    if (value instanceof DatetimeValue) {
        return T.datetime;
    }
    if (value instanceof TimeValue) {
        return T.time;
    }
    if (value instanceof BlobValue) {
        return T.blob;
    }
    if (value instanceof SObjectValue) {
        return { kind: 'sobject', name: value.type };
    }
    if (value instanceof ListValue) {
        return T.list(value.elementType);
    }
    if (value instanceof SetValue) {
        return T.set(value.elementType);
    }
    if (value instanceof MapValue) {
        return T.map(value.keyType, value.valueType);
    }
    if (value instanceof ObjectValue || value instanceof EnumValue) {
        return { kind: 'class', cls: value.type };
    }
    if (value instanceof TypeValue) {
        return T.platform('System.Type');
    }
    if (value instanceof PlatformValue) {
        return T.platform(value.className);
    }
    return T.decimal;
}

/**
 * Whether a value is an instance of a type: `x instanceof T` and the check of a cast. A
 * concrete sObject is an SObject; an Integer is not a Decimal at run time (a boxed Integer cast
 * to Decimal fails, APEX.md §2); a String that holds a valid Id is an Id (DG "Rules of
 * Conversion": instanceof can test whether a String is an Id).
 */
export function isInstanceOf(value: Value, type: ApexType): boolean {
    if (value === null) {
        return false;
    }
    if (type.kind === 'primitive' && type.name === 'Object') {
        return true;
    }
    if (type.kind === 'primitive' && type.name === 'Id' && typeof value === 'string') {
        return isIdText(value);
    }
    const actual = runtimeType(value);
    if (actual.kind === 'sobject' && type.kind === 'sobject') {
        return (
            type.name === undefined || type.name.toLowerCase() === (actual.name ?? '').toLowerCase()
        );
    }
    if (actual.kind === 'primitive' && type.kind === 'primitive') {
        return actual.name === type.name || (actual.name === 'Id' && type.name === 'String');
    }
    return isAssignable(actual, type);
}

/** 15 or 18 characters of letters and digits: the shape of a Salesforce Id. */
export const isIdText = (text: string): boolean =>
    /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(text);

/** The 18-character form of a 15-character Id (APEX.md §2, the case-checksum suffix). */
export function toId18(text: string): string {
    if (text.length !== 15) {
        return text;
    }
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
    let suffix = '';
    for (let group = 0; group < 3; group++) {
        let bits = 0;
        for (let index = 0; index < 5; index++) {
            const char = text.charAt(group * 5 + index);
            if (char >= 'A' && char <= 'Z') {
                bits |= 1 << index;
            }
        }
        suffix += alphabet.charAt(bits);
    }
    return text + suffix;
}

/** The name of a value's runtime type in a TypeException message. */
export const runtimeTypeName = (value: Value): string => typeName(runtimeType(value));

/** Numbers of every kind as a BigDecimal, for conversions. */
export function decimalOf(value: Value): ReturnType<typeof Big> {
    if (typeof value === 'number' || typeof value === 'bigint') {
        return Big(value);
    }
    if (value instanceof DoubleValue) {
        return Big(value.value);
    }
    return value as ReturnType<typeof Big>;
}

/** The class of an exception or instance value. */
export const classOf = (value: ObjectValue): ApexClass => value.type;
