import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../browser';
import { auraViewFields, METHOD_VIEWS, undeclaredFields } from '../auraViews';

/**
 * The integration page in a real Chromium: `npm run preview` compiles the shipped components
 * with LWC and lightning-base-components and serves them, their Apex calls answered by the real
 * CalendlySyncController in the embedded org against the Calendly stand-in; these tests drive
 * it with Playwright. The page's clock is Playwright's, paused: the page polls only when a test
 * says so, and each poll runs the sync's next queued step. A test waits for the page's calls to
 * be answered, never for a time.
 */

const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');
/** The component's POLL_INTERVAL_MS. */
const ONE_POLL_MS = 2000;
const START = new Date('2026-03-02T14:00:00Z');

let server: ChildProcess | undefined;
let baseUrl = '';
let browser: Browser | undefined;

/** Starts `npm run preview` on a free port and resolves with the address it prints. */
function startPreview(): Promise<string> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview/cli.ts'], {
            cwd: ROOT,
            env: { ...process.env, PORT: '0' },
            stdio: ['ignore', 'pipe', 'pipe']
        });
        server = child;
        let output = '';
        const collect = (chunk: Buffer): void => {
            output += chunk.toString();
            const address = /Preview of the Calendly integration page: (\S+)/.exec(output);
            if (address?.[1] !== undefined) {
                resolve(address[1]);
            }
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
        child.once('exit', (code) => {
            reject(
                new Error(`npm run preview exited with ${String(code)} before serving:\n${output}`)
            );
        });
    });
}

beforeAll(async () => {
    // First the browser: with none installed, the message says what to install or set.
    browser = await launchChromium();
    baseUrl = await startPreview();
    mkdirSync(SCREENSHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
});

interface Session {
    readonly page: Page;
    /** Errors the page threw or logged: a healthy page has none. */
    readonly errors: string[];
}

/** Waits until the page's Apex calls are answered and the components show the answers. */
async function settled(page: Page): Promise<void> {
    await page.evaluate('window.calendlyPreview.settled()');
}

/**
 * Opens the page of a scenario in an org of its own (`org` names it: a test that changes the
 * org does not change another test's).
 */
async function open(scenario: string, org: string): Promise<Session> {
    if (browser === undefined) {
        throw new Error('Chromium did not start.');
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
        if (message.type() === 'error') {
            errors.push(message.text());
        }
    });
    // Paused from the start: the page polls when a test says so.
    await page.clock.install({ time: START });
    await page.clock.pauseAt(START.getTime() + 1000);
    await page.goto(`${baseUrl}?scenario=${scenario}&org=${org}`);
    await syncButton(page).waitFor();
    await settled(page);
    return { page, errors };
}

function syncButton(page: Page): Locator {
    return page.getByRole('button', { name: 'Sync Now' });
}

function byDataId(page: Page, id: string): Locator {
    return page.locator(`[data-id="${id}"]`);
}

async function progress(page: Page): Promise<number> {
    const value = await page.getByRole('progressbar').getAttribute('aria-valuenow');
    return Number(value);
}

async function textOf(locator: Locator): Promise<string> {
    return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

async function screenshot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Lets the page poll once: the server runs the sync's next step and answers with the run. */
async function poll(page: Page): Promise<void> {
    await page.clock.runFor(ONE_POLL_MS);
    await settled(page);
}

async function clickSync(page: Page): Promise<void> {
    await syncButton(page).click();
    await settled(page);
}

/** What the page saw of the run at each poll until it ended: its state, detail and progress. */
interface Seen {
    readonly state: string;
    readonly detail: string;
    readonly progress: number | undefined;
}

/** Lets the page poll until it shows the run's outcome; returns what it showed meanwhile. */
async function playRun(page: Page): Promise<Seen[]> {
    const seen: Seen[] = [];
    for (let polls = 0; polls < 12 && (await byDataId(page, 'outcome').count()) === 0; polls++) {
        if ((await byDataId(page, 'run-state').count()) > 0) {
            seen.push({
                state: await textOf(byDataId(page, 'run-state')),
                detail:
                    (await byDataId(page, 'status-detail').count()) > 0
                        ? await textOf(byDataId(page, 'status-detail'))
                        : '',
                progress:
                    (await page.getByRole('progressbar').count()) > 0
                        ? await progress(page)
                        : undefined
            });
        }
        await poll(page);
    }
    return seen;
}

/** The counts the page shows, such as "1 Created". */
async function counts(page: Page): Promise<string[]> {
    const boxes = await byDataId(page, 'counts').locator('[data-count]').allInnerTexts();
    return boxes.map((box) => box.replace(/\s+/g, ' ').trim());
}

/** The counts of a run as the controller answered it, as the page should show them. */
function countsOf(run: Record<string, number>): string[] {
    return [
        `${run.linksCreated} Created`,
        `${run.linksUpdated} Updated`,
        `${run.linksUnchanged} Unchanged`,
        `${run.linksDeactivated} Deactivated`,
        `${run.linksSkipped} Skipped`,
        `${run.linksFailed} Failed`
    ];
}

async function lastAnswer<T>(page: Page, method: string): Promise<T> {
    return page.evaluate<T>(`window.calendlyPreview.answers.${method}`);
}

describe('npm run preview in Chromium, against the real controller', () => {
    it('disables Sync while the real run goes through its steps, then shows its outcome', async () => {
        const { page, errors } = await open('connected', 'sync');
        expect(await syncButton(page).isEnabled()).toBe(true);
        await screenshot(page, 'connected-idle');

        await clickSync(page);
        expect(await syncButton(page).isDisabled()).toBe(true);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/^SYNC-000002 is queued/);
        // A second click on the disabled button starts nothing.
        await syncButton(page).click({ force: true });
        await settled(page);

        await poll(page);
        // Its first step read the members, then Calendly asked it to wait for the rate limit.
        expect(await syncButton(page).isDisabled()).toBe(true);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/^SYNC-000002 is running/);
        expect(await textOf(byDataId(page, 'status-detail'))).toContain('HTTP 429');
        expect(await textOf(byDataId(page, 'progress-text'))).toMatch(
            /^\d+ of about \d+ links processed$/
        );
        const midway = await progress(page);
        expect(midway).toBeGreaterThan(0);
        expect(midway).toBeLessThan(100);
        await screenshot(page, 'running');

        await poll(page);
        expect(await syncButton(page).isEnabled()).toBe(true);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000002 succeeded.');
        const run = await lastAnswer<Record<string, number>>(page, 'getRun');
        expect(await counts(page)).toEqual(countsOf(run));
        // A member joined and one changed their link since the hourly sync.
        expect(run.linksCreated).toBeGreaterThan(0);
        expect(run.linksUpdated).toBeGreaterThan(0);
        // The forced second click never reached the controller.
        expect(await page.evaluate('window.calendlyPreview.calls.startSync')).toBe(1);
        const runs = byDataId(page, 'runs-table').getByRole('row');
        expect(await runs.count()).toBe(1 + 2);
        expect(await textOf(runs.nth(1))).toMatch(/^SYNC-000002 Succeeded Manual Grace Hopper/);
        expect(await textOf(runs.nth(2))).toMatch(/^SYNC-000001 Succeeded Hourly Grace Hopper/);
        await screenshot(page, 'succeeded');
        expect(errors).toEqual([]);

        // What the page received has the shapes of the controller's views.
        const answers = await page.evaluate<Record<string, unknown>>(
            'window.calendlyPreview.answers'
        );
        const views = auraViewFields();
        const undeclared = Object.entries(answers).flatMap(([method, answer]) =>
            undeclaredFields(views, METHOD_VIEWS[method] ?? method, answer)
        );
        expect(undeclared).toEqual([]);
    }, 90_000);

    it('shows a failed run with what went wrong, and lets the admin sync again', async () => {
        const { page, errors } = await open('failed-run', 'failed');
        await clickSync(page);
        const seen = await playRun(page);

        // Calendly kept answering 503: the run retried, waiting longer each time, then failed.
        const retries = seen
            .map((step) => step.detail)
            .filter((detail) => detail.includes('Retry'));
        expect(retries.length).toBeGreaterThanOrEqual(2);
        retries.forEach((detail, index) => {
            expect(detail).toContain(`HTTP 503`);
            expect(detail).toContain(`Retry ${index + 1} of `);
        });
        expect(await syncButton(page).isEnabled()).toBe(true);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000002 failed.');
        const alert = byDataId(page, 'error-summary').getByRole('alert');
        expect(await textOf(alert)).toContain('HTTP 503');
        // The connection, checked again after the failure, still works.
        expect(await page.evaluate('window.calendlyPreview.calls.getConnectionStatus')).toBe(2);
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Connected');
        await screenshot(page, 'failed');
        expect(errors).toEqual([]);
    }, 90_000);

    it('after a run failed on an expired token, shows the connection lost, not Connected', async () => {
        const { page, errors } = await open('token-revoked', 'revoked');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Connected');
        await clickSync(page);
        await playRun(page);

        expect(await page.evaluate('window.calendlyPreview.calls.getConnectionStatus')).toBe(2);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000002 failed.');
        const alert = byDataId(page, 'error-summary').getByRole('alert');
        expect(await textOf(alert)).toContain('Calendly rejected the token');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Not connected');
        expect(await textOf(byDataId(page, 'connection-message'))).toContain('HTTP 401');
        expect(await byDataId(page, 'connect-steps').getByRole('listitem').count()).toBe(3);
        expect(await syncButton(page).isDisabled()).toBe(true);
        await screenshot(page, 'failed-token-revoked');
        expect(errors).toEqual([]);
    }, 90_000);

    it('lists the links a run skipped, with why', async () => {
        const { page, errors } = await open('partial-run', 'partial');
        await clickSync(page);
        await playRun(page);

        const run = await lastAnswer<Record<string, number> & { issues: string }>(page, 'getRun');
        expect(await counts(page)).toEqual(countsOf(run));
        // The member whose email Salesforce refuses, the member without a scheduling link, and
        // that member's managed event type, which has no saved profile link to take its email from.
        expect(run.linksSkipped).toBe(3);
        const issues = byDataId(page, 'issues').getByRole('listitem');
        expect(await issues.count()).toBe(run.issues.split('\n').length);
        expect(await textOf(issues.nth(0))).toMatch(/^Skipped/);
        expect(await textOf(byDataId(page, 'error-summary'))).toContain('skipped');
        await screenshot(page, 'skipped-links');
        expect(errors).toEqual([]);
    }, 90_000);

    it("keeps Sync disabled on a page opened while another admin's run is active", async () => {
        const { page, errors } = await open('running', 'reload');
        expect(await syncButton(page).isDisabled()).toBe(true);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/^SYNC-000002 is running/);
        expect(await textOf(byDataId(page, 'sync-status'))).toContain('Started by Ada Lovelace');
        // Recent runs list the active run too, as the controller does.
        const newest = byDataId(page, 'runs-table').getByRole('row').nth(1);
        expect(await textOf(newest)).toMatch(/^SYNC-000002 Running Manual Ada Lovelace/);
        await screenshot(page, 'reload-during-run');

        // A reload finds the same run, still running.
        await page.reload();
        await syncButton(page).waitFor();
        await settled(page);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/^SYNC-000002 is running/);

        await playRun(page);
        expect(await syncButton(page).isEnabled()).toBe(true);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000002 succeeded.');
        expect(errors).toEqual([]);
    }, 90_000);

    it('guides the admin of a fresh install that is not connected', async () => {
        const { page, errors } = await open('not-connected', 'guide');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Not connected');
        expect(await textOf(byDataId(page, 'connection-message'))).toContain('HTTP 401');
        expect(await byDataId(page, 'connect-steps').getByRole('listitem').count()).toBe(3);
        expect(await syncButton(page).isDisabled()).toBe(true);
        const noRuns = await textOf(byDataId(page, 'no-runs'));
        expect(noRuns).toBe(
            'No sync has run yet. Connect Calendly first (see Connection): Sync Now is available once it is connected.'
        );
        expect(noRuns).not.toContain('Click Sync Now');
        expect(await textOf(byDataId(page, 'hourly-not-connected'))).toBe(
            'Calendly is not connected: hourly runs fail until it is.'
        );
        await screenshot(page, 'not-connected');
        expect(errors).toEqual([]);
    }, 90_000);

    it('without an active flow, gives the steps and names the flow as the cause', async () => {
        const { page, errors } = await open('no-active-flow', 'flow');
        expect(await byDataId(page, 'flow-steps').getByRole('listitem').count()).toBe(3);
        expect(await byDataId(page, 'flow-setup-link').getAttribute('href')).toBe(
            '/lightning/setup/Flows/home'
        );
        expect(await textOf(byDataId(page, 'mapping-summary'))).toMatch(
            /^No active flow copies links to users yet, so \d+ of 50 active profile links are not on their users\./
        );
        const problems = await byDataId(page, 'mapping-table').getByRole('row').allInnerTexts();
        expect(problems.some((row) => row.includes('Not copied: no active flow'))).toBe(true);
        expect(problems.some((row) => row.includes('No active user has this email'))).toBe(true);
        await screenshot(page, 'no-flow');
        expect(errors).toEqual([]);
    }, 90_000);

    it("without the organization's name, shows its URI and why, and stays connected", async () => {
        const { page, errors } = await open('organization-unreadable', 'organization');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Connected');
        expect(await textOf(byDataId(page, 'connection-organization'))).toMatch(
            /^https:\/\/api\.calendly\.com\/organizations\//
        );
        const warning = byDataId(page, 'organization-warning').getByRole('alert');
        expect(await textOf(warning)).toContain('HTTP 503');
        expect(await syncButton(page).isEnabled()).toBe(true);
        await screenshot(page, 'organization-unreadable');
        expect(errors).toEqual([]);
    }, 90_000);

    it('names the organization, counts the mapping problems and checks the next pages on demand', async () => {
        const { page, errors } = await open('connected', 'mapping');
        const organization = byDataId(page, 'connection-organization');
        expect(await textOf(organization)).toBe('Globex Partners');
        expect(await organization.getAttribute('title')).toMatch(
            /^https:\/\/api\.calendly\.com\/organizations\//
        );
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '3 of 50 active profile links need attention.'
        );
        const shared = byDataId(page, 'mapping-shared');
        expect(await shared.getByRole('alert').count()).toBe(0);
        expect(await textOf(shared)).toMatch(/is on 2 active users: /);
        expect(await textOf(shared)).toContain("change that user's email or deactivate the user");
        const more = byDataId(page, 'mapping-more');
        expect(await textOf(more)).toBe(
            'Only the first 50 of 120 active profile links are checked so far.'
        );
        const checkMore = page.getByRole('button', { name: 'Check the next links' });

        await checkMore.click();
        await settled(page);
        // The second page holds a member without a user.
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '4 of 100 active profile links need attention.'
        );

        await checkMore.click();
        await settled(page);
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '4 of 120 active profile links need attention.'
        );
        expect(await more.count()).toBe(0);
        expect(await page.evaluate('window.calendlyPreview.calls.getMappingReport')).toBe(3);
        await screenshot(page, 'mapping');
        expect(errors).toEqual([]);
    }, 90_000);

    it('on a fresh install, says there is no link yet, then a first sync creates them', async () => {
        const { page, errors } = await open('fresh-install', 'first-sync');
        expect(await textOf(byDataId(page, 'mapping-no-links'))).toBe(
            'No profile links yet: they appear here after the first sync.'
        );
        expect(await byDataId(page, 'mapping-summary').count()).toBe(0);
        await screenshot(page, 'fresh-install');

        await clickSync(page);
        // The first sync expects no link: a count, and no bar stuck at 0 %.
        expect(await textOf(byDataId(page, 'progress-text'))).toBe('0 links processed');
        expect(await page.getByRole('progressbar').count()).toBe(0);
        const running = byDataId(page, 'runs-table').getByRole('row').nth(1);
        expect(await textOf(running)).toMatch(/^SYNC-000001 Queued/);

        await playRun(page);
        const run = await lastAnswer<Record<string, number>>(page, 'getRun');
        expect(await counts(page)).toEqual(countsOf(run));
        expect(run.linksCreated).toBeGreaterThan(120);
        expect([run.linksUpdated, run.linksUnchanged, run.linksDeactivated]).toEqual([0, 0, 0]);
        expect(await textOf(byDataId(page, 'mapping-summary'))).toMatch(
            /^\d+ of 50 active profile links need attention\.$/
        );
        expect(await byDataId(page, 'mapping-no-links').count()).toBe(0);
        await screenshot(page, 'first-sync-done');
        expect(errors).toEqual([]);
    }, 90_000);

    it('shows the version the page ships in, with the release notes and the upgrade steps', async () => {
        const { page, errors } = await open('connected', 'mapping');
        expect(await textOf(byDataId(page, 'version-text'))).toMatch(
            /^Calendly Links version \d+\.\d+\.\d+$/
        );
        expect(
            await page.getByRole('link', { name: 'Release notes' }).getAttribute('href')
        ).toMatch(/README\.md#release-notes$/);
        expect(
            await page.getByRole('link', { name: 'How to upgrade' }).getAttribute('href')
        ).toMatch(/README\.md#upgrade-an-org-to-a-new-version-of-this-package$/);
        expect(errors).toEqual([]);
    }, 90_000);

    it('names the scenarios when the query string names none it has', async () => {
        const response = await fetch(`${baseUrl}apex/getHourlySync`, {
            method: 'POST',
            body: JSON.stringify({ page: '?scenario=nope', args: {} })
        });
        expect(response.status).toBe(400);
        const body = (await response.json()) as { message: string };
        expect(body.message).toMatch(/^The preview has no scenario nope: use one of connected, /);
    });

    it('stops with exit code 0 on SIGTERM, as Ctrl+C stops it', async () => {
        const running = server;
        if (running === undefined) {
            throw new Error('npm run preview did not start.');
        }
        const stopped = new Promise<number | null>((resolve) => {
            running.removeAllListeners('exit');
            running.once('exit', resolve);
        });
        running.kill('SIGTERM');
        expect(await stopped).toBe(0);
        server = undefined;
    }, 30_000);
});
