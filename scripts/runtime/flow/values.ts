import type { FieldSchema } from '../schema';
import type { Scalar, SObjectRecord } from '../types';
import { formulaTypeOfField, type FormulaType } from './formula';
import type { FlowDataType, FlowValue } from './types';

/**
 * Records that came from a query. Reading a field the query did not select faults, as on the
 * platform ("SObject row was retrieved via SOQL without querying the requested field").
 */
const QUERIED = new WeakSet<SObjectRecord>();

export function isRecord(value: FlowValue | undefined): value is SObjectRecord {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function queriedRecord(record: SObjectRecord): SObjectRecord {
    QUERIED.add(record);
    return record;
}

export function wasQueried(record: SObjectRecord): boolean {
    return QUERIED.has(record);
}

/**
 * A copy of a value. Flow variables hold values, not shared objects: assigning a record, adding
 * the loop's current item to a collection or looping over a collection copies the records, so a
 * later change to one does not show in the other. [verify in an org]
 */
export function copyValue(value: FlowValue): FlowValue {
    if (Array.isArray(value)) {
        return value.map(copyValue);
    }
    if (isRecord(value)) {
        const copy: SObjectRecord = { sobjectType: value.sobjectType, fields: { ...value.fields } };
        return wasQueried(value) ? queriedRecord(copy) : copy;
    }
    return value;
}

export function formulaTypeOfData(type: FlowDataType): FormulaType {
    switch (type) {
        case 'Boolean':
            return 'checkbox';
        case 'Number':
        case 'Currency':
            return 'number';
        case 'Date':
            return 'date';
        case 'DateTime':
            return 'datetime';
        default:
            return 'text';
    }
}

/** A scalar in the shape a field stores: flows convert on assignment. */
export function coerceToField(field: FieldSchema, value: FlowValue): Scalar {
    return coerce(formulaTypeOfField(field.type), value);
}

export function coerce(type: FormulaType, value: FlowValue): Scalar {
    if (value === null || Array.isArray(value)) {
        return null;
    }
    if (isRecord(value)) {
        return typeof value.fields['Id'] === 'string' ? value.fields['Id'] : null;
    }
    switch (type) {
        case 'checkbox':
            return value === true || value === 'true';
        case 'number': {
            const number = Number(value);
            return value === '' || Number.isNaN(number) ? null : number;
        }
        default:
            return String(value);
    }
}

/** How a value shows in a text template or an error message. */
export function displayText(value: FlowValue): string {
    if (value === null) {
        return '';
    }
    if (Array.isArray(value)) {
        return value.map(displayText).join(', ');
    }
    if (isRecord(value)) {
        return displayText(value.fields['Id'] ?? null);
    }
    return String(value);
}
