import { LightningElement } from 'lwc';
import startSync from '@salesforce/apex/CalendlySyncController.startSync';
import getCurrentRun from '@salesforce/apex/CalendlySyncController.getCurrentRun';
import getRun from '@salesforce/apex/CalendlySyncController.getRun';
import getRecentRuns from '@salesforce/apex/CalendlySyncController.getRecentRuns';
import getConnectionStatus from '@salesforce/apex/CalendlySyncController.getConnectionStatus';
import getHourlySync from '@salesforce/apex/CalendlySyncController.getHourlySync';
import setHourlySync from '@salesforce/apex/CalendlySyncController.setHourlySync';
import getMappingReport from '@salesforce/apex/CalendlySyncController.getMappingReport';
import { LABELS } from 'c/calendlyLabels';
import { errorMessage, formatLabel } from 'c/calendlyUtils';
import { isActiveRun } from 'c/calendlySyncRun';
import { PACKAGE_VERSION, RELEASE_NOTES_URL, UPGRADE_URL } from './packageVersion';

/** How often the page asks for the state of a queued or running run. */
export const POLL_INTERVAL_MS = 2000;
export const RECENT_RUNS = 10;
export const MAPPING_PAGE_SIZE = 50;

/**
 * The Calendly integration page: one card with the page's heading and Refresh, its sections
 * (connection, user mapping flow, sync, hourly sync, recent runs, mapping problems) and the
 * package's version with its release notes. This component reads everything from the
 * controller and hands each section its part; each section shows its own loading state and
 * error. The state of a sync comes from the server: it is read on load and polled while a run
 * is queued or running, so Sync stays disabled after a reload or when another admin started
 * the run.
 */
export default class CalendlyIntegration extends LightningElement {
    label = LABELS;
    releaseNotesUrl = RELEASE_NOTES_URL;
    upgradeUrl = UPGRADE_URL;

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
            const sync = this.template.querySelector('c-calendly-sync-run');
            if (sync) {
                this._focusStatus = false;
                sync.focusStatus();
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

    get isSyncDisabled() {
        return this.isRunLoading || this.isStarting || this.isRunActive || this.isNotConnected;
    }

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
        if (isActiveRun(run)) {
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
        const { enabled } = event.detail;
        this.isHourlySaving = true;
        this.hourlyError = undefined;
        try {
            this.hourly = await setHourlySync({ enabled });
        } catch (error) {
            this.hourlyError = errorMessage(error, LABELS.UnknownError);
        } finally {
            this.isHourlySaving = false;
        }
    }

    // What the sections show

    get isRunActive() {
        return isActiveRun(this.run);
    }

    get isNotConnected() {
        return !!this.connection && !this.connection.connected;
    }

    /** The run the Sync section shows: the active one, else the one followed, else the latest. */
    get shownRun() {
        if (this.run) {
            return this.run;
        }
        return this.recentRuns.find((run) => !run.isActive);
    }

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

    get versionText() {
        return formatLabel(LABELS.Version, PACKAGE_VERSION);
    }
}
