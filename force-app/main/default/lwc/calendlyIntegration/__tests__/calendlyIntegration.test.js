import { createElement } from 'lwc';
import CalendlyIntegration, { POLL_INTERVAL_MS, FLOWS_SETUP_URL } from 'c/calendlyIntegration';
import startSync from '@salesforce/apex/CalendlySyncController.startSync';
import getCurrentRun from '@salesforce/apex/CalendlySyncController.getCurrentRun';
import getRun from '@salesforce/apex/CalendlySyncController.getRun';
import getRecentRuns from '@salesforce/apex/CalendlySyncController.getRecentRuns';
import getConnectionStatus from '@salesforce/apex/CalendlySyncController.getConnectionStatus';
import getHourlySync from '@salesforce/apex/CalendlySyncController.getHourlySync';
import setHourlySync from '@salesforce/apex/CalendlySyncController.setHourlySync';
import getMappingReport from '@salesforce/apex/CalendlySyncController.getMappingReport';

const CONNECTED = require('./data/connectionConnected.json');
const NOT_CONNECTED = require('./data/connectionNotConnected.json');
const ORGANIZATION_UNREADABLE = require('./data/connectionOrganizationUnreadable.json');
const HOURLY_ON = require('./data/hourlyOn.json');
const HOURLY_OFF = require('./data/hourlyOff.json');
const REPORT_FLOW_ACTIVE = require('./data/mappingReportFlowActive.json');
const REPORT_NO_FLOW = require('./data/mappingReportNoFlow.json');
const REPORT_NO_FLOW_NOT_COPIED = require('./data/mappingReportNoFlowNotCopied.json');
const REPORT_NO_LINKS = require('./data/mappingReportNoLinks.json');
const RECENT_RUNS = require('./data/recentRuns.json');
const RUN_QUEUED = require('./data/runQueued.json');
const RUN_RUNNING = require('./data/runRunning.json');
const RUN_SUCCEEDED = require('./data/runSucceeded.json');
const RUN_PARTIALLY_SUCCEEDED = require('./data/runPartiallySucceeded.json');
const RUN_FAILED = require('./data/runFailed.json');

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

// The labels whose numbers the tests read, with their text (scripts/metadata/labels.ts); every
// other label reads as its name, such as c.Calendly_SyncButton.
jest.mock(
    '@salesforce/label/c.Calendly_MappingSummary',
    () => ({ default: '{0} of {1} active profile links need attention.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_MappingNoFlow',
    () => ({
        default:
            'No active flow copies links to users yet, so {0} of {1} active profile links are not on their users.'
    }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_MappingMore',
    () => ({ default: 'Only the first {0} of {1} active profile links are checked so far.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.Calendly_SharedLink',
    () => ({ default: '{0} ({1}) is on {2} active users: {3}' }),
    { virtual: true }
);

/** An error as imperative Apex rejects with an AuraHandledException. */
function apexError(message) {
    return { status: 500, body: { message }, headers: {} };
}

/** A promise the test settles itself, to look at the page while a call is pending. */
function deferred() {
    let resolve;
    let reject;
    const promise = new Promise((res, rej) => {
        resolve = res;
        reject = rej;
    });
    return { promise, resolve, reject };
}

/** Mapped rows of the report, numbered from `from`, as a page of many links has them. */
function mappedRows(count, from = 0) {
    const mapped = REPORT_FLOW_ACTIVE.rows.find((row) => row.status === 'Mapped');
    return Array.from({ length: count }, (unused, index) => {
        const number = from + index + 1;
        return {
            ...mapped,
            linkId: `a01${String(number).padStart(12, '0')}AAA`,
            email: `member${number}@example.com`
        };
    });
}

/** Lets pending promise callbacks and the re-render run: ten microtask turns (timers are fake). */
function flushPromises() {
    let turns = Promise.resolve();
    for (let i = 0; i < 10; i++) {
        turns = turns.then(() => undefined);
    }
    return turns;
}

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

async function renderPage() {
    const element = createElement('c-calendly-integration', { is: CalendlyIntegration });
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const syncButton = (element) => $(element, 'sync-button');
const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : '');
/** The alert inside a section's c-calendly-alert, or null when the section shows none. */
const alertOf = (element, id) => {
    const host = $(element, id);
    return host ? host.shadowRoot.querySelector('[role="alert"]') : null;
};

async function clickSync(element) {
    syncButton(element).click();
    await flushPromises();
}

async function advancePoll() {
    jest.advanceTimersByTime(POLL_INTERVAL_MS);
    await flushPromises();
}

describe('c-calendly-integration', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('connection', () => {
        it('shows the Calendly user and organization when connected', async () => {
            givenServer();
            const element = await renderPage();

            expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
            expect(text($(element, 'connection-user'))).toBe(
                'Grace Hopper (grace.hopper@example.com)'
            );
            const organization = $(element, 'connection-organization');
            expect(text(organization)).toBe(CONNECTED.organizationName);
            expect(organization.getAttribute('title')).toBe(CONNECTED.organizationUri);
            expect($(element, 'organization-warning')).toBeNull();
            expect($(element, 'connect-steps')).toBeNull();
        });

        it('without the organization name, shows its URI and why, and stays connected', async () => {
            givenServer({ connection: ORGANIZATION_UNREADABLE });
            const element = await renderPage();

            expect(text($(element, 'connection-state'))).toBe('c.Calendly_Connected');
            expect(text($(element, 'connection-organization'))).toBe(
                ORGANIZATION_UNREADABLE.organizationUri
            );
            const warning = alertOf(element, 'organization-warning');
            expect(warning.classList).toContain('slds-alert_warning');
            expect(text(warning)).toContain(ORGANIZATION_UNREADABLE.organizationMessage);
            expect($(element, 'connect-steps')).toBeNull();
            expect(syncButton(element).disabled).toBe(false);
        });

        it('says not connected, why, and the steps to fix it; Sync is disabled', async () => {
            givenServer({ connection: NOT_CONNECTED });
            const element = await renderPage();

            expect(text($(element, 'connection-state'))).toBe('c.Calendly_NotConnected');
            expect(text($(element, 'connection-message'))).toBe(NOT_CONNECTED.message);
            const steps = $(element, 'connect-steps').querySelectorAll('li');
            expect([...steps].map(text)).toEqual([
                'c.Calendly_ConnectStep1',
                'c.Calendly_ConnectStep2',
                'c.Calendly_ConnectStep3'
            ]);
            expect(syncButton(element).disabled).toBe(true);
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
        });
    });

    describe('flow', () => {
        it('names the active flows that copy links to users', async () => {
            givenServer();
            const element = await renderPage();

            expect(text($(element, 'flow-active'))).toBe('c.Calendly_FlowActiveText');
            expect($(element, 'flow-steps')).toBeNull();
        });

        it('without an active flow, gives the steps and a link to Flows in Setup', async () => {
            givenServer({ report: REPORT_NO_FLOW });
            const element = await renderPage();

            expect(text($(element, 'flow-missing'))).toBe('c.Calendly_FlowMissingText');
            expect($(element, 'flow-steps').querySelectorAll('li')).toHaveLength(3);
            const link = $(element, 'flow-setup-link');
            expect(link.getAttribute('href')).toBe(FLOWS_SETUP_URL);
            expect(text(link)).toBe('c.Calendly_FlowSetupLink');
        });
    });

    describe('idle', () => {
        it('enables Sync and shows the latest run and the recent runs', async () => {
            givenServer();
            const element = await renderPage();

            expect(syncButton(element).disabled).toBe(false);
            expect(syncButton(element).label).toBe('c.Calendly_SyncButton');
            expect($(element, 'progress')).toBeNull();
            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeSucceeded');

            const table = $(element, 'runs-table');
            expect(table.keyField).toBe('runId');
            expect(table.data.map((row) => row.name)).toEqual(['SYNC-000041', 'SYNC-000040']);
            expect(table.data.map((row) => row.statusLabel)).toEqual([
                'c.Calendly_StatusSucceeded',
                'c.Calendly_StatusFailed'
            ]);
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
        });

        it('says no sync has run yet on a new org', async () => {
            givenServer({ recentRuns: [] });
            const element = await renderPage();

            expect(text($(element, 'no-runs'))).toBe('c.Calendly_NoRunsYet');
            expect(syncButton(element).disabled).toBe(false);
        });

        it('on a new org that is not connected, says to connect first, not to click Sync', async () => {
            givenServer({ connection: NOT_CONNECTED, recentRuns: [] });
            const element = await renderPage();

            expect(syncButton(element).disabled).toBe(true);
            expect(text($(element, 'no-runs'))).toBe('c.Calendly_NoRunsNotConnected');
        });

        it('lists the mapping problems, not the mapped links', async () => {
            givenServer();
            const element = await renderPage();

            const rows = $(element, 'mapping-table').data;
            expect(rows.map((row) => [row.email, row.problemLabel])).toEqual([
                ['alan.turing@example.com', 'c.Calendly_ProblemNoActiveUser'],
                ['katherine.johnson@example.com', 'c.Calendly_ProblemSeveralActiveUsers'],
                ['edsger.dijkstra@example.com', 'c.Calendly_ProblemNotCopied']
            ]);
            expect(rows[1].usersLabel).toBe('2: Katherine Johnson, Katherine Johnson (Support)');
            expect(getMappingReport).toHaveBeenCalledWith({ pageSize: 50, afterLinkId: null });
        });

        it('says so when every link maps to one user', async () => {
            givenServer({ report: REPORT_NO_FLOW });
            const element = await renderPage();

            expect($(element, 'mapping-table')).toBeNull();
            expect(text($(element, 'mapping-none'))).toBe('c.Calendly_MappingNone');
        });

        it('counts only the links to fix, of every active profile link', async () => {
            givenServer();
            const element = await renderPage();

            expect(text($(element, 'mapping-summary'))).toBe(
                '3 of 5 active profile links need attention.'
            );
        });

        it('shows a link on every user with its email as information, not as a problem', async () => {
            givenServer();
            const element = await renderPage();

            const emails = $(element, 'mapping-table').data.map((row) => row.email);
            expect(emails).not.toContain('grace.hopper@example.com');
            const shared = $(element, 'mapping-shared');
            expect(shared.querySelector('[role="alert"]')).toBeNull();
            expect(shared.querySelector('c-calendly-alert')).toBeNull();
            expect(text($(element, 'mapping-shared-text'))).toBe('c.Calendly_SharedText');
            const links = $(element, 'mapping-shared-links').querySelectorAll('li');
            expect([...links].map(text)).toEqual([
                'Grace Hopper · Profile (grace.hopper@example.com) is on 2 active users: ' +
                    'Grace Hopper, Grace Hopper (Integration)'
            ]);
        });

        it('without links on several users, shows no such information', async () => {
            givenServer({ report: REPORT_NO_FLOW });
            const element = await renderPage();

            expect($(element, 'mapping-shared')).toBeNull();
        });

        it('before the last page, counts the links checked and checks the next ones', async () => {
            const [, noUser, , notCopied] = REPORT_FLOW_ACTIVE.rows;
            const first = {
                ...REPORT_FLOW_ACTIVE,
                activeProfileLinks: 60,
                rows: [noUser, ...mappedRows(49)],
                nextCursor: 'a01000000000049AAA'
            };
            const last = {
                ...REPORT_FLOW_ACTIVE,
                activeProfileLinks: 60,
                rows: [...mappedRows(9, 49), notCopied],
                nextCursor: null
            };
            givenServer({ report: first });
            const element = await renderPage();

            expect(text($(element, 'mapping-summary'))).toBe(
                '1 of 50 active profile links need attention.'
            );
            expect(text($(element, 'mapping-more'))).toBe(
                'Only the first 50 of 60 active profile links are checked so far.'
            );

            getMappingReport.mockResolvedValue(last);
            $(element, 'mapping-more-button').click();
            await flushPromises();

            expect(getMappingReport).toHaveBeenLastCalledWith({
                pageSize: 50,
                afterLinkId: 'a01000000000049AAA'
            });
            expect(text($(element, 'mapping-summary'))).toBe(
                '2 of 60 active profile links need attention.'
            );
            expect($(element, 'mapping-table').data.map((row) => row.email)).toEqual([
                noUser.email,
                notCopied.email
            ]);
            expect($(element, 'mapping-more')).toBeNull();
        });

        it('with none to fix on the first page of several, does not say every link is fine', async () => {
            givenServer({
                report: {
                    ...REPORT_FLOW_ACTIVE,
                    activeProfileLinks: 60,
                    rows: mappedRows(50),
                    nextCursor: 'a01000000000050AAA'
                }
            });
            const element = await renderPage();

            expect($(element, 'mapping-none')).toBeNull();
            expect($(element, 'mapping-table')).toBeNull();
            expect(text($(element, 'mapping-summary'))).toBe(
                '0 of 50 active profile links need attention.'
            );
            expect($(element, 'mapping-more-button')).not.toBeNull();
        });

        it('shows an error checking the next links beside the button, keeping the rest', async () => {
            givenServer({
                report: {
                    ...REPORT_FLOW_ACTIVE,
                    activeProfileLinks: 60,
                    nextCursor: 'a01000000000005AAA'
                }
            });
            const element = await renderPage();
            getMappingReport.mockRejectedValue(apexError('The mapping report could not be built.'));

            $(element, 'mapping-more-button').click();
            await flushPromises();

            expect(text(alertOf(element, 'mapping-more-error'))).toContain('could not be built');
            expect($(element, 'mapping-error')).toBeNull();
            expect($(element, 'flow-error')).toBeNull();
            expect($(element, 'mapping-table').data).toHaveLength(3);
            expect($(element, 'mapping-more-button').disabled).toBe(false);
        });

        it('before the first sync, says there are no links yet rather than none to fix', async () => {
            givenServer({ recentRuns: [], report: REPORT_NO_LINKS });
            const element = await renderPage();

            expect(text($(element, 'mapping-no-links'))).toBe('c.Calendly_MappingNoLinks');
            expect($(element, 'mapping-none')).toBeNull();
            expect($(element, 'mapping-summary')).toBeNull();
            expect($(element, 'mapping-table')).toBeNull();
        });

        it('without an active flow, names it as the cause rather than counting problems', async () => {
            givenServer({ report: REPORT_NO_FLOW_NOT_COPIED });
            const element = await renderPage();

            expect(text($(element, 'mapping-summary'))).toBe(
                'No active flow copies links to users yet, so 2 of 3 active profile links are not on their users.'
            );
            const rows = $(element, 'mapping-table').data;
            expect(rows.map((row) => [row.email, row.problemLabel])).toEqual([
                ['ada.lovelace@example.com', 'c.Calendly_ProblemNoFlow'],
                ['alan.turing@example.com', 'c.Calendly_ProblemNoActiveUser'],
                ['katherine.johnson@example.com', 'c.Calendly_ProblemNoFlow']
            ]);
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

            expect(element.shadowRoot.activeElement).toBe($(element, 'sync-status'));
        });

        it('polls the run, shows its progress, then the outcome with Sync enabled again', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun
                .mockResolvedValueOnce(RUN_RUNNING)
                .mockResolvedValueOnce({ ...RUN_RUNNING, linksProcessed: 96 })
                .mockResolvedValueOnce(RUN_SUCCEEDED);
            const element = await renderPage();
            await clickSync(element);
            expect(getRun).not.toHaveBeenCalled();

            await advancePoll();
            expect(getRun).toHaveBeenCalledWith({ runId: RUN_QUEUED.runId });
            expect(syncButton(element).disabled).toBe(true);
            expect(text($(element, 'run-state'))).toBe('c.Calendly_RunRunning');
            expect($(element, 'progress').value).toBe(40);
            expect(text($(element, 'progress-text'))).toBe('c.Calendly_ProgressCount');
            expect(text($(element, 'run-phase'))).toBe('· c.Calendly_PhaseMembers');
            expect(text($(element, 'status-detail'))).toBe(RUN_RUNNING.statusDetail);

            await advancePoll();
            expect($(element, 'progress').value).toBe(80);

            getRecentRuns.mockResolvedValue([RUN_SUCCEEDED, ...RECENT_RUNS]);
            await advancePoll();
            expect(getRun).toHaveBeenCalledTimes(3);
            expect($(element, 'progress')).toBeNull();
            expect(syncButton(element).disabled).toBe(false);
            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeSucceeded');
            expect(getRecentRuns).toHaveBeenCalledTimes(2);
            expect($(element, 'runs-table').data[0].name).toBe(RUN_SUCCEEDED.name);

            await advancePoll();
            expect(getRun).toHaveBeenCalledTimes(3);
        });

        it('on a first sync, which expects no link, shows the count without an empty bar', async () => {
            givenServer({ recentRuns: [], report: REPORT_NO_LINKS });
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValueOnce({ ...RUN_RUNNING, expectedLinks: 0 });
            const element = await renderPage();
            await clickSync(element);
            await advancePoll();

            expect(syncButton(element).disabled).toBe(true);
            expect($(element, 'progress')).toBeNull();
            expect(text($(element, 'progress-text'))).toBe('c.Calendly_ProgressCountOpen');
        });

        it('shows every count of a succeeded run', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValue(RUN_SUCCEEDED);
            const element = await renderPage();
            await clickSync(element);
            await advancePoll();

            const counts = {};
            $(element, 'counts')
                .querySelectorAll('[data-count]')
                .forEach((box) => {
                    counts[box.dataset.count] = text(box.querySelector('p'));
                });
            expect(counts).toEqual({
                linksCreated: '6',
                linksUpdated: '9',
                linksUnchanged: '109',
                linksDeactivated: '2',
                linksSkipped: '0',
                linksFailed: '0'
            });
            expect($(element, 'error-summary')).toBeNull();
        });

        it('shows the summary and issues of a partially succeeded run', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValue(RUN_PARTIALLY_SUCCEEDED);
            const element = await renderPage();
            await clickSync(element);
            await advancePoll();

            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomePartiallySucceeded');
            const summary = alertOf(element, 'error-summary');
            expect(summary.getAttribute('role')).toBe('alert');
            expect(summary.classList).toContain('slds-alert_warning');
            expect(text(summary)).toContain(RUN_PARTIALLY_SUCCEEDED.errorSummary);
            expect($(element, 'issues').querySelectorAll('li')).toHaveLength(4);
            expect(syncButton(element).disabled).toBe(false);
        });

        it('shows why a failed run failed', async () => {
            givenServer();
            startSync.mockResolvedValue(RUN_QUEUED);
            getRun.mockResolvedValue(RUN_FAILED);
            const element = await renderPage();
            await clickSync(element);
            await advancePoll();

            expect(text($(element, 'outcome'))).toBe('c.Calendly_OutcomeFailed');
            const summary = alertOf(element, 'error-summary');
            expect(summary.classList).toContain('slds-alert_error');
            expect(text(summary)).toContain(RUN_FAILED.errorSummary);
            expect(syncButton(element).disabled).toBe(false);
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
            expect(element.shadowRoot.activeElement).toBe($(element, 'sync-status'));
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
    });

    describe('reload during a run', () => {
        it('finds the running run on load, keeps Sync disabled and follows it', async () => {
            givenServer({ currentRun: { ...RUN_RUNNING, startedBy: 'Ada Lovelace' } });
            getRun.mockResolvedValue(RUN_SUCCEEDED);
            const element = await renderPage();

            expect(syncButton(element).disabled).toBe(true);
            expect($(element, 'progress').value).toBe(40);
            expect(startSync).not.toHaveBeenCalled();

            await advancePoll();
            expect(getRun).toHaveBeenCalledWith({ runId: RUN_RUNNING.runId });
            expect(syncButton(element).disabled).toBe(false);
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
        it('shows it off, and switches it on', async () => {
            givenServer({ hourly: HOURLY_OFF });
            setHourlySync.mockResolvedValue(HOURLY_ON);
            const element = await renderPage();
            const toggle = $(element, 'hourly-toggle');
            expect(toggle.type).toBe('toggle');
            expect(toggle.label).toBe('c.Calendly_HourlyToggle');
            expect(toggle.checked).toBe(false);
            expect(text($(element, 'hourly-text'))).toBe('c.Calendly_HourlyOffText');

            toggle.checked = true;
            toggle.dispatchEvent(new CustomEvent('change'));
            await flushPromises();

            expect(setHourlySync).toHaveBeenCalledWith({ enabled: true });
            expect(toggle.checked).toBe(true);
            expect(text($(element, 'hourly-text'))).toBe('c.Calendly_HourlyNext');
            expect(toggle.disabled).toBe(false);
        });

        it('shows it on, and switches it off', async () => {
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

        it('says hourly runs fail while Calendly is not connected', async () => {
            givenServer({ connection: NOT_CONNECTED, hourly: HOURLY_ON });
            const element = await renderPage();

            expect(text($(element, 'hourly-not-connected'))).toBe('c.Calendly_HourlyNotConnected');
            expect($(element, 'hourly-not-connected').getAttribute('role')).toBeNull();
        });

        it('says nothing about the connection while it is connected', async () => {
            givenServer({ hourly: HOURLY_ON });
            const element = await renderPage();

            expect($(element, 'hourly-not-connected')).toBeNull();
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
            expect(text($(element, 'connection-state'))).toBe('c.Calendly_NotConnected');
        });
    });

    describe('accessibility', () => {
        it('has one page heading, named buttons and labelled tables', async () => {
            givenServer();
            const element = await renderPage();

            const headings = element.shadowRoot.querySelectorAll('h1');
            expect(headings).toHaveLength(1);
            expect(text(headings[0])).toBe('c.Calendly_PageTitle');
            element.shadowRoot.querySelectorAll('lightning-button').forEach((button) => {
                expect(button.label).toEqual(expect.stringMatching(/^c\.Calendly_/));
            });
            expect($(element, 'runs-table').getAttribute('aria-label')).toBe(
                'c.Calendly_RecentRunsTitle'
            );
            expect($(element, 'mapping-table').getAttribute('aria-label')).toBe(
                'c.Calendly_MappingTitle'
            );
        });

        it('announces the sync state politely and can take focus', async () => {
            givenServer({ currentRun: RUN_RUNNING });
            const element = await renderPage();

            const status = $(element, 'sync-status');
            expect(status.getAttribute('role')).toBe('status');
            expect(status.getAttribute('aria-live')).toBe('polite');
            expect(status.getAttribute('aria-busy')).toBe('true');
            expect(status.getAttribute('tabindex')).toBe('-1');
        });

        it('gives every alert an assistive label', async () => {
            givenServer();
            getConnectionStatus.mockRejectedValue(apexError('No access.'));
            const element = await renderPage();

            const alerts = [...element.shadowRoot.querySelectorAll('c-calendly-alert')].map(
                (host) => host.shadowRoot.querySelector('[role="alert"]')
            );
            expect(alerts.length).toBeGreaterThan(0);
            alerts.forEach((alert) => {
                expect(text(alert.querySelector('.slds-assistive-text'))).toBe('c.Calendly_Error');
            });
        });

        it('labels spinners while loading', async () => {
            givenServer();
            getConnectionStatus.mockReturnValue(new Promise(() => {}));
            const element = await renderPage();

            const spinner = $(element, 'connection').querySelector('lightning-spinner');
            expect(spinner.alternativeText).toBe('c.Calendly_Loading');
        });
    });
});
