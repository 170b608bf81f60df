import { IdValue, ObjectValue, PlatformValue, type ApexClass, type Value } from '../model';
import type { ApexServices, CallSite, PlatformClass } from '../services';
import { T } from '../types';
import { method, required } from './define';

/**
 * Asynchronous Apex as System offers it (RG "System Class"; DG "Queueable Apex", "Apex
 * Scheduler", "Transaction Finalizers"): enqueueJob, schedule, abortJob, attachFinalizer and the
 * context checks, with AsyncOptions. The org's job service queues, schedules and runs the jobs.
 */

/** How a job runs now, for System.isQueueable() and its kin. */
export type AsyncContext = 'queueable' | 'scheduled' | 'finalizer' | undefined;

export interface EnqueueOptions {
    /** enqueueJob(job, minutes) or AsyncOptions.MinimumQueueableDelayInMinutes. */
    readonly delayMinutes?: number;
    /** AsyncOptions.MaximumQueueableStackDepth. */
    readonly maximumDepth?: number;
}

/** The org's side of asynchronous Apex. */
export interface JobService {
    /** Queues a Queueable; returns its AsyncApexJob Id. */
    enqueue(job: ObjectValue, options: EnqueueOptions, site: CallSite): string;
    /** Schedules a Schedulable; returns its CronTrigger Id. */
    schedule(name: string, cron: string, job: ObjectValue, site: CallSite): string;
    /** Aborts a scheduled or queued job by its CronTrigger or AsyncApexJob Id. */
    abort(id: string, site: CallSite): void;
    /** Attaches the finalizer of the running Queueable. */
    attachFinalizer(finalizer: ObjectValue, site: CallSite): void;
    /** What kind of job runs now, if any. */
    context(): AsyncContext;
}

const ASYNC_OPTIONS = 'System.AsyncOptions';

interface AsyncOptionsState {
    maximumDepth: number | null;
    delayMinutes: number | null;
}

const optionsOf = (value: Value): AsyncOptionsState =>
    (value as PlatformValue).state as unknown as AsyncOptionsState;

/** The object must implement the platform interface (`System.Queueable`). */
function implementing(
    value: Value,
    interfaceName: string,
    services: ApexServices,
    site: CallSite
): ObjectValue {
    const object = required(value, site);
    const wanted = services.findType(interfaceName.split('.'), undefined);
    const cls: ApexClass | undefined = object instanceof ObjectValue ? object.type : undefined;
    if (!cls || wanted?.kind !== 'class' || !cls.isSubtypeOf(wanted.cls)) {
        return services.raise('TypeException', `Argument must implement ${interfaceName}`);
    }
    return object as ObjectValue;
}

/**
 * "The delay must be between 0 and 10 minutes" (DG "Queueable Apex", "Add a Scheduled Delay").
 * [verify in an org: the exception and its message for a delay outside 0-10]
 */
function delay(value: Value, site: CallSite): number {
    const minutes = required(value, site) as number;
    if (minutes < 0 || minutes > 10) {
        return site.vm.raise(
            'AsyncException',
            `The delay must be between 0 and 10 minutes: ${minutes}`
        );
    }
    return minutes;
}

export function asyncClasses(jobs: JobService): PlatformClass[] {
    const enqueue = (job: Value, options: EnqueueOptions, site: CallSite): IdValue =>
        new IdValue(
            jobs.enqueue(implementing(job, 'System.Queueable', site.vm, site), options, site)
        );
    return [
        {
            name: 'System.System',
            names: ['system', 'system.system'],
            staticMethods: [
                method('enqueueJob', ['any'], T.id, (_self, [job = null], site) =>
                    enqueue(job, {}, site)
                ),
                method(
                    'enqueueJob',
                    ['any', T.integer],
                    T.id,
                    (_self, [job = null, minutes = null], site) =>
                        enqueue(job, { delayMinutes: delay(minutes, site) }, site)
                ),
                method(
                    'enqueueJob',
                    ['any', T.platform(ASYNC_OPTIONS)],
                    T.id,
                    (_self, [job = null, options = null], site) => {
                        const state = optionsOf(required(options, site));
                        return enqueue(
                            job,
                            {
                                ...(state.delayMinutes !== null
                                    ? { delayMinutes: delay(state.delayMinutes, site) }
                                    : {}),
                                ...(state.maximumDepth !== null
                                    ? { maximumDepth: state.maximumDepth }
                                    : {})
                            },
                            site
                        );
                    }
                ),
                // Returns the CronTrigger Id as text (RG "System Class", schedule).
                method(
                    'schedule',
                    [T.string, T.string, 'any'],
                    T.string,
                    (_self, [name = null, cron = null, job = null], site) =>
                        jobs.schedule(
                            required(name, site) as string,
                            required(cron, site) as string,
                            implementing(job, 'System.Schedulable', site.vm, site),
                            site
                        )
                ),
                method('abortJob', [T.string], T.void, (_self, [id = null], site) => {
                    jobs.abort(required(id, site) as string, site);
                    return null;
                }),
                method('attachFinalizer', ['any'], T.void, (_self, [finalizer = null], site) => {
                    if (finalizer === null) {
                        // DG "Transaction Finalizers Error Messages".
                        return site.vm.raise('NullPointerException', 'Argument cannot be null');
                    }
                    jobs.attachFinalizer(
                        implementing(finalizer, 'System.Finalizer', site.vm, site),
                        site
                    );
                    return null;
                }),
                method('isQueueable', [], T.boolean, () => jobs.context() === 'queueable'),
                method('isScheduled', [], T.boolean, () => jobs.context() === 'scheduled'),
                method('isFuture', [], T.boolean, () => false),
                method('isBatch', [], T.boolean, () => false)
            ]
        },
        {
            name: ASYNC_OPTIONS,
            names: ['asyncoptions', 'system.asyncoptions'],
            constructors: [
                method('AsyncOptions', [], T.platform(ASYNC_OPTIONS), () => {
                    const state: AsyncOptionsState = { maximumDepth: null, delayMinutes: null };
                    return new PlatformValue(
                        ASYNC_OPTIONS,
                        state as unknown as Record<string, unknown>
                    );
                })
            ],
            instanceProperties: [
                {
                    name: 'MaximumQueueableStackDepth',
                    type: T.integer,
                    get: (_site, self) => optionsOf(self ?? null).maximumDepth,
                    set: (_site, self, value) => {
                        optionsOf(self ?? null).maximumDepth = value as number | null;
                    }
                },
                {
                    name: 'MinimumQueueableDelayInMinutes',
                    type: T.integer,
                    get: (_site, self) => optionsOf(self ?? null).delayMinutes,
                    set: (_site, self, value) => {
                        optionsOf(self ?? null).delayMinutes = value as number | null;
                    }
                }
            ]
        }
    ];
}
