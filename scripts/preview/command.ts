import type { CommandSpec } from '../shared/command';

export const previewCommand = {
    command: 'npm run preview',
    description: `Compiles the integrations page (the calendlyIntegration component and its sections) with LWC,
lightning-base-components and the SLDS style sheet, and serves it on 127.0.0.1. Its Apex calls
are answered by the real CalendlySyncController in the embedded org, against the Calendly
stand-in; the query string names the scenario (?scenario=failed-run). The port comes from the
environment variable PORT (default 3000; 0 picks a free one). Ctrl+C stops it. To record the
components' Jest answers from the same controller: npm run preview -- record.`,
    subcommands: ['record'],
    options: {},
    exitCodes: {
        0: 'stopped with Ctrl+C',
        2: 'bad usage, a bad PORT or a port in use',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const recordCommand = {
    command: 'npm run preview -- record',
    description: `Records what the real CalendlySyncController answers in the preview's scenarios (the embedded
org against the Calendly stand-in) into the component tests' answers,
force-app/main/default/lwc/calendlyIntegration/__tests__/data.`,
    options: {
        check: {
            type: 'boolean',
            description:
                'write nothing; list the answers that differ from what the controller answers now and exit 1 if any'
        }
    },
    exitCodes: {
        0: 'recorded (or, with --check, up to date)',
        1: 'with --check, answers that differ',
        2: 'bad usage',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
