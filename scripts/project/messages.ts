/** What the project loader says about a folder it cannot use; each message says what to do. */
export const projectMessages = {
    notADirectory: (dir: string): string =>
        `${dir} is not a directory: give the folder of a Salesforce DX project (the one with sfdx-project.json).`,
    notAProject: (dir: string): string =>
        `${dir} has no sfdx-project.json: give the folder of a Salesforce DX project, or run the command from it.`,
    unreadableProjectFile: (file: string, reason: string): string =>
        `${file} is not valid JSON (${reason}): fix it so that it lists the packageDirectories.`,
    noPackageDirectories: (file: string): string =>
        `${file} lists no packageDirectories, each with a path: add at least one.`,
    noPackagedDirectory: (file: string, found: number): string =>
        `${file}: expected exactly one package directory with a package name, found ${found}.`,
    noUnpackagedDirectory: (file: string): string =>
        `${file} has no package directory without a "package" for the org's own metadata: add one, e.g. {"path": "unpackaged"}.`,
    noSourceApiVersion: (file: string): string =>
        `${file} has no sourceApiVersion of the form "66.0": add or fix "sourceApiVersion" (the API version the project targets).`
} as const;
