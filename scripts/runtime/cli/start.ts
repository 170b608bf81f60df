import * as path from 'node:path';
import { runScenario } from '../scenario';
import { loadProject, readScenario, runCommand, scenarioFlows } from './project';
import { teamReport } from './teamReport';

/** The sample scenario `npm start` runs: a small team's first sync. */
const SAMPLE_SCENARIO = path.join('scripts', 'runtime', 'scenarios', 'sample-team.scenario.json');

function main(): number {
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
}

runCommand(main);
