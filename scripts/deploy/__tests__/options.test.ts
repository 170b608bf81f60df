import { formatProgress, parseDeployArgs, safeSfEnvironment } from '..';
import { UsageError } from '../../shared/command';

function refusal(args: string[]): string {
    try {
        parseDeployArgs(args);
    } catch (error: unknown) {
        if (error instanceof UsageError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('the options were accepted');
}

describe('npm run deploy options', () => {
    it('default to the org default test level, the packaged directory and 30 minutes', () => {
        expect(parseDeployArgs(['--target-org', 'calendly-dev'])).toEqual({
            targetOrg: 'calendly-dev',
            dryRun: false,
            tests: [],
            includeUnpackaged: false,
            waitMinutes: 30
        });
    });

    it('read a check-only deploy with specified tests, repeated or separated by commas', () => {
        expect(
            parseDeployArgs([
                '-o',
                'ci',
                '--dry-run',
                '--test-level',
                'runspecifiedtests',
                '--tests',
                'CalendlySyncService_Tests,CalendlySyncJob_Tests',
                '--tests',
                'CalendlyLinkMapper_Tests.it_should_map',
                '--include-unpackaged',
                '--wait',
                '90'
            ])
        ).toEqual({
            targetOrg: 'ci',
            dryRun: true,
            testLevel: 'RunSpecifiedTests',
            tests: [
                'CalendlySyncService_Tests',
                'CalendlySyncJob_Tests',
                'CalendlyLinkMapper_Tests.it_should_map'
            ],
            includeUnpackaged: true,
            waitMinutes: 90
        });
    });

    it('take --tests alone as RunSpecifiedTests', () => {
        expect(parseDeployArgs(['--tests', 'A_Tests'])).toMatchObject({
            testLevel: 'RunSpecifiedTests',
            tests: ['A_Tests']
        });
    });

    it.each([
        [
            ['--test-level', 'RunAll'],
            /^--test-level "RunAll" is not a test level: use NoTestRun, RunSpecifiedTests or RunLocalTests\.$/
        ],
        [
            ['--test-level', 'RunSpecifiedTests'],
            /^--test-level RunSpecifiedTests needs --tests NAMES/
        ],
        [
            ['--test-level', 'RunLocalTests', '--tests', 'A_Tests'],
            /^--tests names the tests of RunSpecifiedTests, not of RunLocalTests/
        ],
        [['--tests', 'A Tests'], /^--tests "A Tests" is not an Apex test class/],
        [['--wait', '0'], /^--wait "0" must be a whole number of minutes from 1 to 1440\.$/],
        [['--wait', 'soon'], /^--wait "soon" must be/],
        [
            ['--target'],
            /unknown option --target \(did you mean --target-org\?\).*npm run deploy -- --help/
        ],
        [['production'], /takes no argument, and "production" is not an option/]
    ])('refuse %j, naming the option', (args, message) => {
        expect(refusal(args)).toMatch(message);
    });

    it('answer help', () => {
        expect(parseDeployArgs(['--help'])).toBe('help');
    });
});

describe('the sf environment of our scripts', () => {
    it('sets both auto-update variables, never one alone, and keeps the rest', () => {
        const env = safeSfEnvironment({ PATH: '/usr/bin', SF_AUTOUPDATE_DISABLE: 'false' });
        expect(env).toMatchObject({
            PATH: '/usr/bin',
            SF_DISABLE_AUTOUPDATE: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            SF_DISABLE_TELEMETRY: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true',
            SF_HIDE_RELEASE_NOTES: 'true',
            SF_DISABLE_LOG_FILE: 'true'
        });
    });
});

describe('progress', () => {
    it('shows components, then tests once they run', () => {
        const progress = {
            status: 'InProgress',
            componentsDeployed: 40,
            componentsTotal: 112,
            componentErrors: 0,
            testsCompleted: 0,
            testsTotal: 0,
            testErrors: 0
        };
        expect(formatProgress(progress)).toBe('InProgress: components 40/112');
        expect(
            formatProgress({
                ...progress,
                stateDetail: 'Running Test: CalendlySyncJob_Tests',
                componentsDeployed: 112,
                componentErrors: 1,
                testsCompleted: 12,
                testsTotal: 60,
                testErrors: 2
            })
        ).toBe(
            'InProgress (Running Test: CalendlySyncJob_Tests): components 112/112, 1 error(s); tests 12/60, 2 failed'
        );
    });
});
