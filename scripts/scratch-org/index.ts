/**
 * Scratch orgs and package versions: the sf CLI commands a newcomer and CI run, in order, with
 * the environment that keeps the sf CLI from starting background processes.
 */
export { ORG_COMMANDS } from './command';
export { orgMessages } from './messages';
export { parseOrgArgs } from './options';
export type { CreateOptions, OrgCommand, PackageVersionOptions, SetupOptions } from './options';
export {
    createPackageVersion,
    createScratchOrg,
    deleteScratchOrg,
    packageVersionArgs,
    permissionSetNames,
    SAMPLE_DATA_PLAN,
    SAMPLE_USER,
    SCRATCH_DEFINITION,
    setupOrg,
    StepFailure
} from './org';
export type { Log } from './org';
export { commandText, processRunner } from './run';
export type { Command, CommandResult, Runner } from './run';
