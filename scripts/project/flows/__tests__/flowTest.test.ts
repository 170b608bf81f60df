import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyOfProject, REPOSITORY_ROOT } from '../../../shared/testProject';
import { parseXml } from '../../../xml/parse';
import { Project } from '../../project';
import { FlowTestModel, readFlowTests, valueHolder } from '..';

const TEST_FILE =
    'force-app/main/default/flowtests/MapUserCalendlyLinkTemplate_MapsActiveUser.flowtest-meta.xml';

function model(xml: string, file = 'force-app/main/default/flowtests/Small.flowtest-meta.xml') {
    return new FlowTestModel(parseXml(xml, file), file);
}

describe('a shipped FlowTest', () => {
    const test = model(fs.readFileSync(path.join(REPOSITORY_ROOT, TEST_FILE), 'utf8'), TEST_FILE);

    it('reads the flow it tests and its test points', () => {
        expect(test).toMatchObject({
            apiName: 'MapUserCalendlyLinkTemplate_MapsActiveUser',
            line: 2,
            flowApiName: {
                text: 'MapUserCalendlyLinkTemplate',
                line: 4,
                path: 'FlowTest.flowApiName'
            },
            label: 'Maps a profile link to the active user with its email',
            testType: 'WithAssertion'
        });
        expect(test.testPoints.map((point) => point.elementApiName?.text)).toEqual([
            'Start',
            'Finish'
        ]);
    });

    it('reads the triggering record of the Start point as written', () => {
        const [parameter] = test.testPoints[0]?.parameters ?? [];
        expect(parameter).toMatchObject({
            path: 'FlowTest.testPoints[0].parameters',
            leftValueReference: { text: '$Record' },
            type: { text: 'InputTriggeringRecordInitial' }
        });
        const record = valueHolder(parameter?.value, 'sobjectValue');
        expect(record?.path).toBe('FlowTest.testPoints[0].parameters.value.sobjectValue');
        expect(JSON.parse(record?.text ?? '')).toMatchObject({
            attributes: { type: 'CalendlyLink__c' },
            Email__c: 'ada.lovelace@example.com'
        });
    });

    it('reads the assertions of the Finish point', () => {
        expect(test.testPoints[1]?.assertions).toEqual([
            expect.objectContaining({
                errorMessage: 'The matching active user was not updated with the link.',
                conditions: [
                    expect.objectContaining({
                        path: 'FlowTest.testPoints[1].assertions.conditions',
                        leftValueReference: expect.objectContaining({
                            text: 'Update_Matching_Users'
                        }) as unknown,
                        operator: expect.objectContaining({ text: 'EqualTo' }) as unknown,
                        rightValue: expect.objectContaining({
                            holders: [
                                expect.objectContaining({ kind: 'booleanValue', text: 'true' })
                            ]
                        }) as unknown
                    })
                ]
            })
        ]);
    });
});

describe('a small FlowTest', () => {
    it('keeps places, trims references and keeps values as written', () => {
        const test = model(
            [
                '<FlowTest>',
                '  <flowApiName> Small </flowApiName>',
                '  <testPoints>',
                '    <assertions>',
                '      <conditions>',
                '        <leftValueReference> $Record.Url__c </leftValueReference>',
                '        <operator>EqualTo</operator>',
                '        <rightValue><stringValue> spaced </stringValue></rightValue>',
                '      </conditions>',
                '      <conditions><leftValueReference>Done</leftValueReference><operator>WasVisited</operator><rightValue/></conditions>',
                '    </assertions>',
                '    <elementApiName>Finish</elementApiName>',
                '  </testPoints>',
                '</FlowTest>'
            ].join('\n')
        );
        expect(test.flowApiName).toEqual({ text: 'Small', line: 2, path: 'FlowTest.flowApiName' });
        const [first, second] = test.testPoints[0]?.assertions[0]?.conditions ?? [];
        expect(first).toMatchObject({
            line: 5,
            path: 'FlowTest.testPoints.assertions.conditions[0]',
            leftValueReference: { text: '$Record.Url__c', line: 6 },
            rightValue: { holders: [{ kind: 'stringValue', text: ' spaced ' }] }
        });
        expect(second?.rightValue).toEqual({
            line: 10,
            path: 'FlowTest.testPoints.assertions.conditions[1].rightValue',
            holders: []
        });
        expect(test.testPoints[0]?.parameters).toEqual([]);
        expect(test.label).toBeUndefined();
    });
});

describe('the FlowTests of a project', () => {
    const root = copyOfProject();
    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('reads each well-formed FlowTest once, through the Project', async () => {
        const tests = readFlowTests(await Project.load(root));
        expect([...tests.values()].map((test) => test.flowApiName?.text)).toEqual([
            'MapUserCalendlyLinkTemplate',
            'MapUserCalendlyLinkTemplate',
            'MapUserCalendlyLinkTemplate'
        ]);
        expect(tests.get(TEST_FILE)?.apiName).toBe('MapUserCalendlyLinkTemplate_MapsActiveUser');
    });
});
