export const orgMessages = {
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
