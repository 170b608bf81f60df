// First, for its effect: the environment that keeps the sf CLI's libraries from writing log
// files or starting anything, set before any of them is loaded.
import './safeEnvironment';
import { runMain } from '../shared/command';
import { deployCommand } from './command';
import { OrgUnreachableError } from './errors';
import { formatProgress, formatReport } from './format';
import { deployMessages as M } from './messages';
import { deployOptions } from './options';
import { findTargetOrg } from './target';
import { EXIT, type DeployOptions, type DeployProgress, type TargetOrg } from './types';

/**
 * Progress on one rewritten line on a terminal; elsewhere (CI logs) a line only when something
 * changed.
 */
function progressPrinter(): { show: (progress: DeployProgress) => void; end: () => void } {
    let last = '';
    const terminal = process.stdout.isTTY;
    return {
        show: (progress) => {
            const line = formatProgress(progress);
            if (line !== last) {
                last = line;
                process.stdout.write(terminal ? `\r\x1b[2K${line}` : `${line}\n`);
            }
        },
        end: () => {
            if (terminal && last !== '') {
                process.stdout.write('\n');
            }
        }
    };
}

/** npm run build's checks and conversion; false (after saying why) when they refuse. */
async function build(root: string): Promise<boolean> {
    console.log(M.building());
    const [
        { buildProject, toValidationReport },
        { VALIDATE_CACHE_DIRECTORY, validateProject },
        { generatedFilesRule }
    ] = await Promise.all([
        import('../build/index.js'),
        import('../validate/index.js'),
        import('../generate/generatedFilesRule.js')
    ]);
    const outcome = await buildProject(root, {
        validate: async (dir) =>
            toValidationReport(
                await validateProject(dir, {
                    cacheDirectory: VALIDATE_CACHE_DIRECTORY,
                    extraRules: [generatedFilesRule()]
                })
            )
    });
    switch (outcome.status) {
        case 'stale':
            outcome.stale.forEach((file) => {
                console.error(`${file.path}: ${file.problem}`);
            });
            console.error(M.stale(outcome.stale.length));
            return false;
        case 'invalid':
            outcome.validation.errors.forEach((error) => {
                console.error(error);
            });
            console.error(outcome.validation.summary);
            console.error(M.invalid());
            return false;
        case 'forbidden-output':
            outcome.problems.forEach((problem) => {
                console.error(problem);
            });
            console.error(M.forbidden());
            return false;
        case 'built':
            console.log(M.built(outcome.summary.output.zipFiles.length));
            return true;
    }
}

async function deploy(root: string, options: DeployOptions, target: TargetOrg): Promise<number> {
    const { connect } = await import('./connect.js');
    const connection = await connect(target);
    if (!(await build(root))) {
        return EXIT.failed;
    }
    const [{ readProjectLayout }, { componentsToDeploy, deployComponents }] = await Promise.all([
        import('../build/project.js'),
        import('./deploy.js')
    ]);
    const layout = readProjectLayout(root);
    const components = componentsToDeploy(layout, options.includeUnpackaged);
    console.log(M.deploying(target, components.size, options.dryRun));
    const progress = progressPrinter();
    const outcome = await deployComponents({
        components,
        connection,
        options,
        root,
        onStart: (id) => {
            if (id) {
                console.log(`Deploy ${id} started.`);
                // Interrupting stops the waiting, not the deploy: say how to follow or stop it.
                process.once('SIGINT', () => {
                    progress.end();
                    console.error(M.interrupted(id, target));
                    process.exit(130);
                });
            }
        },
        onProgress: progress.show
    });
    progress.end();
    if (outcome.status === 'timeout') {
        console.error(M.timeout(outcome.minutes, outcome.id, target));
        return EXIT.timeout;
    }
    const report = formatReport(outcome.summary, target);
    (outcome.status === 'succeeded' ? process.stdout : process.stderr).write(report);
    return outcome.status === 'succeeded' ? EXIT.ok : EXIT.failed;
}

runMain(
    deployCommand,
    async ({ values }) => {
        const options = deployOptions(values);
        // The login is looked up before anything heavy is loaded: without one, the answer is at once.
        const target = await findTargetOrg(options.targetOrg);
        return deploy(process.cwd(), options, target);
    },
    { exitCodeOf: (error) => (error instanceof OrgUnreachableError ? EXIT.error : undefined) }
);
