import type { RequestLog } from '../../../calendly';

/**
 * What a whole sync does in the embedded org, as the package's own records, the Calendly
 * stand-in's request log and the users' fields show it: the values `npm start`, the sync
 * benchmark and the fault tests read.
 */

/** A user the org holds before the first sync. */
export interface UserSpec {
    readonly firstName: string;
    readonly lastName: string;
    readonly email: string;
    readonly active: boolean;
}

/** The governor limits a step used, with an estimate of its heap. */
export interface StepLimits {
    readonly soqlQueries: number;
    readonly queryRows: number;
    readonly dmlStatements: number;
    readonly dmlRows: number;
    readonly callouts: number;
    /**
     * An estimate, not a measurement (the embedded org does not model the heap): twice the
     * bytes of the step's Calendly responses (the body, then the maps it is parsed into) plus
     * its query rows at the average size of a stored link with the fields the sync compares.
     */
    readonly heapBytes: number;
}

/** The asynchronous limits of one Queueable's transaction (DG "Execution Governors and Limits"). */
export const STEP_LIMITS: Readonly<StepLimits> = {
    soqlQueries: 200,
    queryRows: 50_000,
    dmlStatements: 150,
    dmlRows: 10_000,
    callouts: 100,
    heapBytes: 12_000_000
};

/** One queued job of the sync: one step, in a transaction of its own. */
export interface SyncStep {
    /** 1 for the first job the sync queued. */
    readonly step: number;
    /** The delay the job was queued with: skipped here, as the org would have waited. */
    readonly delayMinutes: number;
    /** The exception nothing caught in the job or its finalizer, as AsyncApexJob records it. */
    readonly failure: string | null;
    readonly limits: StepLimits;
    readonly flowInterviews: number;
    /** CalendlyLink__c rows sent to the database. */
    readonly linkRowsWritten: number;
    /** The Calendly requests the step made, in order. */
    readonly requests: readonly RequestLog[];
    /** Wall time of the step's transaction (the org models no CPU time). */
    readonly milliseconds: number;
    /** The run's status and status detail once the step ended, as the integrations page reads them. */
    readonly runStatus: string;
    readonly statusDetail: string | null;
}

/** The run record (CalendlySyncRun__c) as the sync left it. */
export interface SyncRunRecord {
    readonly id: string;
    readonly status: string;
    readonly statusDetail: string | null;
    readonly errorSummary: string | null;
    readonly issues: string | null;
    readonly pagesRead: number;
    readonly membersRead: number;
    readonly managedEventTypesRead: number;
    readonly linksCreated: number;
    readonly linksUpdated: number;
    readonly linksUnchanged: number;
    readonly linksDeactivated: number;
    readonly linksSkipped: number;
    readonly linksFailed: number;
    /** Links this run missed for the first time and kept (0 where the package counts no misses). */
    readonly linksMissed: number;
}

/** A user of the org after a sync: the link they hold, or why they hold none. */
export interface UserOutcome {
    readonly name: string;
    readonly email: string;
    readonly active: boolean;
    readonly link: string | null;
    /** Why the user holds this link, or none. */
    readonly reason: string;
}

/** One whole sync: started through the controller, its jobs driven to the end. */
export interface SyncReport {
    readonly name: string;
    /** The run's status, or NotStarted when startSync refused (errorSummary says why). */
    readonly status: string;
    readonly run: SyncRunRecord;
    /** Requests the stand-in served during the sync, retries and refusals included. */
    readonly calendlyRequests: number;
    /** 1 + ceil(members / 100) + ceil(managed event types / 100), each list read at least once. */
    readonly minimumRequests: number;
    readonly members: number;
    readonly managedEventTypes: number;
    readonly linksCreated: number;
    readonly linksUpdated: number;
    readonly linksUnchanged: number;
    readonly linksDeactivated: number;
    readonly linkRowsWritten: number;
    readonly flowInterviews: number;
    /** Users holding a link in Calendly_Link__c after the sync. */
    readonly usersWithLink: number;
    readonly steps: readonly SyncStep[];
    /** The step that came closest to one of its limits. */
    readonly busiestStep: SyncStep | null;
    /** Delays of the steps queued with one, in minutes, in order. */
    readonly delaysMinutes: readonly number[];
    readonly seconds: number;
}
