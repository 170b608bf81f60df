import { loadStandardCatalogue } from '../../project/catalogue';
import { LimitException } from '../errors';
import type {
    CustomLabelDefinition,
    CustomPermissionDefinition,
    ExternalCredentialDefinition,
    NamedCredentialDefinition,
    PermissionSetDefinition
} from '../../project/security';
import { ApexLimitError, UnsupportedError } from '../apex/errors';
import { catalogueOf, type ApexData } from '../apex/data/bridge';
import { databaseClasses } from '../apex/data/database';
import { describeClasses } from '../apex/data/describe';
import { dataExtensions } from '../apex/data/extensions';
import { stripClasses } from '../apex/data/strip';
import type { CoverageRecorder } from '../apex/coverage';
import type { ApexClass, SourcePlace } from '../apex/model';
import type { ApexServices, CallSite } from '../apex/services';
import { registerCorePlatform } from '../apex/platform';
import { asyncClasses } from '../apex/platform/async';
import { contextClasses } from '../apex/platform/contexts';
import { httpClasses, type HttpRequestState, type HttpResponseState } from '../apex/platform/http';
import { limitsClass, type LimitName, type LimitsService } from '../apex/platform/limits';
import { securityClasses } from '../apex/platform/security';
import { clock as systemClock } from '../apex/platform/system';
import { testClasses, versionClass, type TestService } from '../apex/platform/tests';
import { ApexVm, type ApexSource } from '../apex/vm';
import type { FlowDefinition } from '../flow';
import { GOVERNOR_LIMITS, normalizeId, type RecordStore, type SaveContext } from '../org';
import { OrgSecurity } from '../org/security';
import { EmbeddedOrg } from '../org/embedded';
import type { OrgSchema } from '../schema';
import type { FieldValues, LimitUsage } from '../types';
import type { CalloutRouter } from './callouts';
import type { OrgHost, RunOptions, SystemWrite, TransactionState } from './host';
import { AsyncJobs } from './jobs';
import type { TestRun } from './testRun';

/** The project's security metadata the org reads (scripts/project/security). */
export interface ProjectSecurity {
    readonly permissionSets: ReadonlyMap<string, PermissionSetDefinition>;
    readonly customPermissions: ReadonlyMap<string, CustomPermissionDefinition>;
    readonly labels: ReadonlyMap<string, CustomLabelDefinition>;
    readonly namedCredentials: ReadonlyMap<string, NamedCredentialDefinition>;
    readonly externalCredentials: ReadonlyMap<string, ExternalCredentialDefinition>;
}

export interface ApexOrgOptions {
    readonly schema: OrgSchema;
    readonly security: ProjectSecurity;
    readonly sources: readonly ApexSource[];
    /** The record-triggered flows that run as active. */
    readonly flows: readonly FlowDefinition[];
    /** Receives each debug-log line. */
    readonly log: (line: string) => void;
    /** The org's clock; the wall clock when absent. */
    readonly now?: () => number;
    /** Counts the lines of the project's classes that run, for a coverage report. */
    readonly coverage?: CoverageRecorder;
    /**
     * Where callouts outside a test go: the stand-ins on 127.0.0.1 the caller runs. The router is
     * made with the org's security, which says which external credential principals the running
     * user may use.
     */
    readonly callouts: (security: OrgSecurity) => CalloutRouter;
}

/**
 * "Total number of SOQL queries issued": 100 synchronous, 200 asynchronous; the other limits the
 * org counts are the same in both (DG "Execution Governors and Limits").
 */
const ASYNC_LIMITS: LimitUsage = { ...GOVERNOR_LIMITS, soqlQueries: 200 };
/** "Total number of callouts (HTTP requests or web services calls) in a transaction": 100. */
const CALLOUT_LIMIT = 100;
/** The limits the org's transaction counts, by the name the Limits class gives them. */
const ORG_LIMITS: Readonly<Partial<Record<LimitName, keyof LimitUsage>>> = {
    queries: 'soqlQueries',
    queryRows: 'queryRows',
    dmlStatements: 'dmlStatements',
    dmlRows: 'dmlRows'
};
/** "Maximum number of Apex jobs added to the queue with System.enqueueJob": 50, 1 in async. */
const QUEUEABLE_LIMITS = { sync: 50, queueable: 1 } as const;

/** A platform enum the VM was given (VmOptions.enums), as the class Apex code sees. */
function platformEnum(services: ApexServices, name: string): ApexClass {
    const type = services.findType(['System', name], undefined);
    if (type?.kind !== 'class') {
        throw new Error(`The VM has no platform enum System.${name}.`);
    }
    return type.cls;
}

/**
 * The embedded org with Apex: the project's classes in a VM whose SOQL and DML go to the org's
 * records in the running transaction, where the project's flows fire as they do for a scenario.
 * Drivers (anonymous Apex, Apex tests, the job queue) open each transaction with `run`; a
 * transaction opened inside another (a job that Test.stopTest() runs) keeps its own limits and
 * rolls back alone, and its writes stay in the outer one's journal.
 */
export class ApexOrg implements OrgHost {
    public readonly org: EmbeddedOrg;
    public readonly vm: ApexVm;
    public readonly schema: OrgSchema;
    public readonly jobs: AsyncJobs;
    /** The records Apex works on: the org's, or a test's copy of them. */
    private store: RecordStore;
    private readonly stack: TransactionState[] = [];
    private runningUser: string | null = null;
    private test: TestRun | undefined;
    private readonly clock: () => number;
    /** How far advanceClock has moved the org's clock ahead of its source. */
    private clockOffset = 0;
    private readonly callouts: CalloutRouter;

    public constructor(options: ApexOrgOptions) {
        const source = options.now ?? (() => Date.now());
        this.clock = () => source() + this.clockOffset;
        this.schema = options.schema;
        const context: SaveContext = { now: this.clock, userId: () => this.runningUser };
        this.org = new EmbeddedOrg(options.schema, options.flows, undefined, context);
        this.store = this.org.store;
        this.jobs = new AsyncJobs(this, (job) => this.apexClassId(job.type.name));
        const security = new OrgSecurity({
            schema: options.schema,
            permissionSets: options.security.permissionSets,
            userId: () => this.runningUser,
            records: (object) => this.store.all(object),
            raise: (name, message, detail) => this.vm.raise(name, message, detail)
        });
        this.callouts = options.callouts(security);
        const customPermissions = new Set(
            [...options.security.customPermissions.keys()].map((name) => name.toLowerCase())
        );
        const data: ApexData = {
            schema: options.schema,
            transaction: () => this.current().transaction,
            security,
            runAs: (userId, place, body) => {
                this.runAs(userId, place, body);
            }
        };
        const tests: TestService = {
            running: () => this.test !== undefined,
            startTest: (site) => {
                this.testRun().startTest(site);
            },
            stopTest: (site) => {
                this.testRun().stopTest(site);
            },
            setMock: (type, mock, site) => {
                this.testRun().setMock(type, mock, site);
            },
            testInstall: (handler, version, isPush, site) => {
                this.testRun().testInstall(handler, version, isPush, site);
            },
            setCreatedDate: (id, date, site) => {
                this.testRun().setCreatedDate(id, date, site);
            }
        };
        const limits: LimitsService = {
            used: (name) => this.used(name),
            limit: (name) => this.limit(name)
        };
        const catalogue = loadStandardCatalogue();
        const enumValues = (namespace: string, name: string): readonly string[] =>
            catalogue.apexType(namespace, name)?.values ?? [];
        this.vm = new ApexVm({
            sources: options.sources,
            log: options.log,
            ...(options.coverage ? { coverage: options.coverage } : {}),
            sobjects: catalogueOf(options.schema),
            platform: (registry, services) => {
                registerCorePlatform(registry);
                registry.add(
                    ...httpClasses({ send: (request, site) => this.callout(request, site) }),
                    ...contextClasses(
                        services.exceptionRoot,
                        platformEnum(services, 'ParentJobResult')
                    ),
                    ...describeClasses(data),
                    ...databaseClasses(data, services),
                    ...stripClasses(data),
                    ...asyncClasses(this.jobs),
                    ...testClasses(tests),
                    versionClass,
                    limitsClass(limits),
                    ...securityClasses(
                        {
                            checkPermission: (name) => security.checkPermission(name),
                            isDefined: (name) => customPermissions.has(name.toLowerCase())
                        },
                        [...options.security.labels.values()],
                        {
                            user: () => security.user(),
                            organization: () => this.store.all('Organization')[0]
                        }
                    )
                );
            },
            extensions: dataExtensions(data),
            exceptions: catalogue
                .apexNamespaces()
                .flatMap((namespace) => catalogue.apexTypes(namespace))
                .filter((type) => type.superclass !== undefined && type.name.endsWith('Exception'))
                .map((type) => ({
                    name: `${type.namespace}.${type.name}`,
                    superclass: type.superclass ?? 'System.Exception'
                })),
            enums: {
                StatusCode: enumValues('System', 'StatusCode'),
                'Schema.SObjectDescribeOptions': enumValues('Schema', 'SObjectDescribeOptions'),
                ParentJobResult: enumValues('System', 'ParentJobResult'),
                AccessType: enumValues('System', 'AccessType')
            },
            // A platform type or a standard object the embedded org does not hold is refused as
            // not supported, not as a type that does not exist.
            isPlatformType: (names) => {
                const [first = '', ...rest] = names;
                return rest.length === 0
                    ? catalogue.apexType('System', first) !== undefined ||
                          catalogue.sobject(first) !== undefined
                    : catalogue.apexType(first, rest.join('.')) !== undefined ||
                          (first.toLowerCase() === 'schema' &&
                              catalogue.sobject(rest.join('.')) !== undefined);
            }
        });
    }

    // ------------------------------------------------------------------ transactions

    /**
     * Runs Apex in a transaction of its own: committed when it returns, rolled back (with
     * everything it did) when it throws. A transaction at the top starts with no static state,
     * as every platform transaction does; the jobs it queued go to the queue when it commits.
     */
    public run<R>(body: () => R, options: RunOptions = {}): R {
        const outer = this.stack.at(-1);
        const transaction = this.org.transaction(
            options.async ? ASYNC_LIMITS : GOVERNOR_LIMITS,
            this.store
        );
        const state: TransactionState = {
            transaction,
            async: options.async,
            callouts: 0,
            queueableJobs: 0,
            queued: [],
            depth: options.depth ?? 0,
            maximumDepth: options.maximumDepth,
            finalizer: undefined,
            job: options.job,
            pendingWork: false,
            dmlBaseline: 0
        };
        this.stack.push(state);
        const platformClock = systemClock.now;
        if (!outer) {
            this.vm.newTransaction();
            // System.now, Date.today and currentTimeMillis read the clock that stamps saves.
            systemClock.now = this.clock;
        }
        try {
            const result = body();
            if (!outer) {
                transaction.commit();
            }
            this.jobs.queue.push(...state.queued);
            return result;
        } catch (error: unknown) {
            transaction.rollback();
            if (error instanceof LimitException) {
                // The org's own limits (a flow's query) end Apex as System.LimitException.
                throw new ApexLimitError(error.message.replace(/^System\.LimitException: /, ''));
            }
            throw error;
        } finally {
            this.stack.pop();
            systemClock.now = platformClock;
        }
    }

    public current(): TransactionState {
        const state = this.stack.at(-1);
        if (!state) {
            throw new Error('Apex ran outside a transaction of the embedded org.');
        }
        return state;
    }

    /**
     * The org's own writes (a job's AsyncApexJob, a schedule's CronTrigger): no flow, no limit,
     * in the running transaction when there is one, so that they roll back with it.
     */
    public systemWrite(write: SystemWrite): string[] {
        const transaction = this.org.setupTransaction(this.store);
        const results = transaction.dml({
            operation: write.operation,
            object: this.schema.object(write.object, 'the embedded org'),
            records: write.records,
            allOrNone: true
        });
        if (this.stack.length === 0) {
            transaction.commit();
        }
        return results.map((result) => result.id ?? '');
    }

    public patch(id: string, values: FieldValues): void {
        const object = this.schema.objectOfId(id);
        const record = this.find(id);
        if (!object || !record) {
            throw new Error(`The embedded org has no record ${id} to change.`);
        }
        this.store.update(object.name, { ...record, ...values });
        if (this.stack.length === 0) {
            this.store.commit();
        }
    }

    public find(id: string): FieldValues | undefined {
        const object = this.schema.objectOfId(id);
        const normalized = normalizeId(id);
        return object && normalized ? this.store.get(object.name, normalized) : undefined;
    }

    public userId(): string | null {
        return this.runningUser;
    }

    public now(): number {
        return this.clock();
    }

    /**
     * Moves the org's clock forward, as time passing between two transactions: what System.now
     * returns, what saves stamp (CreatedDate, LastModifiedDate) and what flows read all move.
     */
    public advanceClock(milliseconds: number): void {
        if (!Number.isInteger(milliseconds) || milliseconds < 0) {
            throw new RangeError(
                `The org's clock only moves forward, by whole milliseconds, not ${milliseconds}.`
            );
        }
        this.clockOffset += milliseconds;
    }

    // ------------------------------------------------------------------ drivers

    /** The records Apex reads and writes from now on (a test's copy, or the org's own). */
    public useStore(store: RecordStore): void {
        this.store = store;
    }

    public get records(): RecordStore {
        return this.store;
    }

    /** Runs `body` as the user with this Id (UserInfo, record ownership, user mode). */
    public asUser<R>(userId: string | null, body: () => R): R {
        const before = this.runningUser;
        this.runningUser = userId;
        try {
            return body();
        } finally {
            this.runningUser = before;
        }
    }

    /** Runs `body` as a test method: the Test class answers from `test` meanwhile. */
    public inTest<R>(test: TestRun, body: () => R): R {
        this.test = test;
        this.jobs.testRunning = true;
        try {
            return body();
        } finally {
            this.test = undefined;
            this.jobs.testRunning = false;
            this.jobs.collecting = false;
        }
    }

    // ------------------------------------------------------------------ services

    /**
     * A System.runAs block (DG "Using the runAs Method"): only in a test; it runs as the user,
     * with a mixed-DML check of its own, and counts one DML statement, which is no uncommitted
     * work for a callout.
     */
    private runAs(userId: string, place: SourcePlace, body: () => void): void {
        if (!this.test) {
            // DG: "You can use runAs only in test methods."
            throw new UnsupportedError(place, 'System.runAs outside a test method');
        }
        if (this.schema.objectOfId(userId)?.name !== 'User' || !this.find(userId)) {
            // [verify in an org: runAs with the Id of no user]
            throw new UnsupportedError(place, `System.runAs with ${userId}, which names no User`);
        }
        const state = this.current();
        state.transaction.limits.dml(0);
        state.dmlBaseline += 1;
        this.asUser(userId, () => {
            state.transaction.withOwnMixedDml(body);
        });
    }

    private testRun(): TestRun {
        if (!this.test) {
            throw new Error('A Test method ran outside a test.');
        }
        return this.test;
    }

    private used(name: LimitName): number {
        const state = this.current();
        const counted = ORG_LIMITS[name];
        if (counted) {
            return state.transaction.limits.usage[counted];
        }
        return name === 'callouts' ? state.callouts : state.queueableJobs;
    }

    private limit(name: LimitName): number {
        const state = this.current();
        const counted = ORG_LIMITS[name];
        if (counted) {
            return (state.async ? ASYNC_LIMITS : GOVERNOR_LIMITS)[counted];
        }
        if (name === 'callouts') {
            return CALLOUT_LIMIT;
        }
        return state.async === 'queueable' ? QUEUEABLE_LIMITS.queueable : QUEUEABLE_LIMITS.sync;
    }

    /**
     * One callout (DG "Callout Limits and Limitations", "Testing HTTP Callouts"): not after
     * uncommitted work, at most 100 in a transaction; in a test answered by the mock, and
     * otherwise by the stand-in on 127.0.0.1 that the caller runs for the named credential.
     */
    private callout(request: HttpRequestState, site: CallSite): HttpResponseState {
        const state = this.current();
        const dml = state.transaction.limits.usage.dmlStatements > state.dmlBaseline;
        if (state.pendingWork || dml) {
            return site.vm.raise(
                'CalloutException',
                'You have uncommitted work pending. Please commit or rollback before calling out.'
            );
        }
        if (state.callouts + 1 > CALLOUT_LIMIT) {
            throw new ApexLimitError(`Too many callouts: ${state.callouts + 1}`);
        }
        state.callouts += 1;
        const allows = site.vm.findType(['Database', 'AllowsCallouts'], undefined);
        if (
            state.async === 'queueable' &&
            state.job &&
            allows?.kind === 'class' &&
            !state.job.type.isSubtypeOf(allows.cls)
        ) {
            // "To make a callout from a Queueable, implement Database.AllowsCallouts" (DG
            // "Queueable Apex"); the exception the platform throws is not documented here.
            throw new UnsupportedError(
                site.place,
                `a callout from the Queueable ${state.job.type.name}, which does not implement Database.AllowsCallouts`
            );
        }
        return this.test ? this.test.respond(request, site) : this.callouts.send(request, site);
    }

    private apexClassId(className: string): string | null {
        const top = className.split('.')[0]?.toLowerCase();
        const row = this.store
            .all('ApexClass')
            .find((candidate) => String(candidate['Name']).toLowerCase() === top);
        return typeof row?.['Id'] === 'string' ? row['Id'] : null;
    }
}
