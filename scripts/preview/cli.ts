import { runMain, UsageError } from '../shared/command';
import { bundlePreview } from './bundle';
import { previewCommand } from './command';
import { servePreview } from './server';

const DEFAULT_PORT = 3000;

/** What the stand-in controller can be told through the page's query string. */
const SCENARIOS: readonly (readonly [string, string])[] = [
    ['', 'connected and idle; Sync plays a run to success'],
    ['?outcome=partial', 'the run partially succeeds, with its issues listed'],
    [
        '?outcome=failed',
        'the run fails half-way, Calendly not answering; the connection still works'
    ],
    [
        '?outcome=revoked',
        'the token is revoked half-way: the run fails and Calendly is no longer connected'
    ],
    ['?active=1', 'a run is already running when the page loads'],
    ['?connection=none', 'the credential does not reach Calendly'],
    ['?organization=unreadable', "connected, but the organization's name cannot be read"],
    ['?flow=none', 'no active flow maps links to users'],
    ['?error=startSync', 'the Sync button meets an Apex error'],
    ['?hourly=off&runs=none', 'a fresh install: no run and no link yet']
];

/** Reads PORT: a whole number from 0 (any free port) to 65535. */
export function portFromEnv(value: string | undefined): number {
    if (value === undefined || value === '') {
        return DEFAULT_PORT;
    }
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError(`PORT=${value} is not a port: use a whole number from 0 to 65535.`);
    }
    return port;
}

async function main(): Promise<number> {
    const port = portFromEnv(process.env.PORT);
    process.stdout.write('Compiling the integration component with LWC...\n');
    const { code, warnings } = await bundlePreview();
    for (const warning of warnings) {
        process.stderr.write(`warning: ${warning}\n`);
    }
    const server = await servePreview(code, port);
    process.stdout.write(`Preview of the Calendly integration page: ${server.url}\n`);
    for (const [query, what] of SCENARIOS) {
        process.stdout.write(`  ${server.url}${query}  ${what}\n`);
    }
    process.stdout.write(
        'Apex is played by scripts/preview/app/standinController.js. Ctrl+C stops.\n'
    );
    const stop = (): void => {
        void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return 0;
}

if (require.main === module) {
    runMain(previewCommand, main);
}
