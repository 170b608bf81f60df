import type { CommandSpec } from '../shared/command';

export const validateCommand = {
    command: 'npm run validate',
    description: `Checks the Salesforce DX project in DIR (default: the current directory) offline: XML,
metadata types, the Metadata API schema, cross-references of flows, FlowTests, permission
sets, layouts and list views, Lightning Flow Scanner, Apex (syntax, apex-ls, PMD, fields),
API versions and, in this repository, that generated files are up to date.`,
    positionals: { synopsis: '[DIR]', min: 0, max: 1, what: 'one directory' },
    options: {
        json: {
            type: 'boolean',
            description:
                'print the findings as JSON (errors too); run it as npm run -s validate -- --json so npm adds nothing'
        },
        quiet: {
            type: 'boolean',
            description: 'list errors only (warnings and notes are still counted)'
        },
        'no-cache': {
            type: 'boolean',
            description:
                'run the Apex checks, source-deploy-retrieve and the schema reader even if nothing has changed since the last run'
        },
        rule: {
            type: 'string',
            value: 'ID',
            multiple: true,
            description: 'run only this rule (repeatable)'
        }
    },
    json: true,
    exitCodes: {
        0: 'no errors (warnings and notes allowed)',
        1: 'errors',
        2: 'bad usage (for example not an sfdx project)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
