import * as path from 'node:path';
import { runMain } from '../../shared/command';
import { ScenarioError } from '../errors';
import { runScenario } from '../drivers/scenario';
import { SAMPLE_SCENARIO, startCommand } from './commands';
import { loadProject, readScenario, scenarioFlows } from './project';
import { teamReport } from './teamReport';

runMain(
    startCommand,
    () => {
        const project = loadProject();
        const scenario = readScenario(project, path.join(project.root, SAMPLE_SCENARIO));
        const flows = scenarioFlows(project, scenario);
        const outcome = runScenario(scenario, project.schema, flows);
        console.log(
            teamReport(
                scenario,
                flows.map((flow) => flow.apiName),
                outcome
            )
        );
        console.log(`\nTry your own: npm run simulate -- ${SAMPLE_SCENARIO}`);
        return outcome.failures.length === 0 ? 0 : 1;
    },
    { exitCodeOf: (error) => (error instanceof ScenarioError ? 2 : undefined) }
);
