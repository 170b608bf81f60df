export { parseDataFile, parseScenario } from './parse';
export { formatJson, formatLimits, formatText } from './report';
export { EmbeddedOrg, runScenario, runStep } from './run';
export type {
    DataSet,
    RecordExpectation,
    Scenario,
    ScenarioOutcome,
    Step,
    StepExpectation,
    StepOutcome
} from './types';
