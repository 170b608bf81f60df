/**
 * Values of the embedded org, shared by every area: a field value is a scalar; a record is an
 * object type with its field values keyed by the field's API name as the schema spells it.
 * Dates and date-times are ISO text, as the REST API writes them.
 */
export type Scalar = string | number | boolean | null;

export type FieldValues = Record<string, Scalar>;

/** A record as flows and DML see it: which object it is, and the fields it carries. */
export interface SObjectRecord {
    readonly sobjectType: string;
    fields: FieldValues;
}

/** Governor limits counted in a transaction, by the names `--json` prints. */
export interface LimitUsage {
    soqlQueries: number;
    queryRows: number;
    dmlStatements: number;
    dmlRows: number;
}
