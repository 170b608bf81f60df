import type { CommandSpec } from '../shared/command';

export const previewCommand = {
    command: 'npm run preview',
    description: `Compiles the integrations page (the calendlyIntegration component) with LWC,
lightning-base-components and the SLDS style sheet, and serves it on 127.0.0.1 with a stand-in
for the Apex controller. The port comes from the environment variable PORT (default 3000; 0
picks a free one). Ctrl+C stops it.`,
    options: {},
    exitCodes: {
        0: 'stopped with Ctrl+C',
        2: 'bad usage, a bad PORT or a port in use',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
