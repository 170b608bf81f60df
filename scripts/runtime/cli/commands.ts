import * as path from 'node:path';
import type { CommandSpec } from '../../shared/command';

export const DEFAULT_FLOWTEST_DATA = path.join('scripts', 'runtime', 'flowtest.data.json');
export const DEFAULT_FLOWTEST_JUNIT = path.join('reports', 'flow-tests.xml');

export const startCommand = {
    command: 'npm start',
    description: `Syncs a small Calendly team end to end in the embedded org: the Calendly stand-in serves it
on 127.0.0.1, an admin holding Calendly Links Admin starts CalendlySyncController.startSync, and
the queued jobs run to the end with the flow template as an active copy. The syncs: the first,
one with nothing changed, one after a member left and another's link changed, and the next one,
which deactivates the departed member's link missed twice in a row. For each it prints the run, who has which link and why the others have none, the Calendly requests against
the minimum, and the limits of the busiest step.`,
    options: {
        json: {
            type: 'boolean',
            description:
                'print {"syncs":[{"name","status","calendlyRequests","minimumRequests","linksCreated",...}]} only'
        }
    },
    json: true,
    exitCodes: {
        0: 'every sync behaved as the README documents',
        1: 'a sync did not (each promise that failed is named)',
        2: 'bad usage or an invalid project',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const simulateCommand = {
    command: 'npm run simulate',
    description: `Runs a scenario in the embedded org: its data, then each step as one transaction with the
record-triggered flows it fires, then its expectations. Prints each step (ok or its error, the
flow interviews run, the governor limits used) and the final records of every object.`,
    positionals: { synopsis: 'FILE', min: 1, max: 1, what: 'one scenario file (*.scenario.json)' },
    options: {
        json: { type: 'boolean', description: 'print {"steps":[...],"data":{...}} only' },
        project: {
            type: 'string',
            value: 'DIR',
            description:
                "the Salesforce DX project whose objects and flows the org runs (the scenario's flows are paths from its root), default the current directory"
        }
    },
    json: true,
    exitCodes: {
        0: 'the scenario ran and its expectations held',
        1: 'an expectation failed',
        2: 'bad usage or an invalid scenario (the message names the place)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const flowTestCommand = {
    command: 'npm run flow:test',
    description: `Runs the project's FlowTests (or the files given) against their flows in the embedded org,
with the org data of a scenario-style file, and reports each test and assertion.`,
    positionals: {
        synopsis: '[FLOWTEST_FILE...]',
        min: 0,
        what: 'FlowTest files (*.flowtest-meta.xml)'
    },
    options: {
        data: {
            type: 'string',
            value: 'FILE',
            description: `org data ({"data": {"User": [...]}}), default ${DEFAULT_FLOWTEST_DATA}`
        },
        junit: {
            type: 'string',
            value: 'FILE',
            description: `JUnit XML report, default ${DEFAULT_FLOWTEST_JUNIT}`
        }
    },
    exitCodes: {
        0: 'every test passed',
        1: 'a test failed',
        2: 'bad usage or an invalid file',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const apexCommand = {
    command: 'npm run apex',
    description: `Runs Apex of the project in the embedded org. Its command: npm run apex -- exec FILE.apex
(its own --help lists the options).`,
    subcommands: ['exec'],
    options: {},
    exitCodes: {
        2: 'bad usage: a command must be named',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const apexExecCommand = {
    command: 'npm run apex -- exec',
    description: `Executes anonymous Apex against the embedded org with the project's classes, as one
transaction, as \`sf apex run\` does in an org. Prints the debug log's USER_DEBUG lines and, for an
exception nothing caught, FATAL_ERROR|TYPE: MESSAGE.`,
    positionals: { synopsis: 'FILE', min: 1, max: 1, what: 'one anonymous Apex file (*.apex)' },
    options: {
        scenario: {
            type: 'string',
            value: 'FILE',
            description:
                "load the org first with a scenario's flows (run as active) and data; its steps and expectations are not run"
        }
    },
    exitCodes: {
        0: 'the Apex ran to its end',
        1: 'an exception was not caught',
        2: 'bad usage, or Apex that does not compile or that the embedded org does not support (the message names the file and line)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;

export const apexTestCommand = {
    command: 'npm run apex:test',
    description: `Runs the project's Apex tests in the embedded org: every test method of the @IsTest classes
(or of those named), each in a transaction of its own that is rolled back, with test data
isolation, in a fresh org or in a subscriber's org after the package's install.`,
    options: {
        class: {
            type: 'string',
            value: 'NAME[.method]',
            multiple: true,
            description: 'a test class, or one method of it, to run; repeat for more (default: all)'
        },
        org: {
            type: 'string',
            value: 'fresh|installed',
            description:
                'the org to run in: fresh, or installed (the post-install handler has run); default fresh'
        },
        json: { type: 'boolean', description: 'print {"org":...,"results":[...]} only' }
    },
    json: true,
    exitCodes: {
        0: 'every test passed',
        1: 'a test failed',
        2: 'bad usage, or Apex that does not compile or that the embedded org does not support (the message names the file and line)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
