import { parseCommandLine, UsageError, type ParsedCommandLine } from '../shared/command';
import { deployCommand } from './command';
import { deployMessages as M } from './messages';
import { TEST_LEVELS, type DeployOptions, type TestLevel } from './types';

const TEST_NAME = /^[A-Za-z]\w*(\.[A-Za-z]\w*)?$/;

function testLevel(value: string | undefined): TestLevel | undefined {
    if (value === undefined) {
        return undefined;
    }
    const level = TEST_LEVELS.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (!level) {
        throw new UsageError(M.badTestLevel(value));
    }
    return level;
}

/**
 * Parses and checks `npm run deploy` arguments: the options, or 'help'. Throws
 * UsageError on anything wrong, before any org is contacted.
 */
export function parseDeployArgs(args: readonly string[]): DeployOptions | 'help' {
    const parsed = parseCommandLine(deployCommand, args);
    return parsed === 'help' ? 'help' : deployOptions(parsed.values);
}

/** Checks the parsed options of `npm run deploy`; throws UsageError on a bad value. */
export function deployOptions(
    values: ParsedCommandLine<typeof deployCommand.options>['values']
): DeployOptions {
    const tests = values.tests
        .flatMap((entry) => entry.split(','))
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
    for (const test of tests) {
        if (!TEST_NAME.test(test)) {
            throw new UsageError(M.badTestName(test));
        }
    }
    // --tests alone means RunSpecifiedTests, as with sf project deploy start.
    const level =
        testLevel(values['test-level']) ?? (tests.length > 0 ? 'RunSpecifiedTests' : undefined);
    if (tests.length > 0 && level !== 'RunSpecifiedTests') {
        throw new UsageError(M.testsNeedSpecified(level ?? ''));
    }
    if (level === 'RunSpecifiedTests' && tests.length === 0) {
        throw new UsageError(M.specifiedNeedsTests());
    }
    const waitText = values.wait ?? '30';
    const waitMinutes = /^\d{1,4}$/.test(waitText) ? Number(waitText) : NaN;
    if (!(waitMinutes >= 1 && waitMinutes <= 1440)) {
        throw new UsageError(M.badWait(waitText));
    }
    const targetOrg = values['target-org'];
    return {
        ...(targetOrg !== undefined && targetOrg !== '' ? { targetOrg } : {}),
        dryRun: values['dry-run'],
        ...(level ? { testLevel: level } : {}),
        tests,
        includeUnpackaged: values['include-unpackaged'],
        waitMinutes
    };
}
