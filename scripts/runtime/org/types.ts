import type { RecordError } from '../errors';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { FieldValues } from '../types';

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete';

/** One DML statement. */
export interface DmlRequest {
    readonly operation: DmlOperation;
    readonly object: ObjectSchema;
    /** Field values; update and delete need the Id, upsert the external ID field. */
    readonly records: readonly FieldValues[];
    /** The field an upsert matches on. */
    readonly externalId?: FieldSchema;
    /** All-or-none (Apex's default) or partial success (the API's default, Database.x(false)). */
    readonly allOrNone: boolean;
    /**
     * For partial success: the unit each record belongs to. A record's failure drops its whole
     * unit from the retry (a flow interview's records succeed or fail together).
     */
    readonly units?: readonly number[];
    /** Inserts keep the Ids the records carry (loading an org's existing data). */
    readonly keepIds?: boolean;
}

export interface DmlResult {
    readonly id: string | null;
    readonly success: boolean;
    /** True when the record was inserted (upsert tells inserts from updates). */
    readonly created: boolean;
    readonly errors: readonly RecordError[];
}

export type TriggerOperation = 'insert' | 'update' | 'delete';

/** A record in a trigger context: as it is saved, as it was before, and its errors so far. */
export interface TriggerRow {
    /** Before-save flows change it in place; after save it is what was saved. */
    readonly record: FieldValues;
    /** The stored record before this DML; null on insert. */
    readonly prior: FieldValues | null;
    readonly errors: RecordError[];
}

/** One firing of save (or delete) automation for a chunk of up to 200 records. */
export interface TriggerEvent {
    readonly object: ObjectSchema;
    readonly operation: TriggerOperation;
    readonly timing: 'before' | 'after';
    readonly rows: readonly TriggerRow[];
}
