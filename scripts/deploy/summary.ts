import * as path from 'node:path';
import {
    ComponentStatus,
    RequestStatus,
    type DeployMessage,
    type DeployResult,
    type FileResponse,
    type MetadataApiDeployStatus
} from '@salesforce/source-deploy-retrieve';
import type {
    ComponentFailure,
    Coverage,
    DeployProgress,
    DeploySummary,
    TestFailure
} from './types';

/** The Metadata API answers a list of one as the item itself. */
function asList<T>(value: T | readonly T[] | undefined): readonly T[] {
    if (value === undefined) {
        return [];
    }
    return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

const number = (value: string | number | undefined): number | undefined => {
    const parsed = typeof value === 'number' ? value : Number(value);
    return value === undefined || value === '' || !Number.isFinite(parsed) ? undefined : parsed;
};

const relative = (root: string, file: string): string =>
    (path.isAbsolute(file) ? path.relative(root, file) : file).split(path.sep).join('/');

/**
 * Source-deploy-retrieve's file responses: the org's messages matched to the project's source
 * files. It throws on a message it cannot match (one without a component type); the raw
 * messages then still say what failed.
 */
function fileResponses(result: DeployResult): FileResponse[] {
    try {
        return result.getFileResponses();
    } catch {
        return [];
    }
}

function componentFailures(result: DeployResult, root: string): ComponentFailure[] {
    const failures: ComponentFailure[] = [];
    const matched = new Set<string>();
    for (const response of fileResponses(result)) {
        if (response.state !== ComponentStatus.Failed) {
            continue;
        }
        matched.add(`${response.type}#${response.fullName}`);
        failures.push({
            ...(response.filePath ? { file: relative(root, response.filePath) } : {}),
            ...(response.lineNumber !== undefined ? { line: response.lineNumber } : {}),
            ...(response.columnNumber !== undefined ? { column: response.columnNumber } : {}),
            type: response.type,
            name: response.fullName,
            // SDR appends the place, "(3:16)", which the file:line:column prefix already gives.
            problem: response.error.replace(/ \(\d+:\d+\)$/, ''),
            problemType: response.problemType
        });
    }
    const messages: readonly DeployMessage[] = asList(result.response.details.componentFailures);
    for (const message of messages) {
        if (matched.has(`${message.componentType ?? ''}#${message.fullName}`)) {
            continue;
        }
        const line = number(message.lineNumber);
        const column = number(message.columnNumber);
        failures.push({
            // The file as the deploy package names it (e.g. package.xml): not a source file.
            ...(message.fileName ? { file: message.fileName } : {}),
            ...(line !== undefined ? { line } : {}),
            ...(column !== undefined ? { column } : {}),
            type: message.componentType ?? '',
            name: message.fullName,
            problem: message.problem ?? 'refused without a reason',
            problemType: message.problemType ?? 'Error'
        });
    }
    return failures;
}

function testFailures(status: MetadataApiDeployStatus): TestFailure[] {
    return asList(status.details.runTestResult?.failures).map((failure) => ({
        test: [failure.name, failure.methodName].filter(Boolean).join('.'),
        message: failure.message,
        ...(failure.stackTrace ? { stackTrace: failure.stackTrace } : {})
    }));
}

function coverage(status: MetadataApiDeployStatus): Coverage[] {
    return asList(status.details.runTestResult?.codeCoverage)
        .map((entry) => {
            const total = number(entry.numLocations) ?? 0;
            const uncovered = number(entry.numLocationsNotCovered) ?? 0;
            return {
                name: entry.name,
                covered: total - uncovered,
                total,
                uncoveredLines: asList(entry.locationsNotCovered)
                    .map((location) => number(location.line) ?? 0)
                    .sort((a, b) => a - b)
            };
        })
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** The finished deploy as a person or a script acts on it; file paths from root. */
export function summariseDeploy(result: DeployResult, root: string): DeploySummary {
    const status = result.response;
    const runTests = status.details.runTestResult;
    return {
        id: status.id,
        status: status.status,
        success: status.success && status.status === RequestStatus.Succeeded,
        checkOnly: status.checkOnly,
        componentsDeployed: status.numberComponentsDeployed,
        componentsTotal: status.numberComponentsTotal,
        componentFailures: componentFailures(result, root),
        testsRun: number(runTests?.numTestsRun) ?? status.numberTestsCompleted,
        testFailures: testFailures(status),
        coverage: coverage(status),
        coverageWarnings: asList(runTests?.codeCoverageWarnings).map((warning) => warning.message),
        ...(status.errorMessage ? { errorMessage: status.errorMessage } : {})
    };
}

/** A status while the deploy runs. */
export function progressOf(status: MetadataApiDeployStatus): DeployProgress {
    return {
        status: status.status,
        ...(status.stateDetail ? { stateDetail: status.stateDetail } : {}),
        componentsDeployed: status.numberComponentsDeployed,
        componentsTotal: status.numberComponentsTotal,
        componentErrors: status.numberComponentErrors,
        testsCompleted: status.numberTestsCompleted,
        testsTotal: status.numberTestsTotal,
        testErrors: status.numberTestErrors
    };
}
