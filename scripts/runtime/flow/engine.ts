import { FlowFault, LimitException, type RecordError } from '../errors';
import { MESSAGES } from '../messages';
import type { DmlOperation, DmlResult, FilterOperator, QuerySpec, Transaction } from '../org';
import type { FieldSchema, ObjectSchema } from '../schema';
import type { FieldValues, Scalar, SObjectRecord } from '../types';
import type { Interview } from './interview';
import { coerceToField, copyValue, displayText, isRecord, queriedRecord } from './values';
import {
    BULK_KINDS,
    type FilterTarget,
    type FlowDefinition,
    type FlowElement,
    type FlowValue,
    type RecordFilter
} from './types';

type ElementOf<K extends FlowElement['kind']> = Extract<FlowElement, { kind: K }>;

/**
 * Where a flow runs: before save (no DML, `$Record` changes are saved; before-delete flows too)
 * or after save.
 */
export type RunMode = 'beforeSave' | 'afterSave';

/**
 * Runs the interviews of one flow for one chunk of triggering records, bulkified as the platform
 * does ("How Flow Bulkification Works"): each interview runs until it reaches an element that
 * queries or writes; then the interviews waiting at the same element run it together, as one
 * SOQL query or one DML statement, each interview getting its own result; then they go on. A
 * Get Records inside a loop therefore runs once per iteration, never merged across iterations.
 */
export class FlowRunner {
    public readonly mode: RunMode;

    public constructor(
        private readonly transaction: Transaction,
        private readonly flow: FlowDefinition
    ) {
        this.mode = flow.start.triggerType === 'RecordAfterSave' ? 'afterSave' : 'beforeSave';
    }

    public run(interviews: readonly Interview[]): void {
        for (;;) {
            const waiting = new Map<string, Interview[]>();
            for (const interview of interviews) {
                this.advance(interview);
                if (!interview.finished && interview.current) {
                    const group = waiting.get(interview.current) ?? [];
                    group.push(interview);
                    waiting.set(interview.current, group);
                }
            }
            if (waiting.size === 0) {
                return;
            }
            for (const name of this.flow.elementOrder) {
                const group = waiting.get(name);
                const element = this.flow.elements.get(name);
                if (group && element) {
                    group.forEach((interview) => interview.visited.add(name));
                    this.runBulk(element, group);
                }
            }
        }
    }

    /** Runs elements that neither query nor write until the interview waits or ends. */
    private advance(interview: Interview): void {
        while (!interview.finished) {
            const element = interview.current
                ? this.flow.elements.get(interview.current)
                : undefined;
            if (!element) {
                interview.finished = true;
                return;
            }
            if (BULK_KINDS.has(element.kind)) {
                return;
            }
            interview.visited.add(element.name);
            try {
                interview.current = this.step(element, interview);
            } catch (error: unknown) {
                this.fault(interview, element, error);
            }
        }
    }

    private step(element: FlowElement, interview: Interview): string | undefined {
        switch (element.kind) {
            case 'decision': {
                // "Only if the record that triggered the flow is updated to meet the
                // condition": true only when the prior record did not meet it.
                const rule = element.rules.find((candidate) =>
                    interview.meetsOnChange(candidate.requireChange, (view) =>
                        view.test(candidate.conditions, candidate.logic)
                    )
                );
                return rule ? rule.connector : element.defaultConnector;
            }
            case 'assignment':
                element.items.forEach((item) => {
                    this.assign(interview, item);
                });
                return element.connector;
            case 'loop':
                return this.loop(element, interview);
            case 'customError':
                // A custom error fails the triggering record's save with its message.
                // [verify in an org: availability in after-save flows at the package's API version]
                for (const message of element.messages) {
                    interview.errors.push({
                        statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                        message: interview.merge(message.text),
                        ...(message.field ? { fields: [message.field] } : {})
                    });
                }
                return element.connector;
            default:
                return undefined;
        }
    }

    private assign(interview: Interview, item: ElementOf<'assignment'>['items'][number]): void {
        const value = item.value ? interview.resolve(item.value) : null;
        const current = interview.read(item.target);
        switch (item.operator) {
            case 'Assign':
                interview.write(item.target, value);
                return;
            case 'Add':
            case 'AddAtStart':
                if (
                    Array.isArray(current) ||
                    (current === null && interview.flow.variables.get(item.target)?.isCollection)
                ) {
                    const added = Array.isArray(value) ? value.map(copyValue) : [copyValue(value)];
                    const list = Array.isArray(current) ? current : [];
                    interview.write(
                        item.target,
                        item.operator === 'Add' ? [...list, ...added] : [...added, ...list]
                    );
                } else if (typeof current === 'number' || typeof value === 'number') {
                    interview.write(item.target, Number(current ?? 0) + Number(value ?? 0));
                } else {
                    interview.write(item.target, `${displayText(current)}${displayText(value)}`);
                }
                return;
            case 'Subtract':
                interview.write(item.target, Number(current ?? 0) - Number(value ?? 0));
                return;
            case 'AssignCount':
                interview.write(
                    item.target,
                    Array.isArray(value) ? value.length : value === null ? 0 : 1
                );
                return;
            case 'RemoveAll':
            case 'RemoveFirst': {
                const list = Array.isArray(current) ? current : [];
                const same = (candidate: FlowValue): boolean =>
                    JSON.stringify(candidate) === JSON.stringify(value);
                const first = list.findIndex(same);
                interview.write(
                    item.target,
                    item.operator === 'RemoveAll'
                        ? list.filter((candidate) => !same(candidate))
                        : list.filter((_, index) => index !== first)
                );
                return;
            }
        }
    }

    private loop(element: ElementOf<'loop'>, interview: Interview): string | undefined {
        let state = interview.loops.get(element.name);
        if (!state) {
            const collection = interview.read(element.collection);
            const items = Array.isArray(collection) ? [...collection] : [];
            state = { items: element.descending ? items.reverse() : items, position: 0 };
            interview.loops.set(element.name, state);
        }
        const item = state.items[state.position];
        if (item === undefined) {
            interview.loops.delete(element.name);
            return element.noMoreConnector;
        }
        state.position += 1;
        if (element.itemVariable) {
            interview.write(element.itemVariable, item);
        } else {
            interview.values.set(element.name, copyValue(item));
        }
        return element.connector;
    }

    /**
     * A fault: with a fault connector the interview goes on there with $Flow.FaultMessage set;
     * without one it fails, and its triggering record's save fails with it. Limit exceptions are
     * not faults: nothing catches them.
     */
    private fault(interview: Interview, element: FlowElement, error: unknown): void {
        if (error instanceof LimitException || !(error instanceof FlowFault)) {
            throw error;
        }
        interview.faultMessage = error.message;
        const faultConnector = 'faultConnector' in element ? element.faultConnector : undefined;
        if (faultConnector) {
            interview.current = faultConnector;
            return;
        }
        interview.errors.push({
            statusCode: 'CANNOT_EXECUTE_FLOW_TRIGGER',
            message: MESSAGES.unhandledFault(this.flow.label, element.name, error.message)
        });
        interview.finished = true;
    }

    private runBulk(element: FlowElement, group: readonly Interview[]): void {
        const failures = new Map<Interview, unknown>();
        const attempt = (interview: Interview, action: () => void): void => {
            try {
                action();
            } catch (error: unknown) {
                failures.set(interview, error);
            }
        };
        switch (element.kind) {
            case 'lookup':
                this.lookup(element, group, attempt);
                break;
            case 'update':
                this.update(element, group, attempt, failures);
                break;
            case 'create':
                this.create(element, group, attempt, failures);
                break;
            case 'delete':
                this.remove(element, group, attempt, failures);
                break;
            default:
                break;
        }
        for (const interview of group) {
            const error = failures.get(interview);
            if (error === undefined) {
                interview.current = element.connector;
            } else {
                this.fault(interview, element, error);
            }
        }
    }

    private spec(
        interview: Interview,
        object: ObjectSchema,
        filters: readonly RecordFilter[],
        logic: FilterTarget['logic']
    ): QuerySpec {
        return {
            object,
            logic,
            filters: filters.map((filter) => ({
                field: filter.field,
                operator: filter.operator,
                value: filterValue(filter.operator, interview.resolve(filter.value))
            }))
        };
    }

    /** One SOQL query for the group; its rows are counted once each. [verify in an org] */
    private query(specs: ReadonlyMap<Interview, QuerySpec>): Map<Interview, FieldValues[]> {
        const results = new Map<Interview, FieldValues[]>();
        const rows = new Set<Scalar>();
        specs.forEach((spec, interview) => {
            const found = this.transaction.select(spec);
            found.forEach((record) => rows.add(record['Id'] ?? null));
            results.set(interview, found);
        });
        if (specs.size > 0) {
            this.transaction.countQuery(rows.size);
        }
        return results;
    }

    private lookup(
        element: ElementOf<'lookup'>,
        group: readonly Interview[],
        attempt: Attempt
    ): void {
        const specs = new Map<Interview, QuerySpec>();
        for (const interview of group) {
            attempt(interview, () => {
                specs.set(interview, {
                    ...this.spec(interview, element.object, element.filters, element.logic),
                    ...(element.sort ? { sort: element.sort } : {}),
                    ...(element.firstOnly
                        ? { limit: 1 }
                        : element.limit !== undefined
                          ? { limit: element.limit }
                          : {}),
                    ...(element.fields ? { fields: element.fields } : {})
                });
            });
        }
        this.query(specs).forEach((rows, interview) => {
            attempt(interview, () => {
                const records = rows.map((fields) =>
                    queriedRecord({ sobjectType: element.object.name, fields })
                );
                storeLookup(element, interview, records);
            });
        });
    }

    /**
     * The records an Update or Delete Records element writes, per interview: those its filters
     * select (Id only, one query for the group), or those its input reference holds.
     */
    private targets(
        element: ElementOf<'update' | 'delete'>,
        group: readonly Interview[],
        attempt: Attempt
    ): Map<Interview, SObjectRecord[]> {
        const found = new Map<Interview, SObjectRecord[]>();
        const target = element.target;
        if (target) {
            const specs = new Map<Interview, QuerySpec>();
            group.forEach((interview) => {
                attempt(interview, () =>
                    specs.set(interview, {
                        ...this.spec(interview, target.object, target.filters, target.logic),
                        fields: []
                    })
                );
            });
            this.query(specs).forEach((rows, interview) => {
                found.set(
                    interview,
                    rows.map((fields) => ({ sobjectType: target.object.name, fields }))
                );
            });
        } else {
            group.forEach((interview) => {
                attempt(interview, () =>
                    found.set(interview, records(interview.read(element.input ?? '')))
                );
            });
        }
        return found;
    }

    private update(
        element: ElementOf<'update'>,
        group: readonly Interview[],
        attempt: Attempt,
        failures: Map<Interview, unknown>
    ): void {
        if (element.input === '$Record') {
            // Update Records on the triggering record sets its fields before it is written.
            group.forEach((interview) => {
                attempt(interview, () => {
                    if (interview.record) {
                        Object.assign(
                            interview.record.fields,
                            fieldValues(element.assignments, interview)
                        );
                    }
                });
            });
        }
        const writes = this.targets(element, group, attempt);
        if (element.target) {
            writes.forEach((rows, interview) => {
                attempt(interview, () => {
                    const values = fieldValues(element.assignments, interview);
                    writes.set(
                        interview,
                        rows.map((row) => ({
                            sobjectType: row.sobjectType,
                            fields: { ...values, Id: row.fields['Id'] ?? null }
                        }))
                    );
                });
            });
        }
        if (this.mode === 'beforeSave' && element.input === '$Record') {
            // Before save, the triggering record's changes are saved with it: no DML.
            return;
        }
        this.write('update', writes, failures);
    }

    private create(
        element: ElementOf<'create'>,
        group: readonly Interview[],
        attempt: Attempt,
        failures: Map<Interview, unknown>
    ): void {
        const writes = new Map<Interview, SObjectRecord[]>();
        for (const interview of group) {
            attempt(interview, () => {
                const created = element.object
                    ? [
                          {
                              sobjectType: element.object.name,
                              fields: fieldValues(element.assignments, interview)
                          }
                      ]
                    : records(interview.read(element.input ?? ''));
                writes.set(interview, created);
            });
        }
        const results = this.write('insert', writes, failures);
        writes.forEach((created, interview) => {
            if (failures.has(interview)) {
                return;
            }
            created.forEach((record, index) => {
                record.fields['Id'] = results.get(interview)?.[index]?.id ?? null;
            });
            if (element.idTarget) {
                const id = created[0]?.fields['Id'] ?? null;
                if (element.idTarget === element.name) {
                    interview.values.set(element.name, id);
                } else {
                    interview.write(element.idTarget, id);
                }
            }
        });
    }

    private remove(
        element: ElementOf<'delete'>,
        group: readonly Interview[],
        attempt: Attempt,
        failures: Map<Interview, unknown>
    ): void {
        this.write('delete', this.targets(element, group, attempt), failures);
    }

    /**
     * One DML statement per object for the whole group. Each interview's records succeed or fail
     * together: a failure is that interview's fault, and the statement is retried without its
     * records (partial success by interview). The same record written by several interviews is
     * saved once, with the values of the last of them. [verify in an org: both]
     */
    private write(
        operation: DmlOperation,
        writes: ReadonlyMap<Interview, SObjectRecord[]>,
        failures: Map<Interview, unknown>
    ): Map<Interview, DmlResult[]> {
        const byObject = new Map<string, { interview: Interview; record: SObjectRecord }[]>();
        writes.forEach((list, interview) => {
            if (failures.has(interview)) {
                return;
            }
            for (const record of list) {
                if (operation !== 'insert' && typeof record.fields['Id'] !== 'string') {
                    failures.set(
                        interview,
                        new FlowFault(
                            MESSAGES.dmlFault(operation, {
                                statusCode: 'MISSING_ARGUMENT',
                                message: MESSAGES.missingId(operation)
                            })
                        )
                    );
                    return;
                }
                const list = byObject.get(record.sobjectType) ?? [];
                list.push({ interview, record });
                byObject.set(record.sobjectType, list);
            }
        });
        const results = new Map<Interview, DmlResult[]>();
        const interviews = [...writes.keys()];
        byObject.forEach((entries, objectName) => {
            const object = this.transaction.schema.findObject(objectName) as ObjectSchema;
            const live = entries.filter((entry) => !failures.has(entry.interview));
            const statement: { interview: Interview; fields: FieldValues }[] = [];
            const slotOf = new Map<string, number>();
            const slots = live.map((entry, index) => {
                const key =
                    operation === 'insert' ? `#${index}` : String(entry.record.fields['Id']);
                const slot = slotOf.get(key);
                const fields = writableFields(
                    object,
                    entry.record.fields,
                    slot === undefined ? undefined : statement[slot]?.fields
                );
                if (slot !== undefined) {
                    statement[slot] = { interview: entry.interview, fields };
                    return slot;
                }
                slotOf.set(key, statement.length);
                statement.push({ interview: entry.interview, fields });
                return statement.length - 1;
            });
            const outcome = this.transaction.dml({
                operation,
                object,
                records: statement.map((entry) => entry.fields),
                allOrNone: false,
                units: statement.map((entry) => interviews.indexOf(entry.interview))
            });
            live.forEach((entry, index) => {
                const result = outcome[slots[index] ?? -1];
                if (!result) {
                    return;
                }
                results.set(entry.interview, [...(results.get(entry.interview) ?? []), result]);
                const error: RecordError | undefined = result.errors[0];
                if (!result.success && error && !failures.has(entry.interview)) {
                    failures.set(
                        entry.interview,
                        new FlowFault(MESSAGES.dmlFault(operation, error))
                    );
                }
            });
        });
        return results;
    }
}

type Attempt = (interview: Interview, action: () => void) => void;

function filterValue(operator: FilterOperator, value: FlowValue): Scalar | Scalar[] {
    if (operator === 'In' || operator === 'NotIn') {
        return Array.isArray(value)
            ? value.map((item) =>
                  isRecord(item) ? (item.fields['Id'] ?? null) : Array.isArray(item) ? null : item
              )
            : [];
    }
    if (isRecord(value)) {
        return value.fields['Id'] ?? null;
    }
    return Array.isArray(value) ? null : value;
}

function records(value: FlowValue): SObjectRecord[] {
    if (Array.isArray(value)) {
        return value.filter(isRecord);
    }
    return isRecord(value) ? [value] : [];
}

function fieldValues(
    assignments: ElementOf<'update'>['assignments'],
    interview: Interview
): FieldValues {
    const values: FieldValues = {};
    for (const assignment of assignments) {
        values[assignment.field.name] = coerceToField(
            assignment.field,
            interview.resolve(assignment.value)
        );
    }
    return values;
}

/**
 * The fields a DML statement writes: those the record carries and the platform lets a flow
 * write. Computed fields a query returned (User.Name) are left out, as Apex does.
 */
function writableFields(
    object: ObjectSchema,
    fields: FieldValues,
    previous: FieldValues | undefined
): FieldValues {
    const values: FieldValues = { ...previous };
    for (const [name, value] of Object.entries(fields)) {
        const field: FieldSchema | undefined = object.fields.find(
            (candidate) => candidate.name === name
        );
        if (field && (field.writable || name === 'Id')) {
            values[name] = value;
        }
    }
    return values;
}

/**
 * Stores what a Get Records found. Stored automatically: the first record or null, or the
 * collection, which is null when nothing was found (FlowTests assert IsNull on it). Into a
 * variable or fields: nothing found leaves them as they were unless
 * assignNullValuesIfNoRecordsFound is set. [verify in an org: null rather than an empty collection]
 */
function storeLookup(
    element: ElementOf<'lookup'>,
    interview: Interview,
    found: SObjectRecord[]
): void {
    const first = found[0] ?? null;
    const output = element.output;
    switch (output.kind) {
        case 'automatic':
            interview.values.set(
                element.name,
                element.firstOnly ? first : found.length > 0 ? found : null
            );
            return;
        case 'variable': {
            if (found.length === 0 && !output.assignNull) {
                return;
            }
            const collection =
                interview.flow.variables.get(output.reference)?.isCollection ?? false;
            interview.write(output.reference, collection ? found : first);
            return;
        }
        case 'fields':
            if (found.length === 0 && !output.assignNull) {
                return;
            }
            for (const assignment of output.assignments) {
                interview.write(assignment.target, first?.fields[assignment.field.name] ?? null);
            }
            return;
    }
}
