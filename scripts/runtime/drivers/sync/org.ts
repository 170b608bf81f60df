import {
    startCalendlyStandIn,
    type CalendlyStandIn,
    type Fault,
    type Organization,
    type RateLimit,
    type RequestLog
} from '../../../calendly';
import { ApexLimitError, ApexThrow } from '../../apex/errors';
import {
    loadProject,
    openApexOrg,
    readFlow,
    type OpenedApexOrg,
    type Project
} from '../../cli/project';
import type { FieldValues, Scalar } from '../../types';
import type { JobOutcome, TransactionUsage } from '../jobs';
import { stopSyncHttp } from '../syncHttp';
import {
    STEP_LIMITS,
    type StepLimits,
    type SyncReport,
    type SyncRunRecord,
    type SyncStep,
    type UserOutcome,
    type UserSpec
} from './types';

/**
 * The package's whole sync in the embedded org, as an admin runs it: the Calendly stand-in on
 * 127.0.0.1 serves an organization, the org runs the package's Apex with the flow template as
 * an active copy and the credential's principal holding the stand-in's token, users exist for
 * the members, and an admin holding Calendly Links Admin starts each sync through
 * CalendlySyncController.startSync. Its queued jobs then run to the end, each in a transaction
 * of its own, delays skipped (the org's clock and the stand-in's move on instead) and reported;
 * two syncs are an hour apart, as the hourly sync runs. Everything the report says is read from
 * what the sync left: the run record, the stand-in's request log, the links and the users'
 * fields, and what each job's transaction used.
 */

export const TEMPLATE = 'force-app/main/default/flows/MapUserCalendlyLinkTemplate.flow-meta.xml';
/** The permission set an admin who runs the sync holds (README, "Connect Calendly"). */
export const ADMIN_PERMISSION_SET = 'Calendly_Links_Admin';
/** The external credential's principal and its parameter that holds the token. */
const PRINCIPAL = 'Calendly-CalendlyAdmin';
const TOKEN_PARAMETER = 'Token';
const NAMED_CREDENTIAL = 'Calendly';
/** Calendly's largest page (CalendlyApiClient.PAGE_SIZE). */
const PAGE_SIZE = 100;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A sync that has not ended after this many jobs is taken to loop. */
const MAX_STEPS = 5000;
/** The fields the sync reads of a stored link to compare it (CalendlyLinkSelector). */
const COMPARED_LINK_FIELDS = [
    'Id',
    'Name',
    'CalendlyUri__c',
    'LinkType__c',
    'Url__c',
    'Email__c',
    'CalendlyUserUri__c',
    'CalendlyUserName__c',
    'EventTypeName__c',
    'EventTypeSlug__c',
    'IsActive__c',
    'LastSyncedAt__c',
    'SyncNumber__c'
] as const;

const START_SYNC = `CalendlySyncViews.SyncRun run = CalendlySyncController.startSync();
System.debug(run.runId);`;

export interface SyncOrgOptions {
    /** The organization the stand-in serves. */
    readonly organization: Organization;
    /** The org's users besides its admin; teamUsers(organization) when absent. */
    readonly users?: readonly UserSpec[];
    /** The project; this repository's, from the current directory, when absent. */
    readonly project?: Project;
    /** Faults the stand-in applies from its first request. */
    readonly faults?: readonly Fault[];
    /** The stand-in's rate limit; Calendly's paid plans' (500 a minute) when absent. */
    readonly rateLimit?: RateLimit;
}

/** The calls to make at least: the user, then every page of members and of managed event types. */
export function minimumRequests(members: number, managedEventTypes: number): number {
    const pages = (items: number): number => Math.max(1, Math.ceil(items / PAGE_SIZE));
    return 1 + pages(members) + pages(managedEventTypes);
}

/**
 * The managed event types the stand-in lists for the sync: all of them, or the active ones
 * when the sync asks Calendly for those only (`active=true`, as its requests show).
 */
export function managedEventTypes(organization: Organization, activeOnly = false): number {
    return organization.eventTypes.filter(
        ({ eventType }) => eventType.admin_managed && (!activeOnly || eventType.active)
    ).length;
}

/**
 * The org's users for an organization: one active user per member, with the member's email
 * (the third in capitals, as an email typed differently), then two whom no link reaches: an
 * inactive user with the second member's email, and a user no member has the email of.
 */
export function teamUsers(organization: Organization): UserSpec[] {
    const users: UserSpec[] = organization.members.map(({ user }, index) => {
        const [first = user.name, ...rest] = user.name.split(' ');
        return {
            firstName: first,
            lastName: rest.join(' ') || first,
            email: index === 2 ? user.email.toUpperCase() : user.email,
            active: true
        };
    });
    const second = organization.members[1] ?? organization.members[0];
    if (second) {
        const [first = 'Former', ...rest] = second.user.name.split(' ');
        users.push({
            firstName: first,
            lastName: `${rest.join(' ') || first} (old account)`,
            email: second.user.email,
            active: false
        });
    }
    const domain = organization.members[0]?.user.email.split('@')[1] ?? 'example.com';
    users.push({
        firstName: 'Pat',
        lastName: 'Outsider',
        email: `pat.outsider@${domain}`,
        active: true
    });
    return users;
}

const numberOf = (value: Scalar | undefined): number => (typeof value === 'number' ? value : 0);
const textOf = (value: Scalar | undefined): string | null =>
    typeof value === 'string' && value !== '' ? value : null;

export class SyncOrg {
    private served: Organization;
    private syncs = 0;
    /** Whether the sync asks Calendly for active managed event types only, once a request shows it. */
    private activeOnly = false;
    /** Requests the stand-in had served when the last sync ended. */
    private requestsServed = 0;

    private constructor(
        public readonly standIn: CalendlyStandIn,
        public readonly opened: OpenedApexOrg,
        organization: Organization,
        /** The org's debug log since the last transaction a driver method began. */
        private readonly debug: string[]
    ) {
        this.served = organization;
    }

    /** Starts the stand-in and opens the org with its users; close it when done. */
    public static async open(options: SyncOrgOptions): Promise<SyncOrg> {
        const standIn = await startCalendlyStandIn({
            organization: options.organization,
            ...(options.faults ? { faults: options.faults } : {}),
            ...(options.rateLimit ? { rateLimit: options.rateLimit } : {})
        });
        try {
            const project = options.project ?? loadProject(process.cwd(), { setup: true });
            const debug: string[] = [];
            const opened = openApexOrg(project, {
                state: 'fresh',
                flows: [readFlow(project, TEMPLATE, 'the flow template, as an active copy')],
                log: (line) => debug.push(line),
                standIns: new Map([[NAMED_CREDENTIAL, standIn.url]]),
                principals: new Map([[PRINCIPAL, new Map([[TOKEN_PARAMETER, standIn.token]])]])
            });
            const org = new SyncOrg(standIn, opened, options.organization, debug);
            org.setUp(options.users ?? teamUsers(options.organization));
            return org;
        } catch (error) {
            await standIn.close();
            throw error;
        }
    }

    /** The organization the stand-in serves now. */
    public get organization(): Organization {
        return this.served;
    }

    /** Serves another organization from the next request on: what changed in Calendly. */
    public change(organization: Organization): void {
        this.standIn.setOrganization(organization);
        this.served = organization;
    }

    /** Replaces the stand-in's pending faults; [] clears them. */
    public setFaults(faults: readonly Fault[]): void {
        this.standIn.setFaults(faults);
    }

    public async close(): Promise<void> {
        await this.standIn.close();
        await stopSyncHttp();
    }

    /** Moves the org's clock and the stand-in's forward together, for time the driver skips. */
    private passTime(milliseconds: number): void {
        this.opened.org.advanceClock(milliseconds);
        this.standIn.advanceClock(milliseconds);
    }

    private get adminId(): string {
        return this.opened.setup.adminId;
    }

    /** The org's users, and the admin permission set assigned to the admin, as Setup does. */
    private setUp(users: readonly UserSpec[]): void {
        const org = this.opened.org;
        const profile = org.records.all('Profile').find((row) => row['Name'] === 'Standard User');
        const permissionSet = org.records
            .all('PermissionSet')
            .find((row) => row['Name'] === ADMIN_PERMISSION_SET);
        if (!profile || !permissionSet) {
            throw new Error(
                `The embedded org has no Standard User profile or no ${ADMIN_PERMISSION_SET} permission set.`
            );
        }
        org.systemWrite({
            operation: 'insert',
            object: 'User',
            records: users.map((user, index) => ({
                FirstName: user.firstName,
                LastName: user.lastName,
                Email: user.email,
                Username: `user${index}@sync.embedded-org.example`,
                Alias: `u${index}`.slice(0, 8),
                IsActive: user.active,
                ProfileId: profile['Id'] ?? null,
                TimeZoneSidKey: 'GMT',
                LocaleSidKey: 'en_US',
                EmailEncodingKey: 'UTF-8',
                LanguageLocaleKey: 'en_US'
            }))
        });
        org.systemWrite({
            operation: 'insert',
            object: 'PermissionSetAssignment',
            records: [{ AssigneeId: this.adminId, PermissionSetId: permissionSet['Id'] ?? null }]
        });
    }

    /**
     * One whole sync: the admin starts it through the controller, then every job it queues
     * runs, each in its own transaction, until the queue is empty.
     */
    public sync(name: string): SyncReport {
        if (this.syncs++ > 0) {
            // The syncs are an hour apart, as the hourly sync runs: the run starts in a later
            // second than any write before it (a Datetime field keeps no milliseconds), and
            // Calendly's rate limit is fresh.
            this.passTime(HOUR);
        }
        const began = performance.now();
        const organization = this.served;
        const members = organization.members.length;
        // Requests made between syncs, if any, are not the sync's.
        const logBefore = this.requestsServed + this.standIn.requests(this.requestsServed).length;
        const started = this.startSync();
        const steps = started.runId === undefined ? [] : this.driveQueue(started.runId, logBefore);
        const log = this.standIn.requests(logBefore);
        this.requestsServed = logBefore + log.length;
        const listed = log.find((request) => request.path === '/event_types');
        this.activeOnly = listed ? listed.query['active'] === 'true' : this.activeOnly;
        const managed = managedEventTypes(organization, this.activeOnly);
        const averageLink = this.averageLinkBytes();
        const measured = steps.map((step) => ({
            ...step,
            limits: { ...step.limits, heapBytes: heapEstimate(step, averageLink) }
        }));
        const run =
            started.runId === undefined ? notStarted(started.error) : this.runRecord(started.runId);
        const usage: StepUsage[] = [started.usage, ...measured];
        return {
            name,
            status: run.status,
            run,
            calendlyRequests: log.length,
            minimumRequests: minimumRequests(members, managed),
            members,
            managedEventTypes: managed,
            linksCreated: run.linksCreated,
            linksUpdated: run.linksUpdated,
            linksUnchanged: run.linksUnchanged,
            linksDeactivated: run.linksDeactivated,
            linkRowsWritten: usage.reduce((sum, step) => sum + step.linkRowsWritten, 0),
            flowInterviews: usage.reduce((sum, step) => sum + step.flowInterviews, 0),
            usersWithLink: this.userRows().filter((user) => textOf(user['Calendly_Link__c']))
                .length,
            steps: measured,
            busiestStep: busiest(measured),
            delaysMinutes: measured
                .filter((step) => step.delayMinutes > 0)
                .map((step) => step.delayMinutes),
            seconds: (performance.now() - began) / 1000
        };
    }

    /** Each user of the org but the admin: the link they hold, or why they hold none. */
    public users(): UserOutcome[] {
        const members = new Map(
            this.served.members.map((member) => [member.user.email.toLowerCase(), member])
        );
        const active = new Map<string, string>();
        const inactive = new Set<string>();
        for (const link of this.links()) {
            const email = textOf(link['Email__c'])?.toLowerCase();
            if (email === undefined || link['LinkType__c'] !== 'Profile') {
                continue;
            }
            if (link['IsActive__c'] === true) {
                active.set(email, String(link['Url__c']));
            } else {
                inactive.add(email);
            }
        }
        return this.userRows().map((row) => {
            const email = String(row['Email'] ?? '');
            const key = email.toLowerCase();
            const link = textOf(row['Calendly_Link__c']);
            const isActive = row['IsActive'] === true;
            const member = members.get(key);
            const activeUrl = active.get(key);
            let reason: string;
            if (link !== null) {
                reason =
                    link === activeUrl
                        ? `the profile link of the Calendly member ${member?.user.name ?? email}`
                        : 'a link no active profile link has: stale';
            } else if (!isActive) {
                reason = 'inactive user: the flow never changes inactive users';
            } else if (member && member.user.scheduling_url === null) {
                reason =
                    "the Calendly member has no scheduling link: the sync skipped it (see the run's issues)";
            } else if (activeUrl !== undefined) {
                reason = 'an active profile link has this email, yet the user does not hold it';
            } else if (member) {
                reason = "the member's link was not written (see the run's issues)";
            } else if (inactive.has(key)) {
                reason =
                    'left the Calendly organization: the link was deactivated and the field cleared';
            } else {
                reason = 'no Calendly member has this email';
            }
            return {
                name: String(row['Name'] ?? ''),
                email,
                active: isActive,
                link,
                reason
            };
        });
    }

    /** The org's links, as stored. */
    public links(): FieldValues[] {
        return this.opened.org.records.all('CalendlyLink__c');
    }

    private userRows(): FieldValues[] {
        return this.opened.org.records.all('User').filter((row) => row['Id'] !== this.adminId);
    }

    /** Runs the controller's startSync as the admin, in a transaction of its own. */
    private startSync(): { runId?: string; error?: string; usage: StepUsage } {
        const org = this.opened.org;
        let usage: StepUsage = emptyUsage();
        this.debug.length = 0;
        try {
            org.asUser(this.adminId, () => {
                org.run(() => {
                    const state = org.current();
                    try {
                        org.vm.runAnonymous(START_SYNC, 'startSync.apex');
                    } finally {
                        usage = {
                            flowInterviews: state.transaction.interviews,
                            linkRowsWritten:
                                state.transaction.dmlRowsByObject.get('CalendlyLink__c') ?? 0
                        };
                    }
                });
            });
        } catch (error) {
            if (error instanceof ApexThrow) {
                const type = error.exception.type.name;
                return { error: `${type}: ${error.exception.exception?.message ?? ''}`, usage };
            }
            if (error instanceof ApexLimitError) {
                return { error: `System.LimitException: ${error.message}`, usage };
            }
            throw error;
        }
        const runId = this.debug
            .map((line) => /^USER_DEBUG\|\[\d+\]\|DEBUG\|(.*)$/.exec(line)?.[1])
            .find((value) => value !== undefined && value !== 'null');
        return runId === undefined
            ? { error: 'startSync returned no run.', usage }
            : { runId, usage };
    }

    /** Runs the queued jobs, and those they queue, until none is left. */
    private driveQueue(runId: string, logBefore: number): SyncStep[] {
        const org = this.opened.org;
        const steps: SyncStep[] = [];
        let seen = logBefore;
        for (let entry = org.jobs.queue.shift(); entry; entry = org.jobs.queue.shift()) {
            if (steps.length >= MAX_STEPS) {
                throw new Error(`The sync had not ended after ${MAX_STEPS} queued jobs.`);
            }
            const job = entry;
            if (job.delayMinutes > 0) {
                // The org runs the job that much later: time passes for the org and Calendly.
                this.passTime(job.delayMinutes * MINUTE);
            }
            const outcome = org.asUser(this.adminId, () => org.jobs.runQueueable(job));
            const requests = this.standIn.requests(seen);
            const run = org.find(runId);
            steps.push({
                ...stepOf(steps.length + 1, job.delayMinutes, outcome, requests),
                runStatus: String(run?.['Status__c'] ?? ''),
                statusDetail: textOf(run?.['StatusDetail__c'])
            });
            seen += requests.length;
        }
        return steps;
    }

    private runRecord(id: string): SyncRunRecord {
        const row = this.opened.org.find(id);
        if (!row) {
            throw new Error(`The sync run ${id} is not in the org.`);
        }
        return {
            id,
            status: String(row['Status__c'] ?? ''),
            statusDetail: textOf(row['StatusDetail__c']),
            errorSummary: textOf(row['ErrorSummary__c']),
            issues: textOf(row['Issues__c']),
            pagesRead: numberOf(row['PagesRead__c']),
            membersRead: numberOf(row['MembersRead__c']),
            managedEventTypesRead: numberOf(row['ManagedEventTypesRead__c']),
            linksCreated: numberOf(row['LinksCreated__c']),
            linksUpdated: numberOf(row['LinksUpdated__c']),
            linksUnchanged: numberOf(row['LinksUnchanged__c']),
            linksDeactivated: numberOf(row['LinksDeactivated__c']),
            linksSkipped: numberOf(row['LinksSkipped__c']),
            linksFailed: numberOf(row['LinksFailed__c']),
            linksMissed: numberOf(row['LinksMissed__c'])
        };
    }

    /** The average size of a stored link's compared fields, as JSON, from up to 1,000 links. */
    private averageLinkBytes(): number {
        const links = this.links().slice(0, 1000);
        if (links.length === 0) {
            return 0;
        }
        const total = links.reduce(
            (sum, link) =>
                sum +
                JSON.stringify(COMPARED_LINK_FIELDS.map((field) => link[field] ?? null)).length,
            0
        );
        return total / links.length;
    }
}

interface StepUsage {
    readonly flowInterviews: number;
    readonly linkRowsWritten: number;
}

const emptyUsage = (): StepUsage => ({ flowInterviews: 0, linkRowsWritten: 0 });

function stepOf(
    step: number,
    delayMinutes: number,
    outcome: JobOutcome,
    requests: readonly RequestLog[]
): Omit<SyncStep, 'runStatus' | 'statusDetail'> {
    const parts = [outcome.usage, outcome.finalizerUsage].filter(
        (usage): usage is TransactionUsage => usage !== undefined
    );
    const own = outcome.usage;
    const failure = outcome.failure;
    return {
        step,
        delayMinutes,
        failure:
            failure === undefined
                ? null
                : failure instanceof ApexThrow
                  ? `${failure.exception.type.name}: ${failure.exception.exception?.message ?? ''}`
                  : `System.LimitException: ${failure.message}`,
        limits: {
            soqlQueries: own?.limits.soqlQueries ?? 0,
            queryRows: own?.limits.queryRows ?? 0,
            dmlStatements: own?.limits.dmlStatements ?? 0,
            dmlRows: own?.limits.dmlRows ?? 0,
            callouts: own?.callouts ?? 0,
            heapBytes: 0
        },
        flowInterviews: parts.reduce((sum, usage) => sum + usage.interviews, 0),
        linkRowsWritten: parts.reduce(
            (sum, usage) => sum + (usage.dmlRowsByObject.get('CalendlyLink__c') ?? 0),
            0
        ),
        requests,
        milliseconds: parts.reduce((sum, usage) => sum + usage.milliseconds, 0)
    };
}

/** See StepLimits.heapBytes. */
function heapEstimate(step: SyncStep, averageLinkBytes: number): number {
    const received = step.requests.reduce((sum, request) => sum + request.bytes, 0);
    return Math.round(2 * received + step.limits.queryRows * averageLinkBytes);
}

/** The largest share of its limit any of a step's counters reached. */
export function limitShare(limits: StepLimits): number {
    return Math.max(
        ...(Object.keys(STEP_LIMITS) as (keyof StepLimits)[]).map(
            (name) => limits[name] / STEP_LIMITS[name]
        )
    );
}

function busiest(steps: readonly SyncStep[]): SyncStep | null {
    let found: SyncStep | null = null;
    for (const step of steps) {
        if (found === null || limitShare(step.limits) > limitShare(found.limits)) {
            found = step;
        }
    }
    return found;
}

function notStarted(error: string | undefined): SyncRunRecord {
    return {
        id: '',
        status: 'NotStarted',
        statusDetail: null,
        errorSummary: error ?? null,
        issues: null,
        pagesRead: 0,
        membersRead: 0,
        managedEventTypesRead: 0,
        linksCreated: 0,
        linksUpdated: 0,
        linksUnchanged: 0,
        linksDeactivated: 0,
        linksSkipped: 0,
        linksFailed: 0,
        linksMissed: 0
    };
}
