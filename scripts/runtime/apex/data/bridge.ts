import { Big } from 'bigdecimal.js';
import type { DmlOperation, Transaction } from '../../org';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../../schema';
import type { FieldValues, Scalar } from '../../types';
import { asDecimal } from '../equality';
import {
    DateValue,
    DatetimeValue,
    DoubleValue,
    IdValue,
    SObjectValue,
    toLong,
    type ApexType,
    type DmlRowError,
    type SourcePlace,
    type Value
} from '../model';
import type { SObjectFieldType } from '../services';
import { T } from '../types';
import type { SObjectCatalogue } from '../vm';

/**
 * Where Apex meets the embedded org's data: the org's schema and the transaction running now,
 * which the driver (a test method, an Apex job, anonymous Apex) opens and closes. Apex DML goes
 * through the same transaction as the flows it fires.
 */
export interface ApexData {
    readonly schema: OrgSchema;
    /** The running transaction; the driver always has one open while Apex runs. */
    transaction(): Transaction;
    /** What the running user may read and write, checked in user mode. */
    readonly security: DataSecurity;
    /**
     * Runs the block of `System.runAs(user)` as the user with this Id (DG "Using the runAs
     * Method"); the org refuses it where the platform does not allow it.
     */
    runAs(userId: string, place: SourcePlace, body: () => void): void;
}

/**
 * How a database operation is checked (Apex Developer Guide, "Enforce User Mode for Database
 * Operations"): system mode checks nothing; user mode checks the running user's object and
 * field permissions; WITH SECURITY_ENFORCED checks the fields a query selects.
 */
export type AccessMode = 'system' | 'user' | 'security-enforced';

/** A field an operation reads or writes, with the object it belongs to. */
export interface FieldUse {
    readonly object: ObjectSchema;
    readonly field: FieldSchema;
    /**
     * The query clause that names the field. WITH SECURITY_ENFORCED checks only the SELECT
     * clause's fields (DG "Filter SOQL Queries Using WITH SECURITY_ENFORCED"); a field without
     * a clause cannot be placed, so such a query's failing field is refused.
     */
    readonly clause?: 'select' | 'where' | 'order by';
}

/** A row a DML operation writes: its values as the org stores them and the fields it sets. */
export interface WriteRow {
    readonly values: FieldValues;
    readonly fields: readonly FieldSchema[];
}

/** How a DML operation takes a row that the running user may not write. */
export interface WriteCheck {
    /** All-or-none operations throw; the others fail the row and save the rest. */
    readonly allOrNone: boolean;
    /** Fails one row (allOrNone false): its error goes to the row's result. */
    readonly deny: (error: DmlRowError) => void;
}

/** The running user's permissions, as database operations check them. */
export interface DataSecurity {
    /** Throws the platform's exception when the user may not read the object or a field. */
    checkRead(
        object: ObjectSchema,
        fields: readonly FieldUse[],
        mode: AccessMode,
        place: SourcePlace
    ): void;
    /**
     * Whether the running user may read, create, edit or delete the object (or, with a field,
     * read, create or edit the field): describe's isAccessible and its kin.
     */
    canAccess(
        object: ObjectSchema,
        access: 'read' | 'create' | 'edit' | 'delete',
        field: FieldSchema | undefined,
        place: SourcePlace
    ): boolean;
    /**
     * Throws the platform's exception when the user may not write the object, or a field of a
     * row in an all-or-none operation; in a partial one, denies the rows with such a field.
     */
    checkWrite(
        object: ObjectSchema,
        operation: DmlOperation,
        rows: readonly WriteRow[],
        mode: AccessMode,
        place: SourcePlace,
        check: WriteCheck
    ): void;
}

/** The Apex type of a stored field (DG "Primitive Data Types": Number fields are Decimals). */
export function apexTypeOf(field: FieldSchema): ApexType {
    switch (field.type) {
        case 'id':
        case 'reference':
            return T.id;
        case 'checkbox':
            return T.boolean;
        case 'number':
            return numberType(field);
        case 'date':
            return T.date;
        case 'datetime':
            return T.datetime;
        default:
            return T.string;
    }
}

/**
 * A number field's Apex type: a custom field's is Decimal; a standard field keeps the type the
 * catalogue gives it (Integer for CronTrigger.TimesTriggered).
 */
function numberType(field: FieldSchema): ApexType {
    switch (field.numberType) {
        case 'Integer':
            return T.integer;
        case 'Long':
            return T.long;
        case 'Double':
            return T.double;
        default:
            return T.decimal;
    }
}

/** The sObject types and fields the VM may name, from the org's schema. */
export function catalogueOf(schema: OrgSchema): SObjectCatalogue {
    return {
        objectName: (name) => schema.findObject(name)?.name,
        field: (object, name): SObjectFieldType | undefined => {
            const objectSchema = schema.findObject(object);
            if (!objectSchema) {
                return undefined;
            }
            const field = schema.findField(objectSchema, name);
            if (field) {
                // An sObject's Id may be set, to update or delete the record it names.
                return {
                    name: field.name,
                    type: apexTypeOf(field),
                    writable: field.writable || field.name === 'Id'
                };
            }
            const relationship = schema.relationship(objectSchema, name);
            return relationship && typeof relationship !== 'string'
                ? {
                      name: relationship.name,
                      type: { kind: 'sobject', name: relationship.target.name },
                      writable: true
                  }
                : undefined;
        }
    };
}

/** A stored value as Apex holds it. */
export function toApexValue(field: FieldSchema, value: Scalar): Value {
    if (value === null) {
        return null;
    }
    switch (field.type) {
        case 'id':
        case 'reference':
            return new IdValue(String(value));
        case 'checkbox':
            return value === true;
        case 'number':
            switch (field.numberType) {
                case 'Integer':
                    return Number(value);
                case 'Long':
                    return toLong(BigInt(Math.trunc(Number(value))));
                case 'Double':
                    return new DoubleValue(Number(value));
                default:
                    return Big(String(value));
            }
        case 'date': {
            const [year = 0, month = 1, day = 1] = String(value)
                .slice(0, 10)
                .split('-')
                .map(Number);
            return new DateValue(year, month, day);
        }
        case 'datetime':
            return new DatetimeValue(Date.parse(String(value)));
        default:
            return String(value);
    }
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

/** An Apex value as the org stores it: text, numbers, booleans; dates as ISO text. */
export function toScalar(value: Value): Scalar {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') {
        return value;
    }
    if (typeof value === 'number') {
        return value;
    }
    if (value instanceof IdValue) {
        return value.value;
    }
    if (value instanceof DateValue) {
        return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
    }
    if (value instanceof DatetimeValue) {
        return new Date(value.epochMillis).toISOString();
    }
    const decimal = asDecimal(value);
    if (decimal !== undefined) {
        return Number(decimal.toString());
    }
    if (value instanceof SObjectValue) {
        // A record bound where an Id is compared stands for its Id (DG "Using Apex Variables in
        // SOQL and SOSL Queries").
        const id = value.fields.get('id');
        return id instanceof IdValue ? id.value : null;
    }
    throw new TypeError(`An Apex ${value.constructor.name} cannot be stored in a field.`);
}

/** A stored record as an sObject of Apex, with the given fields (all when none are given). */
export function toSObject(
    object: ObjectSchema,
    record: Readonly<Record<string, Scalar>>,
    fields: readonly FieldSchema[] = object.fields,
    fromQuery = true
): SObjectValue {
    const value = new SObjectValue(object.name, fromQuery);
    for (const field of fields) {
        const key = field.name.toLowerCase();
        value.fields.set(key, toApexValue(field, record[field.name] ?? null));
        value.names.set(key, field.name);
    }
    return value;
}
