// First, for its effect: the sf CLI's libraries and the commands started from here run in the
// environment that keeps them from starting background processes.
import '../deploy/safeEnvironment';
import { ORG_USAGE, orgMessages as M } from './messages';
import { OrgUsageError, parseOrgArgs } from './options';
import {
    createPackageVersion,
    createScratchOrg,
    deleteScratchOrg,
    setupOrg,
    StepFailure
} from './org';
import { processRunner } from './run';

async function main(): Promise<number> {
    const parsed = parseOrgArgs(process.argv.slice(2));
    const root = process.cwd();
    const run = processRunner(root);
    const log = (line: string): void => {
        console.log(line);
    };
    switch (parsed.command) {
        case 'help':
            console.log(ORG_USAGE);
            return 0;
        case 'create':
            await createScratchOrg(root, parsed.options, run, log);
            if (parsed.options.setup) {
                log(M.ready(parsed.options.alias));
            }
            return 0;
        case 'setup':
            await setupOrg(root, parsed.options, run, log);
            log(M.ready(parsed.options.targetOrg));
            return 0;
        case 'delete':
            await deleteScratchOrg(parsed.options.targetOrg, run, log);
            log(M.deleted(parsed.options.targetOrg));
            return 0;
        case 'package-version':
            await createPackageVersion(root, parsed.options, run, log);
            log(M.versionCreated());
            return 0;
    }
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        if (error instanceof OrgUsageError) {
            console.error(error.message);
            process.exitCode = 2;
        } else if (error instanceof StepFailure) {
            console.error(error.message);
            process.exitCode = error.status;
        } else {
            console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
            process.exitCode = 1;
        }
    }
);
