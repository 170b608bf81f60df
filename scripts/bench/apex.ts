import { performance } from 'node:perf_hooks';
import { executeAnonymous } from '../runtime/drivers/anonymous';
import { findTests, runTests } from '../runtime/drivers/apexTests';
import { activeFlows, loadProject, openApexOrg, type OrgState } from '../runtime/cli/project';
import { runMain, UsageError, type ParsedCommandLine } from '../shared/command';
import { benchApexCommand, DEFAULT_APEX_ITERATIONS } from './commands';

/**
 * `npm run bench:apex`: the wall time of the package's whole Apex test suite in a fresh and an
 * installed org (org set-up and compilation included), and the interpreter's cost on a
 * CPU-bound loop against the same loop in TypeScript, as a ratio measured in one run.
 */

/** The loop: Integer arithmetic that wraps, a list read and written, a string built now and then. */
const apexLoop = (iterations: number): string => `
Integer total = 0;
List<Integer> window = new List<Integer>{ 0, 0, 0, 0, 0, 0, 0, 0 };
String text = '';
for (Integer i = 0; i < ${iterations}; i++) {
    Integer slot = Math.mod(i, 8);
    total = total * 31 + window[slot] + i;
    window[slot] = total;
    if (Math.mod(i, 100000) == 0) {
        text += String.valueOf(total).left(1);
    }
}
System.debug(total + ' ' + text);
`;

function typeScriptLoop(iterations: number): string {
    let total = 0;
    const window = [0, 0, 0, 0, 0, 0, 0, 0];
    let text = '';
    for (let i = 0; i < iterations; i = (i + 1) | 0) {
        const slot = i % 8;
        total = (Math.imul(total, 31) + (window[slot] ?? 0) + i) | 0;
        window[slot] = total;
        if (i % 100000 === 0) {
            text += String(total).slice(0, 1);
        }
    }
    return `${total} ${text}`;
}

function seconds(run: () => void): number {
    const started = performance.now();
    run();
    return (performance.now() - started) / 1000;
}

function suite(state: OrgState): { seconds: number; methods: number; passed: number } {
    let methods = 0;
    let passed = 0;
    const time = seconds(() => {
        const project = loadProject(process.cwd(), { setup: true });
        const { org, setup } = openApexOrg(project, {
            state,
            flows: activeFlows(project),
            log: () => undefined
        });
        const results = runTests(org, setup, findTests(org, []));
        methods = results.length;
        passed = results.filter((result) => result.outcome === 'pass').length;
    });
    return { seconds: time, methods, passed };
}

function iterationsOf(text: string | undefined): number {
    if (text === undefined) {
        return DEFAULT_APEX_ITERATIONS;
    }
    const iterations = Number(text);
    if (!Number.isInteger(iterations) || iterations < 1) {
        throw new UsageError(
            `--iterations "${text}" must be a whole number, e.g. --iterations 100000.`
        );
    }
    return iterations;
}

/** Times the loop as anonymous Apex and in TypeScript; both must compute the same result. */
function loop(iterations: number): { apex: number; typeScript: number } {
    const project = loadProject(process.cwd(), { setup: true });
    const lines: string[] = [];
    const { org, setup } = openApexOrg(project, {
        state: 'fresh',
        flows: [],
        log: (line) => lines.push(line)
    });
    // One warm-up run each, so that neither side is timed while it compiles.
    const warmUp = Math.min(iterations, 10_000);
    org.asUser(setup.adminId, () => executeAnonymous(org, apexLoop(warmUp), 'bench.apex'));
    typeScriptLoop(warmUp);
    const apex = seconds(() => {
        org.asUser(setup.adminId, () => executeAnonymous(org, apexLoop(iterations), 'bench.apex'));
    });
    const apexResult = (lines.at(-1) ?? '').replace(/^USER_DEBUG\|\[\d+\]\|DEBUG\|/, '');
    let typeScriptResult = '';
    const typeScript = seconds(() => {
        typeScriptResult = typeScriptLoop(iterations);
    });
    if (apexResult !== typeScriptResult) {
        throw new Error(`The loops disagree: Apex ${apexResult}, TypeScript ${typeScriptResult}.`);
    }
    return { apex, typeScript };
}

function printLoop(when: string, times: { apex: number; typeScript: number }): void {
    console.log(
        `  ${when}: interpreted Apex ${times.apex.toFixed(3)} s, TypeScript ${times.typeScript.toFixed(3)} s: ${(times.apex / times.typeScript).toFixed(0)}x`
    );
}

function main({ values }: ParsedCommandLine<typeof benchApexCommand.options>): number {
    const iterations = iterationsOf(values.iterations);
    console.log(
        `A CPU-bound loop of ${iterations.toLocaleString('en-US')} iterations (Integer arithmetic, a list, Math.mod):`
    );
    printLoop('in a process that has run nothing else', loop(iterations));
    for (const state of ['fresh', 'installed'] as const) {
        const result = suite(state);
        console.log(
            `The package's Apex tests in ${state === 'installed' ? 'an' : 'a'} ${state} org: ${result.seconds.toFixed(2)} s wall time for ${result.methods} test methods (${result.passed} passed), the org's set-up and compilation included`
        );
    }
    printLoop('after the test suites, as in npm test', loop(iterations));
    return 0;
}

runMain(benchApexCommand, main);
