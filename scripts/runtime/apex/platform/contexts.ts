import { IdValue, PlatformValue, type ApexClass, type ObjectValue, type Value } from '../model';
import type { PlatformClass } from '../services';
import { T } from '../types';
import { method } from './define';

/**
 * The contexts the platform passes to asynchronous and install code (RG "QueueableContext
 * Interface", "SchedulableContext Interface", "FinalizerContext Interface", "InstallContext
 * Interface"): read-only state the org fills when it runs the job.
 */

export interface QueueableContextState {
    readonly jobId: string;
}

export interface SchedulableContextState {
    readonly triggerId: string;
}

export interface FinalizerContextState {
    readonly jobId: string;
    readonly requestId: string;
    /** The ParentJobResult enum value. */
    readonly result: Value;
    readonly exception: ObjectValue | null;
}

export interface InstallContextState {
    readonly organizationId: string;
    readonly installerId: string;
    readonly isUpgrade: boolean;
    readonly isPush: boolean;
    /** A System.Version, or null on a first install. */
    readonly previousVersion: Value;
}

export const QUEUEABLE_CONTEXT = 'System.QueueableContext';
export const SCHEDULABLE_CONTEXT = 'System.SchedulableContext';
export const FINALIZER_CONTEXT = 'System.FinalizerContext';
export const INSTALL_CONTEXT = 'System.InstallContext';

const queueable = (value: Value): QueueableContextState =>
    (value as PlatformValue).state as unknown as QueueableContextState;
const schedulable = (value: Value): SchedulableContextState =>
    (value as PlatformValue).state as unknown as SchedulableContextState;
const finalizer = (value: Value): FinalizerContextState =>
    (value as PlatformValue).state as unknown as FinalizerContextState;
const install = (value: Value): InstallContextState =>
    (value as PlatformValue).state as unknown as InstallContextState;

export function contextValue(name: string, state: object): PlatformValue {
    return new PlatformValue(name, state as Record<string, unknown>);
}

/**
 * The context classes, given the classes of the VM that FinalizerContext returns:
 * System.Exception and the System.ParentJobResult enum.
 */
export const contextClasses = (
    exception: ApexClass,
    parentJobResult: ApexClass
): PlatformClass[] => [
    {
        name: QUEUEABLE_CONTEXT,
        names: ['queueablecontext', 'system.queueablecontext'],
        instanceMethods: [
            method('getJobId', [], T.id, (self) => new IdValue(queueable(self).jobId))
        ]
    },
    {
        name: SCHEDULABLE_CONTEXT,
        names: ['schedulablecontext', 'system.schedulablecontext'],
        instanceMethods: [
            method('getTriggerId', [], T.id, (self) => new IdValue(schedulable(self).triggerId))
        ]
    },
    {
        name: FINALIZER_CONTEXT,
        names: ['finalizercontext', 'system.finalizercontext'],
        instanceMethods: [
            method('getAsyncApexJobId', [], T.id, (self) => new IdValue(finalizer(self).jobId)),
            method('getRequestId', [], T.string, (self) => finalizer(self).requestId),
            method(
                'getResult',
                [],
                { kind: 'class', cls: parentJobResult },
                (self) => finalizer(self).result
            ),
            method(
                'getException',
                [],
                { kind: 'class', cls: exception },
                (self) => finalizer(self).exception
            )
        ]
    },
    {
        name: INSTALL_CONTEXT,
        names: ['installcontext', 'system.installcontext'],
        instanceMethods: [
            method('organizationId', [], T.id, (self) => new IdValue(install(self).organizationId)),
            method('installerId', [], T.id, (self) => new IdValue(install(self).installerId)),
            method('isUpgrade', [], T.boolean, (self) => install(self).isUpgrade),
            method('isPush', [], T.boolean, (self) => install(self).isPush),
            method(
                'previousVersion',
                [],
                T.platform('System.Version'),
                (self) => install(self).previousVersion
            )
        ]
    }
];
