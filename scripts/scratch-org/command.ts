import type { CommandSpec, OptionSpec } from '../shared/command';

/** The Dev Hub option, under the project's name and the sf CLI's. */
const DEV_HUB: OptionSpec = {
    type: 'string',
    value: 'HUB',
    short: 'v',
    aliases: ['target-dev-hub'],
    description: "alias or username of the Dev Hub (default: the sf CLI's target-dev-hub)"
};

const SKIP_SAMPLE_DATA: OptionSpec = {
    type: 'boolean',
    description: 'do not load the sample links of config/sample-data'
};

const TARGET_ORG = {
    type: 'string',
    value: 'ALIAS',
    short: 'o',
    required: { example: 'calendly-dev' },
    description: 'alias or username of the scratch org'
} as const satisfies OptionSpec;

const EXIT_CODES = {
    0: 'done',
    1: 'a step failed (the message names it)',
    2: 'bad options',
    3: 'a bug of the tooling'
} as const;

const ENVIRONMENT =
    'Every sf command runs with the environment that keeps the sf CLI from starting background processes.';

export const orgCreateCommand = {
    command: 'npm run org:create',
    description: `Creates a scratch org from config/project-scratch-def.json, then sets it up as
npm run org:setup does (unless --skip-setup).`,
    options: {
        alias: {
            type: 'string',
            value: 'ALIAS',
            short: 'a',
            required: { example: 'calendly-dev' },
            description: 'alias of the new scratch org'
        },
        'dev-hub': DEV_HUB,
        'duration-days': {
            type: 'string',
            value: 'N',
            short: 'y',
            description: 'days before the org expires, 1 to 30 (default 7)'
        },
        'skip-setup': { type: 'boolean', description: 'create the org only' },
        'skip-sample-data': SKIP_SAMPLE_DATA
    },
    notes: ENVIRONMENT,
    exitCodes: EXIT_CODES
} as const satisfies CommandSpec;

export const orgSetupCommand = {
    command: 'npm run org:setup',
    description: `Deploys the package and the unpackaged directory (npm run deploy), assigns the permission sets
to you, creates the sample user Ada Lovelace that the FlowTests expect, and loads the sample
links of config/sample-data (unless --skip-sample-data); steps already done are skipped.`,
    options: { 'target-org': TARGET_ORG, 'skip-sample-data': SKIP_SAMPLE_DATA },
    notes: ENVIRONMENT,
    exitCodes: {
        ...EXIT_CODES,
        1: "a step failed (the message names it), or npm run deploy's own code when the deploy step fails"
    }
} as const satisfies CommandSpec;

export const orgDeleteCommand = {
    command: 'npm run org:delete',
    description: 'Deletes the scratch org.',
    options: { 'target-org': TARGET_ORG },
    notes: ENVIRONMENT,
    exitCodes: EXIT_CODES
} as const satisfies CommandSpec;

export const packageVersionCommand = {
    command: 'npm run package:version',
    description: `Builds the package (npm run build), then creates a managed package version with code coverage
in the Dev Hub (sf package version create).`,
    options: {
        'dev-hub': DEV_HUB,
        wait: {
            type: 'string',
            value: 'MINUTES',
            short: 'w',
            description: 'how long to wait for the version, 1 to 1440 (default 60)'
        },
        tag: { type: 'string', value: 'TAG', short: 't', description: "the version's tag" }
    },
    notes: ENVIRONMENT,
    exitCodes: EXIT_CODES
} as const satisfies CommandSpec;

/** The org scripts by the word `tsx scripts/scratch-org/cli.ts` takes first. */
export const ORG_COMMANDS = {
    create: orgCreateCommand,
    setup: orgSetupCommand,
    delete: orgDeleteCommand,
    'package-version': packageVersionCommand
} as const;
