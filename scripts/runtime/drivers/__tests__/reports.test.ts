import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { FileCoverage } from '../../apex/coverage';
import { parseXml, type XmlElement } from '../../../xml/parse';
import type { TestMethodResult } from '../apexTests';
import { coverageSummary, writeJUnit, writeLcov } from '../reports';

const COVERAGE: FileCoverage[] = [
    {
        file: 'force-app/main/default/classes/Shipping.cls',
        className: 'Shipping',
        lines: new Map([
            [5, 1],
            [11, 3],
            [15, 0],
            [17, 2]
        ])
    },
    {
        file: 'force-app/main/default/classes/Api.cls',
        className: 'Api',
        lines: new Map([
            [3, 0],
            [4, 0]
        ])
    }
];

const RESULTS: TestMethodResult[] = [
    {
        className: 'Shipping_Tests',
        methodName: 'it_should_charge_light_parcels',
        outcome: 'pass',
        message: null,
        stack: [],
        durationMs: 12
    },
    {
        className: 'Shipping_Tests',
        methodName: 'it_should_charge_heavy_parcels',
        outcome: 'fail',
        message: 'System.AssertException: Assertion Failed: Expected: 105, Actual: <7> & "more"',
        stack: [
            'Class.Shipping.cost: line 15, column 1',
            'Class.Shipping_Tests.it_should_charge_heavy_parcels: line 9, column 1'
        ],
        durationMs: 1500
    },
    {
        className: 'Api_Tests',
        methodName: 'it_should_call_out',
        outcome: 'error',
        message:
            'force-app/main/default/classes/Api.cls:4: not supported: a query WITH USER_MODE\n\tsee the README',
        stack: [],
        durationMs: 3
    }
];

let directory: string;

beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-reports-'));
});

afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
});

const child = (element: XmlElement | undefined, name: string): XmlElement[] =>
    element?.children.filter((candidate) => candidate.name === name) ?? [];

describe('lcov', () => {
    it('writes a record per class with each executable line, the lines found and hit', () => {
        const file = path.join(directory, 'coverage', 'lcov.info');
        writeLcov(file, COVERAGE);
        const records = fs
            .readFileSync(file, 'utf8')
            .split('end_of_record\n')
            .filter((record) => record !== '');
        expect(records).toEqual([
            [
                'TN:',
                'SF:force-app/main/default/classes/Shipping.cls',
                'DA:5,1',
                'DA:11,3',
                'DA:15,0',
                'DA:17,2',
                'LF:4',
                'LH:3',
                ''
            ].join('\n'),
            [
                'TN:',
                'SF:force-app/main/default/classes/Api.cls',
                'DA:3,0',
                'DA:4,0',
                'LF:2',
                'LH:0',
                ''
            ].join('\n')
        ]);
    });
});

describe('JUnit XML', () => {
    it('writes a test suite per Apex test class and a test case per method', () => {
        const file = path.join(directory, 'nested', 'junit.xml');
        writeJUnit(file, RESULTS);
        const root = parseXml(fs.readFileSync(file, 'utf8'), file);
        expect(root.name).toBe('testsuites');
        expect(root.attributes).toMatchObject({ tests: '3', failures: '1', errors: '1' });
        const suites = child(root, 'testsuite');
        expect(suites.map((suite) => suite.attributes)).toEqual([
            {
                name: 'Shipping_Tests',
                tests: '2',
                failures: '1',
                errors: '0',
                skipped: '0',
                time: '1.512'
            },
            {
                name: 'Api_Tests',
                tests: '1',
                failures: '0',
                errors: '1',
                skipped: '0',
                time: '0.003'
            }
        ]);
        const cases = child(suites[0], 'testcase');
        expect(cases.map((testCase) => testCase.attributes)).toEqual([
            {
                classname: 'Shipping_Tests',
                name: 'it_should_charge_light_parcels',
                time: '0.012'
            },
            {
                classname: 'Shipping_Tests',
                name: 'it_should_charge_heavy_parcels',
                time: '1.500'
            }
        ]);
        expect(cases[0]?.children).toEqual([]);
    });

    it('gives a failure its message, exception type and stack trace as text', () => {
        const file = path.join(directory, 'junit.xml');
        writeJUnit(file, RESULTS);
        const root = parseXml(fs.readFileSync(file, 'utf8'), file);
        const [failure] = child(child(child(root, 'testsuite')[0], 'testcase')[1], 'failure');
        expect(failure?.attributes).toEqual({
            message:
                'System.AssertException: Assertion Failed: Expected: 105, Actual: <7> & "more"',
            type: 'System.AssertException'
        });
        expect(failure?.text).toBe(
            'Class.Shipping.cost: line 15, column 1\nClass.Shipping_Tests.it_should_charge_heavy_parcels: line 9, column 1'
        );
        const [error] = child(child(child(root, 'testsuite')[1], 'testcase')[0], 'error');
        expect(error?.attributes.message).toBe(RESULTS[2]?.message);
    });
});

describe('coverage summary', () => {
    it('gives each class and the run its covered lines, executable lines and percentage', () => {
        expect(coverageSummary(COVERAGE)).toEqual({
            classes: [
                {
                    className: 'Api',
                    file: 'force-app/main/default/classes/Api.cls',
                    covered: 0,
                    total: 2,
                    percent: 0
                },
                {
                    className: 'Shipping',
                    file: 'force-app/main/default/classes/Shipping.cls',
                    covered: 3,
                    total: 4,
                    percent: 75
                }
            ],
            covered: 3,
            total: 6,
            percent: 50
        });
    });

    it('rounds down, so that code short of 75% never shows as 75%', () => {
        const lines = new Map<number, number>();
        for (let line = 1; line <= 10000; line++) {
            lines.set(line, line <= 7499 ? 1 : 0);
        }
        expect(coverageSummary([{ file: 'A.cls', className: 'A', lines }]).percent).toBe(74.99);
        const tenths = new Map(
            [...lines].slice(0, 100).map(([line], index) => [line, index < 29 ? 1 : 0])
        );
        expect(coverageSummary([{ file: 'B.cls', className: 'B', lines: tenths }]).percent).toBe(
            29
        );
    });
});
