import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFlow } from '../cli/project';
import { junitXml, parseFlowTest, runFlowTest, type FlowTestResult } from '../drivers/flowtest';
import { parseDataFile } from '../drivers/scenario';
import { project, ROOT, schema, TEMPLATE_FILE } from './helpers';

const data = parseDataFile(
    fs.readFileSync(path.join(ROOT, 'scripts/runtime/flowtest.data.json'), 'utf8'),
    'flowtest.data.json',
    schema
);
const template = readFlow(project, TEMPLATE_FILE, 'test');

function run(
    file: string,
    source = fs.readFileSync(path.join(ROOT, file), 'utf8'),
    orgData = data
): FlowTestResult {
    return runFlowTest(parseFlowTest(source, file, schema), template, schema, orgData);
}

describe('FlowTests of the template, run locally', () => {
    it('finds the project FlowTests', () => {
        expect(project.flowTestFiles).toHaveLength(3);
    });

    it.each(project.flowTestFiles)('%s passes with the FlowTest org data', (file) => {
        const result = run(file);
        expect(result.error).toBeUndefined();
        expect(result.assertions.length).toBeGreaterThan(0);
        expect(result.passed).toBe(true);
    });

    it('reports a failed assertion with its message and the actual value', () => {
        const file =
            project.flowTestFiles.find((candidate) =>
                candidate.endsWith('_MapsActiveUser.flowtest-meta.xml')
            ) ?? '';
        const result = run(file, undefined, []);
        expect(result.passed).toBe(false);
        expect(result.assertions[0]?.conditions[0]).toEqual({
            description: 'Update_Matching_Users EqualTo true',
            passed: false,
            actual: 'not executed'
        });
        const xml = junitXml([result]);
        expect(xml).toContain(
            '<testsuite name="MapUserCalendlyLinkTemplate" tests="1" failures="1">'
        );
        expect(xml).toContain(
            'The matching active user was not updated with the link. (Update_Matching_Users EqualTo true; actual: not executed)'
        );
    });

    it('asserts on resources and $Record values, and fails a record that does not meet the entry conditions', () => {
        const file =
            project.flowTestFiles.find((candidate) =>
                candidate.endsWith('_MapsActiveUser.flowtest-meta.xml')
            ) ?? '';
        const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
        const onRecord = source
            .replace(
                '<leftValueReference>Update_Matching_Users</leftValueReference>',
                '<leftValueReference>$Record.Url__c</leftValueReference>'
            )
            .replace(
                '<booleanValue>true</booleanValue>\n                </rightValue>',
                '<stringValue>https://calendly.com/ada-lovelace</stringValue>\n                </rightValue>'
            );
        expect(run(file, onRecord).passed).toBe(true);
        const managed = source.replace(
            /&quot;LinkType__c&quot;:&quot;Profile&quot;/,
            '&quot;LinkType__c&quot;:&quot;ManagedEvent&quot;'
        );
        expect(run(file, managed).error).toBe(
            "The triggering record doesn't meet the flow's entry conditions, so the flow did not run."
        );
    });

    it('refuses a FlowTest record with an unknown field, naming the file and line', () => {
        const file = project.flowTestFiles[0] ?? '';
        const source = fs
            .readFileSync(path.join(ROOT, file), 'utf8')
            .replace('&quot;Url__c&quot;', '&quot;Link__c&quot;');
        expect(() => parseFlowTest(source, file, schema)).toThrow(
            /flowtest-meta\.xml:\d+: data\.CalendlyLink__c\[0\]: unknown field "Link__c"/
        );
    });
});
