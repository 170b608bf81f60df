import { parseArgs } from 'node:util';
import { DeployUsageError } from './errors';
import { deployMessages as M } from './messages';
import { TEST_LEVELS, type DeployOptions, type TestLevel } from './types';

const TEST_NAME = /^[A-Za-z]\w*(\.[A-Za-z]\w*)?$/;

function testLevel(value: string | undefined): TestLevel | undefined {
    if (value === undefined) {
        return undefined;
    }
    const level = TEST_LEVELS.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (!level) {
        throw new DeployUsageError(M.badTestLevel(value));
    }
    return level;
}

/**
 * Parses and checks `npm run deploy` arguments: the options, or 'help'. Throws
 * DeployUsageError on anything wrong, before any org is contacted.
 */
export function parseDeployArgs(args: readonly string[]): DeployOptions | 'help' {
    let values;
    try {
        values = parseArgs({
            args: [...args],
            options: {
                'target-org': { type: 'string', short: 'o' },
                'dry-run': { type: 'boolean', default: false },
                'test-level': { type: 'string', short: 'l' },
                tests: { type: 'string', short: 't', multiple: true },
                'include-unpackaged': { type: 'boolean', default: false },
                wait: { type: 'string', short: 'w' },
                help: { type: 'boolean', default: false }
            },
            allowPositionals: false,
            strict: true
        }).values;
    } catch (error: unknown) {
        throw new DeployUsageError(
            M.badArguments(error instanceof Error ? error.message : String(error)),
            { cause: error }
        );
    }
    if (values.help) {
        return 'help';
    }
    const tests = (values.tests ?? [])
        .flatMap((entry) => entry.split(','))
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
    for (const test of tests) {
        if (!TEST_NAME.test(test)) {
            throw new DeployUsageError(M.badTestName(test));
        }
    }
    // --tests alone means RunSpecifiedTests, as with sf project deploy start.
    const level =
        testLevel(values['test-level']) ?? (tests.length > 0 ? 'RunSpecifiedTests' : undefined);
    if (tests.length > 0 && level !== 'RunSpecifiedTests') {
        throw new DeployUsageError(M.testsNeedSpecified(level ?? ''));
    }
    if (level === 'RunSpecifiedTests' && tests.length === 0) {
        throw new DeployUsageError(M.specifiedNeedsTests());
    }
    const waitText = values.wait ?? '30';
    const waitMinutes = /^\d{1,4}$/.test(waitText) ? Number(waitText) : NaN;
    if (!(waitMinutes >= 1 && waitMinutes <= 1440)) {
        throw new DeployUsageError(M.badWait(waitText));
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
