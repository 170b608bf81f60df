/**
 * `npm run deploy`: finds the sf CLI's login for the target org, builds the package, deploys it
 * with source-deploy-retrieve and reports the org's answer. The areas:
 * - options and target: the command line and the saved login, checked before anything is loaded;
 * - connect: the org's connection, its login checked before the build;
 * - deploy and summary: the Metadata API deploy, its progress and its result;
 * - format: what a person reads; environment: what keeps the sf CLI from starting anything.
 */
export { connect } from './connect';
export { apiOptions, componentsToDeploy, deployComponents, isPollingTimeout } from './deploy';
export type { DeployRequest } from './deploy';
export { SAFE_SF_ENVIRONMENT, safeSfEnvironment, useSafeSfEnvironment } from './environment';
export { formatComponentFailure, formatProgress, formatReport } from './format';
export { deployCommand } from './command';
export { deployMessages } from './messages';
export { OrgUnreachableError } from './errors';
export { parseDeployArgs } from './options';
export { progressOf, summariseDeploy } from './summary';
export { findTargetOrg } from './target';
export * from './types';
