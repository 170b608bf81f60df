export { flowMessages } from './messages';
export { FlowCopyError, flowCopyOptions, parseFlowCopyArgs } from './options';
export type { FlowCopyOptions } from './options';
export { planFlowCopy, writeFlowCopy } from './plan';
export type { FlowCopyPlan } from './plan';
export { readCopyProject } from './project';
export type { CopyProject } from './project';
