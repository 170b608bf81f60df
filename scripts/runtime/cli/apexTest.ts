import * as path from 'node:path';
import { runCommand, UsageError } from '../../shared/command';
import { CoverageRecorder } from '../apex/coverage';
import { ApexCompileError, UnsupportedError } from '../apex/errors';
import { coverageSummary, writeJUnit, writeLcov } from '../drivers/reports';
import {
    findTests,
    runTests,
    TestSelectionError,
    type TestMethodResult,
    type TestSelection
} from '../drivers/apexTests';
import { ScenarioError } from '../errors';
import { apexTestCommand } from './commands';
import { activeFlows, loadProject, openApexOrg, readApexSources, type OrgState } from './project';

const STATES: readonly OrgState[] = ['fresh', 'installed'];
const JUNIT_REPORT = 'reports/apex-tests.xml';
const LCOV_REPORT = 'reports/apex-coverage/lcov.info';

const percent = (value: number): string => `${value.toFixed(2).padStart(6)}%`;

function selectionOf(text: string): TestSelection {
    const [className = '', methodName, ...rest] = text.split('.');
    if (className === '' || rest.length > 0 || methodName === '') {
        throw new UsageError(
            `--class ${text}: name a test class or Class.method, e.g. --class MyClass_Tests.itWorks.`
        );
    }
    return methodName === undefined ? { className } : { className, methodName };
}

function line(result: TestMethodResult): string {
    const name = `${result.className}.${result.methodName}`;
    if (result.outcome === 'pass') {
        return `PASS  ${name} (${result.durationMs} ms)`;
    }
    const label = result.outcome === 'fail' ? 'FAIL ' : 'ERROR';
    return [
        `${label} ${name}: ${result.message ?? ''}`,
        ...result.stack.map((frame) => `        at ${frame}`)
    ].join('\n');
}

function run(classes: readonly string[], state: string, json: boolean): number {
    if (!STATES.includes(state as OrgState)) {
        throw new UsageError(`--org ${state}: use fresh or installed.`);
    }
    const selections = classes.map(selectionOf);
    const project = loadProject(process.cwd(), { setup: true });
    const coverage = new CoverageRecorder();
    const { org, setup } = openApexOrg(project, {
        state: state as OrgState,
        flows: activeFlows(project),
        log: () => undefined,
        coverage
    });
    // What the org ran to set itself up (the post-install handler) is not a test's coverage.
    coverage.reset();
    let tests;
    try {
        tests = findTests(org, selections);
    } catch (error: unknown) {
        if (error instanceof TestSelectionError) {
            throw new UsageError(error.message);
        }
        throw error;
    }
    const results = runTests(org, setup, tests, (result) => {
        if (!json) {
            console.log(line(result));
        }
    });
    writeJUnit(path.join(project.root, JUNIT_REPORT), results);
    const files = coverage.report(readApexSources(project));
    writeLcov(path.join(project.root, LCOV_REPORT), files);
    const summary = coverageSummary(files);
    const count = (outcome: TestMethodResult['outcome']): number =>
        results.filter((result) => result.outcome === outcome).length;
    if (json) {
        console.log(JSON.stringify({ org: state, results, coverage: summary }, null, 2));
    } else {
        console.log(`\nLine coverage of the classes that are not tests:`);
        for (const cls of summary.classes) {
            console.log(
                `  ${cls.className.padEnd(32)} ${percent(cls.percent)}  ${cls.covered}/${cls.total}`
            );
        }
        console.log(
            `  ${'total'.padEnd(32)} ${percent(summary.percent)}  ${summary.covered}/${summary.total}`
        );
        console.log(`JUnit XML: ${JUNIT_REPORT}; lcov: ${LCOV_REPORT}`);
        console.log(
            `\n${results.length} test methods in the ${state} org: ${count('pass')} passed, ${count('fail')} failed, ${count('error')} could not run`
        );
    }
    return count('error') > 0 ? 2 : count('fail') > 0 ? 1 : 0;
}

void runCommand(
    apexTestCommand,
    process.argv.slice(2),
    ({ values }) => run(values.class, values.org ?? 'fresh', values.json),
    {
        exitCodeOf: (error) =>
            error instanceof ScenarioError ||
            error instanceof UnsupportedError ||
            error instanceof ApexCompileError
                ? 2
                : undefined
    }
).then((code) => {
    process.exitCode = code;
});
