import type { TriggerEvent, TriggerHandler, TriggerRow, Transaction } from '../org';
import type { OrgSchema } from '../schema';
import { FlowRunner } from './engine';
import { DEFAULT_OPTIONS, Interview, type RuntimeOptions } from './interview';
import type { FlowDefinition } from './types';

/**
 * Run order of an object's flows of one trigger type: trigger order 1-1000 ascending, then flows
 * without one, then 1001-2000, ties by API name ("Define the Run Order of Record-Triggered
 * Flows"). The platform breaks ties among flows without an order by activation date, which the
 * embedded org does not know: it uses the API name. [verify in an org]
 */
export function runOrder(flows: readonly FlowDefinition[]): FlowDefinition[] {
    const band = (flow: FlowDefinition): number =>
        flow.triggerOrder === undefined ? 1 : flow.triggerOrder <= 1000 ? 0 : 2;
    return [...flows].sort(
        (a, b) =>
            band(a) - band(b) ||
            (a.triggerOrder ?? 0) - (b.triggerOrder ?? 0) ||
            a.apiName.localeCompare(b.apiName)
    );
}

function fires(flow: FlowDefinition, event: TriggerEvent): boolean {
    const { start } = flow;
    if (start.object.name !== event.object.name) {
        return false;
    }
    if (event.operation === 'delete') {
        return start.triggerType === 'RecordBeforeDelete' && event.timing === 'before';
    }
    const timing =
        start.triggerType === 'RecordBeforeSave'
            ? 'before'
            : start.triggerType === 'RecordAfterSave'
              ? 'after'
              : undefined;
    const operation = event.operation === 'insert' ? 'Create' : 'Update';
    return (
        timing === event.timing &&
        (start.recordTriggerType === operation || start.recordTriggerType === 'CreateAndUpdate')
    );
}

/**
 * Entry conditions, checked before an interview starts (no interview for a record that does not
 * meet them): conditions with their logic, or a formula. With "only when a record is updated to
 * meet the condition requirements" an update starts an interview only if the prior record did
 * not meet them; a create needs only the new record to meet them.
 */
export function meetsEntry(interview: Interview): boolean {
    const start = interview.flow.start;
    const meets = (view: Interview): boolean =>
        (start.conditions.length === 0 || view.test(start.conditions, start.logic)) &&
        (!start.formula || view.evaluate('filterFormula', start.formula) === true);
    return interview.meetsOnChange(start.requireChange, meets);
}

/**
 * Save automation of the embedded org: the record-triggered flows taken as active. For each
 * chunk of a DML statement it starts an interview per record that meets a flow's entry
 * conditions, runs them bulkified, and puts their custom errors and unhandled faults on the
 * records. Before save, what the interviews set on `$Record` is saved with the record.
 */
export class FlowTriggers implements TriggerHandler {
    private readonly flows: FlowDefinition[];

    public constructor(
        flows: readonly FlowDefinition[],
        private readonly schema: OrgSchema,
        private readonly options: RuntimeOptions = DEFAULT_OPTIONS
    ) {
        this.flows = runOrder(flows);
    }

    public fire(transaction: Transaction, event: TriggerEvent): void {
        for (const flow of this.flows.filter((candidate) => fires(candidate, event))) {
            const started: { row: TriggerRow; interview: Interview }[] = [];
            for (const row of event.rows) {
                if (row.errors.length > 0) {
                    continue;
                }
                const interview = this.interview(flow, event, row, transaction);
                if (meetsEntry(interview)) {
                    started.push({ row, interview });
                }
            }
            if (started.length === 0) {
                continue;
            }
            transaction.interviews += started.length;
            const runner = new FlowRunner(transaction, flow);
            runner.run(started.map((entry) => entry.interview));
            for (const { row, interview } of started) {
                row.errors.push(...interview.errors);
                if (
                    runner.mode === 'beforeSave' &&
                    interview.record &&
                    event.operation !== 'delete'
                ) {
                    Object.assign(row.record, interview.record.fields);
                }
            }
        }
    }

    private interview(
        flow: FlowDefinition,
        event: TriggerEvent,
        row: TriggerRow,
        transaction: Transaction
    ): Interview {
        const type = event.object.name;
        const isDelete = event.operation === 'delete';
        return new Interview(
            flow,
            this.schema,
            this.options,
            { sobjectType: type, fields: { ...row.record } },
            isDelete || !row.prior ? null : { sobjectType: type, fields: { ...row.prior } },
            (id) => transaction.find(id)
        );
    }
}
