/** The test levels a deploy accepts (the org's default applies when none is given). */
export const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests'] as const;
export type TestLevel = (typeof TEST_LEVELS)[number];

/** What `npm run deploy` was asked for. */
export interface DeployOptions {
    /** Alias or username; the sf CLI's default target-org when absent. */
    readonly targetOrg?: string;
    /** A check-only deploy: validates in the org, saves nothing. */
    readonly dryRun: boolean;
    readonly testLevel?: TestLevel;
    /** Apex test classes (or Class.method) for RunSpecifiedTests. */
    readonly tests: readonly string[];
    /** Also deploy the package directories without a package (samples, the org's flow copies). */
    readonly includeUnpackaged: boolean;
    readonly waitMinutes: number;
}

/** The org a deploy goes to, as the sf CLI's saved logins know it. */
export interface TargetOrg {
    /** What the user named it by: an alias, a username, or the default target-org. */
    readonly name: string;
    readonly username: string;
}

/** Exit codes of `npm run deploy`, for scripts. */
export const EXIT = {
    /** Deployed, or validated with --dry-run. */
    ok: 0,
    /** Not deployed: the build refused the project, or the org refused components or tests. */
    failed: 1,
    /** Bad options, no authorised org, or a login the org no longer accepts. */
    usage: 2,
    /** Still running in the org when --wait ran out. */
    timeout: 3,
    /** Anything else: the network, the org's API, a bug. */
    error: 4
} as const;

/** A component the org refused, pointed at the source file when it can be. */
export interface ComponentFailure {
    /** From the project root; absent when the org names no file of the project. */
    readonly file?: string;
    readonly line?: number;
    readonly column?: number;
    readonly type: string;
    readonly name: string;
    readonly problem: string;
    readonly problemType: 'Error' | 'Warning';
}

export interface TestFailure {
    /** Class.method */
    readonly test: string;
    readonly message: string;
    readonly stackTrace?: string;
}

export interface Coverage {
    /** Apex class or trigger, or flow. */
    readonly name: string;
    readonly covered: number;
    readonly total: number;
    /** Lines not covered, ascending. */
    readonly uncoveredLines: readonly number[];
}

/** A finished deploy, reduced to what a person or a script acts on. */
export interface DeploySummary {
    readonly id: string;
    /** The Metadata API status: Succeeded, Failed, Canceled, SucceededPartial, ... */
    readonly status: string;
    readonly success: boolean;
    readonly checkOnly: boolean;
    readonly componentsDeployed: number;
    readonly componentsTotal: number;
    readonly componentFailures: readonly ComponentFailure[];
    readonly testsRun: number;
    readonly testFailures: readonly TestFailure[];
    readonly coverage: readonly Coverage[];
    readonly coverageWarnings: readonly string[];
    /** An error of the whole deploy rather than of one component. */
    readonly errorMessage?: string;
}

/** How a deploy ended. */
export type DeployOutcome =
    | { readonly status: 'succeeded' | 'failed'; readonly summary: DeploySummary }
    | { readonly status: 'timeout'; readonly id: string | undefined; readonly minutes: number };

/** A status of the deploy while it runs, as the org reports it. */
export interface DeployProgress {
    readonly status: string;
    readonly stateDetail?: string;
    readonly componentsDeployed: number;
    readonly componentsTotal: number;
    readonly componentErrors: number;
    readonly testsCompleted: number;
    readonly testsTotal: number;
    readonly testErrors: number;
}
