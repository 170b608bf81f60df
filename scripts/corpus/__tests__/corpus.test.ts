import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCommand } from '../../shared/command';
import { messages } from '../../validate/messages';
import { corpusCommand } from '../command';
import { corpusMain } from '../main';
import type { JsonCorpus } from '../report';
import { isCrash } from '../survey';

/** A record-triggered flow on Account whose one assignment sets `field` of $Record. */
const flow = (field: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<Flow xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <assignments>
        <name>Set_Field</name>
        <label>Set Field</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <assignmentItems>
            <assignToReference>$Record.${field}</assignToReference>
            <operator>Assign</operator>
            <value>
                <stringValue>Surveyed</stringValue>
            </value>
        </assignmentItems>
    </assignments>
    <description>Marks each new account.</description>
    <label>Mark Account</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <connector>
            <targetReference>Set_Field</targetReference>
        </connector>
        <object>Account</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordBeforeSave</triggerType>
    </start>
    <status>Active</status>
</Flow>
`;

const FLOW_FILE = 'force-app/main/default/flows/Mark_Account.flow-meta.xml';

let corpus: string;

/** Writes one project of the corpus: its sfdx-project.json and its one flow. */
function project(name: string, field: string): void {
    const root = path.join(corpus, name);
    fs.mkdirSync(path.join(root, path.dirname(FLOW_FILE)), { recursive: true });
    fs.writeFileSync(
        path.join(root, 'sfdx-project.json'),
        JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '66.0'
        })
    );
    fs.writeFileSync(path.join(root, FLOW_FILE), flow(field));
}

beforeAll(() => {
    corpus = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
    project('clean', 'Description');
    // The field does not exist: the validator reports it, and the org refuses the flow.
    project('broken', 'Surveyed__c');
    // Not a project: no sfdx-project.json, so not surveyed.
    fs.mkdirSync(path.join(corpus, 'notes'));
});

afterAll(() => {
    fs.rmSync(corpus, { recursive: true, force: true });
});

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runCommand(
        corpusCommand,
        args,
        corpusMain((text) => {
            out += `${text}\n`;
        }),
        {
            stdout: (text) => {
                out += text;
            },
            stderr: (text) => {
                err += text;
            }
        }
    );
    return { code, out, err };
}

describe('npm run corpus', () => {
    it('surveys each project, counting errors, crashes and flows, and exits 0', async () => {
        const json = await run([corpus, '--json']);
        expect(json.code).toBe(0);
        const report = JSON.parse(json.out) as JsonCorpus;
        expect(
            report.projects.map(({ validateSeconds, ...figures }) => ({
                ...figures,
                timed: validateSeconds >= 0
            }))
        ).toEqual([
            {
                name: 'broken',
                errors: 1,
                warnings: 0,
                notes: expect.any(Number) as number,
                crashes: 0,
                flowsCompiled: 0,
                flowsRefused: 1,
                errorsByRule: { 'flow-references': 1 },
                refusals: [
                    {
                        flow: FLOW_FILE,
                        message: expect.stringContaining(
                            `${FLOW_FILE}:9: unknown field "Surveyed__c" on Account`
                        ) as string
                    }
                ],
                crashMessages: [],
                timed: true
            },
            {
                name: 'clean',
                errors: 0,
                warnings: 0,
                notes: expect.any(Number) as number,
                crashes: 0,
                flowsCompiled: 1,
                flowsRefused: 0,
                errorsByRule: {},
                refusals: [],
                crashMessages: [],
                timed: true
            }
        ]);
        expect(report.total).toMatchObject({
            projects: 2,
            errors: 1,
            crashes: 0,
            flowsCompiled: 1,
            flowsRefused: 1
        });

        const text = await run([corpus]);
        expect(text.code).toBe(0);
        expect(text.out.trimEnd().split('\n')).toEqual([
            expect.stringMatching(
                /^project +errors +warnings +crashes +validate +flows compiled\/refused$/
            ),
            expect.stringMatching(/^broken +1 +0 +0 +[\d.]+ s +0\/1$/),
            expect.stringMatching(/^clean +0 +0 +0 +[\d.]+ s +1\/0$/),
            expect.stringMatching(/^total, 2 projects +1 +0 +0 +[\d.]+ s +1\/1$/)
        ]);
    }, 60_000);

    it('exits 2 when DIR is not a folder or holds no sfdx project', async () => {
        const missing = path.join(corpus, 'missing');
        expect(await run([missing])).toEqual({
            code: 2,
            out: '',
            err: `${missing} is not a folder: give a folder whose sub-folders are sfdx projects.\n`
        });
        const empty = path.join(corpus, 'notes');
        expect(await run([empty, '--json'])).toEqual({
            code: 2,
            out: `${JSON.stringify(
                {
                    error: {
                        exitCode: 2,
                        message: `${empty} has no sub-folder with an sfdx-project.json: clone or copy sfdx projects into it, one per folder.`
                    }
                },
                null,
                2
            )}\n`,
            err: ''
        });
    });

    it('counts as crashes the findings that say a check could not run, and no other', () => {
        const crashes = [
            messages.ruleFailed('schema', new Error('boom')),
            messages.flowScanner.ruleFailed('boom'),
            messages.apex.parserFailed('boom'),
            messages.apex.checkerFailed('PMD', 'boom')
        ];
        expect(crashes.map(isCrash)).toEqual([true, true, true, true]);
        expect(isCrash(messages.apex.syntax('missing ;'))).toBe(false);
    });
});
