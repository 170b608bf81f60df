import { CoverageRecorder } from '../../apex/coverage';
import {
    activeFlows,
    loadProject,
    openApexOrg,
    readApexSources,
    type OrgState
} from '../../cli/project';
import { findTests, runTests, type TestMethodResult } from '../apexTests';
import { REPOSITORY_ROOT } from '../../../shared/testProject';
import { coverageSummary } from '../reports';

/**
 * The package's own Apex tests, run by the embedded org as `npm run apex:test` runs them: in a
 * fresh org, and in a subscriber's org after install (the post-install handler run as the
 * package's user, which schedules nothing; the standard profiles created in one second). A
 * failing Apex test fails this suite.
 */
const project = loadProject(REPOSITORY_ROOT, { setup: true });

interface StateRun {
    readonly results: ReadonlyMap<string, TestMethodResult>;
    readonly coverage: number;
}

function runIn(state: OrgState): StateRun {
    const coverage = new CoverageRecorder();
    const { org, setup } = openApexOrg(project, {
        state,
        flows: activeFlows(project),
        log: () => undefined,
        coverage
    });
    coverage.reset();
    const results = runTests(org, setup, findTests(org, []));
    return {
        results: new Map(
            results.map((result) => [`${result.className}.${result.methodName}`, result])
        ),
        coverage: coverageSummary(coverage.report(readApexSources(project))).percent
    };
}

const methods = (() => {
    const { org } = openApexOrg(project, { state: 'fresh', flows: [], log: () => undefined });
    return findTests(org, []).flatMap((test) =>
        test.methods.map((method) => `${test.cls.name}.${method.name}`)
    );
})();

describe.each<OrgState>(['fresh', 'installed'])('the package Apex tests in a %s org', (state) => {
    let run: StateRun;
    beforeAll(() => {
        run = runIn(state);
    });

    it('finds every test method of the package', () => {
        expect(methods.length).toBeGreaterThanOrEqual(77);
        expect([...run.results.keys()].sort()).toEqual([...methods].sort());
    });

    it.each(methods)('%s passes', (name) => {
        const result = run.results.get(name);
        expect({
            outcome: result?.outcome,
            message: result?.message ?? null,
            stack: result?.stack ?? []
        }).toEqual({ outcome: 'pass', message: null, stack: [] });
    });

    it('covers at least 90% of the lines of the classes that are not tests', () => {
        expect(run.coverage).toBeGreaterThanOrEqual(90);
    });
});
