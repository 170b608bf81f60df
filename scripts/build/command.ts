import type { CommandSpec } from '../shared/command';

export const buildCommand = {
    command: 'npm run build',
    description: `Checks that the generated metadata is current (npm run generate), validates the project
(npm run validate), then converts the packaged directory of sfdx-project.json to metadata
format: dist/package (with package.xml) and a deployable zip beside it.`,
    options: {},
    exitCodes: {
        0: 'built',
        1: 'stale or invalid metadata',
        2: 'bad usage, or output that must not ship (dist/ is deleted)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
