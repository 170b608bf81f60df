import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCommand, UsageError } from '../shared/command';
import { MetadataSchema } from '../schema';
import { flowCopyCommand, generateCommand } from './command';
import { findStaleFiles, generatePackage, writeFiles } from '.';
import {
    flowCopyOptions,
    flowMessages,
    planFlowCopy,
    writeFlowCopy,
    type FlowCopyOptions
} from './flow';

/** `npm run generate [-- --check]`: the package metadata from its definitions. */
function generate(check: boolean): number {
    const root = process.cwd();
    if (!fs.existsSync(path.join(root, 'sfdx-project.json'))) {
        throw new UsageError(
            `${root} has no sfdx-project.json: run npm run generate from the project's folder.`
        );
    }
    if (check) {
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
function generateFlowCopy(options: FlowCopyOptions): number {
    const plan = planFlowCopy(process.cwd(), options, MetadataSchema.load());
    for (const note of plan.notes) {
        console.error(note);
    }
    const files = writeFlowCopy(process.cwd(), plan);
    for (const file of files) {
        console.log(
            file.written ? flowMessages.wrote(file.path) : flowMessages.unchanged(file.path)
        );
    }
    console.log(flowMessages.nextSteps(files[0]?.path ?? ''));
    return 0;
}

const args = process.argv.slice(2);
const [first, ...rest] = args;
const run =
    first === 'flow'
        ? runCommand(flowCopyCommand, rest, ({ values }) =>
              generateFlowCopy(flowCopyOptions(values))
          )
        : runCommand(generateCommand, args, ({ values }) => generate(values.check));
void run.then((code) => {
    process.exitCode = code;
});
