import { runMain } from '../shared/command';
import { VALIDATE_CACHE_DIRECTORY } from './cacheDirectory';
import { validateCommand } from './command';
import { Project } from '../project';
import { formatHuman, toJsonReport } from './report';
import type { ValidateOptions } from './types';

runMain(validateCommand, async ({ values, positionals }) => {
    const started = performance.now();
    // This repository's own rule (its generated files are current) joins the validator's.
    const { generatedFilesRule } = await import('../generate/generatedFilesRule.js');
    const options: ValidateOptions = {
        extraRules: [generatedFilesRule()],
        ...(values.rule.length > 0 ? { rules: values.rule } : {}),
        ...(values['no-cache']
            ? { schemaCache: false }
            : { cacheDirectory: VALIDATE_CACHE_DIRECTORY, schemaCache: true })
    };
    // The project starts loading (from the cache, else with source-deploy-retrieve in a worker
    // thread) before the rules and the schema they check against are even imported.
    const loading = Project.load(
        positionals[0] ?? process.cwd(),
        options.cacheDirectory ? { cacheDirectory: options.cacheDirectory } : {}
    );
    const preparing = import('./validate.js').then((validation) => {
        const rules = validation.selectRules(options);
        validation.preload(rules, options);
        return { validation, rules };
    });
    const [project, { validation, rules }] = await Promise.all([loading, preparing]);
    const result = await validation.validate(project, rules);
    if (values.json) {
        console.log(JSON.stringify(toJsonReport(result), null, 2));
    } else {
        const seconds = (performance.now() - started) / 1000;
        console.log(formatHuman(result, seconds, values.quiet ? 'error' : 'note'));
    }
    return result.ok ? 0 : 1;
});
