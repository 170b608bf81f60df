import type { CommandSpec } from '../shared/command';

export const corpusCommand = {
    command: 'npm run corpus',
    description: `Surveys a folder of Salesforce DX projects, such as public ones cloned outside this
repository: for each sub-folder that holds an sfdx-project.json (by name), runs npm run validate's
rules on it, then loads it into the embedded org and compiles its record-triggered flows. Prints
one line per project (errors, warnings, crashes, the validator's wall time, the record-triggered
flows the org compiled and refused) and the totals. A crash is a check that could not run, or an
unexpected error of the embedded org: a bug of the tooling to report, not of the project.`,
    positionals: { synopsis: 'DIR', min: 1, max: 1, what: 'one folder of sfdx projects' },
    options: {
        json: {
            type: 'boolean',
            description:
                'print {"projects":[...],"total":{...}} only, with each project\'s errors by rule and the messages of the refusals and crashes'
        }
    },
    json: true,
    exitCodes: {
        0: 'every project was surveyed (whatever it holds)',
        2: 'bad usage (for example DIR holds no sfdx project)',
        3: 'a bug of the tooling'
    }
} as const satisfies CommandSpec;
