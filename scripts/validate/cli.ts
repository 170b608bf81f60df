import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from './errors';
import { messages } from './messages';
import { Project } from './project';
import { formatHuman, toJsonReport } from './report';
import type { ValidateOptions } from './types';

const USAGE = `Usage: npm run validate -- [DIR] [--json] [--quiet] [--no-cache] [--rule ID]...

Checks the Salesforce DX project in DIR (default: the current directory) offline: XML,
metadata types, the Metadata API schema, cross-references of flows, FlowTests, permission
sets, layouts and list views, Lightning Flow Scanner, Apex (syntax, apex-ls, PMD, fields),
API versions and, in this repository, that generated files are up to date.

  --json       print the findings as JSON
  --quiet      list errors only (warnings and notes are still counted)
  --no-cache   run the Apex checks, source-deploy-retrieve and the schema reader even if
               nothing has changed since the last run
  --rule ID    run only this rule (repeatable)
  --help       show this help

Exit status: 0 no errors (warnings and notes allowed), 1 errors, 2 bad usage, 3 crash.`;

/**
 * The Apex checks (Java, the Apex parser) take seconds and loading source-deploy-retrieve a
 * second; their answers for an unchanged project are kept here, beside the validator's
 * dependencies, and so is the parsed Metadata API schema (scripts/schema/cache.ts).
 */
const CACHE_DIRECTORY = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'validate');

async function main(): Promise<number> {
    let parsed;
    try {
        parsed = parseArgs({
            options: {
                json: { type: 'boolean', default: false },
                quiet: { type: 'boolean', default: false },
                'no-cache': { type: 'boolean', default: false },
                rule: { type: 'string', multiple: true },
                help: { type: 'boolean', default: false }
            },
            allowPositionals: true
        });
    } catch (error: unknown) {
        throw new UsageError(
            messages.usage.badArguments(error instanceof Error ? error.message : String(error))
        );
    }
    const { values, positionals } = parsed;
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    if (positionals.length > 1) {
        throw new UsageError(
            messages.usage.badArguments(`Give one directory, not ${positionals.length}`)
        );
    }
    const started = performance.now();
    const options: ValidateOptions = {
        ...(values.rule ? { rules: values.rule } : {}),
        ...(values['no-cache']
            ? { schemaCache: false }
            : { cacheDirectory: CACHE_DIRECTORY, schemaCache: true })
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
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        if (error instanceof UsageError) {
            console.error(error.message);
            process.exitCode = 2;
        } else {
            console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
            process.exitCode = 3;
        }
    }
);
