import { stopSyncHttp } from '../runtime/drivers/syncHttp';
import { runCommand, runMain, UsageError } from '../shared/command';
import { ANSWERS_DIR, recordAnswers, staleAnswers, writeAnswers } from './answers';
import { bundlePreview } from './bundle';
import { previewCommand, recordCommand } from './command';
import { DEFAULT_SCENARIO, SCENARIOS } from './scenarios';
import { servePreview } from './server';

const DEFAULT_PORT = 3000;

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

async function serve(): Promise<number> {
    const port = portFromEnv(process.env.PORT);
    process.stdout.write('Compiling the integration component with LWC...\n');
    const { code, warnings } = await bundlePreview();
    for (const warning of warnings) {
        process.stderr.write(`warning: ${warning}\n`);
    }
    const server = await servePreview(code, port);
    process.stdout.write(`Preview of the Calendly integration page: ${server.url}\n`);
    for (const scenario of SCENARIOS) {
        const query = scenario.name === DEFAULT_SCENARIO ? '' : `?scenario=${scenario.name}`;
        process.stdout.write(`  ${server.url}${query}  ${scenario.description}\n`);
    }
    process.stdout.write(
        'Apex is answered by CalendlySyncController in the embedded org, against the Calendly stand-in.\n' +
            'Each address keeps its org until the preview stops (add &org=2 for a new one). Ctrl+C stops.\n'
    );
    let stopping = false;
    // Every thread is ended before the process exits: the orgs' Calendly stand-ins, then the
    // thread their synchronous callouts used, which may still hold a connection to one of them.
    // A signal that comes while stopping changes nothing.
    const stop = (): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        void server
            .close()
            .then(stopSyncHttp)
            .then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return 0;
}

async function record(check: boolean): Promise<number> {
    const root = process.cwd();
    const answers = await recordAnswers();
    if (check) {
        const stale = staleAnswers(root, answers);
        for (const { file, problem } of stale) {
            process.stderr.write(
                `${ANSWERS_DIR}/${file}: ${problem} - run \`npm run preview -- record\` and commit the result.\n`
            );
        }
        process.stdout.write(
            stale.length === 0
                ? 'The recorded answers are what the controller answers.\n'
                : `${stale.length} recorded answer(s) differ from the controller's.\n`
        );
        return stale.length === 0 ? 0 : 1;
    }
    const changed = writeAnswers(root, answers);
    for (const file of changed) {
        process.stdout.write(`wrote ${file}\n`);
    }
    process.stdout.write(`${answers.size} answer(s) recorded, ${changed.length} changed.\n`);
    return 0;
}

if (require.main === module) {
    const [first, ...rest] = process.argv.slice(2);
    if (first === 'record') {
        void runCommand(recordCommand, rest, ({ values }) => record(values.check)).then((code) => {
            process.exitCode = code;
        });
    } else {
        runMain(previewCommand, serve);
    }
}
