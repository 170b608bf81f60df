import { DmlException, LimitException, type RecordError } from '../errors';
import { MESSAGES } from '../messages';
import type { FieldSchema, FieldType, ObjectSchema, OrgSchema } from '../schema';
import type { FieldValues, LimitUsage, Scalar } from '../types';
import { hasFormulaDefault } from '../schema/fields';
import { computeFormulaFields, defaultOf } from './formulas';
import { normalizeId } from './ids';
import { GOVERNOR_LIMITS, LimitCounter, MAX_TRIGGER_DEPTH } from './limits';
import { selectRecords, type QuerySpec } from './query';
import { indexKey, matchingIds, type RecordStore } from './store';
import type { DmlRequest, DmlResult, TriggerEvent, TriggerOperation, TriggerRow } from './types';

/** What fires save automation (record-triggered flows) for a DML statement's records. */
export interface TriggerHandler {
    fire(transaction: Transaction, event: TriggerEvent): void;
}

/**
 * Who saves and when: the time every save stamps into CreatedDate and LastModifiedDate, and the
 * running user it stamps into CreatedById, LastModifiedById and a new record's OwnerId (null in
 * an org that runs as nobody, whose schema has no such fields).
 */
export interface SaveContext {
    /** Milliseconds since the epoch. */
    now(): number;
    userId(): string | null;
}

/** The wall clock, and no running user. */
export const WALL_CLOCK: SaveContext = { now: () => Date.now(), userId: () => null };

/** DML and triggers handle records in chunks of 200, as Apex triggers and flows do. */
export const CHUNK_SIZE = 200;

/**
 * Partial-success DML rolls back and retries without the failed records, at most three
 * attempts, with the governor limits reset before each retry (Apex guide, "Bulk DML Exception
 * Handling"). [verify in an org: the same for DML issued by flows]
 */
const MAX_ATTEMPTS = 3;

interface MixedDmlState {
    setup?: string;
    nonSetup?: string;
}

interface PlannedRow {
    readonly index: number;
    readonly operation: TriggerOperation;
    readonly values: FieldValues;
}

/**
 * An email address as an Email field accepts it: a local part, `@`, and a domain of at least
 * two labels (Salesforce Help, "Custom Field Types": Email is "validated to ensure proper
 * format"). The exact rule is not documented. [verify in an org: which addresses an Email
 * field refuses]
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/**
 * One transaction of the embedded org: queries and DML statements against the store, with the
 * governor limits counted and save automation fired. The caller commits it or rolls it back;
 * nothing it did is kept on rollback.
 */
export class Transaction {
    public readonly limits: LimitCounter;
    /** Flow interviews started in the transaction. */
    public interviews = 0;
    /** DML rows by object name, as the DML rows limit counts them: once per statement. */
    public readonly dmlRowsByObject = new Map<string, number>();
    private depth = 0;
    private mixed: MixedDmlState = {};
    private readonly start: number;

    public constructor(
        public readonly schema: OrgSchema,
        public readonly store: RecordStore,
        private readonly triggers: TriggerHandler,
        limits: Readonly<LimitUsage> = GOVERNOR_LIMITS,
        public readonly context: SaveContext = WALL_CLOCK
    ) {
        this.limits = new LimitCounter(limits);
        this.start = store.savepoint();
    }

    /** The records a query returns, without counting it: grouped queries count once. */
    public select(spec: QuerySpec): FieldValues[] {
        return selectRecords(this.store, spec, (id) => this.find(id));
    }

    /** The record an Id names, whatever its object; undefined when there is none. */
    public find(id: string): FieldValues | undefined {
        const object = this.schema.objectOfId(id);
        const normalized = normalizeId(id);
        return object && normalized ? this.store.get(object.name, normalized) : undefined;
    }

    /**
     * Runs `body` with a mixed-DML check of its own, as a System.runAs block does (DG "Mixed
     * DML Operations in Test Methods"): setup and non-setup objects saved inside it do not
     * clash with those saved outside.
     */
    public withOwnMixedDml<R>(body: () => R): R {
        const saved = this.mixed;
        this.mixed = {};
        try {
            return body();
        } finally {
            this.mixed = saved;
        }
    }

    /** Counts one SOQL query that returned `rows` rows. */
    public countQuery(rows: number): void {
        this.limits.query(rows);
    }

    public commit(): void {
        this.store.commit();
    }

    public rollback(): void {
        this.store.rollbackTo(this.start);
    }

    /**
     * Executes one DML statement. All-or-none: any failed record rolls back the statement (with
     * everything its triggers did) and throws DmlException. Partial success: failed records (or
     * their units) are reported, and the statement is rolled back and retried without them.
     */
    public dml(request: DmlRequest): DmlResult[] {
        if (request.records.length === 0) {
            return [];
        }
        this.limits.dml(request.records.length);
        const object = request.object.name;
        this.dmlRowsByObject.set(
            object,
            (this.dmlRowsByObject.get(object) ?? 0) + request.records.length
        );
        this.depth += 1;
        try {
            if (this.depth > MAX_TRIGGER_DEPTH) {
                throw new LimitException(MESSAGES.triggerDepth(MAX_TRIGGER_DEPTH));
            }
            return this.withRetries(request);
        } finally {
            this.depth -= 1;
        }
    }

    private withRetries(request: DmlRequest): DmlResult[] {
        const savepoint = this.store.savepoint();
        const usage: LimitUsage = this.limits.usage;
        const mixed = { ...this.mixed };
        const results = new Map<number, DmlResult>();
        const unitOf = (index: number): number => request.units?.[index] ?? index;
        let active = request.records.map((_, index) => index);
        for (let attempt = 1; active.length > 0; attempt++) {
            const outcome = this.attempt(request, active);
            const failedUnits = new Set(
                active.filter((index) => !outcome.get(index)?.success).map(unitOf)
            );
            if (failedUnits.size === 0) {
                outcome.forEach((result, index) => results.set(index, result));
                break;
            }
            this.store.rollbackTo(savepoint);
            this.mixed = { ...mixed };
            if (request.allOrNone) {
                const index = active.find((candidate) => !outcome.get(candidate)?.success) ?? 0;
                const error = outcome.get(index)?.errors[0] ?? rolledBack();
                throw new DmlException(
                    MESSAGES.dmlFailed(request.operation, index, error),
                    index,
                    outcome.get(index)?.errors ?? [error]
                );
            }
            this.limits.restore(usage);
            for (const index of active) {
                const result = outcome.get(index);
                if (failedUnits.has(unitOf(index)) || attempt === MAX_ATTEMPTS) {
                    results.set(
                        index,
                        failure(
                            result?.id ?? null,
                            ...(result && !result.success ? result.errors : [rolledBack()])
                        )
                    );
                }
            }
            active = active.filter((index) => !results.has(index));
        }
        return request.records.map((_, index) => results.get(index) ?? failure(null, rolledBack()));
    }

    /** One attempt over the records still in play, chunk by chunk. */
    private attempt(request: DmlRequest, indices: readonly number[]): Map<number, DmlResult> {
        const results = new Map<number, DmlResult>();
        const planned: PlannedRow[] = [];
        for (const index of indices) {
            const values = request.records[index] ?? {};
            const plan = this.plan(request, index, values);
            if ('errors' in plan) {
                results.set(index, plan);
            } else {
                planned.push(plan);
            }
        }
        for (let start = 0; start < planned.length; start += CHUNK_SIZE) {
            const chunk = planned.slice(start, start + CHUNK_SIZE);
            // An upsert's chunk saves its new records first, then its updates. [verify in an org]
            for (const operation of ['insert', 'update', 'delete'] as const) {
                const rows = chunk.filter((row) => row.operation === operation);
                if (rows.length > 0) {
                    this.saveChunk(
                        request.object,
                        request.keepIds === true,
                        operation,
                        rows,
                        results
                    );
                }
            }
        }
        return results;
    }

    /** What a record becomes in this statement, or its error (a missing record to update). */
    private plan(request: DmlRequest, index: number, values: FieldValues): PlannedRow | DmlResult {
        const object = request.object;
        if (request.operation === 'insert') {
            return { index, operation: 'insert', values };
        }
        if (request.operation === 'upsert' && request.externalId) {
            const matches = matchingIds(
                this.store,
                object,
                request.externalId,
                values[request.externalId.name] ?? null
            );
            if (matches.length > 1) {
                return failure(null, {
                    statusCode: 'DUPLICATE_EXTERNAL_ID',
                    message: MESSAGES.duplicateExternalId(request.externalId.name, matches)
                });
            }
            const existing = matches[0];
            return existing
                ? { index, operation: 'update', values: { ...values, Id: existing } }
                : { index, operation: 'insert', values };
        }
        if (request.operation === 'upsert' && (values['Id'] ?? null) === null) {
            // Without an external ID field upsert matches on the Id: "If the key isn't matched,
            // then a new object record is created" (DG "Upserting Records").
            return { index, operation: 'insert', values };
        }
        const id = typeof values['Id'] === 'string' ? normalizeId(values['Id']) : undefined;
        if (!id || !this.store.get(object.name, id)) {
            return failure(null, {
                statusCode: 'ENTITY_IS_DELETED',
                message: MESSAGES.missingRecord(object.name, values['Id'] ?? null)
            });
        }
        return {
            index,
            operation: request.operation === 'delete' ? 'delete' : 'update',
            values: { ...values, Id: id }
        };
    }

    private saveChunk(
        object: ObjectSchema,
        keepIds: boolean,
        operation: TriggerOperation,
        planned: readonly PlannedRow[],
        results: Map<number, DmlResult>
    ): void {
        const rows: TriggerRow[] = planned.map((row) =>
            this.triggerRow(object, operation, row.values, keepIds)
        );
        this.triggers.fire(this, { object, operation, timing: 'before', rows });
        if (operation !== 'delete') {
            this.validate(object, rows);
        }
        const saved: TriggerRow[] = [];
        rows.forEach((row) => {
            if (row.errors.length > 0) {
                return;
            }
            if (operation === 'delete') {
                this.store.delete(object.name, String(row.record['Id']));
            } else {
                computeFields(this.schema, object, row.record, this.now());
                if (operation === 'insert') {
                    this.store.insert(object.name, row.record);
                } else {
                    this.store.update(object.name, row.record);
                }
                this.noteMixedDml(object, row);
            }
            saved.push(row);
        });
        if (operation !== 'delete' && saved.length > 0) {
            this.triggers.fire(this, { object, operation, timing: 'after', rows: saved });
        }
        planned.forEach((plan, position) => {
            const row = rows[position];
            if (!row) {
                return;
            }
            const id = typeof row.record['Id'] === 'string' ? row.record['Id'] : null;
            results.set(
                plan.index,
                row.errors.length > 0
                    ? failure(id, ...row.errors)
                    : { id, success: true, created: operation === 'insert', errors: [] }
            );
        });
    }

    /** The record as the statement saves it: defaults on insert, merged with the stored record on update. */
    private triggerRow(
        object: ObjectSchema,
        operation: TriggerOperation,
        values: FieldValues,
        keepIds: boolean
    ): TriggerRow {
        const now = this.now();
        if (operation === 'insert') {
            const record: FieldValues = {};
            for (const field of object.fields) {
                const given = field.writable ? values[field.name] : undefined;
                const value =
                    given !== undefined
                        ? given
                        : hasFormulaDefault(field)
                          ? defaultOf(field, now)
                          : (field.defaultValue ?? null);
                record[field.name] = normalizeValue(field, value);
            }
            const given =
                keepIds && typeof values['Id'] === 'string' ? normalizeId(values['Id']) : undefined;
            if (given) {
                this.store.reserve(given);
            }
            record['Id'] = given ?? this.store.newId(object);
            this.stamp(object, record, 'insert', keepIds ? values : {});
            for (const field of object.fields) {
                if (field.autoNumberFormat) {
                    const serial = this.store.nextNumber(`${object.name}.${field.name}`);
                    record[field.name] = autoNumber(field.autoNumberFormat, serial);
                }
            }
            computeFields(this.schema, object, record, now);
            return { record, prior: null, errors: [] };
        }
        const id = String(values['Id']);
        const stored = this.store.get(object.name, id) ?? {};
        const record: FieldValues = { ...stored };
        if (operation === 'update') {
            for (const field of object.fields) {
                const given = values[field.name];
                if (field.writable && given !== undefined) {
                    record[field.name] = normalizeValue(field, given);
                }
            }
            this.stamp(object, record, 'update', {});
            computeFields(this.schema, object, record, now);
        }
        return { record, prior: { ...stored }, errors: [] };
    }

    /** The org's clock, behind the system fields' times and NOW() and TODAY() in formulas. */
    private now(): Date {
        return new Date(this.context.now());
    }

    /**
     * Writes the system fields of a save: on insert every audit field (a loaded record keeps
     * those it carries, an owner given on insert is kept), on update the last-modified ones.
     */
    private stamp(
        object: ObjectSchema,
        record: FieldValues,
        operation: 'insert' | 'update',
        given: FieldValues
    ): void {
        const now = this.now().toISOString();
        const user = this.context.userId();
        for (const field of object.fields) {
            const role = field.audit;
            if (!role) {
                continue;
            }
            const kept = given[field.name];
            if (kept !== undefined && kept !== null) {
                record[field.name] = normalizeValue(field, kept);
                continue;
            }
            if (operation === 'insert') {
                if (role === 'createdDate' || role === 'modifiedDate') {
                    record[field.name] = now;
                } else if (role !== 'owner' || record[field.name] === null) {
                    record[field.name] = user;
                }
            } else if (role === 'modifiedDate') {
                record[field.name] = now;
            } else if (role === 'modifiedBy') {
                record[field.name] = user;
            }
        }
    }

    /**
     * The platform's save-time checks: required, length, email format, restricted picklist,
     * unique, mixed DML.
     */
    private validate(object: ObjectSchema, rows: readonly TriggerRow[]): void {
        const seen = new Map<string, string>();
        for (const row of rows) {
            if (row.errors.length > 0) {
                continue;
            }
            const id = String(row.record['Id']);
            if (
                row.prior === null &&
                (this.store.get(object.name, id) || seen.has(`Id\u0000${id}`))
            ) {
                row.errors.push({
                    statusCode: 'DUPLICATE_VALUE',
                    message: MESSAGES.duplicateValue('Id', id),
                    fields: ['Id']
                });
                continue;
            }
            seen.set(`Id\u0000${id}`, id);
            if (object.custom && row.record['Name'] === null) {
                // A custom object's record saved without a name is named after its Id.
                row.record['Name'] = id;
            }
            for (const field of object.fields) {
                const error = this.fieldError(object, field, row, seen);
                if (error) {
                    row.errors.push(error);
                }
            }
            const mixed = this.mixedDmlError(object, row);
            if (mixed) {
                row.errors.push(mixed);
            }
        }
    }

    private fieldError(
        object: ObjectSchema,
        field: FieldSchema,
        row: TriggerRow,
        seen: Map<string, string>
    ): RecordError | undefined {
        const value = row.record[field.name] ?? null;
        if (value === null) {
            // A master-detail field is required whatever its metadata says: a detail record
            // takes its owner from its master and is deleted with it, and required fields are
            // among what sets the relationship apart from a lookup (SOAP API Developer Guide,
            // "Relationships Among Objects", relationships_among_objects.htm).
            return field.required || field.masterDetail === true
                ? {
                      statusCode: 'REQUIRED_FIELD_MISSING',
                      message: MESSAGES.requiredField(field.name),
                      fields: [field.name]
                  }
                : undefined;
        }
        if (
            typeof value === 'string' &&
            field.length !== undefined &&
            value.length > field.length
        ) {
            return {
                statusCode: 'STRING_TOO_LONG',
                message: MESSAGES.tooLong(field.name, field.length),
                fields: [field.name]
            };
        }
        if (field.type === 'email' && typeof value === 'string' && !EMAIL.test(value)) {
            return {
                statusCode: 'INVALID_EMAIL_ADDRESS',
                message: MESSAGES.badEmail(field.name, value),
                fields: [field.name]
            };
        }
        if (field.restrictedPicklist && !field.picklistValues?.includes(String(value))) {
            return {
                statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                message: MESSAGES.badPicklist(field.name, value),
                fields: [field.name]
            };
        }
        if (field.unique) {
            const id = String(row.record['Id']);
            const key = field.caseSensitive ? String(value) : indexKey(field, value);
            const duplicate =
                seen.get(`${field.name}\u0000${key}`) ??
                matchingIds(this.store, object, field, value).find((other) => other !== id);
            seen.set(`${field.name}\u0000${key}`, id);
            if (duplicate !== undefined && duplicate !== id) {
                return {
                    statusCode: 'DUPLICATE_VALUE',
                    message: MESSAGES.duplicateValue(field.name, duplicate),
                    fields: [field.name]
                };
            }
        }
        return undefined;
    }

    /**
     * Setup objects (User) and other objects cannot both be written in one transaction when the
     * setup write touches role, profile, activity or username fields (Apex guide, "sObjects That
     * Cannot Be Used Together in DML Operations"). Writing a custom User field is allowed.
     */
    private mixedDmlError(object: ObjectSchema, row: TriggerRow): RecordError | undefined {
        const other = object.setup ? this.mixed.nonSetup : this.mixed.setup;
        return other && restrictsMixedDml(object, row)
            ? { statusCode: 'MIXED_DML_OPERATION', message: MESSAGES.mixedDml(object.name, other) }
            : undefined;
    }

    private noteMixedDml(object: ObjectSchema, row: TriggerRow): void {
        if (!object.setup) {
            this.mixed.nonSetup ??= object.name;
        } else if (restrictsMixedDml(object, row)) {
            this.mixed.setup ??= object.name;
        }
    }
}

/** The field types whose values are Strings. */
const TEXT_TYPES: ReadonlySet<FieldType> = new Set([
    'text',
    'textarea',
    'email',
    'url',
    'phone',
    'picklist'
]);

/** Leading and trailing whitespace, as Java's String.trim() sees it (characters up to U+0020). */
const EDGE_WHITESPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

/**
 * Text fields store empty text as null and never keep leading or trailing whitespace: "sObject
 * String field values follow the same rules as in the SOAP API: they can never be empty (only
 * null), and they can never include leading and trailing whitespace" (DG "Primitive Data
 * Types", String). A checkbox set to null saves as false; Ids are kept in their 18-character
 * form.
 */
export function normalizeValue(field: FieldSchema, value: Scalar): Scalar {
    if (typeof value === 'string' && TEXT_TYPES.has(field.type)) {
        const trimmed = value.replace(EDGE_WHITESPACE, '');
        return trimmed === '' ? null : trimmed;
    }
    if (value === '' && field.type !== 'checkbox') {
        return null;
    }
    if (field.type === 'checkbox') {
        return value === true;
    }
    if ((field.type === 'reference' || field.type === 'id') && typeof value === 'string') {
        return normalizeId(value) ?? value;
    }
    if (field.type === 'datetime' && typeof value === 'string') {
        const time = Date.parse(value);
        return Number.isNaN(time) ? value : new Date(time).toISOString();
    }
    return value;
}

/** A non-setup write, or a setup write that creates the record or changes a restricted field. */
function restrictsMixedDml(object: ObjectSchema, row: TriggerRow): boolean {
    return (
        !object.setup ||
        object.mixedDmlFields.some((name) => row.prior?.[name] !== row.record[name])
    );
}

/** Computes the record's read-only fields: those with a rule, then its formula fields. */
function computeFields(
    schema: OrgSchema,
    object: ObjectSchema,
    record: FieldValues,
    now: Date
): void {
    for (const field of object.fields) {
        if (field.compute) {
            record[field.name] = field.compute(record);
        }
    }
    computeFormulaFields(schema, object, record, now);
}

function autoNumber(format: string, serial: number): string {
    return format.replace(/\{(0+)\}/, (_, zeros: string) =>
        String(serial).padStart(zeros.length, '0')
    );
}

function failure(id: string | null, ...errors: RecordError[]): DmlResult {
    return { id, success: false, created: false, errors };
}

function rolledBack(): RecordError {
    return { statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: MESSAGES.rolledBack };
}
