import type { Finding, ValidationResult } from '../../validate';
import { toValidationReport } from '../validator';

function result(findings: Finding[]): ValidationResult {
    const count = (severity: Finding['severity']): number =>
        findings.filter((finding) => finding.severity === severity).length;
    return {
        ok: count('error') === 0,
        root: '/work/kit',
        findings,
        summary: {
            files: 3,
            errors: count('error'),
            warnings: count('warning'),
            notes: count('note'),
            rules: ['xml-syntax']
        }
    };
}

const warning: Finding = {
    rule: 'xml-syntax',
    severity: 'warning',
    file: 'force-app/main/default/flows/Map.flow-meta.xml',
    line: 12,
    message: 'Something to look at.',
    fix: 'Look at it.'
};

describe('toValidationReport', () => {
    it('passes when the validator finds no error, counting the other findings', () => {
        const report = toValidationReport(result([warning, { ...warning, severity: 'note' }]));

        expect(report).toMatchObject({ passed: true, errors: [], otherFindings: 2 });
        expect(report.summary).toMatch(/^Validation passed/);
    });

    it('fails on an error, listing the errors alone', () => {
        const report = toValidationReport(
            result([warning, { ...warning, severity: 'error', message: 'Broken.' }])
        );

        expect(report.passed).toBe(false);
        expect(report.otherFindings).toBe(1);
        expect(report.errors).toHaveLength(1);
        expect(report.errors[0]).toContain('force-app/main/default/flows/Map.flow-meta.xml:12');
        expect(report.errors[0]).toContain('Broken.');
        expect(report.summary).toMatch(/^Validation failed/);
    });
});
