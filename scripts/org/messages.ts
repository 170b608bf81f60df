export const ORG_USAGE = `Usage:
  npm run org:create -- --alias ALIAS [--dev-hub HUB] [--duration-days N] [--skip-setup] [--skip-sample-data]
  npm run org:setup -- --target-org ALIAS [--skip-sample-data]
  npm run org:delete -- --target-org ALIAS
  npm run package:version -- [--dev-hub HUB] [--wait MINUTES] [--tag TAG]

org:create       creates a scratch org from config/project-scratch-def.json (--duration-days,
                 1 to 30, default 7), then sets it up as org:setup does (unless --skip-setup)
org:setup        deploys the package and the unpackaged directory (npm run deploy), assigns the
                 permission sets to you, creates the sample user Ada Lovelace that the FlowTests
                 expect, and loads the sample links of config/sample-data (unless
                 --skip-sample-data); steps already done are skipped
org:delete       deletes the scratch org
package:version  builds the package (npm run build), then creates a managed package version
                 with code coverage in the Dev Hub (sf package version create)

--dev-hub defaults to the sf CLI's target-dev-hub. Every sf command runs with the environment
that keeps the sf CLI from starting background processes.
Exit code: 0 done, 1 a step failed (the message names it), 2 bad options; org:setup passes on
npm run deploy's exit code when the deploy step fails.`;

export const orgMessages = {
    badArguments: (detail: string): string =>
        `${detail}. Run npm run org:setup -- --help for the options.`,
    unknownCommand: (name: string): string =>
        `Unknown command "${name}": use create, setup, delete or package-version (npm run org:create, org:setup, org:delete, package:version).`,
    required: (option: string, example: string): string =>
        `${option} is required, e.g. ${option} ${example}.`,
    badNumber: (option: string, value: string, min: number, max: number): string =>
        `${option} "${value}" must be a whole number from ${min} to ${max}.`,
    badAlias: (option: string, value: string): string =>
        `${option} "${value}" is not an alias or username: use letters, digits and . _ - @ only.`,
    missingFile: (file: string): string =>
        `${file} is missing: it comes with the repository; restore it (git checkout -- ${file}).`,
    noPackageAlias: (name: string): string =>
        `sfdx-project.json has no packageAliases entry for "${name}". Create the package once in the Dev Hub that owns the namespace: sf package create --name "${name}" --package-type Managed --path force-app --target-dev-hub HUB (it adds the alias), then commit sfdx-project.json.`,
    step: (text: string): string => `\n> ${text}`,
    skipped: (what: string): string => `  ${what}: already there, skipped.`,
    stepFailed: (text: string, status: number, again: string): string =>
        `${text} failed (exit ${status}). Fix what it reports, then run ${again} again: the steps already done are skipped or harmless to repeat.`,
    unreadableAnswer: (text: string): string =>
        `${text} answered something that is not the JSON it should: run it by hand to see why.`,
    ready: (alias: string): string =>
        `\nThe org ${alias} is ready: sf org open --target-org ${alias}. Run its tests: sf apex run test --target-org ${alias} --test-level RunLocalTests --wait 30; sf flow run test --target-org ${alias} --class-names MapUserCalendlyLinkTemplate --synchronous`,
    deleted: (alias: string): string => `The scratch org ${alias} is deleted.`,
    versionCreated: (): string =>
        'Package version created. Install it in a test org from the URL above, or promote it when it is the release: sf package version promote --package "Calendly Links@x.y.z-n".'
} as const;
