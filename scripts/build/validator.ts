// The report module alone, not the validator's front door: reading a result needs none of the
// rules, and loading them would cost every importer (and test) seconds.
import { formatFinding, summaryLine } from '../validate/report';
import type { ValidationResult } from '../validate/types';
import type { ValidationReport } from './types';

/**
 * The validator's result as the build prints it: the errors line by line, the rest counted, so
 * that what stops the build fits on a screen; `npm run validate` lists everything.
 */
export function toValidationReport(result: ValidationResult): ValidationReport {
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    return {
        passed: result.ok,
        errors: errors.map(formatFinding),
        otherFindings: result.findings.length - errors.length,
        summary: summaryLine(result)
    };
}
