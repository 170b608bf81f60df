import { isRecord } from '../../shared/json';
import { linkIdFields, parent } from './sobjects';
import type {
    ApexConstructor,
    ApexMethod,
    ApexProperty,
    ApexTypeInfo,
    FieldValueType,
    SObjectField,
    SObjectInfo
} from './types';

/**
 * How the catalogue is kept in its cache files. An object's fields are written as one string,
 * a short entry each (`Site:String|Owner>User>OwnerId|Contacts<Contact`), a quarter of their
 * JSON as objects; what can be derived from the rest (an Id field's relationship, whether a
 * lookup is polymorphic) is derived again. Reading checks every value: a file that is not what
 * this module writes is no answer, and the jar is read instead. An object's fields, once
 * checked, are decoded when first asked for: most runs ask about a few of the 4,500 objects.
 */

/** Raised with every change of what is kept, so that older files are misses. */
export const CACHE_FORMAT = 'catalogue-2';

const VALUE_TYPES: readonly FieldValueType[] = [
    'Id',
    'String',
    'Boolean',
    'Integer',
    'Long',
    'Decimal',
    'Double',
    'Date',
    'Datetime',
    'Time',
    'Blob',
    'Object',
    'Address',
    'Location',
    'List<String>'
];

const SEPARATOR = '|';

/** `name:Type`, `name>Target`, `name>Target>IdField` or `name<Child`. */
const FIELD_SOURCE = `\\w+(?::(?:${VALUE_TYPES.join('|')})|>\\w+(?:>\\w+)?|<\\w+)`;
const FIELD = /^(\w+)(?::(.+)|>(\w+)(?:>(\w+))?|<(\w+))$/;
/** An object's whole field list, checked at once. */
const FIELD_LIST = new RegExp(`^(?:${FIELD_SOURCE}(?:\\${SEPARATOR}${FIELD_SOURCE})*)?$`);

export function encodeSObjects(objects: readonly SObjectInfo[]): unknown {
    return objects.map((object) => [object.name, object.fields.map(encodeField).join(SEPARATOR)]);
}

function encodeField(field: SObjectField): string {
    switch (field.kind) {
        case 'value':
            return `${field.name}:${field.type}`;
        case 'parent':
            return field.idField === undefined
                ? `${field.name}>${field.target}`
                : `${field.name}>${field.target}>${field.idField}`;
        case 'children':
            return `${field.name}<${field.childObject}`;
    }
}

export function decodeSObjects(value: unknown): SObjectInfo[] | undefined {
    if (!Array.isArray(value)) {
        return undefined;
    }
    const objects: SObjectInfo[] = [];
    for (const item of value as unknown[]) {
        if (!Array.isArray(item) || item.length !== 2) {
            return undefined;
        }
        const [name, encoded] = item as unknown[];
        if (typeof name !== 'string' || typeof encoded !== 'string' || !FIELD_LIST.test(encoded)) {
            return undefined;
        }
        objects.push(lazyObject(name, encoded));
    }
    return objects;
}

/** An object whose fields, checked already, are decoded on first use. */
function lazyObject(name: string, encoded: string): SObjectInfo {
    let fields: readonly SObjectField[] | undefined;
    return {
        name,
        get fields(): readonly SObjectField[] {
            fields ??= linkIdFields(
                encoded === '' ? [] : encoded.split(SEPARATOR).map(decodeField)
            );
            return fields;
        }
    };
}

function decodeField(text: string): SObjectField {
    const [, name = '', valueType, target, idField, child = ''] = FIELD.exec(text) ?? [];
    if (valueType !== undefined) {
        return { kind: 'value', name, type: valueType as FieldValueType };
    }
    return target === undefined
        ? { kind: 'children', name, childObject: child }
        : parent(name, target, idField);
}

export function encodeApexTypes(types: readonly ApexTypeInfo[]): unknown {
    return types;
}

export function decodeApexTypes(value: unknown): ApexTypeInfo[] | undefined {
    if (!Array.isArray(value)) {
        return undefined;
    }
    const types: ApexTypeInfo[] = [];
    for (const item of value as unknown[]) {
        const type = decodeApexType(item);
        if (type === undefined) {
            return undefined;
        }
        types.push(type);
    }
    return types;
}

function decodeApexType(value: unknown): ApexTypeInfo | undefined {
    if (
        !isRecord(value) ||
        typeof value.namespace !== 'string' ||
        typeof value.name !== 'string' ||
        (value.kind !== 'class' && value.kind !== 'interface' && value.kind !== 'enum') ||
        typeof value.abstract !== 'boolean' ||
        !isStrings(value.typeParameters) ||
        !isStrings(value.interfaces) ||
        !isStrings(value.values) ||
        (value.superclass !== undefined && typeof value.superclass !== 'string') ||
        !isArrayOf(value.constructors, isConstructor) ||
        !isArrayOf(value.methods, isMethod) ||
        !isArrayOf(value.properties, isProperty)
    ) {
        return undefined;
    }
    const type: ApexTypeInfo = {
        namespace: value.namespace,
        name: value.name,
        kind: value.kind,
        abstract: value.abstract,
        typeParameters: value.typeParameters,
        interfaces: value.interfaces,
        constructors: value.constructors,
        methods: value.methods,
        properties: value.properties,
        values: value.values
    };
    return value.superclass === undefined ? type : { ...type, superclass: value.superclass };
}

function isConstructor(value: unknown): value is ApexConstructor {
    return isRecord(value) && isStrings(value.parameters);
}

function isMethod(value: unknown): value is ApexMethod {
    return (
        isRecord(value) &&
        typeof value.name === 'string' &&
        typeof value.static === 'boolean' &&
        isStrings(value.parameters) &&
        typeof value.returnType === 'string'
    );
}

function isProperty(value: unknown): value is ApexProperty {
    return (
        isRecord(value) &&
        typeof value.name === 'string' &&
        typeof value.static === 'boolean' &&
        typeof value.type === 'string'
    );
}

function isStrings(value: unknown): value is string[] {
    return isArrayOf(value, (item): item is string => typeof item === 'string');
}

function isArrayOf<T>(value: unknown, is: (item: unknown) => item is T): value is T[] {
    return Array.isArray(value) && (value as unknown[]).every(is);
}
