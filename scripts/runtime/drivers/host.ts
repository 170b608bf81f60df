import type { ObjectValue } from '../apex/model';
import type { AsyncContext } from '../apex/platform/async';
import type { ApexVm } from '../apex/vm';
import type { DmlOperation, Transaction } from '../org';
import type { OrgSchema } from '../schema';
import type { FieldValues } from '../types';

/** A Queueable waiting to run, queued by a transaction that committed. */
export interface QueuedJob {
    readonly job: ObjectValue;
    /** Its AsyncApexJob record. */
    readonly jobId: string;
    /** How many Queueables led to this one (1 for one enqueued outside a Queueable). */
    readonly depth: number;
    readonly maximumDepth: number | undefined;
    readonly delayMinutes: number;
    /**
     * How many jobs in a row before this one failed and were queued again by their finalizers;
     * 0 (or absent) when the job before it completed.
     */
    readonly failedRetries?: number;
}

/** A Schedulable whose trigger fires. */
export interface FiringJob {
    readonly job: ObjectValue;
    readonly triggerId: string;
}

/** What one transaction holds besides its records: counters the org does not keep, and its jobs. */
export interface TransactionState {
    readonly transaction: Transaction;
    readonly async: AsyncContext;
    callouts: number;
    queueableJobs: number;
    /** Jobs queued in the transaction: they go to the queue only if it commits. */
    readonly queued: QueuedJob[];
    /** The running Queueable's depth in its chain, and its chain's maximum. */
    readonly depth: number;
    readonly maximumDepth: number | undefined;
    /** The finalizer the running Queueable attached. */
    finalizer: ObjectValue | undefined;
    /** The job that runs in the transaction, if it is an async job's. */
    readonly job: ObjectValue | undefined;
    /** Async work queued or scheduled in the transaction: no callout may follow. */
    pendingWork: boolean;
    /** DML statements counted when the transaction (or its test's startTest) began. */
    dmlBaseline: number;
}

export interface RunOptions {
    readonly async?: AsyncContext;
    /** The job that runs (a Queueable, a Schedulable, a finalizer). */
    readonly job?: ObjectValue;
    readonly depth?: number;
    readonly maximumDepth?: number;
}

/** A write the org makes itself (a job's status, a schedule): no automation, no limits. */
export interface SystemWrite {
    readonly operation: DmlOperation;
    readonly object: string;
    readonly records: readonly FieldValues[];
}

/** What the org's job and test services need of the org that runs them. */
export interface OrgHost {
    readonly vm: ApexVm;
    readonly schema: OrgSchema;
    /** Runs Apex in a transaction of its own, committed when it returns. */
    run<R>(body: () => R, options?: RunOptions): R;
    /** The transaction running now. */
    current(): TransactionState;
    /** Writes records as the platform does for itself, in the running transaction if any. */
    systemWrite(write: SystemWrite): string[];
    /**
     * Changes stored fields of a record as the platform alone may (Test.setCreatedDate): no
     * save, no automation, undone with the transaction.
     */
    patch(id: string, values: FieldValues): void;
    /** The record an Id names, or undefined. */
    find(id: string): FieldValues | undefined;
    userId(): string | null;
    now(): number;
}
