import CalendlyIntegration, { POLL_INTERVAL_MS } from 'c/calendlyIntegration';
import startSync from '@salesforce/apex/CalendlySyncController.startSync';
import getCurrentRun from '@salesforce/apex/CalendlySyncController.getCurrentRun';
import getRun from '@salesforce/apex/CalendlySyncController.getRun';
import getRecentRuns from '@salesforce/apex/CalendlySyncController.getRecentRuns';
import getConnectionStatus from '@salesforce/apex/CalendlySyncController.getConnectionStatus';
import getHourlySync from '@salesforce/apex/CalendlySyncController.getHourlySync';
import setHourlySync from '@salesforce/apex/CalendlySyncController.setHourlySync';
import getMappingReport from '@salesforce/apex/CalendlySyncController.getMappingReport';
import { PACKAGE_VERSION, RELEASE_NOTES_URL, UPGRADE_URL } from '../packageVersion';
import {
    alertOf,
    allDeep,
    ANSWERS,
    apexError,
    byDataId,
    deferred,
    flushPromises,
    percentOf,
    removeAll,
    render,
    text
} from './testing';

const {
    CONNECTED,
    NOT_CONNECTED,
    HOURLY_ON,
    HOURLY_OFF,
    REPORT_FLOW_ACTIVE,
    REPORT_FLOW_ACTIVE_NEXT_PAGE,
    REPORT_NO_LINKS,
    RECENT_RUNS,
    RUN_QUEUED,
    RUN_RUNNING,
    RUN_SUCCEEDED,
    RUN_FAILED
} = ANSWERS;

jest.mock('@salesforce/apex/CalendlySyncController.startSync', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/CalendlySyncController.getCurrentRun', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/CalendlySyncController.getRun', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/CalendlySyncController.getRecentRuns', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/CalendlySyncController.getConnectionStatus',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock('@salesforce/apex/CalendlySyncController.getHourlySync', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/CalendlySyncController.setHourlySync', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    '@salesforce/apex/CalendlySyncController.getMappingReport',
    () => ({ default: jest.fn() }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_MappingSummary',
    () => ({ default: '{0} of {1} active profile links need attention.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_Version',
    () => ({ default: 'Calendly Links version {0}' }),
    {
        virtual: true
    }
);

/** Sets what the server answers on load: connected, idle, flow active, hourly off. */
function givenServer({
    connection = CONNECTED,
    hourly = HOURLY_OFF,
    report = REPORT_FLOW_ACTIVE,
    recentRuns = RECENT_RUNS,
    currentRun = null
} = {}) {
    getConnectionStatus.mockResolvedValue(connection);
    getHourlySync.mockResolvedValue(hourly);
    getMappingReport.mockResolvedValue(report);
    getRecentRuns.mockResolvedValue(recentRuns);
    getCurrentRun.mockResolvedValue(currentRun);
}

const renderPage = () => render('c-calendly-integration', CalendlyIntegration);

/** sa11y's check, which runs on real timers: the page's own timers wait meanwhile. */
async function expectAccessible(element) {
    jest.useRealTimers();
    try {
        await expect(element).toBeAccessible();
    } finally {
        jest.useFakeTimers();
    }
}
const $ = byDataId;
const syncButton = (element) => $(element, 'sync-button');
const syncSection = (element) => element.shadowRoot.querySelector('c-calendly-sync-run');

async function clickSync(element) {
    syncButton(element).click();
    await flushPromises();
}

async function advancePoll() {
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await flushPromises();
}

/** Problems of a report's rows: neither mapped nor on every user with the email. */
const problemsOf = (rows) =>
    rows.filter(
        (row) =>
            row.status !== 'Mapped' &&
            !(row.status === 'SeveralActiveUsers' && row.usersHoldingLink >= row.matchingUsers)
    );

describe('c-calendly-integration', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        removeAll();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('one card with every section', () => {
        it('reads everything on load and hands each section its part', async () => {
            givenServer({ hourly: HOURLY_ON });
            const element = await renderPage();

            expect(getMappingReport).toHaveBeenCalledWith({ pageSize: 50, afterLinkId: null });
            expect(getRecentRuns).toHaveBeenCalledWith({ maxRuns: 10 });
            const sections = [...element.shadowRoot.querySelectorAll('[data-id]')].map(
                (node) => node.dataset.id
            );
            expect(sections).toEqual(
                expect.arrayContaining([
                    'connection',
                    'flow',
                    'hourly',
                    'sync',
                    'recent-runs',
                    'mapping'
                ])
            );
            expect(element.shadowRoot.querySelectorAll('article.slds-card')).toHaveLength(1);
            expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
            expect($(element, 'flow-active')).not.toBeNull();
            expect($(element, 'hourly-toggle').checked).toBe(true);
            expect(syncButton(element).disabled).toBe(false);
            expect(text($(element, 'outcome'))).not.toBe('');
            expect($(element, 'runs-table').data.map((row) => row.name)).toEqual(
                RECENT_RUNS.map((run) => run.name)
            );
            expect($(element, 'mapping-table').data).toHaveLength(
                problemsOf(REPORT_FLOW_ACTIVE.rows).length
            );
            await expectAccessible(element);
        });

        it('shows each section loading on its own, the page around them', async () => {
            givenServer();
            getConnectionStatus.mockReturnValue(new Promise(() => {}));
            const element = await renderPage();

            const connection = element.shadowRoot.querySelector('c-calendly-connection');
            expect($(connection, 'section-loading')).not.toBeNull();
            expect(
                $(connection, 'section-loading').querySelector('lightning-spinner').alternativeText
            ).toBe('c.Calendly_Loading');
            expect($(element, 'flow-active')).not.toBeNull();
            expect(element.shadowRoot.querySelector('h1')).not.toBeNull();
            await expectAccessible(element);
        });

        it('shows the version it ships in, with links to the release notes and the upgrade steps', async () => {
            givenServer();
            const element = await renderPage();

            expect(PACKAGE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
            expect(text($(element, 'version-text'))).toBe(
                `Calendly Links version ${PACKAGE_VERSION}`
            );
            const notes = $(element, 'release-notes-link');
            expect(notes.getAttribute('href')).toBe(RELEASE_NOTES_URL);
            expect(notes.getAttribute('href')).toMatch(/README\.md#release-notes$/);
            expect(text(notes)).toBe('c.Calendly_ReleaseNotes');
            const upgrade = $(element, 'upgrade-link');
            expect(upgrade.getAttribute('href')).toBe(UPGRADE_URL);
            expect(text(upgrade)).toBe('c.Calendly_UpgradeSteps');
            await expectAccessible(element);
        });

        it('has one page heading, a heading per section and named buttons', async () => {
            givenServer();
            const element = await renderPage();

            const headings = element.shadowRoot.querySelectorAll('h1');
            expect(headings).toHaveLength(1);
            expect(text(headings[0])).toBe('c.Calendly_PageTitle');
            expect(allDeep(element, 'h2').map(text)).toEqual(
                expect.arrayContaining([
                    'c.Calendly_ConnectionTitle',
                    'c.Calendly_FlowTitle',
                    'c.Calendly_HourlyTitle',
                    'c.Calendly_SyncTitle',
                    'c.Calendly_RecentRunsTitle',
                    'c.Calendly_MappingTitle'
                ])
            );
            const buttons = allDeep(element, 'lightning-button');
            expect(buttons.length).toBeGreaterThanOrEqual(3);
            buttons.forEach((button) => {
                expect(button.label).toEqual(expect.stringMatching(/^c\.Calendly_/));
            });
        });

        it('gives every alert an assistive label', async () => {
            givenServer();
            getConnectionStatus.mockRejectedValue(apexError('No access.'));
            const element = await renderPage();

            const alerts = allDeep(element, 'c-calendly-alert').map((host) =>
                host.shadowRoot.querySelector('[role="alert"]')
            );
            expect(alerts.length).toBeGreaterThan(0);
            alerts.forEach((alert) => {
                expect(text(alert.querySelector('.slds-assistive-text'))).toBe('c.Calendly_Error');
            });
            await expectAccessible(element);
        });
    });

    describe('connection', () => {
        it('disables Sync while Calendly is not connected, and says so in Sync and Hourly sync', async () => {
            givenServer({ connection: NOT_CONNECTED, hourly: HOURLY_ON, recentRuns: [] });
            const element = await renderPage();

            expect(text($(element, 'connection-state'))).toBe('c.Calendly_NotConnected');
            expect(syncButton(element).disabled).toBe(true);
            expect(text($(element, 'no-runs'))).toBe('c.Calendly_NoRunsNotConnected');
            expect(text($(element, 'hourly-not-connected'))).toBe('c.Calendly_HourlyNotConnected');
            await expectAccessible(element);
        });

        it('shows the error when the connection cannot be checked', async () => {
            givenServer();
            getConnectionStatus.mockRejectedValue(
                apexError(
                    'You need the Calendly Links Admin permission set to check the Calendly connection.'
                )
            );
            const element = await renderPage();

            const alert = alertOf(element, 'connection-error');
            expect(alert.getAttribute('role')).toBe('alert');
            expect(text(alert)).toContain('You need the Calendly Links Admin permission set');
            expect(syncButton(element).disabled).toBe(false);
        });
    });

    describe('mapping report', () => {
        it('checks the next links on demand and adds them to the links checked', async () => {
            givenServer();
            const element = await renderPage();
            getMappingReport.mockResolvedValue(REPORT_FLOW_ACTIVE_NEXT_PAGE);

            $(element, 'mapping-more-button').click();
            await flushPromises();

            expect(getMappingReport).toHaveBeenLastCalledWith({
                pageSize: 50,
                afterLinkId: REPORT_FLOW_ACTIVE.nextCursor
            });
            const rows = [...REPORT_FLOW_ACTIVE.rows, ...REPORT_FLOW_ACTIVE_NEXT_PAGE.rows];
            expect(text($(element, 'mapping-summary'))).toBe(
                `${problemsOf(rows).length} of ${rows.length} active profile links need attention.`
            );
            expect($(element, 'mapping-table').data.map((row) => row.email)).toEqual(
                problemsOf(rows).map((row) => row.email)
            );
            // The second page holds a problem of its own.
            expect(problemsOf(REPORT_FLOW_ACTIVE_NEXT_PAGE.rows).length).toBeGreaterThan(0);
            expect(Boolean($(element, 'mapping-more'))).toBe(
                REPORT_FLOW_ACTIVE_NEXT_PAGE.nextCursor !== null
            );
        });

        it('shows an error checking the next links beside the button, keeping the rest', async () => {
            givenServer();
            const element = await renderPage();
            getMappingReport.mockRejectedValue(apexError('The mapping report could not be built.'));

            $(element, 'mapping-more-button').click();
            await flushPromises();

            expect(text(alertOf(element, 'mapping-more-error'))).toContain('could not be built');
            expect($(element, 'mapping-error')).toBeNull();
            expect($(element, 'flow-error')).toBeNull();
            expect($(element, 'mapping-table').data).toHaveLength(
                problemsOf(REPORT_FLOW_ACTIVE.rows).length
            );
            expect($(element, 'mapping-more-button').disabled).toBe(false);
        });

        it('starts again from the first page when the report is read again meanwhile', async () => {
            givenServer();
            const element = await renderPage();
            const next = deferred();
            getMappingReport.mockReturnValueOnce(next.promise);
            $(element, 'mapping-more-button').click();
            await flushPromises();

            getMappingReport.mockResolvedValue({ ...REPORT_FLOW_ACTIVE });
            $(element, 'refresh-button').click();
            await flushPromises();
            next.resolve(REPORT_FLOW_ACTIVE_NEXT_PAGE);
            await flushPromises();

            expect(text($(element, 'mapping-summary'))).toContain(
                `of ${REPORT_FLOW_ACTIVE.rows.length} active profile links`
            );
        });

        it('before the first sync, says there are no links yet', async () => {
            givenServer({ recentRuns: [], report: REPORT_NO_LINKS });
            const element = await renderPage();

            expect(text($(element, 'mapping-no-links'))).toBe('c.Calendly_MappingNoLinks');
            expect(text($(element, 'no-runs'))).toBe('c.Calendly_NoRunsYet');
        });
    });

    describe('a sync', () => {
        it('while starting, disables Sync and a second click starts nothing', async () => {
            givenServer();
            const start = deferred();
            startSync.mockReturnValue(start.promise);
            const element = await renderPage();

            await clickSync(element);
            await clickSync(element);

            expect(startSync).toHaveBeenCalledTimes(1);
            expect(syncButton(element).disabled).toBe(true);
            expect(text($(element, 'run-state'))).toBe('c.Calendly_SyncStarting');
            expect($(element, 'sync-status').getAttribute('aria-busy')).toBe('true');

            start.resolve(RUN_QUEUED);
            await flushPromises();
            expect(syncButton(element).disabled).toBe(true);
            expect(text($(element, 'run-state'))).toBe('c.Calendly_RunQueued');
        });

        it('lists the run started here in Recent runs while it runs, as it is now', async () => {
            givenServer({ recentRuns: [] });
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValueOnce(RUN_RUNNING);
            const element = await renderPage();
            await clickSync(element);

            const table = () => $(element, 'runs-table');
            expect(table().data.map((row) => [row.name, row.statusLabel])).toEqual([
                [RUN_QUEUED.name, 'c.Calendly_StatusQueued']
            ]);

            await advancePoll();
            expect(table().data.map((row) => [row.name, row.statusLabel])).toEqual([
                [RUN_RUNNING.name, 'c.Calendly_StatusRunning']
            ]);
            expect(getRecentRuns).toHaveBeenCalledTimes(1);
        });

        it('moves focus to the status after Sync', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            const element = await renderPage();

            await clickSync(element);

            expect(syncSection(element).shadowRoot.activeElement).toBe($(element, 'sync-status'));
        });

        it('polls the run, shows its progress, then the outcome with Sync enabled again', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            const further = {
                ...RUN_RUNNING,
                linksProcessed: Math.min(RUN_RUNNING.expectedLinks, RUN_RUNNING.linksProcessed + 30)
            };
            getRun
                .mockResolvedValueOnce(RUN_RUNNING)
                .mockResolvedValueOnce(further)
                .mockResolvedValueOnce(RUN_SUCCEEDED);
            const element = await renderPage();
            await clickSync(element);
            expect(getRun).not.toHaveBeenCalled();

            await advancePoll();
            expect(getRun).toHaveBeenCalledWith({ runId: RUN_QUEUED.runId });
            expect(syncButton(element).disabled).toBe(true);
            expect(text($(element, 'run-state'))).toBe('c.Calendly_RunRunning');
            expect($(element, 'progress').value).toBe(percentOf(RUN_RUNNING));
            expect(text($(element, 'status-detail'))).toBe(RUN_RUNNING.statusDetail);

            await advancePoll();
            expect($(element, 'progress').value).toBe(percentOf(further));
            expect(percentOf(further)).toBeGreaterThan(percentOf(RUN_RUNNING));

            getRecentRuns.mockResolvedValue([RUN_SUCCEEDED, ...RECENT_RUNS]);
            await advancePoll();
            expect(getRun).toHaveBeenCalledTimes(3);
            expect($(element, 'progress')).toBeNull();
            expect(syncButton(element).disabled).toBe(false);
            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeSucceeded');
            expect(getRecentRuns).toHaveBeenCalledTimes(2);
            expect(getMappingReport).toHaveBeenCalledTimes(2);
            expect($(element, 'runs-table').data[0].name).toBe(RUN_SUCCEEDED.name);

            await advancePoll();
            expect(getRun).toHaveBeenCalledTimes(3);
        });

        it('checks the connection again when a run fails, and shows what Calendly says now', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValue(RUN_FAILED);
            const element = await renderPage();
            expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
            getConnectionStatus.mockResolvedValue(NOT_CONNECTED);
            await clickSync(element);
            await advancePoll();

            expect(getConnectionStatus).toHaveBeenCalledTimes(2);
            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeFailed');
            expect(text($(element, 'connection-state'))).toBe('c.Calendly_NotConnected');
            expect(text($(element, 'connection-message'))).toBe(NOT_CONNECTED.message);
            expect($(element, 'connect-steps')).not.toBeNull();
            expect(syncButton(element).disabled).toBe(true);
        });

        it('keeps the connection shown after a run that succeeded, without a new check', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValue(RUN_SUCCEEDED);
            const element = await renderPage();
            await clickSync(element);
            await advancePoll();

            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeSucceeded');
            expect(getConnectionStatus).toHaveBeenCalledTimes(1);
        });

        it('shows an Apex error inline and enables Sync again', async () => {
            givenServer();
            startSync.mockRejectedValue(
                apexError('The sync could not start: Calendly is not connected.')
            );
            const element = await renderPage();
            await clickSync(element);

            const alert = alertOf(element, 'sync-error');
            expect(alert.getAttribute('role')).toBe('alert');
            expect(text(alert)).toContain('The sync could not start: Calendly is not connected.');
            expect(syncButton(element).disabled).toBe(false);
            expect(syncSection(element).shadowRoot.activeElement).toBe($(element, 'sync-status'));
            await expectAccessible(element);
        });

        it('keeps polling after an error while reading the run, and shows it', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun
                .mockRejectedValueOnce(apexError('The sync run could not be read: timeout.'))
                .mockResolvedValueOnce(RUN_SUCCEEDED);
            const element = await renderPage();
            await clickSync(element);

            await advancePoll();
            expect(text(alertOf(element, 'sync-error'))).toContain('could not be read: timeout.');
            expect(syncButton(element).disabled).toBe(true);

            await advancePoll();
            expect($(element, 'sync-error')).toBeNull();
            expect(syncButton(element).disabled).toBe(false);
        });

        it('stops following a run that stopped making progress, and enables Sync again', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValue({ ...RUN_RUNNING, stale: true });
            const element = await renderPage();
            await clickSync(element);

            await advancePoll();
            expect(syncButton(element).disabled).toBe(false);
            expect($(element, 'run-stale')).not.toBeNull();

            await advancePoll();
            expect(getRun).toHaveBeenCalledTimes(1);
        });
    });

    describe('reload during a run', () => {
        it('finds the running run on load, keeps Sync disabled and follows it', async () => {
            givenServer({ currentRun: RUN_RUNNING });
            getRun.mockResolvedValue(RUN_SUCCEEDED);
            const element = await renderPage();

            expect(syncButton(element).disabled).toBe(true);
            expect($(element, 'progress').value).toBe(percentOf(RUN_RUNNING));
            expect(text($(element, 'sync-status'))).toContain('c.Calendly_RunStartedBy');
            expect(startSync).not.toHaveBeenCalled();

            await advancePoll();
            expect(getRun).toHaveBeenCalledWith({ runId: RUN_RUNNING.runId });
            expect(syncButton(element).disabled).toBe(false);
            await expectAccessible(element);
        });

        it('shows the run found on load accessibly, busy', async () => {
            givenServer({ currentRun: RUN_RUNNING });
            const element = await renderPage();

            expect($(element, 'sync-status').getAttribute('aria-busy')).toBe('true');
            await expectAccessible(element);
        });

        it('keeps the active run listed in Recent runs current while it is followed', async () => {
            givenServer({ currentRun: RUN_RUNNING, recentRuns: [RUN_RUNNING, ...RECENT_RUNS] });
            getRun.mockResolvedValueOnce({ ...RUN_RUNNING, linksCreated: 7 });
            const element = await renderPage();

            await advancePoll();
            const rows = $(element, 'runs-table').data;
            expect(rows.map((row) => row.name)).toEqual([
                RUN_RUNNING.name,
                ...RECENT_RUNS.map((run) => run.name)
            ]);
            expect(rows[0].linksCreated).toBe(7);
        });

        it('keeps Sync disabled until the server says whether a run is active', async () => {
            givenServer();
            const current = deferred();
            getCurrentRun.mockReturnValue(current.promise);
            const element = await renderPage();

            expect(syncButton(element).disabled).toBe(true);
            current.resolve(null);
            await flushPromises();
            expect(syncButton(element).disabled).toBe(false);
        });

        it('stops polling when the page is left', async () => {
            givenServer({ currentRun: RUN_RUNNING });
            const element = await renderPage();

            document.body.removeChild(element);
            await advancePoll();
            await advancePoll();

            expect(getRun).not.toHaveBeenCalled();
        });
    });

    describe('hourly sync', () => {
        it('switches it on', async () => {
            givenServer({ hourly: HOURLY_OFF });
            setHourlySync.mockResolvedValue(HOURLY_ON);
            const element = await renderPage();
            const toggle = $(element, 'hourly-toggle');
            expect(toggle.checked).toBe(false);

            toggle.checked = true;
            toggle.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(setHourlySync).toHaveBeenCalledWith({ enabled: true });
            expect(toggle.checked).toBe(true);
            expect(text($(element, 'hourly-text'))).toBe('c.Calendly_HourlyNext');
            expect(toggle.disabled).toBe(false);
        });

        it('switches it off', async () => {
            givenServer({ hourly: HOURLY_ON });
            setHourlySync.mockResolvedValue(HOURLY_OFF);
            const element = await renderPage();
            const toggle = $(element, 'hourly-toggle');
            expect(toggle.checked).toBe(true);

            toggle.checked = false;
            toggle.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(setHourlySync).toHaveBeenCalledWith({ enabled: false });
            expect(toggle.checked).toBe(false);
        });

        it('puts the switch back and shows the error when it cannot switch', async () => {
            givenServer({ hourly: HOURLY_OFF });
            setHourlySync.mockRejectedValue(
                apexError('The hourly sync could not be switched: no Calendly connection.')
            );
            const element = await renderPage();
            const toggle = $(element, 'hourly-toggle');

            toggle.checked = true;
            toggle.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(toggle.checked).toBe(false);
            expect(alertOf(element, 'hourly-error').getAttribute('role')).toBe('alert');
            expect(text(alertOf(element, 'hourly-error'))).toContain('could not be switched');
        });
    });

    describe('errors', () => {
        it('shows each section its own error and never hides one', async () => {
            givenServer();
            getMappingReport.mockRejectedValue(
                apexError('The mapping report could not be built: query timeout.')
            );
            getRecentRuns.mockRejectedValue(
                apexError('The sync runs could not be read: no access.')
            );
            const element = await renderPage();

            expect(text(alertOf(element, 'flow-error'))).toContain('query timeout.');
            expect(text(alertOf(element, 'mapping-error'))).toContain('query timeout.');
            expect(text(alertOf(element, 'recent-runs-error'))).toContain('no access.');
            expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
            await expectAccessible(element);
        });

        it('reads a JavaScript error and a DML error too', async () => {
            givenServer();
            getRecentRuns.mockRejectedValue(new Error('Network down'));
            getMappingReport.mockRejectedValue({
                body: { pageErrors: [{ message: 'Insufficient access' }] }
            });
            const element = await renderPage();

            expect(text(alertOf(element, 'recent-runs-error'))).toContain('Network down');
            expect(text(alertOf(element, 'mapping-error'))).toContain('Insufficient access');
        });

        it('refreshes everything on Refresh', async () => {
            givenServer();
            const element = await renderPage();
            getConnectionStatus.mockResolvedValue(NOT_CONNECTED);

            $(element, 'refresh-button').click();
            await flushPromises();

            expect(getConnectionStatus).toHaveBeenCalledTimes(2);
            expect(getMappingReport).toHaveBeenCalledTimes(2);
            expect(getRecentRuns).toHaveBeenCalledTimes(2);
            expect(getHourlySync).toHaveBeenCalledTimes(2);
            expect(getCurrentRun).toHaveBeenCalledTimes(2);
            expect(text($(element, 'connection-state'))).toBe('c.Calendly_NotConnected');
        });
    });
});
