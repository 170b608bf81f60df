import CalendlyRecentRuns from 'c/calendlyRecentRuns';
import {
    alertOf,
    ANSWERS,
    byDataId,
    removeAll,
    render,
    text
} from '../../calendlyIntegration/__tests__/testing';

const { RECENT_RUNS, RUN_RUNNING } = ANSWERS;
const STATUS = {
    Queued: 'c.Calendly_StatusQueued',
    Running: 'c.Calendly_StatusRunning',
    Succeeded: 'c.Calendly_StatusSucceeded',
    PartiallySucceeded: 'c.Calendly_StatusPartiallySucceeded',
    Failed: 'c.Calendly_StatusFailed'
};
const ORIGIN = { Manual: 'c.Calendly_OriginManual', Scheduled: 'c.Calendly_OriginScheduled' };

const renderRuns = (props) => render('c-calendly-recent-runs', CalendlyRecentRuns, props);
const $ = byDataId;

describe('c-calendly-recent-runs', () => {
    afterEach(removeAll);

    it('lists the runs newest first, with their status and origin in words', async () => {
        const runs = [RUN_RUNNING, ...RECENT_RUNS];
        const element = await renderRuns({ runs });

        const table = $(element, 'runs-table');
        expect(table.keyField).toBe('runId');
        expect(table.ariaLabel).toBe('c.Calendly_RecentRunsTitle');
        expect(table.hasAttribute('aria-label')).toBe(false);
        expect(table.data.map((row) => row.name)).toEqual(runs.map((run) => run.name));
        expect(table.data.map((row) => row.statusLabel)).toEqual(
            runs.map((run) => STATUS[run.status])
        );
        expect(table.data.map((row) => row.originLabel)).toEqual(
            runs.map((run) => ORIGIN[run.origin])
        );
        expect(table.columns.map((column) => column.fieldName)).toEqual([
            'name',
            'statusLabel',
            'originLabel',
            'startedBy',
            'queuedAt',
            'linksCreated',
            'linksUpdated',
            'linksDeactivated',
            'linksSkipped',
            'linksFailed'
        ]);
        await expect(element).toBeAccessible();
    });

    it('says there is no run yet', async () => {
        const element = await renderRuns({ runs: [] });

        expect($(element, 'runs-table')).toBeNull();
        expect(text(element.shadowRoot.querySelector('p'))).toBe('c.Calendly_NoRecentRuns');
        await expect(element).toBeAccessible();
    });

    it('shows the error when the runs cannot be read', async () => {
        const element = await renderRuns({ error: 'The sync runs could not be read: no access.' });

        expect(text(alertOf(element, 'recent-runs-error'))).toContain('no access.');
        expect($(element, 'runs-table')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
