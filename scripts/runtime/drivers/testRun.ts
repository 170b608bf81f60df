import { ApexThrow, ApexLimitError, UnsupportedError } from '../apex/errors';
import { PlatformValue, type DatetimeValue, type ObjectValue, type TypeValue } from '../apex/model';
import { contextValue, INSTALL_CONTEXT } from '../apex/platform/contexts';
import {
    REQUEST,
    responseOf,
    type HttpRequestState,
    type HttpResponseState
} from '../apex/platform/http';
import type { TestService } from '../apex/platform/tests';
import type { CallSite } from '../apex/services';
import type { LimitUsage } from '../types';
import type { OrgHost, QueuedJob } from './host';
import { callInterface, type AsyncJobs } from './jobs';

const ZERO: LimitUsage = { soqlQueries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0 };

interface SavedUsage {
    readonly limits: LimitUsage;
    readonly callouts: number;
    readonly queueableJobs: number;
    readonly dmlBaseline: number;
    readonly pendingWork: boolean;
}

/**
 * One test method's view of the org (DG "Using Limits, startTest, and stopTest", "Testing
 * Asynchronous Apex", "Testing HTTP Callouts"): startTest gives the code after it a fresh set of
 * limits; the asynchronous work queued between startTest and stopTest runs at stopTest, each
 * job as its own transaction would; the callout mock answers the callouts.
 */
export class TestRun implements TestService {
    private started = false;
    private stopped = false;
    private saved: SavedUsage | undefined;
    /** The HttpCalloutMock of Test.setMock, and whether it was set before startTest. */
    public mock: ObjectValue | undefined;
    private mockBeforeStart = false;
    /** How many jobs the test's transaction had queued when startTest ran. */
    private queuedAtStart = 0;
    private readonly scheduledAtStart = new Set<string>();
    /**
     * The triggers the test has fired, each runs once in a test; and the org's own schedules
     * from before the test, which a test never runs.
     */
    private readonly fired: Set<string>;

    public constructor(
        private readonly host: OrgHost,
        private readonly jobs: AsyncJobs,
        private readonly install: { readonly organizationId: () => string }
    ) {
        this.fired = new Set(jobs.firing().map((job) => job.triggerId));
    }

    public running(): boolean {
        return true;
    }

    public startTest(site: CallSite): void {
        if (this.started) {
            // [verify in an org: the exception for a second startTest]
            site.vm.raise('FinalException', 'Testing already started');
        }
        this.started = true;
        const state = this.host.current();
        const dml = state.transaction.limits.usage.dmlStatements;
        const pending = state.pendingWork || dml > state.dmlBaseline;
        this.saved = {
            limits: state.transaction.limits.usage,
            callouts: state.callouts,
            queueableJobs: state.queueableJobs,
            dmlBaseline: state.dmlBaseline,
            pendingWork: state.pendingWork
        };
        state.transaction.limits.restore(ZERO);
        state.callouts = 0;
        state.queueableJobs = 0;
        state.dmlBaseline = 0;
        // DML before startTest does not block the callouts after it, unless the mock was set
        // before startTest; asynchronous calls outside startTest and stopTest do (DG
        // "Performing DML Operations and Mock Callouts").
        state.pendingWork = state.pendingWork || (this.mockBeforeStart && pending);
        // Asynchronous calls between startTest and stopTest are collected to run at stopTest,
        // and "mock callouts can be performed after the asynchronous calls" (same page).
        this.jobs.collecting = true;
        this.queuedAtStart = state.queued.length;
        this.jobs.firing().forEach((job) => this.scheduledAtStart.add(job.triggerId));
    }

    public stopTest(site: CallSite): void {
        if (!this.started || this.stopped) {
            // [verify in an org: stopTest without startTest, or twice]
            site.vm.raise('FinalException', 'Testing has not started');
        }
        this.stopped = true;
        this.jobs.collecting = false;
        const state = this.host.current();
        const queued = state.queued.splice(this.queuedAtStart);
        const failure =
            this.runJobs(queued) ?? this.runSchedules((id) => !this.scheduledAtStart.has(id));
        const saved = this.saved;
        if (saved) {
            state.transaction.limits.restore(saved.limits);
            state.callouts = saved.callouts;
            state.queueableJobs = saved.queueableJobs;
            state.dmlBaseline = saved.dmlBaseline;
            state.pendingWork = saved.pendingWork;
        }
        if (failure) {
            throw failure;
        }
    }

    /**
     * The end of the test method: "the scheduled job executes at the end of your test method"
     * when it was scheduled outside startTest and stopTest (DG "Apex Scheduler"). Queueables
     * queued outside them do not run. [verify in an org: Queueables queued without startTest]
     */
    public finish(): void {
        const failure = this.runSchedules(() => true);
        if (failure) {
            throw failure;
        }
    }

    /**
     * Answers a callout from the test's mock (RG "HttpCalloutMock Interface"); without one, a
     * test method cannot call out.
     */
    public respond(request: HttpRequestState, site: CallSite): HttpResponseState {
        const mock = this.mock;
        if (!mock) {
            return site.vm.raise(
                'CalloutException',
                'Methods defined as TestMethod do not support Web service callouts'
            );
        }
        const response = callInterface(site.vm, mock, 'System.HttpCalloutMock', 'respond', [
            new PlatformValue(REQUEST, request as unknown as Record<string, unknown>)
        ]);
        if (!(response instanceof PlatformValue)) {
            // [verify in an org: what Http.send does when the mock returns null]
            throw new UnsupportedError(site.place, 'a callout mock that returns null');
        }
        return responseOf(response);
    }

    public setMock(type: TypeValue, mock: ObjectValue, site: CallSite): void {
        const wanted = site.vm.findType(['System', 'HttpCalloutMock'], undefined);
        if (
            type.type.kind !== 'class' ||
            wanted?.kind !== 'class' ||
            type.type.cls !== wanted.cls
        ) {
            throw new UnsupportedError(
                site.place,
                `Test.setMock for ${type.type.kind === 'class' ? type.type.cls.name : 'this type'}`
            );
        }
        if (!mock.type.isSubtypeOf(wanted.cls)) {
            site.vm.raise('TypeException', `${mock.type.name} does not implement HttpCalloutMock`);
        }
        this.mock = mock;
        if (!this.started) {
            this.mockBeforeStart = true;
        }
    }

    public testInstall(
        handler: ObjectValue,
        previousVersion: PlatformValue | null,
        isPush: boolean,
        site: CallSite
    ): void {
        const type = site.vm.findType(['System', 'InstallHandler'], undefined);
        if (type?.kind !== 'class' || !handler.type.isSubtypeOf(type.cls)) {
            site.vm.raise(
                'TypeException',
                `${handler.type.name} does not implement InstallHandler`
            );
        }
        callInterface(site.vm, handler, 'System.InstallHandler', 'onInstall', [
            contextValue(INSTALL_CONTEXT, {
                organizationId: this.install.organizationId(),
                installerId: this.host.userId() ?? '',
                isUpgrade: previousVersion !== null,
                isPush,
                previousVersion
            })
        ]);
    }

    public setCreatedDate(id: string, createdDate: DatetimeValue, site: CallSite): void {
        const record = this.host.find(id);
        if (!record) {
            // [verify in an org: setCreatedDate on a record the test did not create]
            site.vm.raise(
                'IllegalArgumentException',
                `The record ${id} was not created in this test.`
            );
        }
        this.host.patch(id, { CreatedDate: new Date(createdDate.epochMillis).toISOString() });
    }

    /**
     * Runs the Queueables queued since startTest, and the ones they queue while a chain's
     * maximum stack depth allows it; the first failure is thrown from stopTest.
     */
    private runJobs(queued: readonly QueuedJob[]): ApexThrow | ApexLimitError | undefined {
        const pending = [...queued];
        let failure: ApexThrow | ApexLimitError | undefined;
        for (let entry = pending.shift(); entry; entry = pending.shift()) {
            const outcome = this.jobs.runQueueable(entry);
            failure ??= outcome.failure;
            pending.push(...this.jobs.queue.splice(0));
        }
        return failure;
    }

    private runSchedules(
        which: (triggerId: string) => boolean
    ): ApexThrow | ApexLimitError | undefined {
        let failure: ApexThrow | ApexLimitError | undefined;
        const due = this.jobs
            .firing()
            .filter(
                (candidate) => !this.fired.has(candidate.triggerId) && which(candidate.triggerId)
            );
        for (const job of due) {
            this.fired.add(job.triggerId);
            failure ??= this.jobs.fire(job, false).failure;
        }
        return failure;
    }
}
