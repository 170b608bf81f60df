import { LightningElement, api } from 'lwc';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { LABELS } from 'c/calendlyLabels';
import { DATE_TIME } from 'c/calendlyUtils';
import { COUNTS, STATUS_LABELS } from 'c/calendlySyncRun';

const ORIGIN_LABELS = { Manual: LABELS.OriginManual, Scheduled: LABELS.OriginScheduled };

// Widths that fit a 1280-pixel screen without truncating a status, a date or a count's label;
// the unchanged count is left to the outcome summary.
export const RUN_COLUMNS = [
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

/** The Recent runs section: the latest runs, newest first, the active one included. */
export default class CalendlyRecentRuns extends LightningElement {
    /** CalendlySyncViews.SyncRun values, newest first. */
    @api runs = [];
    /** Why the runs could not be read. */
    @api error;

    label = LABELS;
    columns = RUN_COLUMNS;

    get rows() {
        return (this.runs || []).map((run) => ({
            ...run,
            statusLabel: STATUS_LABELS[run.status] || run.status,
            originLabel: ORIGIN_LABELS[run.origin] || run.origin
        }));
    }

    get hasRuns() {
        return this.rows.length > 0;
    }
}
