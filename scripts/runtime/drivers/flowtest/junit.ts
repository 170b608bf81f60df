import type { FlowTestResult } from './types';

const escape = (text: string): string =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What failed in a test, one line per failed assertion condition. */
export function failureDetails(result: FlowTestResult): string[] {
    const lines = result.error ? [result.error] : [];
    for (const assertion of result.assertions.filter((candidate) => !candidate.passed)) {
        for (const condition of assertion.conditions.filter((candidate) => !candidate.passed)) {
            lines.push(
                `${assertion.errorMessage ?? 'Assertion failed'} (${condition.description}; actual: ${condition.actual})`
            );
        }
    }
    return lines;
}

/** JUnit XML for CI: a suite per flow, a test case per FlowTest. */
export function junitXml(results: readonly FlowTestResult[]): string {
    const byFlow = new Map<string, FlowTestResult[]>();
    results.forEach((result) =>
        byFlow.set(result.test.flowApiName, [
            ...(byFlow.get(result.test.flowApiName) ?? []),
            result
        ])
    );
    const failed = results.filter((result) => !result.passed).length;
    const lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="FlowTests" tests="${results.length}" failures="${failed}">`
    ];
    byFlow.forEach((suite, flow) => {
        const suiteFailures = suite.filter((result) => !result.passed).length;
        lines.push(
            `    <testsuite name="${escape(flow)}" tests="${suite.length}" failures="${suiteFailures}">`
        );
        for (const result of suite) {
            const name = `name="${escape(result.test.name)}" classname="${escape(flow)}"`;
            if (result.passed) {
                lines.push(`        <testcase ${name}/>`);
            } else {
                const details = failureDetails(result);
                lines.push(
                    `        <testcase ${name}>`,
                    `            <failure message="${escape(details[0] ?? 'failed')}">${escape(details.join('\n'))}</failure>`,
                    '        </testcase>'
                );
            }
        }
        lines.push('    </testsuite>');
    });
    lines.push('</testsuites>', '');
    return lines.join('\n');
}
