import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { MetadataSchema } from '../schema';
import { findStaleFiles, generatePackage, writeFiles } from '.';
import { FLOW_USAGE, flowMessages, parseFlowCopyArgs, planFlowCopy, writeFlowCopy } from './flow';

const USAGE = `Usage: npm run generate [-- --check]
       npm run generate -- flow --name API_NAME [options]   (see npm run generate -- flow --help)

Writes the package metadata (force-app) from the TypeScript definitions in scripts/metadata.
  --check   write nothing; list the files that differ from the definitions and exit 1 if any
  flow      write an active copy of the flow template into the unpackaged directory`;

function generate(args: string[]): number {
    const { values } = parseArgs({
        args,
        options: {
            check: { type: 'boolean', default: false },
            help: { type: 'boolean', default: false }
        },
        allowPositionals: false
    });
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    const root = process.cwd();
    if (values.check) {
        const stale = findStaleFiles(root);
        for (const file of stale) {
            console.error(
                `${file.path}: ${file.problem} - run \`npm run generate\` and commit the result.`
            );
        }
        console.log(
            stale.length === 0
                ? 'Generated metadata is up to date.'
                : `${stale.length} generated file(s) are stale.`
        );
        return stale.length === 0 ? 0 : 1;
    }
    const files = generatePackage();
    const changed = writeFiles(root, files);
    for (const file of changed) {
        console.log(`wrote ${path.normalize(file)}`);
    }
    console.log(`${files.length} generated file(s), ${changed.length} changed.`);
    return 0;
}

/** `npm run generate -- flow ...`: an org's active copy of the template, in unpackaged/. */
function generateFlowCopy(args: string[]): number {
    const options = parseFlowCopyArgs(args);
    if (options === 'help') {
        console.log(FLOW_USAGE);
        return 0;
    }
    const plan = planFlowCopy(process.cwd(), options, MetadataSchema.load());
    for (const note of plan.notes) {
        console.error(note);
    }
    const written = writeFlowCopy(process.cwd(), plan);
    for (const file of written) {
        console.log(flowMessages.wrote(file));
    }
    console.log(flowMessages.nextSteps(written[0] ?? ''));
    return 0;
}

function main(): number {
    const args = process.argv.slice(2);
    return args[0] === 'flow' ? generateFlowCopy(args.slice(1)) : generate(args);
}

try {
    process.exitCode = main();
} catch (error: unknown) {
    // Refusals and bad arguments alike exit 2; a refusal's message already says what to do.
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
}
