import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../browser';
import { auraViewFields, METHOD_VIEWS, undeclaredFields } from './auraViews';

/**
 * The integration page in a real Chromium: `npm run preview` compiles the shipped component
 * with LWC and lightning-base-components and serves it with the stand-in controller; these
 * tests drive it with Playwright. The page's clock is Playwright's, paused: time moves only
 * when a test says so, one poll of the component at a time.
 */

const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(ROOT, 'reports', 'screenshots');
/** The component's POLL_INTERVAL_MS, plus the stand-in's answer time. */
const ONE_POLL_MS = 2000 + 500;
/** A page load: the stand-in answers every first call after 150 ms. */
const FIRST_ANSWERS_MS = 500;
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

async function open(query = ''): Promise<Session> {
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
    await page.clock.install({ time: START });
    await page.goto(`${baseUrl}${query}`);
    // Far enough ahead of the page's load, however slow the machine.
    await page.clock.pauseAt(START.getTime() + 60_000);
    await page.clock.runFor(FIRST_ANSWERS_MS);
    await syncButton(page).waitFor();
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

/** Lets the component poll until the run is no longer active, and returns the progress seen. */
async function playRun(page: Page): Promise<number[]> {
    const seen: number[] = [];
    for (let poll = 0; poll < 20 && (await syncButton(page).isDisabled()); poll++) {
        if ((await page.getByRole('progressbar').count()) > 0) {
            seen.push(await progress(page));
        }
        await page.clock.runFor(ONE_POLL_MS);
    }
    return seen;
}

/**
 * Lets the component poll until it shows the run's outcome: for a run after which Sync stays
 * disabled for another reason, such as a connection lost.
 */
async function playRunToOutcome(page: Page): Promise<void> {
    for (let poll = 0; poll < 20 && (await byDataId(page, 'outcome').count()) === 0; poll++) {
        await page.clock.runFor(ONE_POLL_MS);
    }
}

function isIncreasing(values: readonly number[]): boolean {
    return values.every((value, index) => index === 0 || value >= (values[index - 1] ?? 0));
}

describe('npm run preview in Chromium', () => {
    it('disables Sync while the run plays, shows the progress moving, then the summary', async () => {
        const { page, errors } = await open();
        expect(await syncButton(page).isEnabled()).toBe(true);
        await screenshot(page, 'connected-idle');

        await syncButton(page).click();
        expect(await syncButton(page).isDisabled()).toBe(true);
        await page.clock.runFor(FIRST_ANSWERS_MS);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/^SYNC-000043 is queued/);
        // A second click on the disabled button starts nothing.
        await syncButton(page).click({ force: true });

        await page.clock.runFor(ONE_POLL_MS * 2);
        expect(await syncButton(page).isDisabled()).toBe(true);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/^SYNC-000043 is running/);
        expect(await textOf(byDataId(page, 'progress-text'))).toBe(
            '60 of about 126 links processed'
        );
        await screenshot(page, 'running');

        const seen = await playRun(page);
        expect(seen.length).toBeGreaterThanOrEqual(3);
        expect(isIncreasing(seen)).toBe(true);
        expect(seen[seen.length - 1]).toBeGreaterThan(seen[0] ?? 100);

        expect(await syncButton(page).isEnabled()).toBe(true);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000043 succeeded.');
        const counts = await byDataId(page, 'counts').locator('[data-count]').allInnerTexts();
        expect(counts.map((count) => count.replace(/\s+/g, ' ').trim())).toEqual([
            '6 Created',
            '9 Updated',
            '111 Unchanged',
            '2 Deactivated',
            '0 Skipped',
            '0 Failed'
        ]);
        // The forced second click never reached the controller.
        expect(await page.evaluate('window.calendlyStandIn.calls.startSync')).toBe(1);
        const runs = byDataId(page, 'runs-table').getByRole('row');
        expect(await runs.count()).toBe(1 + 4);
        expect(await textOf(runs.nth(1))).toContain('SYNC-000043');
        await screenshot(page, 'succeeded');
        expect(errors).toEqual([]);

        // What the stand-in played has the shapes of the controller's views.
        const answers = await page.evaluate<Record<string, unknown>>(
            'window.calendlyStandIn.answers'
        );
        expect(Object.keys(answers).sort()).toEqual(
            Object.keys(METHOD_VIEWS)
                .filter((method) => method !== 'setHourlySync')
                .sort()
        );
        const views = auraViewFields();
        const undeclared = Object.entries(answers).flatMap(([method, answer]) =>
            undeclaredFields(views, METHOD_VIEWS[method] ?? method, answer)
        );
        expect(undeclared).toEqual([]);
    }, 60_000);

    it('shows a failed run with what went wrong, and lets the admin sync again', async () => {
        const { page, errors } = await open('?outcome=failed');
        await syncButton(page).click();
        await page.clock.runFor(FIRST_ANSWERS_MS);
        await playRun(page);

        expect(await syncButton(page).isEnabled()).toBe(true);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000043 failed.');
        const alert = byDataId(page, 'error-summary').getByRole('alert');
        expect(await textOf(alert)).toContain('HTTP 503');
        // Calendly did not answer; the connection, checked again after the failure, still works.
        expect(await page.evaluate('window.calendlyStandIn.calls.getConnectionStatus')).toBe(2);
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Connected');
        await screenshot(page, 'failed');
        expect(errors).toEqual([]);
    }, 60_000);

    it('after a run failed on a revoked token, shows the connection lost, not Connected', async () => {
        const { page, errors } = await open('?outcome=revoked');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Connected');
        await syncButton(page).click();
        await page.clock.runFor(FIRST_ANSWERS_MS);
        await playRunToOutcome(page);
        // The connection is checked again once the run failed.
        await page.clock.runFor(FIRST_ANSWERS_MS);

        expect(await page.evaluate('window.calendlyStandIn.calls.getConnectionStatus')).toBe(2);
        expect(await textOf(byDataId(page, 'outcome'))).toBe('SYNC-000043 failed.');
        const alert = byDataId(page, 'error-summary').getByRole('alert');
        expect(await textOf(alert)).toContain('Calendly rejected the token');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Not connected');
        expect(await textOf(byDataId(page, 'connection-message'))).toContain('HTTP 401');
        expect(await byDataId(page, 'connect-steps').getByRole('listitem').count()).toBe(3);
        expect(await syncButton(page).isDisabled()).toBe(true);
        await screenshot(page, 'failed-token-revoked');
        expect(errors).toEqual([]);
    }, 60_000);

    it('lists the issues of a partially successful run', async () => {
        const { page, errors } = await open('?outcome=partial');
        await syncButton(page).click();
        await page.clock.runFor(FIRST_ANSWERS_MS);
        await playRun(page);

        expect(await textOf(byDataId(page, 'outcome'))).toBe(
            'SYNC-000043 partially succeeded: some links were skipped or failed.'
        );
        expect(await byDataId(page, 'issues').getByRole('listitem').count()).toBe(3);
        await screenshot(page, 'partially-succeeded');
        expect(errors).toEqual([]);
    }, 60_000);

    it('keeps Sync disabled on a page opened while another run is active', async () => {
        const { page, errors } = await open('?active=1');
        expect(await syncButton(page).isDisabled()).toBe(true);
        expect(await textOf(byDataId(page, 'run-state'))).toMatch(/is running/);
        // Recent runs list the active run too, as the controller does.
        const newest = byDataId(page, 'runs-table').getByRole('row').nth(1);
        expect(await textOf(newest)).toMatch(/SYNC-000043 Running/);
        await screenshot(page, 'reload-during-run');

        await playRun(page);
        expect(await syncButton(page).isEnabled()).toBe(true);
        expect(errors).toEqual([]);
    }, 60_000);

    it('shows an Apex error inline and leaves Sync usable', async () => {
        const { page, errors } = await open('?error=startSync');
        await syncButton(page).click();
        await page.clock.runFor(FIRST_ANSWERS_MS);

        const alert = byDataId(page, 'sync-error').getByRole('alert');
        expect(await textOf(alert)).toContain('told to fail startSync');
        expect(await syncButton(page).isEnabled()).toBe(true);
        await screenshot(page, 'apex-error');
        expect(errors).toEqual([]);
    }, 60_000);

    it('guides the admin when Calendly is not connected and no flow is active', async () => {
        const { page, errors } = await open('?connection=none&flow=none&hourly=off&runs=none');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Not connected');
        expect(await byDataId(page, 'connect-steps').getByRole('listitem').count()).toBe(3);
        expect(await byDataId(page, 'flow-steps').getByRole('listitem').count()).toBe(3);
        expect(await byDataId(page, 'flow-setup-link').getAttribute('href')).toBe(
            '/lightning/setup/Flows/home'
        );
        expect(await syncButton(page).isDisabled()).toBe(true);
        expect(await textOf(byDataId(page, 'no-runs'))).not.toBe('');
        await screenshot(page, 'not-connected-no-flow');
        expect(errors).toEqual([]);
    }, 60_000);

    it('asks to connect first where Sync Now cannot be clicked, in Sync and Hourly sync', async () => {
        const { page, errors } = await open('?connection=none&runs=none');
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
    }, 60_000);

    it('names the Calendly organization, and keeps its URI at hand', async () => {
        const { page, errors } = await open();
        const organization = byDataId(page, 'connection-organization');
        expect(await textOf(organization)).toBe('Acme Sales');
        expect(await organization.getAttribute('title')).toBe(
            'https://api.calendly.com/organizations/AAAAAAAAAAAAAAAA'
        );
        expect(await byDataId(page, 'organization-warning').count()).toBe(0);
        expect(errors).toEqual([]);
    }, 60_000);

    it("without the organization's name, shows its URI and why, and stays connected", async () => {
        const { page, errors } = await open('?organization=unreadable');
        expect(await textOf(byDataId(page, 'connection-state'))).toBe('Connected');
        expect(await textOf(byDataId(page, 'connection-organization'))).toBe(
            'https://api.calendly.com/organizations/AAAAAAAAAAAAAAAA'
        );
        const warning = byDataId(page, 'organization-warning').getByRole('alert');
        expect(await textOf(warning)).toContain('organizations:read');
        expect(await syncButton(page).isEnabled()).toBe(true);
        await screenshot(page, 'organization-unreadable');
        expect(errors).toEqual([]);
    }, 60_000);

    it('shows a link on every user with its email as information, not as a problem', async () => {
        const { page, errors } = await open();
        const problems = byDataId(page, 'mapping-table');
        expect(await textOf(problems)).not.toContain('Katherine Johnson');
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '2 of 50 active profile links need attention.'
        );
        const shared = byDataId(page, 'mapping-shared');
        expect(await shared.getByRole('alert').count()).toBe(0);
        expect(await textOf(shared)).toContain(
            'Katherine Johnson · Profile (katherine.johnson@example.com) is on 2 active users: ' +
                'Katherine Johnson, Katherine Johnson (Support)'
        );
        expect(await textOf(shared)).toContain("change that user's email or deactivate the user");
        await screenshot(page, 'mapping');
        expect(errors).toEqual([]);
    }, 60_000);

    it('counts problems among the links checked, and checks the next pages on demand', async () => {
        const { page, errors } = await open();
        const more = byDataId(page, 'mapping-more');
        expect(await textOf(more)).toBe(
            'Only the first 50 of 120 active profile links are checked so far.'
        );
        const checkMore = page.getByRole('button', { name: 'Check the next links' });

        await checkMore.click();
        await page.clock.runFor(FIRST_ANSWERS_MS);
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '3 of 100 active profile links need attention.'
        );
        expect(await textOf(byDataId(page, 'mapping-table'))).toContain('Margaret Hamilton');

        await checkMore.click();
        await page.clock.runFor(FIRST_ANSWERS_MS);
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '3 of 120 active profile links need attention.'
        );
        expect(await more.count()).toBe(0);
        expect(await page.evaluate('window.calendlyStandIn.calls.getMappingReport')).toBe(3);
        await screenshot(page, 'mapping-every-page');
        expect(errors).toEqual([]);
    }, 60_000);

    it('without an active flow, names the flow as the cause instead of counting problems', async () => {
        const { page, errors } = await open('?flow=none');
        expect(await textOf(byDataId(page, 'mapping-summary'))).toMatch(
            /^No active flow copies links to users yet, so 49 of 50 active profile links are not on their users\./
        );
        const rows = byDataId(page, 'mapping-table').getByRole('row');
        const problems = await rows.allInnerTexts();
        expect(problems.filter((row) => row.includes('Not copied: no active flow'))).toHaveLength(
            49
        );
        expect(
            problems.filter((row) => row.includes('No active user has this email'))
        ).toHaveLength(1);
        await screenshot(page, 'no-flow');
        expect(errors).toEqual([]);
    }, 60_000);

    it('on a fresh install, says there is no link yet, then a first sync creates them', async () => {
        const { page, errors } = await open('?hourly=off&runs=none');
        expect(await textOf(byDataId(page, 'mapping-no-links'))).toBe(
            'No profile links yet: they appear here after the first sync.'
        );
        expect(await byDataId(page, 'mapping-summary').count()).toBe(0);
        await screenshot(page, 'fresh-install');

        await syncButton(page).click();
        await page.clock.runFor(FIRST_ANSWERS_MS + ONE_POLL_MS * 2);
        // The first sync expects no link: a count, and no bar stuck at 0 %.
        expect(await textOf(byDataId(page, 'progress-text'))).toBe('60 links processed');
        expect(await page.getByRole('progressbar').count()).toBe(0);
        // Recent runs no longer say "No runs yet" beside the running sync.
        const running = byDataId(page, 'runs-table').getByRole('row').nth(1);
        expect(await textOf(running)).toMatch(/^SYNC-000043 Running/);
        await screenshot(page, 'first-sync-running');

        await playRun(page);
        const counts = await byDataId(page, 'counts').locator('[data-count]').allInnerTexts();
        expect(counts.map((count) => count.replace(/\s+/g, ' ').trim())).toEqual([
            '126 Created',
            '0 Updated',
            '0 Unchanged',
            '0 Deactivated',
            '0 Skipped',
            '0 Failed'
        ]);
        expect(await textOf(byDataId(page, 'mapping-summary'))).toBe(
            '2 of 50 active profile links need attention.'
        );
        expect(await byDataId(page, 'mapping-no-links').count()).toBe(0);
        await screenshot(page, 'first-sync-done');
        expect(errors).toEqual([]);
    }, 60_000);

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
    });
});
