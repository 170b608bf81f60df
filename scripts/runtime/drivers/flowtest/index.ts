export { failureDetails, junitXml } from './junit';
export { compileFlowTest, parseFlowTest } from './parse';
export { runFlowTest } from './run';
export type { AssertionResult, ConditionResult, FlowTestDefinition, FlowTestResult } from './types';
