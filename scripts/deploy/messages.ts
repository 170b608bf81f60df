import type { TargetOrg } from './types';

const login = (name: string): string =>
    `sf org login web --alias ${name} (a sandbox: add --instance-url https://test.salesforce.com; a scratch org: npm run org:create -- --alias ${name})`;

export const deployMessages = {
    badTestLevel: (value: string): string =>
        `--test-level "${value}" is not a test level: use NoTestRun, RunSpecifiedTests or RunLocalTests.`,
    testsNeedSpecified: (level: string): string =>
        `--tests names the tests of RunSpecifiedTests, not of ${level}: use --test-level RunSpecifiedTests, or leave --tests out.`,
    specifiedNeedsTests: (): string =>
        '--test-level RunSpecifiedTests needs --tests NAMES: the Apex test classes to run, e.g. --tests CalendlySyncService_Tests.',
    badTestName: (name: string): string =>
        `--tests "${name}" is not an Apex test class or Class.method name.`,
    badWait: (value: string): string =>
        `--wait "${value}" must be a whole number of minutes from 1 to 1440.`,
    noTargetOrg: (): string =>
        `No org to deploy to: give --target-org ALIAS, or set a default with sf config set target-org ALIAS. Not logged in yet? ${login('ALIAS')}.`,
    notLoggedIn: (name: string): string =>
        `No org is logged in as "${name}": the sf CLI has no login for that alias or username. Log in with ${login(name)}, then run the deploy again. sf org list shows the logins there are.`,
    loginRefused: (target: TargetOrg, reason: string): string =>
        `The org ${target.name} (${target.username}) refused the saved login: ${reason}. Log in again with ${login(target.name)}.`,
    unreachable: (target: TargetOrg, reason: string): string =>
        `The org ${target.name} (${target.username}) could not be reached: ${reason}. Check the network (and HTTPS_PROXY behind a proxy), then deploy again.`,
    building: (): string => 'Building the package (generate check, validate, convert) ...',
    stale: (count: number): string =>
        `${count} generated file(s) differ from scripts/metadata: run npm run generate and commit the result, then deploy again.`,
    invalid: (): string =>
        'The project has errors (above): fix them, then deploy again; npm run validate lists every finding.',
    forbidden: (): string =>
        'The build output held files that must not ship; nothing was deployed.',
    built: (files: number): string => `Built: ${files} file(s) in the package.`,
    deploying: (target: TargetOrg, components: number, dryRun: boolean): string =>
        `${dryRun ? 'Validating (check-only)' : 'Deploying'} ${components} component(s) to ${target.name} (${target.username}) ...`,
    noComponents: (directories: readonly string[]): string =>
        `Nothing to deploy in ${directories.join(', ')}: run npm run generate first.`,
    timeout: (minutes: number, id: string | undefined, target: TargetOrg): string =>
        id
            ? `The deploy ${id} did not finish within ${minutes} minute(s); it goes on in the org. Follow it: sf project deploy report --job-id ${id} --target-org ${target.name} (or stop it: sf project deploy cancel --job-id ${id} --target-org ${target.name}). Give --wait a larger number next time.`
            : `The deploy did not start within ${minutes} minute(s). Try again, with a larger --wait.`,
    interrupted: (id: string, target: TargetOrg): string =>
        `Stopped waiting; the deploy ${id} goes on in the org. Follow it: sf project deploy report --job-id ${id} --target-org ${target.name} (or stop it: sf project deploy cancel --job-id ${id} --target-org ${target.name}).`
} as const;
