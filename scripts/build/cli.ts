import { runMain } from '../shared/command';
import { generatedFilesRule } from '../generate/generatedFilesRule';
import { VALIDATE_CACHE_DIRECTORY, validateProject } from '../validate';
import { buildCommand } from './command';
import { buildProject, formatSummary, toValidationReport, type ProjectValidator } from '.';

/** `npm run validate` with every rule, as the build runs it before converting. */
const validate: ProjectValidator = async (root) =>
    toValidationReport(
        await validateProject(root, {
            cacheDirectory: VALIDATE_CACHE_DIRECTORY,
            extraRules: [generatedFilesRule()]
        })
    );

runMain(buildCommand, async () => {
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
});
