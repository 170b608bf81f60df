import type { ComponentFailure, Coverage, DeployProgress, DeploySummary, TargetOrg } from './types';

/** One line of progress, as the org reports it. */
export function formatProgress(progress: DeployProgress): string {
    const detail = progress.stateDetail ? ` (${progress.stateDetail})` : '';
    const componentErrors =
        progress.componentErrors > 0 ? `, ${progress.componentErrors} error(s)` : '';
    const tests =
        progress.testsTotal > 0
            ? `; tests ${progress.testsCompleted}/${progress.testsTotal}${progress.testErrors > 0 ? `, ${progress.testErrors} failed` : ''}`
            : '';
    return `${progress.status}${detail}: components ${progress.componentsDeployed}/${progress.componentsTotal}${componentErrors}${tests}`;
}

/** `file:line:column: error Type Name: problem`, as editors and CI annotate. */
export function formatComponentFailure(failure: ComponentFailure): string {
    const place = failure.file
        ? `${[failure.file, failure.line, failure.column].filter((part) => part !== undefined).join(':')}: `
        : '';
    return `${place}${failure.problemType.toLowerCase()} ${failure.type} ${failure.name}: ${failure.problem}`;
}

const percent = (covered: number, total: number): number =>
    total === 0 ? 100 : Math.floor((covered * 100) / total);

function formatCoverage(entry: Coverage): string {
    const lines = entry.uncoveredLines;
    const uncovered =
        lines.length === 0
            ? ''
            : `, not covered: line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 12).join(', ')}${lines.length > 12 ? ', ...' : ''}`;
    return `  ${String(percent(entry.covered, entry.total)).padStart(3)}% ${entry.name} (${entry.covered}/${entry.total}${uncovered})`;
}

/** The end of a deploy: the org's errors, test failures, coverage, and the verdict. */
export function formatReport(summary: DeploySummary, target: TargetOrg): string {
    const lines: string[] = [];
    if (summary.componentFailures.length > 0) {
        lines.push(`Component errors (${summary.componentFailures.length}):`);
        lines.push(
            ...summary.componentFailures.map((failure) => `  ${formatComponentFailure(failure)}`)
        );
    }
    if (summary.testsRun > 0 || summary.testFailures.length > 0) {
        lines.push(`Apex tests: ${summary.testsRun} run, ${summary.testFailures.length} failed.`);
        for (const failure of summary.testFailures) {
            lines.push(`  FAIL ${failure.test}: ${failure.message}`);
            if (failure.stackTrace) {
                lines.push(...failure.stackTrace.split('\n').map((line) => `       ${line}`));
            }
        }
    }
    if (summary.coverage.length > 0) {
        const covered = summary.coverage.reduce((sum, entry) => sum + entry.covered, 0);
        const total = summary.coverage.reduce((sum, entry) => sum + entry.total, 0);
        lines.push(`Code coverage: ${percent(covered, total)}% (${covered}/${total} lines)`);
        lines.push(...summary.coverage.map(formatCoverage));
    }
    lines.push(...summary.coverageWarnings.map((warning) => `Coverage warning: ${warning}`));
    lines.push(verdict(summary, target));
    return `${lines.join('\n')}\n`;
}

function verdict(summary: DeploySummary, target: TargetOrg): string {
    if (summary.success && summary.checkOnly) {
        const quick =
            summary.testsRun > 0
                ? ` To deploy this validation within 10 days without running the tests again: sf project deploy quick --job-id ${summary.id} --target-org ${target.name}`
                : '';
        return `Validated ${summary.componentsTotal} component(s) in ${target.name}; nothing was saved (deploy ${summary.id}).${quick}`;
    }
    if (summary.success) {
        return `Deployed ${summary.componentsDeployed} component(s) to ${target.name} (deploy ${summary.id}).`;
    }
    const reasons = [
        summary.componentFailures.length > 0
            ? `${summary.componentFailures.length} component error(s)`
            : '',
        summary.testFailures.length > 0 ? `${summary.testFailures.length} test failure(s)` : '',
        summary.coverageWarnings.length > 0 ? 'code coverage too low' : '',
        summary.errorMessage ?? ''
    ].filter((reason) => reason !== '');
    return `${summary.checkOnly ? 'Validation failed' : 'Not deployed'} in ${target.name}: ${reasons.join('; ') || `status ${summary.status}`} (deploy ${summary.id}, ${summary.status}). The org saved nothing: a deploy with an error is rolled back as a whole.`;
}
