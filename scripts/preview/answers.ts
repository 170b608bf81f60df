import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ApexAnswer, ControllerOrg } from './controllerOrg';
import { findScenario, usersForEveryMember, type ScenarioName } from './scenarios';

/**
 * The controller answers the components' Jest tests use, recorded from the real
 * CalendlySyncController in the embedded org, in the preview's scenarios: one source for the
 * tests and the preview. Times are the only values made up: the org runs on the wall clock, so
 * each is replaced by a fixed time of its kind (queued, started, last progress, ended, next
 * run), an older run of a list an hour earlier per place.
 */

/** Where the answers are kept: beside the tests of the component that calls the controller. */
export const ANSWERS_DIR = 'force-app/main/default/lwc/calendlyIntegration/__tests__/data';

const TIMES: Readonly<Record<string, number>> = {
    queuedAt: Date.UTC(2026, 2, 2, 14, 0, 0),
    startedAt: Date.UTC(2026, 2, 2, 14, 0, 2),
    lastProgressAt: Date.UTC(2026, 2, 2, 14, 0, 30),
    endedAt: Date.UTC(2026, 2, 2, 14, 2, 10),
    nextRunAt: Date.UTC(2026, 2, 2, 15, 0, 0)
};
const HOUR = 3_600_000;

/** An answer with its times fixed; `place` is its index in a list of runs. */
export function normalized(value: unknown, place = 0): unknown {
    if (Array.isArray(value)) {
        return value.map((item, index) => normalized(item, index));
    }
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    return Object.fromEntries(
        Object.entries(value).map(([key, nested]) => {
            const time = TIMES[key];
            if (time !== undefined && typeof nested === 'string') {
                return [key, new Date(time - place * HOUR).toISOString()];
            }
            return [key, normalized(nested)];
        })
    );
}

interface Recording {
    readonly org: ControllerOrg;
    /** Records an answer under a file name; it must be a value, not an error. */
    readonly keep: (file: string, answer: ApexAnswer) => unknown;
}

interface Recipe {
    readonly scenario: ScenarioName;
    /** Before the first call: what the recipe adds to the scenario's org. */
    readonly setup?: (org: ControllerOrg) => void;
    readonly record: (recording: Recording) => void;
}

/** Starts a sync, runs its steps to the end, and returns the run as getRun answers it. */
function syncToTheEnd({ org, keep }: Recording, queuedFile?: string): ApexAnswer {
    const started = org.call('startSync');
    const run = queuedFile === undefined ? started : (keep(queuedFile, started), started);
    if (!run.ok) {
        return run;
    }
    org.runJobs();
    return org.call('getRun', { runId: (run.value as { runId: string }).runId });
}

const RECIPES: readonly Recipe[] = [
    {
        scenario: 'connected',
        record: (recording) => {
            const { org, keep } = recording;
            keep('connectionConnected.json', org.call('getConnectionStatus'));
            keep('hourlyOn.json', org.call('getHourlySync'));
            const report = keep(
                'mappingReportFlowActive.json',
                org.call('getMappingReport', { pageSize: 50, afterLinkId: null })
            ) as { nextCursor: string };
            keep(
                'mappingReportFlowActiveNextPage.json',
                org.call('getMappingReport', { pageSize: 50, afterLinkId: report.nextCursor })
            );
            keep('recentRuns.json', org.call('getRecentRuns', { maxRuns: 10 }));
            keep('runSucceeded.json', syncToTheEnd(recording, 'runQueued.json'));
        }
    },
    {
        scenario: 'not-connected',
        record: ({ org, keep }) => {
            keep('connectionNotConnected.json', org.call('getConnectionStatus'));
        }
    },
    {
        scenario: 'organization-unreadable',
        record: ({ org, keep }) => {
            keep('connectionOrganizationUnreadable.json', org.call('getConnectionStatus'));
        }
    },
    {
        scenario: 'fresh-install',
        record: ({ org, keep }) => {
            keep('hourlyOff.json', org.call('getHourlySync'));
            keep(
                'mappingReportNoLinks.json',
                org.call('getMappingReport', { pageSize: 50, afterLinkId: null })
            );
        }
    },
    {
        scenario: 'fresh-install',
        setup: (org) => {
            usersForEveryMember(org);
            org.call('startSync');
            org.runJobs();
        },
        record: ({ org, keep }) => {
            keep(
                'mappingReportAllMapped.json',
                org.call('getMappingReport', { pageSize: 200, afterLinkId: null })
            );
        }
    },
    {
        scenario: 'no-active-flow',
        record: ({ org, keep }) => {
            keep(
                'mappingReportNoFlow.json',
                org.call('getMappingReport', { pageSize: 50, afterLinkId: null })
            );
        }
    },
    {
        scenario: 'running',
        record: ({ org, keep }) => {
            keep('runRunning.json', org.call('getCurrentRun'));
        }
    },
    {
        scenario: 'partial-run',
        record: (recording) => {
            recording.keep('runWithSkippedLinks.json', syncToTheEnd(recording));
        }
    },
    {
        scenario: 'failed-run',
        record: (recording) => {
            recording.keep('runFailed.json', syncToTheEnd(recording));
        }
    }
];

/** Every recorded answer, by file name, as JSON text the way the files hold it. */
export async function recordAnswers(): Promise<Map<string, string>> {
    const answers = new Map<string, string>();
    for (const recipe of RECIPES) {
        const scenario = findScenario(recipe.scenario);
        if (scenario === undefined) {
            throw new Error(`No scenario ${recipe.scenario}.`);
        }
        const org = await scenario.open();
        try {
            recipe.setup?.(org);
            recipe.record({
                org,
                keep: (file, answer) => {
                    if (!answer.ok) {
                        throw new Error(
                            `${file}: the controller failed in ${recipe.scenario}: ${answer.error.body.message}`
                        );
                    }
                    answers.set(file, `${JSON.stringify(normalized(answer.value), null, 2)}\n`);
                    return answer.value;
                }
            });
        } finally {
            await org.close();
        }
    }
    return answers;
}

/** The files of `answers` whose content differs from, or is missing in, `dir`; and extra files. */
export function staleAnswers(
    root: string,
    answers: ReadonlyMap<string, string>
): { readonly file: string; readonly problem: 'missing' | 'different' | 'not recorded' }[] {
    const dir = path.join(root, ANSWERS_DIR);
    const stale: { file: string; problem: 'missing' | 'different' | 'not recorded' }[] = [];
    for (const [file, content] of answers) {
        const target = path.join(dir, file);
        if (!fs.existsSync(target)) {
            stale.push({ file, problem: 'missing' });
        } else if (fs.readFileSync(target, 'utf8') !== content) {
            stale.push({ file, problem: 'different' });
        }
    }
    const present = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
    for (const file of present.filter((name) => name.endsWith('.json')).sort()) {
        if (!answers.has(file)) {
            stale.push({ file, problem: 'not recorded' });
        }
    }
    return stale;
}

/** Writes the answers into the answers folder, and removes the files no recipe records. */
export function writeAnswers(root: string, answers: ReadonlyMap<string, string>): string[] {
    const dir = path.join(root, ANSWERS_DIR);
    fs.mkdirSync(dir, { recursive: true });
    const changed: string[] = [];
    for (const { file, problem } of staleAnswers(root, answers)) {
        const target = path.join(dir, file);
        if (problem === 'not recorded') {
            fs.rmSync(target);
        } else {
            fs.writeFileSync(target, answers.get(file) ?? '');
        }
        changed.push(path.posix.join(ANSWERS_DIR, file));
    }
    return changed;
}
