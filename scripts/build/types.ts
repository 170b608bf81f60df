import type { StaleFile } from '../generate';

/** Where the package's metadata lives, as sfdx-project.json declares it. */
export interface ProjectLayout {
    /** Absolute path of the project root. */
    readonly root: string;
    readonly packageName: string;
    readonly versionNumber: string | undefined;
    /** The package directory that becomes the package, relative to root (force-app). */
    readonly packagedDir: string;
    /** Package directories that must never ship (samples, test data), relative to root. */
    readonly unpackagedDirs: readonly string[];
    readonly apiVersion: string;
}

/** One metadata component as package.xml names it. */
export interface Member {
    readonly type: string;
    readonly name: string;
}

/** What the conversion wrote, read back from disk for the checks and the summary. */
export interface BuildOutput {
    /** The metadata-format directory, with its package.xml. */
    readonly directory: string;
    /** Files of the directory, relative to it, with forward slashes, sorted. */
    readonly directoryFiles: readonly string[];
    readonly zipPath: string;
    readonly zipBytes: number;
    /** File entries of the zip (folder entries left out), sorted. */
    readonly zipFiles: readonly string[];
    /** The members of the written package.xml. */
    readonly members: readonly Member[];
    /** The API version of the written package.xml. */
    readonly apiVersion: string;
}

/** The validator's verdict, reduced to what the build needs to print and decide. */
export interface ValidationReport {
    readonly passed: boolean;
    /** The findings that stop the build, one printable line each. */
    readonly errors: readonly string[];
    /** How many warnings and notes there are: they do not stop the build. */
    readonly otherFindings: number;
    /** One line: the verdict and the counts of findings, files and rules. */
    readonly summary: string;
}

export type ProjectValidator = (root: string) => Promise<ValidationReport>;

export interface BuildSummary {
    readonly layout: ProjectLayout;
    readonly output: BuildOutput;
    readonly validation: ValidationReport;
}

/** How a build ended; exceptions are kept for the unexpected. */
export type BuildOutcome =
    | { readonly status: 'stale'; readonly stale: readonly StaleFile[] }
    | { readonly status: 'invalid'; readonly validation: ValidationReport }
    | { readonly status: 'forbidden-output'; readonly problems: readonly string[] }
    | { readonly status: 'built'; readonly summary: BuildSummary };
