import * as fs from 'node:fs';
import type { Connection } from '@salesforce/core';
import { instantiateContext, MockTestOrgData } from '@salesforce/core/testSetup';
import { RequestStatus, type MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { readProjectLayout } from '../../build/project';
import {
    componentsToDeploy,
    connect,
    deployComponents,
    findTargetOrg,
    formatReport,
    OrgUnreachableError,
    type DeployOptions,
    type DeployOutcome,
    type DeployProgress,
    type TargetOrg
} from '..';
import { DEPLOY_ID, deployStatus, makeDeployProject, message, SUCCESSES } from './deployProject';
import { UsageError } from '../../shared/command';

/**
 * The deploy, run against @salesforce/core's test context: logins and aliases are MockTestOrgData
 * in stubbed configuration files, the connection is the test context's fake one, and the
 * Metadata API's deploy and checkDeployStatus calls are stubbed. Everything between them is the
 * real source-deploy-retrieve: the zip, the polling, the events and the result's file mapping.
 */
const $$ = instantiateContext();
const testOrg = new MockTestOrgData();
const ALIAS = 'calendly-dev';
const OPTIONS: DeployOptions = {
    dryRun: false,
    tests: [],
    includeUnpackaged: false,
    waitMinutes: 30
};

let root: string;

beforeEach(async () => {
    $$.init();
    await $$.stubAuths(testOrg);
    $$.stubAliases({ [ALIAS]: testOrg.username });
    root = makeDeployProject();
});

afterEach(() => {
    $$.restore();
    fs.rmSync(root, { recursive: true, force: true });
});

function refusal(error: unknown): string {
    if (error instanceof UsageError) {
        return error.message;
    }
    throw error;
}

describe('the target org', () => {
    it('is found by alias or by username among the saved logins', async () => {
        await expect(findTargetOrg(ALIAS)).resolves.toEqual({
            name: ALIAS,
            username: testOrg.username
        });
        await expect(findTargetOrg(testOrg.username)).resolves.toEqual({
            name: testOrg.username,
            username: testOrg.username
        });
    });

    it('is the sf CLI default when --target-org is left out', async () => {
        await $$.stubConfig({ 'target-org': ALIAS });
        await expect(findTargetOrg()).resolves.toEqual({ name: ALIAS, username: testOrg.username });
    });

    it('without a login, is refused with the command that logs in', async () => {
        const message = await findTargetOrg('scratch-2').then(() => '', refusal);
        expect(message).toBe(
            'No org is logged in as "scratch-2": the sf CLI has no login for that alias or username. Log in with sf org login web --alias scratch-2 (a sandbox: add --instance-url https://test.salesforce.com; a scratch org: npm run org:create -- --alias scratch-2), then run the deploy again. sf org list shows the logins there are.'
        );
    });

    it('without --target-org nor a default, is refused with what to give', async () => {
        expect(await findTargetOrg().then(() => '', refusal)).toMatch(
            /^No org to deploy to: give --target-org ALIAS, or set a default with sf config set target-org ALIAS\. Not logged in yet\? sf org login web --alias ALIAS/
        );
    });
});

describe('the connection', () => {
    const target: TargetOrg = { name: ALIAS, username: testOrg.username };

    it('is the org of the login, whose login the org has just accepted', async () => {
        const requests: unknown[] = [];
        $$.fakeConnectionRequest = (request) => {
            requests.push(request);
            return Promise.resolve({});
        };
        const connection = await connect(target);
        expect(connection.getUsername()).toBe(testOrg.username);
        expect(requests).toContainEqual({ method: 'GET', url: connection.baseUrl() });
    });

    it('refuses a login the org no longer accepts (exit 2), and tells a network failure apart (exit 4)', async () => {
        $$.fakeConnectionRequest = () => Promise.reject(new Error('expired access/refresh token'));
        expect(await connect(target).then(() => '', refusal)).toBe(
            `The org ${ALIAS} (${testOrg.username}) refused the saved login: expired access/refresh token. Log in again with sf org login web --alias ${ALIAS} (a sandbox: add --instance-url https://test.salesforce.com; a scratch org: npm run org:create -- --alias ${ALIAS}).`
        );
        $$.fakeConnectionRequest = () =>
            Promise.reject(new Error('getaddrinfo ENOTFOUND example.my.salesforce.com'));
        await expect(connect(target)).rejects.toBeInstanceOf(OrgUnreachableError);
    });
});

describe('the deploy', () => {
    let connection: Connection;
    /** The Metadata API options of each deploy call. */
    let deployedWith: unknown[];

    /** Stubs the Metadata API: deploy answers an id, checkDeployStatus each status in turn. */
    function orgAnswers(...statuses: MetadataApiDeployStatus[]): void {
        deployedWith = [];
        jest.spyOn(connection.metadata, 'deploy').mockImplementation((_zip, options) => {
            deployedWith.push(options);
            return Promise.resolve({ id: DEPLOY_ID }) as never;
        });
        let call = 0;
        jest.spyOn(connection.metadata, 'checkDeployStatus').mockImplementation(() => {
            const status = statuses[Math.min(call, statuses.length - 1)] ?? deployStatus();
            call++;
            return Promise.resolve(status) as never;
        });
    }

    async function run(
        options: Partial<DeployOptions> = {},
        timeoutSeconds?: number
    ): Promise<{ outcome: DeployOutcome; progress: DeployProgress[] }> {
        const progress: DeployProgress[] = [];
        const deployOptions = { ...OPTIONS, ...options };
        const outcome = await deployComponents({
            components: componentsToDeploy(
                readProjectLayout(root),
                deployOptions.includeUnpackaged
            ),
            connection,
            options: deployOptions,
            root,
            frequencyMs: 5,
            ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
            onProgress: (update) => progress.push(update)
        });
        return { outcome, progress };
    }

    const target: TargetOrg = { name: ALIAS, username: testOrg.username };

    beforeEach(async () => {
        connection = await testOrg.getConnection();
    });

    afterEach(() => {
        jest.restoreAllMocks();
    });

    it('deploys the package, reports progress, and succeeds', async () => {
        orgAnswers(
            deployStatus({ numberComponentsDeployed: 1 }),
            deployStatus({
                status: RequestStatus.Succeeded,
                success: true,
                done: true,
                numberComponentsDeployed: 3,
                details: { componentSuccesses: SUCCESSES }
            })
        );

        const { outcome, progress } = await run();

        expect(outcome.status).toBe('succeeded');
        expect(progress[0]).toMatchObject({
            status: 'InProgress',
            componentsDeployed: 1,
            componentsTotal: 3
        });
        expect(deployedWith[0]).toMatchObject({
            checkOnly: false,
            rollbackOnError: true
        });
        expect(deployedWith[0]).not.toHaveProperty('testLevel');
        if (outcome.status !== 'succeeded') {
            return;
        }
        expect(outcome.summary).toMatchObject({
            id: DEPLOY_ID,
            componentsDeployed: 3,
            componentFailures: []
        });
        expect(formatReport(outcome.summary, target)).toBe(
            `Deployed 3 component(s) to ${ALIAS} (deploy ${DEPLOY_ID}).\n`
        );
    });

    it('passes --dry-run and the tests to run to the Metadata API, and deploys unpackaged only when asked', async () => {
        const done = deployStatus({
            status: RequestStatus.Succeeded,
            success: true,
            done: true,
            checkOnly: true,
            numberComponentsTotal: 4,
            details: { componentSuccesses: SUCCESSES }
        });
        orgAnswers(done);
        const { outcome } = await run({
            dryRun: true,
            testLevel: 'RunSpecifiedTests',
            tests: ['Greeter_Tests'],
            includeUnpackaged: true
        });
        expect(deployedWith[0]).toMatchObject({
            checkOnly: true,
            rollbackOnError: true,
            testLevel: 'RunSpecifiedTests',
            runTests: ['Greeter_Tests']
        });
        expect(componentsToDeploy(readProjectLayout(root), true).size).toBe(3);
        expect(componentsToDeploy(readProjectLayout(root), false).size).toBe(2);
        expect(outcome.status === 'succeeded' && formatReport(outcome.summary, target)).toBe(
            `Validated 4 component(s) in ${ALIAS}; nothing was saved (deploy ${DEPLOY_ID}).\n`
        );
    });

    it('reports a component the org refuses with its source file, line and column', async () => {
        orgAnswers(
            deployStatus({
                status: RequestStatus.Failed,
                done: true,
                numberComponentErrors: 1,
                details: {
                    componentFailures: [
                        message('ApexClass', 'Greeter', 'classes/Greeter.cls', {
                            success: 'false',
                            created: 'false',
                            lineNumber: '3',
                            columnNumber: '16',
                            problem: 'Variable does not exist: x',
                            problemType: 'Error'
                        })
                    ],
                    componentSuccesses: SUCCESSES.slice(1)
                }
            })
        );

        const { outcome } = await run();

        expect(outcome.status).toBe('failed');
        if (outcome.status !== 'failed') {
            return;
        }
        expect(outcome.summary.componentFailures).toEqual([
            {
                file: 'force-app/main/default/classes/Greeter.cls',
                line: 3,
                column: 16,
                type: 'ApexClass',
                name: 'Greeter',
                problem: 'Variable does not exist: x',
                problemType: 'Error'
            }
        ]);
        expect(formatReport(outcome.summary, target)).toBe(
            [
                'Component errors (1):',
                '  force-app/main/default/classes/Greeter.cls:3:16: error ApexClass Greeter: Variable does not exist: x',
                `Not deployed in ${ALIAS}: 1 component error(s) (deploy ${DEPLOY_ID}, Failed). The org saved nothing: a deploy with an error is rolled back as a whole.`,
                ''
            ].join('\n')
        );
    });

    it('still reports a failure the org does not tie to a component of the project', async () => {
        orgAnswers(
            deployStatus({
                status: RequestStatus.Failed,
                done: true,
                details: {
                    componentFailures: [
                        {
                            changed: 'false',
                            created: 'false',
                            createdDate: '2026-01-05T10:00:01.000Z',
                            deleted: 'false',
                            fileName: 'package.xml',
                            fullName: 'package.xml',
                            problem:
                                'An object Gadget__c of type CustomObject was named in package.xml, but was not found in zipped directory',
                            problemType: 'Error',
                            success: 'false'
                        }
                    ]
                }
            })
        );

        const { outcome } = await run();

        expect(outcome.status === 'failed' && outcome.summary.componentFailures).toEqual([
            {
                file: 'package.xml',
                type: '',
                name: 'package.xml',
                problem:
                    'An object Gadget__c of type CustomObject was named in package.xml, but was not found in zipped directory',
                problemType: 'Error'
            }
        ]);
    });

    it('reports Apex test failures and code coverage', async () => {
        orgAnswers(
            deployStatus({ runTestsEnabled: true, numberTestsTotal: 2, numberTestsCompleted: 1 }),
            deployStatus({
                status: RequestStatus.Failed,
                done: true,
                runTestsEnabled: true,
                numberComponentsDeployed: 3,
                numberTestsTotal: 2,
                numberTestsCompleted: 1,
                numberTestErrors: 1,
                details: {
                    componentSuccesses: SUCCESSES,
                    runTestResult: {
                        numTestsRun: '2',
                        numFailures: '1',
                        totalTime: '120',
                        failures: {
                            id: '01p000000000001',
                            name: 'Greeter_Tests',
                            methodName: 'it_should_greet',
                            message:
                                'System.AssertException: Assertion Failed: the greeting: Expected: Hello, Actual: null',
                            stackTrace: 'Class.Greeter_Tests.it_should_greet: line 7, column 1',
                            packageName: 'Greeter_Tests',
                            time: '60',
                            type: 'Class'
                        },
                        codeCoverage: [
                            {
                                id: '01p000000000002',
                                name: 'Greeter',
                                type: 'Class',
                                numLocations: '4',
                                numLocationsNotCovered: '1',
                                locationsNotCovered: {
                                    line: '3',
                                    column: '0',
                                    numExecutions: '0',
                                    time: '-1'
                                }
                            }
                        ],
                        codeCoverageWarnings: {
                            id: '01p000000000002',
                            message:
                                'Average test coverage across all Apex Classes and Triggers is 75%, at least 75% test coverage is required.',
                            namespace: ''
                        }
                    }
                }
            })
        );

        const { outcome, progress } = await run({ testLevel: 'RunLocalTests' });

        expect(progress[0]).toMatchObject({ testsCompleted: 1, testsTotal: 2 });
        expect(outcome.status).toBe('failed');
        if (outcome.status !== 'failed') {
            return;
        }
        expect(outcome.summary.testFailures).toEqual([
            {
                test: 'Greeter_Tests.it_should_greet',
                message:
                    'System.AssertException: Assertion Failed: the greeting: Expected: Hello, Actual: null',
                stackTrace: 'Class.Greeter_Tests.it_should_greet: line 7, column 1'
            }
        ]);
        expect(outcome.summary.coverage).toEqual([
            { name: 'Greeter', covered: 3, total: 4, uncoveredLines: [3] }
        ]);
        expect(formatReport(outcome.summary, target).split('\n')).toEqual([
            'Apex tests: 2 run, 1 failed.',
            '  FAIL Greeter_Tests.it_should_greet: System.AssertException: Assertion Failed: the greeting: Expected: Hello, Actual: null',
            '       Class.Greeter_Tests.it_should_greet: line 7, column 1',
            'Code coverage: 75% (3/4 lines)',
            '   75% Greeter (3/4, not covered: line 3)',
            'Coverage warning: Average test coverage across all Apex Classes and Triggers is 75%, at least 75% test coverage is required.',
            `Not deployed in ${ALIAS}: 1 test failure(s); code coverage too low (deploy ${DEPLOY_ID}, Failed). The org saved nothing: a deploy with an error is rolled back as a whole.`,
            ''
        ]);
    });

    it('stops waiting when --wait runs out, giving the deploy id to follow it', async () => {
        orgAnswers(deployStatus());

        const { outcome, progress } = await run({ waitMinutes: 1 }, 0.2);

        expect(outcome).toEqual({ status: 'timeout', id: DEPLOY_ID, minutes: 1 });
        expect(progress.length).toBeGreaterThan(0);
    });
});
