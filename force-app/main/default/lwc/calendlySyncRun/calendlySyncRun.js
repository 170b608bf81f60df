import { LightningElement, api } from 'lwc';
import { LABELS } from 'c/calendlyLabels';
import { formatDateTime, formatLabel, progressPercent } from 'c/calendlyUtils';

const OUTCOME_LABELS = {
    Succeeded: LABELS.OutcomeSucceeded,
    PartiallySucceeded: LABELS.OutcomePartiallySucceeded,
    Failed: LABELS.OutcomeFailed
};
export const STATUS_LABELS = {
    Queued: LABELS.StatusQueued,
    Running: LABELS.StatusRunning,
    Succeeded: LABELS.StatusSucceeded,
    PartiallySucceeded: LABELS.StatusPartiallySucceeded,
    Failed: LABELS.StatusFailed
};
const PHASE_LABELS = {
    Members: LABELS.PhaseMembers,
    ManagedEvents: LABELS.PhaseManagedEvents,
    Deactivation: LABELS.PhaseDeactivation
};
export const COUNTS = [
    ['linksCreated', LABELS.CountCreated],
    ['linksUpdated', LABELS.CountUpdated],
    ['linksUnchanged', LABELS.CountUnchanged],
    ['linksDeactivated', LABELS.CountDeactivated],
    ['linksSkipped', LABELS.CountSkipped],
    ['linksFailed', LABELS.CountFailed]
];

/**
 * Whether a run is still going: queued or running, and not stale (a run that stopped making
 * progress no longer holds the Sync button).
 * @param {object} run CalendlySyncViews.SyncRun
 * @returns {boolean}
 */
export function isActiveRun(run) {
    return !!(run && run.isActive && run.stale !== true);
}

/**
 * The Sync section: the Sync button, the progress of the run queued or running, and else the
 * outcome of the last run with its counts, error summary and issues. The button is disabled
 * while the page does not yet know whether a run is active, while one starts or is active, and
 * while Calendly is not connected; it fires `sync`.
 */
export default class CalendlySyncRun extends LightningElement {
    /** The run to show: the active one, else the last one (CalendlySyncViews.SyncRun). */
    @api run;
    /** True until the page knows whether a run is active. */
    @api loading = false;
    /** True while the Sync click waits for the server. */
    @api starting = false;
    /** True when Calendly is known not to be connected. */
    @api notConnected = false;
    /** An error of the last start or poll. */
    @api error;

    label = LABELS;

    /** Moves the focus to the status area, which screen readers then read. */
    @api
    focusStatus() {
        const status = this.template.querySelector('[data-id="sync-status"]');
        if (status) {
            status.focus();
        }
    }

    handleSync() {
        if (!this.isSyncDisabled) {
            this.dispatchEvent(new CustomEvent('sync'));
        }
    }

    get isRunActive() {
        return isActiveRun(this.run);
    }

    get isStale() {
        return !!(this.run && this.run.stale === true);
    }

    get isSyncDisabled() {
        return this.loading || this.starting || this.isRunActive || this.notConnected;
    }

    get isBusy() {
        return this.starting || this.isRunActive;
    }

    get isQueued() {
        return this.isRunActive && this.run.status === 'Queued';
    }

    get runStateText() {
        if (this.starting) {
            return LABELS.SyncStarting;
        }
        if (!this.isRunActive) {
            return '';
        }
        return formatLabel(this.isQueued ? LABELS.RunQueued : LABELS.RunRunning, this.run.name);
    }

    get staleText() {
        return this.isStale ? formatLabel(LABELS.RunStale, this.run.name) : '';
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

    /** The ended run whose outcome the section shows. */
    get lastRun() {
        return this.run && !this.run.isActive && !this.isStale ? this.run : undefined;
    }

    get hasNoRuns() {
        return !this.isBusy && !this.loading && !this.run;
    }

    /** What the admin can do about it: sync, or connect Calendly first when Sync can't run. */
    get noRunsText() {
        return this.notConnected ? LABELS.NoRunsNotConnected : LABELS.NoRunsYet;
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
        return run && run.endedAt ? formatDateTime(run.endedAt) : '';
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
}
