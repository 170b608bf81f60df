import { runCommand, UsageError } from '../../shared/command';
import { readUserFile } from '../../shared/files';
import { ApexCompileError, UnsupportedError } from '../apex/errors';
import { executeAnonymous } from '../drivers/anonymous';
import { ScenarioError } from '../errors';
import { apexCommand, apexExecCommand } from './commands';
import { activeFlows, loadProject, openApexOrg, readScenario, scenarioFlows } from './project';

const exitCodeOf = (error: Error): number | undefined =>
    error instanceof ScenarioError ||
    error instanceof UnsupportedError ||
    error instanceof ApexCompileError
        ? 2
        : undefined;

/** `npm run apex -- exec FILE.apex [--scenario FILE.json]`. */
function exec(file: string, scenarioFile: string | undefined): number {
    const text = readUserFile(file, 'an anonymous Apex file (*.apex)');
    const project = loadProject(process.cwd(), { setup: true });
    const scenario = scenarioFile ? readScenario(project, scenarioFile) : undefined;
    const { org, setup } = openApexOrg(project, {
        state: 'fresh',
        flows: scenario ? scenarioFlows(project, scenario) : activeFlows(project),
        log: (line) => {
            console.log(line);
        }
    });
    if (scenario) {
        org.org.load(scenario.data);
    }
    // Anonymous Apex runs as the user who submits it: the org's administrator.
    const outcome = org.asUser(setup.adminId, () => executeAnonymous(org, text, file));
    if (outcome.kind === 'exception') {
        console.log(`FATAL_ERROR|${outcome.type}: ${outcome.message}`);
        return 1;
    }
    return 0;
}

const [first, ...rest] = process.argv.slice(2);
const run =
    first === 'exec'
        ? runCommand(
              apexExecCommand,
              rest,
              ({ values, positionals: [file = ''] }) => exec(file, values.scenario),
              { exitCodeOf }
          )
        : runCommand(apexCommand, process.argv.slice(2), () => {
              throw new UsageError(
                  `${apexCommand.command}: name a command: exec. See ${apexCommand.command} -- --help.`
              );
          });
void run.then((code) => {
    process.exitCode = code;
});
