import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileCoverage } from '../apex/coverage';
import type { TestMethodResult } from './apexTests';

/**
 * The reports of an Apex test run that CI tools read: line coverage as an lcov tracefile,
 * results as JUnit XML, and a coverage summary for the console. The text of each is built by a
 * pure function; `writeLcov` and `writeJUnit` put it in a file.
 */

/** The coverage of one class: its covered and executable lines. */
export interface ClassCoverage {
    readonly className: string;
    readonly file: string;
    readonly covered: number;
    readonly total: number;
    /** covered / total as a percentage, rounded down to two decimals. */
    readonly percent: number;
}

export interface CoverageSummary {
    /** By class name. */
    readonly classes: readonly ClassCoverage[];
    readonly covered: number;
    readonly total: number;
    readonly percent: number;
}

/**
 * "The number of covered lines divided by the sum of the number of covered lines and uncovered
 * lines" (DG "Testing and Code Coverage"), rounded down so that a report never shows 75% for
 * code short of it. Nothing to cover is fully covered. [verify in an org: rounding in the
 * Developer Console and `sf apex run test`]
 */
function percentOf(covered: number, total: number): number {
    return total === 0 ? 100 : Math.floor((covered * 10000) / total) / 100;
}

/** Per class covered/total/percent, and the run's total over all classes. */
export function coverageSummary(coverage: readonly FileCoverage[]): CoverageSummary {
    const classes = coverage
        .map((file) => {
            const total = file.lines.size;
            const covered = [...file.lines.values()].filter((hits) => hits > 0).length;
            return {
                className: file.className,
                file: file.file,
                covered,
                total,
                percent: percentOf(covered, total)
            };
        })
        .sort((a, b) => a.className.localeCompare(b.className));
    const covered = classes.reduce((sum, entry) => sum + entry.covered, 0);
    const total = classes.reduce((sum, entry) => sum + entry.total, 0);
    return { classes, covered, total, percent: percentOf(covered, total) };
}

// ---------------------------------------------------------------------------------- lcov

/**
 * An lcov tracefile, as geninfo(1) documents its format: a record per source file with
 * `TN:<test name>`, `SF:<source file>`, `DA:<line number>,<execution count>` for each
 * instrumented line, `LF:<number of instrumented lines>`, `LH:<number of lines with a non-zero
 * execution count>` (in the order lcov itself writes them) and `end_of_record`. geninfo writes
 * absolute paths in SF; these are relative to the project root, with forward slashes, which
 * is how CI services map them onto the repository.
 */
export function lcovText(coverage: readonly FileCoverage[], testName = ''): string {
    const lines: string[] = [];
    for (const file of coverage) {
        const counts = [...file.lines].sort(([a], [b]) => a - b);
        lines.push(`TN:${testName}`, `SF:${file.file.replace(/\\/g, '/')}`);
        for (const [line, hits] of counts) {
            lines.push(`DA:${line},${hits}`);
        }
        lines.push(
            `LF:${counts.length}`,
            `LH:${counts.filter(([, hits]) => hits > 0).length}`,
            'end_of_record'
        );
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** Writes the lcov tracefile of a run's coverage, creating its directory. */
export function writeLcov(file: string, coverage: readonly FileCoverage[]): void {
    writeReport(file, lcovText(coverage));
}

// ---------------------------------------------------------------------------------- JUnit

/**
 * Characters XML 1.0 does not allow at all ("Char" in XML 1.0, section 2.2): control
 * characters other than tab, line feed and carriage return, lone surrogates and U+FFFE/U+FFFF.
 */
const NOT_XML =
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content: `&` and `<` escaped (XML 1.0, section 2.4), and `>` for `]]>`. */
function escapeText(text: string): string {
    return text
        .replace(NOT_XML, '')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');
}

/**
 * An attribute value in double quotes: also `"`, and white space as character references,
 * which attribute-value normalization would otherwise turn into spaces (XML 1.0, section 3.3.3).
 */
function escapeAttribute(text: string): string {
    return escapeText(text)
        .replace(/"/g, '&quot;')
        .replace(/\t/g, '&#9;')
        .replace(/\n/g, '&#10;')
        .replace(/\r/g, '&#13;');
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

/** The exception type a failure message starts with: `System.AssertException`. */
function exceptionType(message: string): string | undefined {
    return /^([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*Exception):/.exec(message)?.[1];
}

function testCase(result: TestMethodResult, indent: string): string[] {
    const open = `${indent}<testcase classname="${escapeAttribute(result.className)}" name="${escapeAttribute(result.methodName)}" time="${seconds(result.durationMs)}"`;
    if (result.outcome === 'pass') {
        return [`${open}/>`];
    }
    const message = result.message ?? '';
    // Salesforce gives any uncaught exception the outcome Fail (Object Reference "TestMethodResult":
    // Outcome is Pass, Fail, CompileFail or Skip): a JUnit `failure`. A test the embedded org
    // could not run is a JUnit `error`, the test's fault rather than the code's.
    const element = result.outcome === 'fail' ? 'failure' : 'error';
    const type =
        exceptionType(message) ?? (result.outcome === 'fail' ? 'System.Exception' : 'NotRun');
    const body = result.stack.length > 0 ? result.stack.join('\n') : message;
    return [
        `${open}>`,
        `${indent}    <${element} message="${escapeAttribute(message)}" type="${escapeAttribute(type)}">${escapeText(body)}</${element}>`,
        `${indent}</testcase>`
    ];
}

/**
 * JUnit XML as CI tools read it (the Ant JUnit report's format, which Jenkins, GitHub and GitLab
 * take): `<testsuites>` with one `<testsuite>` per Apex test class, carrying its tests,
 * failures, errors, skipped and time in seconds, and a `<testcase classname name time>` per test
 * method with a `<failure message type>` (or `<error>`) whose text is the Apex stack trace.
 * Classes keep the order of their first result.
 */
export function junitText(results: readonly TestMethodResult[], name = 'Apex tests'): string {
    const byClass = new Map<string, TestMethodResult[]>();
    for (const result of results) {
        const list = byClass.get(result.className) ?? [];
        list.push(result);
        byClass.set(result.className, list);
    }
    const count = (
        list: readonly TestMethodResult[],
        outcome: TestMethodResult['outcome']
    ): number => list.filter((result) => result.outcome === outcome).length;
    const time = (list: readonly TestMethodResult[]): string =>
        seconds(list.reduce((sum, result) => sum + result.durationMs, 0));
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${escapeAttribute(name)}" tests="${results.length}" failures="${count(results, 'fail')}" errors="${count(results, 'error')}" time="${time(results)}">`
    ];
    for (const [className, list] of byClass) {
        lines.push(
            `    <testsuite name="${escapeAttribute(className)}" tests="${list.length}" failures="${count(list, 'fail')}" errors="${count(list, 'error')}" skipped="0" time="${time(list)}">`,
            ...list.flatMap((result) => testCase(result, '        ')),
            '    </testsuite>'
        );
    }
    lines.push('</testsuites>');
    return `${lines.join('\n')}\n`;
}

/** Writes the JUnit XML of a run's results, creating its directory. */
export function writeJUnit(file: string, results: readonly TestMethodResult[]): void {
    writeReport(file, junitText(results));
}

function writeReport(file: string, text: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
}
