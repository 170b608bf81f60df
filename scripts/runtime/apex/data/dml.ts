import { DmlException, LimitException, type RecordError } from '../../errors';
import type { DmlOperation } from '../../org';
import type { FieldSchema, ObjectSchema } from '../../schema';
import type { FieldValues } from '../../types';
import { elementsOf } from '../collections';
import { ApexLimitError, UnsupportedError } from '../errors';
import { IdValue, SObjectValue, type DmlRowError, type SourcePlace, type Value } from '../model';
import type { ApexServices } from '../services';
import { toScalar, type AccessMode, type ApexData } from './bridge';

/**
 * DML from Apex, statements and Database methods alike, through the org's transaction: the
 * same saves, validation and record-triggered flows as a scenario step, under the same limits.
 */

/** The operations Apex can ask for; undelete and merge are refused where they are written. */
export type ApexDmlOperation = DmlOperation;

export interface DmlOptions {
    /** All-or-none throws DmlException on the first failed row (statements always are). */
    readonly allOrNone: boolean;
    readonly mode: AccessMode;
    /** An upsert's external-ID field; the Id when absent. */
    readonly externalId?: string;
    readonly place: SourcePlace;
}

/** A row's outcome, as SaveResult, UpsertResult and DeleteResult report it. */
export interface RowOutcome {
    readonly id: string | null;
    readonly success: boolean;
    readonly created: boolean;
    readonly errors: readonly DmlRowError[];
}

const OPERATION_NAMES: Readonly<Record<ApexDmlOperation, string>> = {
    insert: 'Insert',
    update: 'Update',
    upsert: 'Upsert',
    delete: 'Delete'
};

/**
 * Runs one DML operation on a record or a list of records (delete also takes Ids). Ids of the
 * inserted records are set on them, as Apex does; nothing else of the saved record is copied
 * back (DG "Inserting and Updating Records").
 */
export function runDml(
    data: ApexData,
    services: ApexServices,
    operation: ApexDmlOperation,
    target: Value,
    options: DmlOptions
): RowOutcome[] {
    if (target === null) {
        // [verify in an org: the message of a DML statement on a null record or list]
        return services.raise('NullPointerException', 'Argument cannot be null.');
    }
    const items = elementsOf(target) ?? [target];
    if (items.length === 0) {
        return [];
    }
    const records = items.map((item) => recordOf(services, operation, item));
    const object = objectOf(data, records, options.place);
    if (operation === 'insert' || operation === 'upsert') {
        // An upsert may create records too.
        data.schema.insertable(object, `${options.place.file}:${options.place.line}`);
    }
    duplicateIds(services, operation, records);
    const externalId = externalIdField(data, services, object, options.externalId);
    const rows = records.map((record) => valuesOf(data, object, record));
    const denied = new Map<number, DmlRowError>();
    data.security.checkWrite(object, operation, rows, options.mode, options.place, {
        allOrNone: options.allOrNone,
        deny: (error) => denied.set(error.index, error)
    });
    const early = rows.map(
        (row, index) => denied.get(index) ?? preCheck(operation, row.values, index)
    );
    const firstEarly = early.find((error) => error !== undefined);
    if (firstEarly && options.allOrNone) {
        throwDml(services, operation, [firstEarly]);
    }
    const planned = rows.map((row, index) => ({ row, index })).filter(({ index }) => !early[index]);
    let results: readonly {
        id: string | null;
        success: boolean;
        created: boolean;
        errors: readonly RecordError[];
    }[];
    try {
        results = data.transaction().dml({
            operation,
            object,
            records: planned.map(({ row }) => row.values),
            allOrNone: options.allOrNone,
            ...(externalId ? { externalId } : {})
        });
    } catch (error: unknown) {
        if (error instanceof DmlException) {
            const original = planned[error.row]?.index ?? error.row;
            const id = rows[original]?.values['Id'];
            throwDml(services, operation, [
                rowError(original, typeof id === 'string' ? id : null, error.errors)
            ]);
        }
        if (error instanceof LimitException) {
            throw new ApexLimitError(error.message);
        }
        throw error;
    }
    // A result's Id is empty when its row failed: "If this field contains a value, the object
    // was successfully inserted or updated. If this field is empty, the operation was not
    // successful for that object" (RG "SaveResult Class", getId; "DeleteResult Class" alike).
    const outcomes: RowOutcome[] = early.map((failed) => ({
        id: null,
        success: false,
        created: false,
        errors: failed ? [failed] : []
    }));
    planned.forEach(({ index }, position) => {
        const result = results[position];
        if (!result) {
            return;
        }
        outcomes[index] = {
            id: result.success ? result.id : null,
            success: result.success,
            created: result.created,
            errors: result.success ? [] : [rowError(index, result.id, result.errors)]
        };
        const record = records[index];
        if (
            result.success &&
            result.id &&
            record instanceof SObjectValue &&
            operation !== 'delete'
        ) {
            record.fields.set('id', new IdValue(result.id));
            record.names.set('id', 'Id');
        }
    });
    return outcomes;
}

/** An sObject to save, or an Id to delete. */
function recordOf(
    services: ApexServices,
    operation: ApexDmlOperation,
    item: Value
): SObjectValue | IdValue {
    if (item instanceof SObjectValue) {
        return item;
    }
    if (operation === 'delete' && item instanceof IdValue) {
        return item;
    }
    if (item === null) {
        // [verify in an org: the message for a null element of a DML list]
        return services.raise('NullPointerException', 'Attempt to de-reference a null object');
    }
    return services.raise('TypeException', 'DML requires SObject or SObject list type');
}

/** The object of the records; a list of several sObject types is refused. */
function objectOf(
    data: ApexData,
    records: readonly (SObjectValue | IdValue)[],
    place: SourcePlace
): ObjectSchema {
    const names = new Set(
        records.map((record) =>
            record instanceof SObjectValue
                ? record.type.toLowerCase()
                : (data.schema.objectOfId(record.value)?.name.toLowerCase() ?? '')
        )
    );
    const [name] = names;
    const object = name ? data.schema.findObject(name) : undefined;
    if (names.size !== 1 || !object) {
        // A generic List<SObject> holding records of several types is saved type by type on
        // the platform (DG "Creating Records of Different Types"); the org does not model it.
        throw new UnsupportedError(
            place,
            names.size > 1
                ? 'DML on a list of several sObject types'
                : `DML on ${name ?? 'this list'}`
        );
    }
    return object;
}

/** "Duplicate id in list": a ListException before any row is saved (APEX.md §7). */
function duplicateIds(
    services: ApexServices,
    operation: ApexDmlOperation,
    records: readonly (SObjectValue | IdValue)[]
): void {
    if (operation === 'insert') {
        return;
    }
    const seen = new Set<string>();
    for (const record of records) {
        const id = record instanceof IdValue ? record.value : idOf(record);
        if (id === null) {
            continue;
        }
        if (seen.has(id)) {
            services.raise('ListException', `Duplicate id in list: ${id}`);
        }
        seen.add(id);
    }
}

function idOf(record: SObjectValue): string | null {
    const id = record.fields.get('id');
    return id instanceof IdValue ? id.value : typeof id === 'string' ? id : null;
}

function externalIdField(
    data: ApexData,
    services: ApexServices,
    object: ObjectSchema,
    name: string | undefined
): FieldSchema | undefined {
    if (name === undefined || name.toLowerCase() === 'id') {
        return undefined;
    }
    // The field may be written as a field token, `Account.Fields.MyExternalId__c` or
    // `Account.MyExternalId__c`, as well as by its name (DG "Upserting Records"; RG
    // "Database.upsert(recordToUpsert, externalIdField, ...)" takes a Schema.SObjectField).
    const parts = name.split('.');
    const fieldName = parts.at(-1) ?? name;
    const [owner = '', middle] = parts;
    const token =
        parts.length === 1 ||
        (owner.toLowerCase() === object.name.toLowerCase() &&
            (parts.length === 2 || (parts.length === 3 && middle?.toLowerCase() === 'fields')));
    const field = token ? data.schema.findField(object, fieldName) : undefined;
    if (!field?.externalId) {
        // [verify in an org: the message for an upsert on a field that is not an external ID]
        return services.raise(
            'SObjectException',
            `Invalid field for upsert, must be an External Id custom or standard indexed field: ${name}`
        );
    }
    return field;
}

/** A record's fields as the org stores them; parents read through a query are not saved. */
function valuesOf(
    data: ApexData,
    object: ObjectSchema,
    record: SObjectValue | IdValue
): { values: FieldValues; fields: FieldSchema[] } {
    if (record instanceof IdValue) {
        return { values: { Id: record.value }, fields: [] };
    }
    const values: FieldValues = {};
    const fields: FieldSchema[] = [];
    for (const [key, value] of record.fields) {
        if (value instanceof SObjectValue) {
            continue;
        }
        const field = data.schema.findField(object, record.names.get(key) ?? key);
        if (!field) {
            continue;
        }
        values[field.name] = toScalar(value);
        if (field.name !== 'Id') {
            fields.push(field);
        }
    }
    return { values, fields };
}

/**
 * The row errors the platform gives before saving: an insert that names an Id, an update or
 * delete without one. [verify in an org: "Id not specified in an update call" for delete]
 */
function preCheck(
    operation: ApexDmlOperation,
    values: FieldValues,
    index: number
): DmlRowError | undefined {
    const id = values['Id'];
    const hasId = typeof id === 'string' && id !== '';
    if (operation === 'insert' && hasId) {
        return {
            index,
            id,
            statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
            message: 'cannot specify Id in an insert call',
            fields: ['Id']
        };
    }
    if ((operation === 'update' || operation === 'delete') && !hasId) {
        return {
            index,
            id: null,
            statusCode: 'MISSING_ARGUMENT',
            message: `Id not specified in an ${operation} call`,
            fields: []
        };
    }
    return undefined;
}

function rowError(index: number, id: string | null, errors: readonly RecordError[]): DmlRowError {
    const first = errors[0];
    return {
        index,
        id,
        statusCode: first?.statusCode ?? 'UNKNOWN_EXCEPTION',
        message: first?.message ?? '',
        fields: first?.fields ?? []
    };
}

/**
 * System.DmlException with the platform's message: `Insert failed. First exception on row 0;
 * first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Url__c]: [Url__c]`
 * (APEX.md §7, from public debug logs); an update names the row's Id.
 */
function throwDml(
    services: ApexServices,
    operation: ApexDmlOperation,
    errors: readonly DmlRowError[]
): never {
    const first = errors[0];
    const row = first?.index ?? 0;
    const withId = first?.id && operation !== 'insert' ? ` with id ${first.id}` : '';
    const message = `${OPERATION_NAMES[operation]} failed. First exception on row ${row}${withId}; first error: ${first?.statusCode ?? ''}, ${first?.message ?? ''}: [${(first?.fields ?? []).join(', ')}]`;
    return services.raise('DmlException', message, { dml: errors });
}
