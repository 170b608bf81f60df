import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { findStaleFiles, generatePackage, writeFiles } from '.';

const USAGE = `Usage: npm run generate [-- --check]

Writes the package metadata (force-app) from the TypeScript definitions in scripts/metadata.
  --check   write nothing; list the files that differ from the definitions and exit 1 if any`;

function main(): number {
    const { values } = parseArgs({
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

try {
    process.exitCode = main();
} catch (error: unknown) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
}
