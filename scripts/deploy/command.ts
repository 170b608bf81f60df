import type { CommandSpec } from '../shared/command';

export const deployCommand = {
    command: 'npm run deploy',
    description: `Builds the package (generated files current, npm run validate, conversion), then deploys it to
an org the sf CLI is logged in to, with progress, the org's errors by file and line, Apex test
failures and code coverage.`,
    options: {
        'target-org': {
            type: 'string',
            value: 'ALIAS',
            short: 'o',
            description: "alias or username of the org (default: the sf CLI's target-org)"
        },
        'dry-run': {
            type: 'boolean',
            description: 'check-only deploy: the org validates everything and saves nothing'
        },
        'test-level': {
            type: 'string',
            value: 'LEVEL',
            short: 'l',
            description:
                "NoTestRun, RunSpecifiedTests or RunLocalTests (default: the org's: none in scratch orgs and sandboxes, RunLocalTests in production)"
        },
        tests: {
            type: 'string',
            value: 'NAMES',
            short: 't',
            multiple: true,
            description:
                'Apex test classes (or Class.method) for RunSpecifiedTests; repeat the option or separate names with commas'
        },
        'include-unpackaged': {
            type: 'boolean',
            description: "also deploy the unpackaged directory (samples, the org's flow copies)"
        },
        wait: {
            type: 'string',
            value: 'MINUTES',
            short: 'w',
            description: 'how long to wait for the org, 1 to 1440 (default 30)'
        }
    },
    notes: 'Log in first:  sf org login web --alias ALIAS   (a sandbox: add --instance-url https://test.salesforce.com)',
    exitCodes: {
        0: 'deployed (or validated)',
        1: 'not deployed (build, components or tests failed)',
        2: 'bad options or no usable login',
        3: 'still running when --wait ran out',
        4: 'other error (an unreachable org, or a bug of the tooling)'
    },
    crashExitCode: 4
} as const satisfies CommandSpec;
