import { LimitException } from '../errors';
import { ApexLimitError, ApexThrow, UnsupportedError } from '../apex/errors';
import type { MethodInfo, ObjectValue, Value } from '../apex/model';
import type { EnqueueOptions, JobService } from '../apex/platform/async';
import {
    contextValue,
    FINALIZER_CONTEXT,
    QUEUEABLE_CONTEXT,
    SCHEDULABLE_CONTEXT
} from '../apex/platform/contexts';
import type { ApexServices, CallSite } from '../apex/services';
import { CronError, nextFireTime, parseCron } from './cron';
import type { LimitUsage } from '../types';
import type { FiringJob, OrgHost, QueuedJob, TransactionState } from './host';

/**
 * The org's asynchronous Apex: Queueables queued by committed transactions and run one by one,
 * each in a transaction of its own with the asynchronous limits, then its finalizer in another;
 * Schedulables with their CronTrigger and CronJobDetail records. The test runner takes the jobs
 * of a test instead (see `collect`), to run them at Test.stopTest().
 */

/** "Maximum number of Apex jobs added to the queue with System.enqueueJob": 50, 1 in a Queueable (DG "Execution Governors and Limits"). */
const QUEUEABLE_LIMIT = 50;
/**
 * 1 in a Queueable, and in a finalizer, whose transaction has the asynchronous limit for
 * enqueueJob (DG "Transaction Finalizers": a finalizer "can enqueue a single asynchronous Apex
 * job").
 */
const QUEUEABLE_LIMIT_IN_QUEUEABLE = 1;
/**
 * "A Queueable job that failed due to an unhandled exception can be successively re-enqueued
 * five times by a transaction finalizer"; the count starts again when a job completes (DG
 * "Transaction Finalizers"). What a sixth does is not documented.
 */
const FINALIZER_RETRIES = 5;
/** "You can only have 100 scheduled Apex jobs at one time" (DG "Apex Scheduler"). */
const SCHEDULED_LIMIT = 100;

/**
 * What one transaction used, read when it ended (committed or rolled back): the governor limits
 * the org counts, its callouts, the flow interviews it started, the DML rows it sent by object,
 * and its wall time (the org models no CPU time).
 */
export interface TransactionUsage {
    readonly limits: LimitUsage;
    readonly callouts: number;
    readonly interviews: number;
    readonly dmlRowsByObject: ReadonlyMap<string, number>;
    readonly milliseconds: number;
}

/** How a job run ended: the exception nothing caught, if any, and what its transactions used. */
export interface JobOutcome {
    readonly failure: ApexThrow | ApexLimitError | undefined;
    /** The job's own transaction; absent for a job that never started one. */
    readonly usage?: TransactionUsage;
    /** Its finalizer's transaction, when it attached one. */
    readonly finalizerUsage?: TransactionUsage;
}

interface Schedule {
    readonly name: string;
    readonly cron: string;
    readonly job: ObjectValue;
    readonly detailId: string;
}

/** The org's jobs at one moment: what a test starts from. */
export interface JobsState {
    readonly queue: readonly QueuedJob[];
    readonly schedules: ReadonlyMap<string, Schedule>;
}

/**
 * Runs a method of a platform interface on an object of the project (`execute` of a Queueable,
 * `onInstall` of an InstallHandler); the object is known to implement it.
 */
export function callInterface(
    vm: ApexServices,
    target: ObjectValue,
    interfaceName: string,
    name: string,
    args: readonly Value[]
): Value {
    const type = vm.findType(interfaceName.split('.'), undefined);
    const method: MethodInfo | undefined =
        type?.kind === 'class' ? type.cls.findMethods(name)[0] : undefined;
    if (!method) {
        throw new Error(`The platform interface ${interfaceName} has no method ${name}.`);
    }
    return vm.invoke(method, target, args);
}

export class AsyncJobs implements JobService {
    /** Queueables committed and not yet run, in the order they were queued. */
    public readonly queue: QueuedJob[] = [];
    private readonly schedules = new Map<string, Schedule>();
    /** The finalizer the running Queueable attached. */
    private finalizer: ObjectValue | undefined;
    /** While a finalizer runs: the failed jobs in a row a job it queues would follow. */
    private failedInRow = 0;
    /**
     * While a test runs: a Queueable run by Test.stopTest() cannot queue another unless its
     * chain has a maximum stack depth (APEX.md §9, from public test code; RG "AsyncOptions
     * Class"). [verify in an org: the exception without AsyncOptions]
     */
    public testRunning = false;
    /** Between Test.startTest and Test.stopTest: queued and scheduled jobs are no pending work. */
    public collecting = false;

    public constructor(
        private readonly host: OrgHost,
        /** The ApexClass record of a class, for AsyncApexJob.ApexClassId. */
        private readonly apexClassId: (job: ObjectValue) => string | null
    ) {}

    public context(): ReturnType<JobService['context']> {
        return this.host.current().async;
    }

    public enqueue(job: ObjectValue, options: EnqueueOptions, site: CallSite): string {
        const state = this.host.current();
        const limit =
            state.async === 'queueable' || state.async === 'finalizer'
                ? QUEUEABLE_LIMIT_IN_QUEUEABLE
                : QUEUEABLE_LIMIT;
        if (state.queueableJobs + 1 > limit) {
            throw new ApexLimitError(
                `Too many queueable jobs added to the queue: ${state.queueableJobs + 1}`
            );
        }
        const failedRetries = state.async === 'finalizer' ? this.failedInRow : 0;
        if (failedRetries > FINALIZER_RETRIES) {
            throw new UnsupportedError(
                site.place,
                `a finalizer queueing a job after ${failedRetries} failed jobs in a row (the platform allows ${FINALIZER_RETRIES} re-enqueues; what it does with another is not documented)`
            );
        }
        const depth = state.async === 'queueable' ? state.depth + 1 : 1;
        const maximumDepth = options.maximumDepth ?? state.maximumDepth;
        const chainedInTest = this.testRunning && depth > 1 && maximumDepth === undefined;
        if (chainedInTest || (maximumDepth !== undefined && depth > maximumDepth)) {
            // RG "AsyncOptions Class": a chain deeper than its maximum stack depth.
            return site.vm.raise('AsyncException', 'Maximum stack depth has been reached.');
        }
        state.queueableJobs += 1;
        const [jobId = ''] = this.host.systemWrite({
            operation: 'insert',
            object: 'AsyncApexJob',
            records: [
                {
                    JobType: 'Queueable',
                    Status: 'Queued',
                    ApexClassId: this.apexClassId(job)
                }
            ]
        });
        state.queued.push({
            job,
            jobId,
            depth,
            maximumDepth,
            delayMinutes: options.delayMinutes ?? 0,
            failedRetries
        });
        state.pendingWork ||= !this.collecting;
        return jobId;
    }

    public schedule(name: string, cron: string, job: ObjectValue, site: CallSite): string {
        let next: number | null;
        try {
            next = nextFireTime(parseCron(cron), this.host.now());
        } catch (error: unknown) {
            if (error instanceof CronError && /L, W and #/.test(error.message)) {
                throw new UnsupportedError(
                    site.place,
                    `the cron expression ${cron} (${error.message})`
                );
            }
            // [verify in an org: the exception and message for an invalid cron expression]
            return site.vm.raise(
                'StringException',
                error instanceof Error ? error.message : String(error)
            );
        }
        const active = [...this.schedules.values()];
        if (active.some((schedule) => schedule.name === name)) {
            // [verify in an org: the message; public logs show this text]
            return site.vm.raise(
                'AsyncException',
                `The Apex job named "${name}" is already scheduled for execution.`
            );
        }
        if (active.length >= SCHEDULED_LIMIT) {
            // [verify in an org: the message]
            return site.vm.raise(
                'AsyncException',
                `You have exceeded the maximum number (${SCHEDULED_LIMIT}) of Apex scheduled jobs.`
            );
        }
        const [detailId = ''] = this.host.systemWrite({
            operation: 'insert',
            object: 'CronJobDetail',
            // JobType 7 is scheduled Apex (Object Reference, "CronJobDetail").
            records: [{ Name: name, JobType: '7' }]
        });
        const [triggerId = ''] = this.host.systemWrite({
            operation: 'insert',
            object: 'CronTrigger',
            records: [
                {
                    CronJobDetailId: detailId,
                    CronExpression: cron,
                    State: 'WAITING',
                    NextFireTime: next === null ? null : new Date(next).toISOString(),
                    StartTime: new Date(this.host.now()).toISOString(),
                    TimesTriggered: 0,
                    TimeZoneSidKey: 'GMT'
                }
            ]
        });
        this.schedules.set(triggerId, { name, cron, job, detailId });
        this.host.current().pendingWork ||= !this.collecting;
        return triggerId;
    }

    public abort(id: string, site: CallSite): void {
        const record = this.host.find(id);
        const object = record ? this.host.schema.objectOfId(id)?.name : undefined;
        if (object === 'CronTrigger' && record) {
            // The trigger is deleted (RG "System Class", abortJob); it reads as DELETED until then.
            this.host.systemWrite({
                operation: 'update',
                object: 'CronTrigger',
                records: [{ Id: record['Id'] ?? null, State: 'DELETED', NextFireTime: null }]
            });
            this.schedules.delete(String(record['Id']));
            return;
        }
        if (object === 'AsyncApexJob' && record) {
            this.host.systemWrite({
                operation: 'update',
                object: 'AsyncApexJob',
                records: [{ Id: record['Id'] ?? null, Status: 'Aborted' }]
            });
            const index = this.queue.findIndex((job) => job.jobId === record['Id']);
            if (index >= 0) {
                this.queue.splice(index, 1);
            }
            return;
        }
        // [verify in an org: abortJob with an Id that names no job]
        site.vm.raise('StringException', `Invalid id: ${id}`);
    }

    public attachFinalizer(finalizer: ObjectValue, site: CallSite): void {
        const state = this.host.current();
        if (state.async !== 'queueable') {
            return site.vm.raise(
                'AsyncException',
                'System.attachFinalizer(Finalizer) is not allowed in this context'
            );
        }
        if (this.finalizer) {
            return site.vm.raise(
                'AsyncException',
                'More than one Finalizer cannot be attached to same Async Apex Job'
            );
        }
        this.finalizer = finalizer;
    }

    /** The Schedulables whose triggers are waiting, for a test that runs them. */
    public firing(): FiringJob[] {
        return [...this.schedules].map(([triggerId, schedule]) => ({
            triggerId,
            job: schedule.job
        }));
    }

    /**
     * Runs one Queueable in a transaction of its own, then its finalizer in another; records
     * how it ended on its AsyncApexJob. Returns the exception that ended it, if any.
     */
    public runQueueable(entry: QueuedJob): JobOutcome {
        this.host.systemWrite({
            operation: 'update',
            object: 'AsyncApexJob',
            records: [{ Id: entry.jobId, Status: 'Processing' }]
        });
        this.finalizer = undefined;
        const measured = this.measure();
        const failure = this.guard(() => {
            this.host.run(
                () => {
                    measured.begin();
                    this.call(entry.job, 'System.Queueable', 'execute', [
                        contextValue(QUEUEABLE_CONTEXT, { jobId: entry.jobId })
                    ]);
                },
                {
                    async: 'queueable',
                    job: entry.job,
                    depth: entry.depth,
                    ...(entry.maximumDepth !== undefined
                        ? { maximumDepth: entry.maximumDepth }
                        : {})
                }
            );
        });
        const usage = measured.end();
        const finalizer = this.takeFinalizer();
        this.host.systemWrite({
            operation: 'update',
            object: 'AsyncApexJob',
            records: [
                {
                    Id: entry.jobId,
                    Status: failure ? 'Failed' : 'Completed',
                    NumberOfErrors: failure ? 1 : 0,
                    ExtendedStatus: failure ? messageOf(failure) : null,
                    CompletedDate: new Date(this.host.now()).toISOString()
                }
            ]
        });
        if (finalizer) {
            const result = this.host.vm.enumValue(
                'ParentJobResult',
                failure ? 'UNHANDLED_EXCEPTION' : 'SUCCESS'
            );
            // getException: "the exception with which the Queueable job failed when getResult is
            // UNHANDLED_EXCEPTION" (RG "FinalizerContext Interface"); a governor limit fails it
            // with System.LimitException, whose message names the limit (DG "Execution Governors
            // and Limits"), as a catch never sees it.
            const exception =
                failure instanceof ApexThrow
                    ? failure.exception
                    : failure
                      ? this.host.vm.exception(
                            'LimitException',
                            failure.message.replace(/^System\.LimitException: /, '')
                        )
                      : null;
            this.failedInRow = failure ? (entry.failedRetries ?? 0) + 1 : 0;
            const measuredFinalizer = this.measure();
            const finalizerFailure = this.guard(() => {
                this.host.run(
                    () => {
                        measuredFinalizer.begin();
                        this.call(finalizer, 'System.Finalizer', 'execute', [
                            contextValue(FINALIZER_CONTEXT, {
                                jobId: entry.jobId,
                                requestId: entry.jobId,
                                result,
                                exception
                            })
                        ]);
                    },
                    { async: 'finalizer' }
                );
            });
            const finalizerUsage = measuredFinalizer.end();
            return {
                failure: finalizerFailure ?? failure,
                ...(usage ? { usage } : {}),
                ...(finalizerUsage ? { finalizerUsage } : {})
            };
        }
        return { failure, ...(usage ? { usage } : {}) };
    }

    /**
     * Reads what a transaction used: `begin` inside it, as its first statement, and `end` once
     * it has committed or rolled back.
     */
    private measure(): { begin(): void; end(): TransactionUsage | undefined } {
        let state: TransactionState | undefined;
        let started = 0;
        return {
            begin: () => {
                state = this.host.current();
                started = performance.now();
            },
            end: () =>
                state && {
                    limits: state.transaction.limits.usage,
                    callouts: state.callouts,
                    interviews: state.transaction.interviews,
                    dmlRowsByObject: new Map(state.transaction.dmlRowsByObject),
                    milliseconds: performance.now() - started
                }
        };
    }

    /** The finalizer the job just run attached, forgotten for the next one. */
    private takeFinalizer(): ObjectValue | undefined {
        const finalizer = this.finalizer;
        this.finalizer = undefined;
        return finalizer;
    }

    /** Runs the Queueables committed so far, and those they queue, to the end of the queue. */
    public runQueue(): JobOutcome[] {
        const outcomes: JobOutcome[] = [];
        for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) {
            outcomes.push(this.runQueueable(entry));
        }
        return outcomes;
    }

    /**
     * Fires one Schedulable as its trigger would, in a transaction of its own. `record`: the
     * trigger counts the run and moves to its next fire time; a test's run at Test.stopTest()
     * leaves the trigger as it was (public test code asserts TimesTriggered 0 and the next fire
     * time after stopTest, e.g. apex-recipes' ScheduledApexRecipes_Tests). [verify in an org]
     */
    public fire(job: FiringJob, record = true): JobOutcome {
        const failure = this.guard(() => {
            this.host.run(
                () => {
                    this.call(job.job, 'System.Schedulable', 'execute', [
                        contextValue(SCHEDULABLE_CONTEXT, { triggerId: job.triggerId })
                    ]);
                },
                { async: 'scheduled' }
            );
        });
        const trigger = this.host.find(job.triggerId);
        const schedule = this.schedules.get(job.triggerId);
        if (record && trigger && schedule) {
            const now = this.host.now();
            const next = nextFireTime(parseCron(schedule.cron), now);
            this.host.systemWrite({
                operation: 'update',
                object: 'CronTrigger',
                records: [
                    {
                        Id: job.triggerId,
                        TimesTriggered: Number(trigger['TimesTriggered'] ?? 0) + 1,
                        PreviousFireTime: new Date(now).toISOString(),
                        NextFireTime: next === null ? null : new Date(next).toISOString()
                    }
                ]
            });
        }
        return { failure };
    }

    /** Runs an interface method of the platform on a project object (`execute` of a Queueable). */
    private call(
        target: ObjectValue,
        interfaceName: string,
        name: string,
        args: readonly Value[]
    ): void {
        callInterface(this.host.vm, target, interfaceName, name, args);
    }

    /** The schedules and queue as they are now, for a test to start from and return to. */
    public save(): JobsState {
        return { queue: [...this.queue], schedules: new Map(this.schedules) };
    }

    public restore(state: JobsState): void {
        this.queue.splice(0, this.queue.length, ...state.queue);
        this.schedules.clear();
        state.schedules.forEach((schedule, id) => this.schedules.set(id, schedule));
        this.finalizer = undefined;
    }

    /** The Apex exception or limit a run ended with; anything else is not the job's to report. */
    private guard(run: () => void): ApexThrow | ApexLimitError | undefined {
        try {
            run();
            return undefined;
        } catch (error: unknown) {
            if (error instanceof ApexThrow || error instanceof ApexLimitError) {
                return error;
            }
            if (error instanceof LimitException) {
                return new ApexLimitError(error.message.replace(/^System\.LimitException: /, ''));
            }
            throw error;
        }
    }
}

function messageOf(failure: ApexThrow | ApexLimitError): string {
    return failure instanceof ApexThrow
        ? `${failure.exception.type.name}: ${failure.exception.exception?.message ?? ''}`
        : `System.LimitException: ${failure.message}`;
}
