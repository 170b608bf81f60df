import { LightningElement } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import startSync from '@salesforce/apex/CalendlySyncController.startSync';
import getCurrentRun from '@salesforce/apex/CalendlySyncController.getCurrentRun';
import getRun from '@salesforce/apex/CalendlySyncController.getRun';
import getRecentRuns from '@salesforce/apex/CalendlySyncController.getRecentRuns';
import getConnectionStatus from '@salesforce/apex/CalendlySyncController.getConnectionStatus';
import getHourlySync from '@salesforce/apex/CalendlySyncController.getHourlySync';
import setHourlySync from '@salesforce/apex/CalendlySyncController.setHourlySync';
import getMappingReport from '@salesforce/apex/CalendlySyncController.getMappingReport';
import { LABELS } from './labels';
import { errorMessage, formatLabel, progressPercent } from './utils';

/** How often the page asks for the state of a queued or running run. */
export const POLL_INTERVAL_MS = 2000;
export const RECENT_RUNS = 10;
export const MAPPING_PAGE_SIZE = 50;
export const FLOWS_SETUP_URL = '/lightning/setup/Flows/home';

const STATUS_LABELS = {
    Queued: LABELS.StatusQueued,
    Running: LABELS.StatusRunning,
    Succeeded: LABELS.StatusSucceeded,
    PartiallySucceeded: LABELS.StatusPartiallySucceeded,
    Failed: LABELS.StatusFailed
};
const OUTCOME_LABELS = {
    Succeeded: LABELS.OutcomeSucceeded,
    PartiallySucceeded: LABELS.OutcomePartiallySucceeded,
    Failed: LABELS.OutcomeFailed
};
const PHASE_LABELS = {
    Members: LABELS.PhaseMembers,
    ManagedEvents: LABELS.PhaseManagedEvents,
    Deactivation: LABELS.PhaseDeactivation
};
const ORIGIN_LABELS = { Manual: LABELS.OriginManual, Scheduled: LABELS.OriginScheduled };
const PROBLEM_LABELS = {
    NoActiveUser: LABELS.ProblemNoActiveUser,
    SeveralActiveUsers: LABELS.ProblemSeveralActiveUsers,
    NotCopied: LABELS.ProblemNotCopied
};

/**
 * A link on every active user with its email, several of them: what the flow template does on
 * purpose, so the page shows it as information, not as a problem.
 */
function isShared(row) {
    return row.status === 'SeveralActiveUsers' && row.usersHoldingLink >= row.matchingUsers;
}

/** A link that an active user with its email should hold and does not. */
function isNotOnItsUsers(row) {
    return row.status === 'NotCopied' || (row.status === 'SeveralActiveUsers' && !isShared(row));
}

const COUNTS = [
    ['linksCreated', LABELS.CountCreated],
    ['linksUpdated', LABELS.CountUpdated],
    ['linksUnchanged', LABELS.CountUnchanged],
    ['linksDeactivated', LABELS.CountDeactivated],
    ['linksSkipped', LABELS.CountSkipped],
    ['linksFailed', LABELS.CountFailed]
];
const DATE_TIME = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
};

// Widths that fit a 1280-pixel screen without truncating a status, a date or a count's label;
// the unchanged count is left to the outcome summary.
const RUN_COLUMNS = [
    { label: LABELS.ColumnRun, fieldName: 'name', initialWidth: 120 },
    { label: LABELS.ColumnStatus, fieldName: 'statusLabel', initialWidth: 160 },
    { label: LABELS.ColumnOrigin, fieldName: 'originLabel', initialWidth: 90 },
    { label: LABELS.ColumnStartedBy, fieldName: 'startedBy' },
    {
        label: LABELS.ColumnQueuedAt,
        fieldName: 'queuedAt',
        type: 'date',
        initialWidth: 185,
        typeAttributes: { ...DATE_TIME, timeZone: TIME_ZONE }
    },
    ...COUNTS.filter(([fieldName]) => fieldName !== 'linksUnchanged').map(([fieldName, label]) => ({
        label,
        fieldName,
        type: 'number',
        initialWidth: 100,
        cellAttributes: { alignment: 'right' }
    }))
].map((column) => ({ ...column, hideDefaultActions: true }));

const MAPPING_COLUMNS = [
    {
        label: LABELS.ColumnLink,
        fieldName: 'url',
        type: 'url',
        typeAttributes: { label: { fieldName: 'linkName' }, target: '_blank' }
    },
    { label: LABELS.ColumnEmail, fieldName: 'email', type: 'email' },
    { label: LABELS.ColumnProblem, fieldName: 'problemLabel' },
    { label: LABELS.ColumnUsers, fieldName: 'usersLabel', wrapText: true }
].map((column) => ({ ...column, hideDefaultActions: true }));

/**
 * The Calendly integration page: the connection, the user mapping flow, the Sync button with
 * the progress and outcome of the run, the hourly sync, recent runs and mapping problems.
 * The state of a sync comes from the server: it is read on load and polled while a run is
 * queued or running, so the button stays disabled after a reload or when another admin
 * started the run.
 */
export default class CalendlyIntegration extends LightningElement {
    label = LABELS;
    flowsSetupUrl = FLOWS_SETUP_URL;
    runColumns = RUN_COLUMNS;
    mappingColumns = MAPPING_COLUMNS;

    connection;
    connectionError;
    isConnectionLoading = true;

    /** The mapping report: its first page, and the pages checked after it. */
    mappingReport;
    mappingError;
    isMappingLoading = true;
    mappingMoreError;
    isMappingMoreLoading = false;

    hourly;
    hourlyError;
    isHourlySaving = false;

    recentRuns = [];
    recentRunsError;

    /** The run started here, found running, or followed to its end. */
    run;
    runError;
    isRunLoading = true;
    isStarting = false;

    _pollTimer;
    _isConnected = false;
    _focusStatus = false;

    connectedCallback() {
        this._isConnected = true;
        this.loadAll();
    }

    disconnectedCallback() {
        this._isConnected = false;
        this.stopPolling();
    }

    renderedCallback() {
        if (this._focusStatus) {
            const status = this.template.querySelector('[data-id="sync-status"]');
            if (status) {
                this._focusStatus = false;
                status.focus();
            }
        }
    }

    // Loading

    loadAll() {
        return Promise.all([
            this.loadConnection(),
            this.loadMapping(),
            this.loadHourly(),
            this.loadRecentRuns(),
            this.loadCurrentRun()
        ]);
    }

    async loadConnection() {
        this.isConnectionLoading = true;
        try {
            this.connection = await getConnectionStatus();
            this.connectionError = undefined;
        } catch (error) {
            this.connection = undefined;
            this.connectionError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isConnectionLoading = false;
        }
    }

    async loadMapping() {
        this.isMappingLoading = true;
        this.mappingMoreError = undefined;
        try {
            this.mappingReport = await getMappingReport({
                pageSize: MAPPING_PAGE_SIZE,
                afterLinkId: null
            });
            this.mappingError = undefined;
        } catch (error) {
            this.mappingReport = undefined;
            this.mappingError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isMappingLoading = false;
        }
    }

    /** Checks the next page of links and adds it to the links checked so far. */
    async handleMoreMapping() {
        const report = this.mappingReport;
        if (!report || !report.nextCursor || this.isMappingMoreLoading) {
            return;
        }
        this.isMappingMoreLoading = true;
        this.mappingMoreError = undefined;
        try {
            const next = await getMappingReport({
                pageSize: MAPPING_PAGE_SIZE,
                afterLinkId: report.nextCursor
            });
            // A reload in the meantime (after a sync, or Refresh) starts from the first page.
            if (this.mappingReport === report) {
                this.mappingReport = { ...next, rows: [...report.rows, ...next.rows] };
            }
        } catch (error) {
            this.mappingMoreError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isMappingMoreLoading = false;
        }
    }

    async loadHourly() {
        try {
            this.hourly = await getHourlySync();
            this.hourlyError = undefined;
        } catch (error) {
            this.hourlyError = errorMessage(error, LABELS.UnknownError);
        }
    }

    async loadRecentRuns() {
        try {
            this.recentRuns = (await getRecentRuns({ maxRuns: RECENT_RUNS })) || [];
            this.recentRunsError = undefined;
        } catch (error) {
            this.recentRunsError = errorMessage(error, LABELS.UnknownError);
        }
    }

    async loadCurrentRun() {
        this.isRunLoading = true;
        try {
            const run = await getCurrentRun();
            if (run) {
                this.follow(run);
            }
            this.runError = undefined;
        } catch (error) {
            this.runError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isRunLoading = false;
        }
    }

    // The sync

    async handleSync() {
        if (this.isSyncDisabled) {
            return;
        }
        this.isStarting = true;
        this.runError = undefined;
        try {
            this.follow(await startSync());
        } catch (error) {
            this.runError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isStarting = false;
            this._focusStatus = true;
        }
    }

    handleRefresh() {
        this.stopPolling();
        this.runError = undefined;
        return this.loadAll();
    }

    /**
     * Shows a run; polls it while it is queued or running, and refreshes the lists at its end.
     * A run that failed may have failed on the connection (a revoked token, a lost scope): the
     * connection shown was checked when the page loaded, so it is checked again.
     */
    follow(run) {
        const wasActive = this.isRunActive;
        this.run = run;
        if (run && run.isActive) {
            this.schedulePoll();
        } else if (wasActive) {
            this.loadRecentRuns();
            this.loadMapping();
            if (run && run.status === 'Failed') {
                this.loadConnection();
            }
        }
    }

    schedulePoll() {
        this.stopPolling();
        if (!this._isConnected) {
            return;
        }
        // Polling is the point: the run goes on in Apex and the page asks how far it got.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this._pollTimer = setTimeout(() => this.poll(), POLL_INTERVAL_MS);
    }

    stopPolling() {
        if (this._pollTimer) {
            clearTimeout(this._pollTimer);
            this._pollTimer = undefined;
        }
    }

    async poll() {
        this._pollTimer = undefined;
        const runId = this.run && this.run.runId;
        if (!runId || !this._isConnected) {
            return;
        }
        try {
            const run = await getRun({ runId });
            if (!this._isConnected) {
                return;
            }
            this.runError = undefined;
            // Null when the run can no longer be seen: stop following it.
            this.follow(run || { ...this.run, isActive: false });
        } catch (error) {
            // Keep the button disabled and keep asking: the run goes on on the server.
            this.runError = errorMessage(error, LABELS.UnknownError);
            this.schedulePoll();
        }
    }

    // The hourly sync

    async handleHourlyChange(event) {
        const toggle = event.target;
        const enabled = toggle.checked;
        this.isHourlySaving = true;
        this.hourlyError = undefined;
        try {
            this.hourly = await setHourlySync({ enabled });
        } catch (error) {
            toggle.checked = !enabled;
            this.hourlyError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isHourlySaving = false;
        }
    }

    // The connection

    get isConnected() {
        return !!(this.connection && this.connection.connected);
    }

    get isNotConnected() {
        return !!this.connection && !this.connection.connected;
    }

    get connectionBadge() {
        return this.isConnected ? LABELS.Connected : LABELS.NotConnected;
    }

    get connectionIcon() {
        return this.isConnected ? 'utility:success' : 'utility:error';
    }

    get connectionIconVariant() {
        return this.isConnected ? 'success' : 'error';
    }

    /** The organization's name; its API URI when Calendly gave no name. */
    get connectionOrganization() {
        const { organizationName, organizationUri } = this.connection || {};
        return organizationName || organizationUri;
    }

    get connectionUser() {
        const { userName, userEmail } = this.connection || {};
        if (userName && userEmail) {
            return `${userName} (${userEmail})`;
        }
        return userName || userEmail;
    }

    // The flow

    get isFlowActive() {
        return !!(this.mappingReport && this.mappingReport.flowActive);
    }

    get isFlowMissing() {
        return !!this.mappingReport && !this.mappingReport.flowActive;
    }

    get activeFlowsText() {
        const flows = (this.mappingReport && this.mappingReport.activeFlows) || [];
        return formatLabel(LABELS.FlowActiveText, flows.join(', '));
    }

    // The sync button and the run

    get isRunActive() {
        return !!(this.run && this.run.isActive);
    }

    get isSyncDisabled() {
        return this.isRunLoading || this.isStarting || this.isRunActive || this.isNotConnected;
    }

    get isBusy() {
        return this.isStarting || this.isRunActive;
    }

    get isQueued() {
        return this.isRunActive && this.run.status === 'Queued';
    }

    get runStateText() {
        if (this.isStarting) {
            return LABELS.SyncStarting;
        }
        if (!this.isRunActive) {
            return '';
        }
        return formatLabel(this.isQueued ? LABELS.RunQueued : LABELS.RunRunning, this.run.name);
    }

    get runStartedBy() {
        return this.run && this.run.startedBy
            ? formatLabel(LABELS.RunStartedBy, this.run.startedBy)
            : '';
    }

    get phaseText() {
        return (this.run && PHASE_LABELS[this.run.phase]) || '';
    }

    get statusDetail() {
        return this.run && this.run.statusDetail;
    }

    get progressValue() {
        return this.run ? progressPercent(this.run) : 0;
    }

    /**
     * A bar needs a total: a first sync starts with no link, so it expects none and the bar
     * would stay empty while links are processed. Then only the count shows.
     */
    get hasProgressBar() {
        return !!(this.run && this.run.expectedLinks > 0);
    }

    get progressText() {
        const run = this.run || {};
        const processed = run.linksProcessed || 0;
        return run.expectedLinks > 0
            ? formatLabel(LABELS.ProgressCount, processed, run.expectedLinks)
            : formatLabel(LABELS.ProgressCountOpen, processed);
    }

    /** The run whose outcome the page shows: the one followed here, else the latest. */
    get lastRun() {
        if (this.isRunActive) {
            return undefined;
        }
        if (this.run) {
            return this.run;
        }
        return this.recentRuns.find((run) => !run.isActive);
    }

    get hasNoRuns() {
        return !this.isBusy && !this.isRunLoading && !this.lastRun;
    }

    /** What the admin can do about it: sync, or connect Calendly first when Sync can't run. */
    get noRunsText() {
        return this.isNotConnected ? LABELS.NoRunsNotConnected : LABELS.NoRunsYet;
    }

    get outcomeText() {
        const run = this.lastRun;
        return run ? formatLabel(OUTCOME_LABELS[run.status] || '{0}', run.name) : '';
    }

    get outcomeStatusLabel() {
        return this.lastRun ? STATUS_LABELS[this.lastRun.status] || this.lastRun.status : '';
    }

    get outcomeIcon() {
        switch (this.lastRun && this.lastRun.status) {
            case 'Succeeded':
                return 'utility:success';
            case 'PartiallySucceeded':
                return 'utility:warning';
            default:
                return 'utility:error';
        }
    }

    get outcomeIconVariant() {
        switch (this.lastRun && this.lastRun.status) {
            case 'Succeeded':
                return 'success';
            case 'PartiallySucceeded':
                return 'warning';
            default:
                return 'error';
        }
    }

    get outcomeEndedAt() {
        const run = this.lastRun;
        return run && run.endedAt ? this.formatDateTime(run.endedAt) : '';
    }

    get outcomeCounts() {
        const run = this.lastRun || {};
        return COUNTS.map(([key, label]) => ({
            key,
            label,
            value: run[key] || 0,
            className:
                'slds-text-heading_medium' +
                ((key === 'linksFailed' || key === 'linksSkipped') && run[key] > 0
                    ? ' slds-text-color_error'
                    : '')
        }));
    }

    get errorSummary() {
        return this.lastRun && this.lastRun.errorSummary;
    }

    get errorSummaryTheme() {
        return this.lastRun && this.lastRun.status === 'PartiallySucceeded' ? 'warning' : 'error';
    }

    get issueLines() {
        const issues = this.lastRun && this.lastRun.issues;
        return issues
            ? issues
                  .split('\n')
                  .filter((line) => line.trim() !== '')
                  .map((text, index) => ({ key: String(index), text }))
            : [];
    }

    get hasIssues() {
        return this.issueLines.length > 0;
    }

    // The hourly sync

    get isHourlyOn() {
        return !!(this.hourly && this.hourly.enabled);
    }

    get isHourlyToggleDisabled() {
        return this.isHourlySaving || !this.hourly;
    }

    /** Hourly runs use the same credential: they can't succeed while it doesn't reach Calendly. */
    get hourlyNeedsConnection() {
        return this.isNotConnected;
    }

    get hourlyText() {
        if (!this.hourly) {
            return '';
        }
        if (!this.hourly.enabled) {
            return LABELS.HourlyOffText;
        }
        return formatLabel(
            LABELS.HourlyNext,
            this.hourly.nextRunAt ? this.formatDateTime(this.hourly.nextRunAt) : '—',
            this.hourly.runsAs || '—'
        );
    }

    // Recent runs and mapping problems

    /**
     * The recent runs, with the active run followed here as it is now: the list is read on load
     * and when a run ends, so a run started since is added, and one listed is kept current.
     */
    get listedRuns() {
        const run = this.run;
        if (!run || !run.isActive) {
            return this.recentRuns;
        }
        const listed = this.recentRuns.some((recent) => recent.runId === run.runId);
        return listed
            ? this.recentRuns.map((recent) => (recent.runId === run.runId ? run : recent))
            : [run, ...this.recentRuns];
    }

    get runRows() {
        return this.listedRuns.map((run) => ({
            ...run,
            statusLabel: STATUS_LABELS[run.status] || run.status,
            originLabel: ORIGIN_LABELS[run.origin] || run.origin
        }));
    }

    get hasRecentRuns() {
        return this.listedRuns.length > 0;
    }

    get reportRows() {
        return (this.mappingReport && this.mappingReport.rows) || [];
    }

    /** The links to fix: no active user, or an active user with the email lacks the link. */
    get mappingRows() {
        const noFlow = !this.isFlowActive;
        return this.reportRows
            .filter((row) => row.status !== 'Mapped' && !isShared(row))
            .map((row) => ({
                ...row,
                // Without an active flow nothing copies links: that is the cause to name.
                problemLabel:
                    noFlow && isNotOnItsUsers(row)
                        ? LABELS.ProblemNoFlow
                        : PROBLEM_LABELS[row.status] || row.status,
                usersLabel:
                    row.userNames && row.userNames.length > 0
                        ? `${row.matchingUsers}: ${row.userNames.join(', ')}`
                        : String(row.matchingUsers || 0)
            }));
    }

    get hasMappingProblems() {
        return this.mappingRows.length > 0;
    }

    /** No profile link at all: nothing has been synced yet. */
    get hasNoMappingLinks() {
        return (
            !!this.mappingReport &&
            !this.mappingReport.activeProfileLinks &&
            this.reportRows.length === 0
        );
    }

    /** Problems to count, or links not checked yet: "none to fix" would not be known. */
    get hasMappingSummary() {
        return this.hasMappingProblems || this.hasMoreMappingRows;
    }

    get hasNoMappingProblems() {
        return !!this.mappingReport && !this.hasMappingSummary && !this.hasNoMappingLinks;
    }

    /** Counts among the links checked so far: every link, once the last page is checked. */
    get mappingSummary() {
        const checked = this.reportRows.length;
        const notOnUsers = this.reportRows.filter(isNotOnItsUsers).length;
        if (!this.isFlowActive && notOnUsers > 0) {
            return formatLabel(LABELS.MappingNoFlow, notOnUsers, checked);
        }
        return formatLabel(LABELS.MappingSummary, this.mappingRows.length, checked);
    }

    get mappingMoreText() {
        return formatLabel(
            LABELS.MappingMore,
            this.reportRows.length,
            (this.mappingReport && this.mappingReport.activeProfileLinks) || 0
        );
    }

    /** Links on every active user with their email, several users each: information. */
    get sharedLinks() {
        return this.reportRows.filter(isShared).map((row) => ({
            key: row.linkId,
            text: formatLabel(
                LABELS.SharedLink,
                row.linkName,
                row.email,
                row.matchingUsers,
                (row.userNames || []).join(', ')
            )
        }));
    }

    get hasSharedLinks() {
        return this.sharedLinks.length > 0;
    }

    get hasMoreMappingRows() {
        return !!(this.mappingReport && this.mappingReport.nextCursor);
    }

    formatDateTime(value) {
        return new Intl.DateTimeFormat(LOCALE, { ...DATE_TIME, timeZone: TIME_ZONE }).format(
            new Date(value)
        );
    }
}
