import type { TargetOrg } from './types';

export const DEPLOY_USAGE = `Usage: npm run deploy -- --target-org ALIAS [options]

Builds the package (generated files current, npm run validate, conversion), then deploys it to
an org the sf CLI is logged in to, with progress, the org's errors by file and line, Apex test
failures and code coverage.

  --target-org ALIAS    alias or username of the org (default: the sf CLI's target-org)
  --dry-run             check-only deploy: the org validates everything and saves nothing
  --test-level LEVEL    NoTestRun, RunSpecifiedTests or RunLocalTests (default: the org's:
                        none in scratch orgs and sandboxes, RunLocalTests in production)
  --tests NAMES         Apex test classes (or Class.method) for RunSpecifiedTests; repeat the
                        option or separate names with commas
  --include-unpackaged  also deploy the unpackaged directory (samples, the org's flow copies)
  --wait MINUTES        how long to wait for the org, 1 to 1440 (default 30)
  --help                show this help

Exit code: 0 deployed (or validated), 1 not deployed (build, components or tests failed),
2 bad options or no usable login, 3 still running when --wait ran out, 4 other error.

Log in first:  sf org login web --alias ALIAS   (a sandbox: add --instance-url https://test.salesforce.com)`;

const login = (name: string): string =>
    `sf org login web --alias ${name} (a sandbox: add --instance-url https://test.salesforce.com; a scratch org: npm run org:create -- --alias ${name})`;

export const deployMessages = {
    badArguments: (detail: string): string =>
        `${detail}. Run npm run deploy -- --help for the options.`,
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
        `Stopped waiting; the deploy ${id} goes on in the org. Follow it: sf project deploy report --job-id ${id} --target-org ${target.name} (or stop it: sf project deploy cancel --job-id ${id} --target-org ${target.name}).`,
    unexpected: (reason: string): string => `The deploy stopped on an unexpected error: ${reason}`
} as const;
