import CalendlySyncRun from 'c/calendlySyncRun';
import {
    alertOf,
    ANSWERS,
    byDataId,
    flushPromises,
    percentOf,
    removeAll,
    render,
    text
} from '../../calendlyIntegration/__tests__/testing';

const { RUN_QUEUED, RUN_RUNNING, RUN_SUCCEEDED, RUN_WITH_SKIPPED_LINKS, RUN_FAILED } = ANSWERS;

/**
 * A run Salesforce refused to save a link of: the skipped links' run as the controller answers
 * it, with one save refused (what a validation rule or a flow error on Calendly Link does).
 */
const RUN_PARTIALLY_SUCCEEDED = {
    ...RUN_WITH_SKIPPED_LINKS,
    status: 'PartiallySucceeded',
    linksFailed: 1
};

jest.mock(
    '@salesforce/label/c.Calendly_RunStale',
    () => ({ default: '{0} stopped making progress.' }),
    {
        virtual: true
    }
);

const renderSync = (props) => render('c-calendly-sync-run', CalendlySyncRun, props);
const $ = byDataId;
const syncButton = (element) => $(element, 'sync-button');

describe('c-calendly-sync-run', () => {
    afterEach(removeAll);

    it('enables Sync when idle and shows the outcome of the last run', async () => {
        const element = await renderSync({ run: RUN_SUCCEEDED });

        expect(syncButton(element).disabled).toBe(false);
        expect(syncButton(element).label).toBe('c.Calendly_SyncButton');
        expect($(element, 'progress')).toBeNull();
        expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeSucceeded');
        await expect(element).toBeAccessible();
    });

    it('asks the page to sync on a click, and not while disabled', async () => {
        const element = await renderSync({ run: RUN_SUCCEEDED });
        const handler = jest.fn();
        element.addEventListener('sync', handler);

        syncButton(element).click();
        expect(handler).toHaveBeenCalledTimes(1);

        element.starting = true;
        await flushPromises();
        syncButton(element).click();
        expect(handler).toHaveBeenCalledTimes(1);
    });

    it('keeps Sync disabled until the page knows whether a run is active', async () => {
        const element = await renderSync({ loading: true });

        expect(syncButton(element).disabled).toBe(true);
        expect($(element, 'no-runs')).toBeNull();
    });

    it('says no sync has run yet on a new org', async () => {
        const element = await renderSync({});

        expect(text($(element, 'no-runs'))).toBe('c.Calendly_NoRunsYet');
        expect(syncButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('on a new org that is not connected, says to connect first, with Sync disabled', async () => {
        const element = await renderSync({ notConnected: true });

        expect(syncButton(element).disabled).toBe(true);
        expect(text($(element, 'no-runs'))).toBe('c.Calendly_NoRunsNotConnected');
        await expect(element).toBeAccessible();
    });

    it('while starting, disables Sync and says so, busy', async () => {
        const element = await renderSync({ run: RUN_SUCCEEDED, starting: true });

        expect(syncButton(element).disabled).toBe(true);
        expect(text($(element, 'run-state'))).toBe('c.Calendly_SyncStarting');
        expect($(element, 'sync-status').getAttribute('aria-busy')).toBe('true');
        await expect(element).toBeAccessible();
    });

    it('shows a queued run with Sync disabled', async () => {
        const element = await renderSync({ run: RUN_QUEUED });

        expect(RUN_QUEUED.status).toBe('Queued');
        expect(syncButton(element).disabled).toBe(true);
        expect(text($(element, 'run-state'))).toBe('c.Calendly_RunQueued');
        await expect(element).toBeAccessible();
    });

    it('shows a running run: its phase, progress, what it waits for and who started it', async () => {
        const element = await renderSync({ run: RUN_RUNNING });

        expect(RUN_RUNNING.expectedLinks).toBeGreaterThan(0);
        expect(syncButton(element).disabled).toBe(true);
        expect(text($(element, 'run-state'))).toBe('c.Calendly_RunRunning');
        expect($(element, 'progress').value).toBe(percentOf(RUN_RUNNING));
        expect(text($(element, 'progress-text'))).toBe('c.Calendly_ProgressCount');
        expect(text($(element, 'run-phase'))).toBe(
            RUN_RUNNING.phase === 'ManagedEvents'
                ? '· c.Calendly_PhaseManagedEvents'
                : '· c.Calendly_PhaseMembers'
        );
        expect(text($(element, 'status-detail'))).toBe(RUN_RUNNING.statusDetail);
        expect(text($(element, 'sync-status'))).toContain('c.Calendly_RunStartedBy');
        await expect(element).toBeAccessible();
    });

    it('on a first sync, which expects no link, shows the count without an empty bar', async () => {
        const element = await renderSync({ run: { ...RUN_RUNNING, expectedLinks: 0 } });

        expect(syncButton(element).disabled).toBe(true);
        expect($(element, 'progress')).toBeNull();
        expect(text($(element, 'progress-text'))).toBe('c.Calendly_ProgressCountOpen');
    });

    it('shows every count of a succeeded run', async () => {
        const element = await renderSync({ run: RUN_SUCCEEDED });

        const counts = {};
        $(element, 'counts')
            .querySelectorAll('[data-count]')
            .forEach((box) => {
                counts[box.dataset.count] = text(box.querySelector('p'));
            });
        expect(counts).toEqual({
            linksCreated: String(RUN_SUCCEEDED.linksCreated),
            linksUpdated: String(RUN_SUCCEEDED.linksUpdated),
            linksUnchanged: String(RUN_SUCCEEDED.linksUnchanged),
            linksDeactivated: String(RUN_SUCCEEDED.linksDeactivated),
            linksSkipped: '0',
            linksFailed: '0'
        });
        expect(RUN_SUCCEEDED.linksCreated + RUN_SUCCEEDED.linksUpdated).toBeGreaterThan(0);
        expect($(element, 'error-summary')).toBeNull();
        expect($(element, 'issues')).toBeNull();
    });

    it('lists the skipped links of a run that succeeded, with its summary', async () => {
        const element = await renderSync({ run: RUN_WITH_SKIPPED_LINKS });

        expect(RUN_WITH_SKIPPED_LINKS.linksSkipped).toBeGreaterThan(0);
        expect(text($(element, 'outcome'))).toBe(
            RUN_WITH_SKIPPED_LINKS.status === 'Succeeded'
                ? 'c.Calendly_OutcomeSucceeded'
                : 'c.Calendly_OutcomePartiallySucceeded'
        );
        expect(text(alertOf(element, 'error-summary'))).toContain(
            RUN_WITH_SKIPPED_LINKS.errorSummary
        );
        const issues = RUN_WITH_SKIPPED_LINKS.issues.split('\n').filter((line) => line.trim());
        expect($(element, 'issues').querySelectorAll('li')).toHaveLength(issues.length);
        const skipped = $(element, 'counts').querySelector('[data-count="linksSkipped"] p');
        expect(text(skipped)).toBe(String(RUN_WITH_SKIPPED_LINKS.linksSkipped));
        expect(skipped.classList).toContain('slds-text-color_error');
        expect(syncButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('shows the summary and issues of a partially succeeded run', async () => {
        const element = await renderSync({ run: RUN_PARTIALLY_SUCCEEDED });

        expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomePartiallySucceeded');
        const summary = alertOf(element, 'error-summary');
        expect(summary.getAttribute('role')).toBe('alert');
        expect(summary.classList).toContain('slds-alert_warning');
        expect(text(summary)).toContain(RUN_PARTIALLY_SUCCEEDED.errorSummary);
        const issues = RUN_PARTIALLY_SUCCEEDED.issues.split('\n').filter((line) => line.trim());
        expect(issues.length).toBeGreaterThan(1);
        expect([...$(element, 'issues').querySelectorAll('li')].map(text)).toEqual(
            issues.map((line) => line.replace(/\s+/g, ' ').trim())
        );
        const failed = $(element, 'counts').querySelector('[data-count="linksFailed"] p');
        expect(text(failed)).toBe('1');
        expect(failed.classList).toContain('slds-text-color_error');
        expect(syncButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('shows why a failed run failed', async () => {
        const element = await renderSync({ run: RUN_FAILED });

        expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeFailed');
        const summary = alertOf(element, 'error-summary');
        expect(summary.classList).toContain('slds-alert_error');
        expect(text(summary)).toContain(RUN_FAILED.errorSummary);
        expect(syncButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('enables Sync again for a run that stopped making progress, and says so', async () => {
        const element = await renderSync({ run: { ...RUN_RUNNING, stale: true } });

        expect(syncButton(element).disabled).toBe(false);
        const alert = alertOf(element, 'run-stale');
        expect(alert.classList).toContain('slds-alert_warning');
        expect(text(alert)).toContain(`${RUN_RUNNING.name} stopped making progress.`);
        expect($(element, 'run-state')).toBeNull();
        expect($(element, 'outcome')).toBeNull();
        expect($(element, 'sync-status').getAttribute('aria-busy')).toBe('false');
        await expect(element).toBeAccessible();
    });

    it('shows an error inline', async () => {
        const element = await renderSync({
            run: RUN_SUCCEEDED,
            error: 'The sync could not start: Calendly is not connected.'
        });

        const alert = alertOf(element, 'sync-error');
        expect(alert.getAttribute('role')).toBe('alert');
        expect(text(alert)).toContain('The sync could not start: Calendly is not connected.');
        await expect(element).toBeAccessible();
    });

    it('announces the sync state politely and can take focus', async () => {
        const element = await renderSync({ run: RUN_RUNNING });

        const status = $(element, 'sync-status');
        expect(status.getAttribute('role')).toBe('status');
        expect(status.getAttribute('aria-live')).toBe('polite');
        expect(status.getAttribute('aria-busy')).toBe('true');
        expect(status.getAttribute('tabindex')).toBe('-1');

        element.focusStatus();
        expect(element.shadowRoot.activeElement).toBe(status);
    });
});
