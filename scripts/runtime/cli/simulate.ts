import { parseArgs } from 'node:util';
import { formatJson, formatText, runScenario } from '../scenario';
import { loadProject, readScenario, runCommand, scenarioFlows } from './project';

const USAGE = `Usage: npm run simulate -- FILE [--json]

Runs a scenario in the embedded org: its data, then each step as one transaction with the
record-triggered flows it fires, then its expectations. Prints each step (ok or its error, the
flow interviews run, the governor limits used) and the final records of every object.
  --json   print {"steps":[...],"data":{...}} only
Exit code: 0 the scenario ran and its expectations held, 1 an expectation failed,
2 the scenario is invalid (the message names the place).`;

function main(): number {
    const { values, positionals } = parseArgs({
        options: {
            json: { type: 'boolean', default: false },
            help: { type: 'boolean', default: false }
        },
        allowPositionals: true
    });
    const [file, ...extra] = positionals;
    if (values.help || file === undefined || extra.length > 0) {
        (values.help ? console.log : console.error)(USAGE);
        return values.help ? 0 : 2;
    }
    const project = loadProject();
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
}

runCommand(main);
