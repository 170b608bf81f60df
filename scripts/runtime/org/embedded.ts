import { DmlException, ScenarioError } from '../errors';
import { FlowTriggers, type FlowDefinition, type RuntimeOptions } from '../flow';
import type { ObjectSchema, OrgSchema } from '../schema';
import type { FieldValues, LimitUsage } from '../types';
import { Transaction, WALL_CLOCK, type SaveContext, type TriggerHandler } from './dml';
import { RecordStore } from './store';

/** Records the org holds before a run, of one object, with the place they come from. */
export interface RecordSet {
    readonly object: ObjectSchema;
    readonly place: string;
    readonly records: readonly FieldValues[];
}

const NO_TRIGGERS: TriggerHandler = { fire: () => undefined };
const UNLIMITED: LimitUsage = {
    soqlQueries: Infinity,
    queryRows: Infinity,
    dmlStatements: Infinity,
    dmlRows: Infinity
};

/**
 * An org with the schema, records and active flows a run needs. Its data is the org's existing
 * records: loading it runs no flow and counts no limit, but defaults and save checks apply.
 */
export class EmbeddedOrg {
    public readonly store = new RecordStore();
    private readonly triggers: FlowTriggers;

    public constructor(
        public readonly schema: OrgSchema,
        flows: readonly FlowDefinition[],
        options?: RuntimeOptions,
        /** The org's clock and running user, which every save stamps. */
        public readonly context: SaveContext = WALL_CLOCK
    ) {
        this.triggers = new FlowTriggers(flows, schema, options);
    }

    /** Loads existing records; a record the org would refuse is a ScenarioError at its place. */
    public load(data: readonly RecordSet[]): void {
        for (const set of data) {
            const transaction = this.setupTransaction();
            try {
                transaction.dml({
                    operation: 'insert',
                    object: set.object,
                    records: set.records,
                    allOrNone: true,
                    keepIds: true
                });
                transaction.commit();
            } catch (error: unknown) {
                transaction.rollback();
                if (error instanceof DmlException) {
                    throw new ScenarioError(`${set.place}[${error.row}]`, error.message, {
                        cause: error
                    });
                }
                throw error;
            }
        }
    }

    /**
     * A transaction for the org's own writes (loading data, setting itself up, recording a job):
     * no automation runs and no limit counts, but defaults and save checks apply.
     */
    public setupTransaction(store: RecordStore = this.store): Transaction {
        return new Transaction(this.schema, store, NO_TRIGGERS, UNLIMITED, this.context);
    }

    /**
     * A transaction with the org's flows as save automation, on the org's records or on a store
     * of its own (an Apex test's copy of them).
     */
    public transaction(
        limits?: Readonly<LimitUsage>,
        store: RecordStore = this.store
    ): Transaction {
        return new Transaction(this.schema, store, this.triggers, limits, this.context);
    }

    /**
     * Every record of every object, in insertion order, with every field but the system fields
     * the org stamps (times of the run that would make every outcome differ).
     */
    public records(): Record<string, FieldValues[]> {
        const data: Record<string, FieldValues[]> = {};
        for (const object of this.schema.objects) {
            data[object.name] = this.store
                .all(object.name)
                .map((record) =>
                    Object.fromEntries(
                        object.fields
                            .filter((field) => field.audit === undefined)
                            .map((field) => [field.name, record[field.name] ?? null])
                    )
                );
        }
        return data;
    }
}
