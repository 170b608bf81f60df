import { parseArgs } from 'node:util';
import { validateProject } from '../validate';
import { buildProject, formatSummary, toValidationReport, type ProjectValidator } from '.';

const USAGE = `Usage: npm run build

Checks that the generated metadata is current (npm run generate), validates the project
(npm run validate), then converts the packaged directory of sfdx-project.json to metadata
format: dist/package (with package.xml) and a deployable zip beside it.
Exit code: 0 built, 1 stale or invalid metadata, 2 unexpected error.`;

/** `npm run validate` with every rule, as the build runs it before converting. */
const validate: ProjectValidator = async (root) =>
    toValidationReport(await validateProject(root, {}));

async function main(): Promise<number> {
    const { values } = parseArgs({
        options: { help: { type: 'boolean', default: false } },
        allowPositionals: false
    });
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    const outcome = await buildProject(process.cwd(), { validate });
    switch (outcome.status) {
        case 'stale':
            for (const file of outcome.stale) {
                console.error(`${file.path}: ${file.problem}`);
            }
            console.error(
                `${outcome.stale.length} generated file(s) differ from scripts/metadata: run npm run generate and commit the result.`
            );
            return 1;
        case 'invalid':
            for (const error of outcome.validation.errors) {
                console.error(error);
            }
            console.error(outcome.validation.summary);
            console.error(
                'Fix the errors above, then build again; npm run validate lists every finding.'
            );
            return 1;
        case 'forbidden-output':
            for (const problem of outcome.problems) {
                console.error(problem);
            }
            console.error('The build output held files that must not ship; it has been deleted.');
            return 2;
        case 'built':
            process.stdout.write(formatSummary(outcome.summary));
            return 0;
    }
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 2;
    }
);
