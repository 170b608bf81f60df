/**
 * The embedded org: an in-memory org that runs the project's record-triggered flows from their
 * metadata XML, with scenarios and FlowTests on top. The areas, from the inside out:
 * - schema: the objects and fields the org stores, from the project's object schema
 *   (scripts/project/objects) with the runtime's own rules (key prefixes, User's rules);
 * - org: records, SOQL-like queries, DML statements, transactions and governor limits;
 * - flow: flow metadata, formulas (on formulon) and the bulkified interpreter;
 * - scenario: scenario files, their runs and reports;
 * - flowtest: FlowTest files run locally, with JUnit XML;
 * - cli: the command lines (`npm start`, `simulate`, `flow:test`), the only part that reads files.
 */
export { DmlException, FlowFault, LimitException, RuntimeError, ScenarioError } from './errors';
export type { RecordError } from './errors';
export { FlowRunner, FlowTriggers, Interview, parseFlow } from './flow';
export type { FlowDefinition, RuntimeOptions } from './flow';
export { junitXml, parseFlowTest, runFlowTest } from './drivers/flowtest';
export type { FlowTestResult } from './drivers/flowtest';
export { GOVERNOR_LIMITS, RecordStore, Transaction } from './org';
export { EmbeddedOrg } from './org/embedded';
export {
    formatJson,
    formatText,
    parseDataFile,
    parseScenario,
    runScenario,
    runStep
} from './drivers/scenario';
export type { Scenario, ScenarioOutcome, Step, StepOutcome } from './drivers/scenario';
export { loadSchema, OrgSchema, schemaFromObjects } from './schema';
export type { FieldValues, LimitUsage, Scalar, SObjectRecord } from './types';
