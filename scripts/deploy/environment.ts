/**
 * The environment under which the Salesforce CLI and its libraries start no background process
 * and write no log file: no telemetry, no auto-update, no version check, no release notes. Both
 * auto-update variables are set, because SF_AUTOUPDATE_DISABLE alone makes the CLI start a
 * detached `sf update` that sleeps for an hour.
 */
export const SAFE_SF_ENVIRONMENT: Readonly<Record<string, string>> = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_DISABLE_LOG_FILE: 'true'
};

/** The environment a `sf` command of ours runs with: the caller's, made safe. */
export function safeSfEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return { ...env, ...SAFE_SF_ENVIRONMENT };
}

/** Makes this process's own environment safe before @salesforce/core is loaded. */
export function useSafeSfEnvironment(env: NodeJS.ProcessEnv = process.env): void {
    Object.assign(env, SAFE_SF_ENVIRONMENT);
}
