/**
 * The one model of a project's flows and FlowTests: each file read once into its parts, with
 * their places, typed against Salesforce's metadata types. The validator checks it; the
 * embedded org compiles the flows it runs from it.
 */
export { flowApiName, FlowModel } from './flow';
export { flowTestApiName, FlowTestModel, valueHolder } from './flowTest';
export type {
    FlowTestAssertionModel,
    FlowTestConditionModel,
    FlowTestParameterModel,
    FlowTestPointModel
} from './flowTest';
export {
    FLOW_GLOBAL_MEMBERS,
    FLOW_GLOBALS,
    flowGlobal,
    globalMembers,
    MERGE_FIELD,
    mergeFields
} from './globals';
export type { FlowGlobal, FlowGlobalMember, FlowGlobalWithMembers } from './globals';
export { readFlows, readFlowTests } from './project';
export type * from './types';
export {
    DETAILED_NODE_KINDS,
    DETAILED_RESOURCE_KINDS,
    FLOW_NODE_KINDS,
    FLOW_PROPERTY_KINDS,
    FLOW_RESOURCE_KINDS
} from './vocabulary';
export type { DetailedNodeKind, DetailedResourceKind, FlowValueKind } from './vocabulary';
