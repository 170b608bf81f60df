// First, for its effect: the sf CLI's libraries and the commands started from here run in the
// environment that keeps them from starting background processes.
import '../deploy/safeEnvironment';
import { runCommand, type CommandSpec } from '../shared/command';
import { ORG_COMMANDS } from './command';
import { orgMessages as M } from './messages';
import { isOrgCommand, orgOptions, type OrgCommand } from './options';
import {
    createPackageVersion,
    createScratchOrg,
    deleteScratchOrg,
    setupOrg,
    StepFailure
} from './org';
import { processRunner } from './run';

/** Runs one org script with its checked options. */
async function run(command: Exclude<OrgCommand, { command: 'help' }>): Promise<number> {
    const root = process.cwd();
    const runner = processRunner(root);
    const log = (line: string): void => {
        console.log(line);
    };
    switch (command.command) {
        case 'create':
            await createScratchOrg(root, command.options, runner, log);
            if (command.options.setup) {
                log(M.ready(command.options.alias));
            }
            return 0;
        case 'setup':
            await setupOrg(root, command.options, runner, log);
            log(M.ready(command.options.targetOrg));
            return 0;
        case 'delete':
            await deleteScratchOrg(command.options.targetOrg, runner, log);
            log(M.deleted(command.options.targetOrg));
            return 0;
        case 'package-version':
            await createPackageVersion(root, command.options, runner, log);
            log(M.versionCreated());
            return 0;
    }
}

const [name = '', ...args] = process.argv.slice(2);
if (isOrgCommand(name)) {
    const spec: CommandSpec = ORG_COMMANDS[name];
    void runCommand(spec, args, ({ values }) => run(orgOptions(name, values)), {
        exitCodeOf: (error) => (error instanceof StepFailure ? error.status : undefined)
    }).then((code) => {
        process.exitCode = code;
    });
} else {
    console.error(M.unknownCommand(name));
    process.exitCode = 2;
}
