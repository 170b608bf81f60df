export { parseDataFile, parseScenario } from './parse';
export { formatJson, formatLimits, formatText } from './report';
export { runScenario, runStep } from './run';
export type {
    DataSet,
    RecordExpectation,
    Scenario,
    ScenarioOutcome,
    Step,
    StepExpectation,
    StepOutcome
} from './types';
