import { parseApex } from '../../../project/apex';
import { languageOnly } from '../compiler/extensions';
import { CoverageRecorder, executableLines } from '../coverage';
import { registerCorePlatform } from '../platform';
import { ApexVm } from '../vm';

const FILE = 'force-app/main/default/classes/Shipping.cls';

/** Line numbers are the array's indexes plus one: each line's comment says what it counts. */
const SHIPPING = [
    '/**', //                                                    1 comment
    ' * Shipping costs.', //                                     2 comment
    ' */', //                                                    3 comment
    'public with sharing class Shipping {', //                   4 declaration
    '    private static final Integer BASE = 5;', //             5 initializer
    '    private Integer unused;', //                            6 no initializer
    '    public String label { get; set; }', //                  7 automatic property
    '', //                                                       8 blank
    '    public static Integer cost(Integer weight) {', //       9 declaration
    "        System.debug('weight ' + weight);", //              10 System.debug
    '        Integer total = BASE', //                           11 statement
    '            + weight', //                                   12 its expression
    '            * 2;', //                                       13 its expression
    '        if (weight > 10) {', //                             14 if
    '            total += 100;', //                              15 then
    '        } else {', //                                       16 else
    '            total += 1;', //                                17 else branch
    '        }', //                                              18 brace
    '        return total;', //                                  19 return
    '    }', //                                                  20 brace
    '', //                                                       21 blank
    '    public class Parcel {', //                              22 inner declaration
    '        public Integer grams = 0;', //                      23 initializer
    '        public Integer kilos() {', //                       24 declaration
    '            return grams / 1000;', //                       25 return
    '        }', //                                              26 brace
    '    }', //                                                  27 brace
    '}' //                                                       28 brace
].join('\n');

const SHIPPING_TESTS = [
    '@IsTest', //
    'private class Shipping_Tests {', //
    '    @IsTest', //
    '    static void it_should_charge_light_parcels() {', //
    "        System.assertEquals(7, Shipping.cost(1), 'base plus twice the weight');", //
    '    }', //
    '}'
].join('\n');

const executable = (text: string, file: string): readonly number[] => {
    const parsed = parseApex(text, file);
    if (parsed.kind !== 'class') {
        throw new Error(`${file} is not a class`);
    }
    return executableLines(parsed.tree);
};

function vmWith(coverage: CoverageRecorder): ApexVm {
    return new ApexVm({
        sources: [
            { file: FILE, text: SHIPPING },
            { file: 'force-app/main/default/classes/Shipping_Tests.cls', text: SHIPPING_TESTS }
        ],
        log: () => undefined,
        sobjects: { objectName: () => undefined, field: () => undefined },
        platform: registerCorePlatform,
        extensions: languageOnly,
        coverage
    });
}

function run(program: string): CoverageRecorder {
    const coverage = new CoverageRecorder();
    vmWith(coverage).runAnonymous(program, 'anonymous.apex');
    return coverage;
}

describe('Apex line coverage', () => {
    it('counts the lines Salesforce counts: statements, each line of their expressions and field initializers', () => {
        expect(executable(SHIPPING, FILE)).toEqual([5, 11, 12, 13, 14, 15, 17, 19, 23, 25]);
    });

    it('counts no line that holds only else, try, catch, finally, do or a when label', () => {
        const flow = [
            'public class Flow {', //                          1
            '    public static void go(Integer n) {', //       2
            '        try {', //                                3 try
            '            do {', //                             4 do
            '                n--;', //                         5
            '            } while (n > 0);', //                 6 the condition
            '        } catch (Exception e) {', //              7 catch
            '            throw e;', //                         8
            '        } finally {', //                          9 finally
            '            n = 0;', //                           10
            '        }', //                                    11
            '        switch on n {', //                        12 switch
            '            when 1, 2 {', //                      13 when
            '                n = 3;', //                       14
            '            } when else {', //                    15 when else
            '                n = 4;', //                       16
            '            }', //                                17
            '        }', //                                    18
            '        if (n == 1) {', //                        19
            '            n = 2;', //                           20
            '        } else if (n == 2) {', //                 21 the nested if
            '            n = 3;', //                           22
            '        }', //                                    23
            '    }', //                                        24
            '}' //                                             25
        ].join('\n');
        expect(executable(flow, 'Flow.cls')).toEqual([5, 6, 8, 10, 12, 14, 16, 19, 20, 21, 22]);
    });

    it('counts no line of a test class or of a test method', () => {
        expect(executable(SHIPPING_TESTS, 'Shipping_Tests.cls')).toEqual([]);
        const legacy = [
            'public class Legacy {',
            '    static testMethod void checks() {',
            '        Integer one = 1;',
            '    }',
            '    public static Integer two() {',
            '        return 2;',
            '    }',
            '}'
        ].join('\n');
        expect(executable(legacy, 'Legacy.cls')).toEqual([6]);
    });

    it('leaves uncovered the lines of the branch not taken and of code that did not run', () => {
        const coverage = run('Shipping.cost(1);');
        const [report] = coverage.report([{ file: FILE, text: SHIPPING }]);
        const uncovered = [...(report?.lines ?? new Map<number, number>())]
            .filter(([, hits]) => hits === 0)
            .map(([line]) => line);
        expect(report?.className).toBe('Shipping');
        expect(uncovered).toEqual([15, 23, 25]);
    });

    it('counts again, after a reset, the lines of code compiled before it', () => {
        const coverage = new CoverageRecorder();
        const vm = vmWith(coverage);
        vm.runAnonymous('Shipping.cost(1);', 'anonymous.apex');
        coverage.reset();
        expect(coverage.hits(FILE).size).toBe(0);
        vm.runAnonymous('Shipping.cost(20);', 'anonymous.apex');
        expect(coverage.hits(FILE).get(15)).toBe(1);
        expect(coverage.hits(FILE).get(17)).toBeUndefined();
    });

    it('records only lines that executableLines counts, as often as they ran', () => {
        const coverage = run('Shipping.cost(1); Shipping.cost(20); new Shipping.Parcel().kilos();');
        const hits = coverage.hits(FILE);
        expect([...hits.keys()].every((line) => executable(SHIPPING, FILE).includes(line))).toBe(
            true
        );
        expect(hits.get(14)).toBe(2);
        expect(hits.get(15)).toBe(1);
        expect(hits.get(17)).toBe(1);
        expect(hits.get(5)).toBe(1);
        expect(hits.get(23)).toBe(1);
        expect(hits.get(25)).toBe(1);
    });

    it('leaves test classes out of the report', () => {
        const coverage = run('Shipping.cost(1);');
        const report = coverage.report([
            { file: FILE, text: SHIPPING },
            { file: 'force-app/main/default/classes/Shipping_Tests.cls', text: SHIPPING_TESTS }
        ]);
        expect(report.map((file) => file.className)).toEqual(['Shipping']);
    });
});
