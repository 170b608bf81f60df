import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PROJECT_ROOT, ROOT } from './helpers';

/** The command lines, as `npm run` starts them. Each run costs a TypeScript start: few of them. */
function cli(
    script: string,
    ...args: string[]
): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(
        process.execPath,
        [
            path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
            path.join(ROOT, `scripts/runtime/cli/${script}.ts`),
            ...args
        ],
        {
            cwd: PROJECT_ROOT,
            encoding: 'utf8'
        }
    );
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command lines', () => {
    it('simulate --json prints exactly the steps and the data, and exits 0 when the expectations hold', () => {
        const result = cli('simulate', 'scripts/runtime/scenarios/match.scenario.json', '--json');
        expect(result.status).toBe(0);
        const json = JSON.parse(result.stdout) as {
            steps: unknown[];
            data: Record<string, unknown[]>;
        };
        expect(Object.keys(json)).toEqual(['steps', 'data']);
        expect(json.steps).toEqual([
            {
                ok: true,
                error: null,
                interviews: 1,
                limits: { soqlQueries: 1, queryRows: 1, dmlStatements: 2, dmlRows: 2 }
            }
        ]);
        expect(Object.keys(json.data).slice(0, 2)).toEqual(['User', 'CalendlyLink__c']);
        expect(json.data['User']).toHaveLength(2);
    });

    it('simulate exits 1 naming the expectation that failed, and 2 naming the place of an invalid scenario', () => {
        const dir = path.join(PROJECT_ROOT, 'reports');
        fs.mkdirSync(dir, { recursive: true });
        const scenario = JSON.parse(
            fs.readFileSync(
                path.join(ROOT, 'scripts/runtime/scenarios/match.scenario.json'),
                'utf8'
            )
        ) as { expect: { User: { fields: object }[] } };
        const wrong = scenario.expect.User[0];
        if (wrong) {
            wrong.fields = { Calendly_Link__c: 'https://calendly.com/nobody' };
        }
        fs.writeFileSync(path.join(dir, 'wrong.scenario.json'), JSON.stringify(scenario));
        const failed = cli('simulate', 'reports/wrong.scenario.json');
        expect(failed.status).toBe(1);
        expect(failed.stdout).toContain(
            'reports/wrong.scenario.json: expect.User[0]: User 005000000000001AAA: Calendly_Link__c is "https://calendly.com/ada", expected "https://calendly.com/nobody".'
        );
        fs.writeFileSync(
            path.join(dir, 'invalid.scenario.json'),
            '{"steps": [{"insert": "Contakt", "records": [{}]}]}'
        );
        const invalid = cli('simulate', 'reports/invalid.scenario.json');
        expect(invalid.status).toBe(2);
        expect(invalid.stderr).toMatch(
            /^reports\/invalid\.scenario\.json: steps\[0\]\.insert: unknown object "Contakt"/
        );
    });

    it('simulate --project runs a scenario against another project, its flows named from that root', () => {
        const other = fs.mkdtempSync(path.join(os.tmpdir(), 'simulate-project-'));
        try {
            const write = (file: string, text: string): void => {
                fs.mkdirSync(path.dirname(path.join(other, file)), { recursive: true });
                fs.writeFileSync(path.join(other, file), text);
            };
            const meta = '<?xml version="1.0" encoding="UTF-8"?>';
            const ns = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
            write(
                'sfdx-project.json',
                '{"packageDirectories":[{"path":"src","default":true}],"sourceApiVersion":"62.0"}'
            );
            write(
                'src/objects/Pet__c/Pet__c.object-meta.xml',
                `${meta}<CustomObject ${ns}><label>Pet</label><pluralLabel>Pets</pluralLabel><nameField><label>Pet Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel></CustomObject>`
            );
            write(
                'src/objects/Pet__c/fields/Sound__c.field-meta.xml',
                `${meta}<CustomField ${ns}><fullName>Sound__c</fullName><label>Sound</label><type>Text</type><length>20</length></CustomField>`
            );
            write(
                'src/flows/Pet_Sound.flow-meta.xml',
                `${meta}<Flow ${ns}><apiVersion>62.0</apiVersion><label>Pet Sound</label><processType>AutoLaunchedFlow</processType>
<recordUpdates><name>Set_Sound</name><label>Set Sound</label><locationX>0</locationX><locationY>0</locationY>
<inputAssignments><field>Sound__c</field><value><stringValue>Woof</stringValue></value></inputAssignments>
<inputReference>$Record</inputReference></recordUpdates>
<start><locationX>0</locationX><locationY>0</locationY><connector><targetReference>Set_Sound</targetReference></connector>
<object>Pet__c</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordBeforeSave</triggerType></start>
<status>Draft</status></Flow>`
            );
            write(
                'pet.scenario.json',
                JSON.stringify({
                    flows: ['src/flows/Pet_Sound.flow-meta.xml'],
                    steps: [{ insert: 'Pet__c', records: [{ Name: 'Rex' }] }],
                    expect: { Pet__c: [{ where: { Name: 'Rex' }, fields: { Sound__c: 'Woof' } }] }
                })
            );
            const result = cli(
                'simulate',
                '--project',
                other,
                path.join(other, 'pet.scenario.json')
            );
            expect(result.stderr).toBe('');
            expect(result.status).toBe(0);
            expect(result.stdout).toContain('Pet_Sound (src/flows/Pet_Sound.flow-meta.xml)');
            write(
                'missing.scenario.json',
                JSON.stringify({ flows: ['src/flows/Nope.flow-meta.xml'], steps: [] })
            );
            const missing = cli(
                'simulate',
                '--project',
                other,
                path.join(other, 'missing.scenario.json')
            );
            expect(missing.status).toBe(2);
            expect(missing.stderr).toMatch(
                /^missing\.scenario\.json: flows\[0\]: .*src\/flows\/Nope\.flow-meta\.xml/
            );
        } finally {
            fs.rmSync(other, { recursive: true, force: true });
        }
    });

    it('flow:test reports each test and writes JUnit XML', () => {
        const junit = path.join('reports', 'flow-tests.cli-test.xml');
        const result = cli('flowTest', '--junit', junit);
        expect(result.status).toBe(0);
        expect(result.stdout).toContain('3 FlowTest(s): 3 passed, 0 failed.');
        expect(fs.readFileSync(path.join(PROJECT_ROOT, junit), 'utf8')).toContain(
            '<testcase name="MapUserCalendlyLinkTemplate_MapsActiveUser"'
        );
    });

    it('start prints who got which link and why the others did not, sync after sync', () => {
        const result = cli('start');
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^1\. first: Succeeded in \d+ step\(s\)/m);
        expect(result.stdout).toMatch(
            / {5}Kemi Fischer +kemi\.fischer@northwind-traders\.example\.com +https:\/\/calendly\.com\/kemi-fischer/
        );
        expect(result.stdout).toMatch(
            /\(old account\) +\S+ +- {2}inactive user: the flow never changes inactive users/
        );
        expect(result.stdout).toMatch(/Pat Outsider +\S+ +- {2}no Calendly member has this email/);
        expect(result.stdout).toMatch(/^2\. unchanged: Succeeded/m);
        expect(result.stdout).toContain('ok   0 link row(s) written');
        expect(result.stdout).toMatch(/^3\. after changes: Succeeded/m);
        expect(result.stdout).toMatch(
            /left the Calendly organization: the link was deactivated and the field cleared/
        );
        expect(result.stdout).toContain('Every sync behaved as the README documents.');
        expect(result.stdout).not.toContain('FAIL');
    });
});
