import * as path from 'node:path';
import { runMain } from '../../shared/command';
import { ScenarioError } from '../errors';
import { formatJson, formatText, runScenario } from '../drivers/scenario';
import { simulateCommand } from './commands';
import { loadProject, readScenario, scenarioFlows } from './project';

runMain(
    simulateCommand,
    ({ values, positionals: [file = ''] }) => {
        const project = loadProject(path.resolve(values.project ?? '.'));
        const scenario = readScenario(project, file);
        const flows = scenarioFlows(project, scenario);
        const outcome = runScenario(scenario, project.schema, flows);
        if (values.json) {
            console.log(formatJson(outcome));
            outcome.failures.forEach((failure) => {
                console.error(failure);
            });
        } else {
            console.log(
                formatText(
                    scenario,
                    flows.map((flow) => `${flow.apiName} (${flow.file})`),
                    outcome
                )
            );
        }
        return outcome.failures.length === 0 ? 0 : 1;
    },
    { exitCodeOf: (error) => (error instanceof ScenarioError ? 2 : undefined) }
);
