import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { ScenarioError } from '../errors';
import {
    failureDetails,
    junitXml,
    parseFlowTest,
    runFlowTest,
    type FlowTestResult
} from '../flowtest';
import { MESSAGES } from '../messages';
import { parseDataFile, type DataSet } from '../scenario';
import { loadProject, readFlow, runCommand, type Project } from './project';

const DEFAULT_DATA = path.join('scripts', 'runtime', 'flowtest.data.json');
const DEFAULT_JUNIT = path.join('reports', 'flow-tests.xml');

const USAGE = `Usage: npm run flow:test -- [FLOWTEST_FILE...] [--data FILE] [--junit FILE]

Runs the project's FlowTests (or the files given) against their flows in the embedded org,
with the org data of a scenario-style file, and reports each test and assertion.
  --data FILE    org data ({"data": {"User": [...]}}), default ${DEFAULT_DATA}
  --junit FILE   JUnit XML report, default ${DEFAULT_JUNIT}
Exit code: 0 every test passed, 1 a test failed, 2 a file is invalid.`;

function runAll(
    project: Project,
    files: readonly string[],
    data: readonly DataSet[]
): FlowTestResult[] {
    return files.map((file) => {
        const test = parseFlowTest(
            fs.readFileSync(path.join(project.root, file), 'utf8'),
            file,
            project.schema
        );
        const flowFile = project.flowFiles.find((candidate) =>
            candidate.endsWith(`/${test.flowApiName}.flow-meta.xml`)
        );
        if (!flowFile) {
            throw new ScenarioError(file, MESSAGES.flowNotFound(test.flowApiName));
        }
        return runFlowTest(test, readFlow(project, flowFile, file), project.schema, data);
    });
}

function main(): number {
    const { values, positionals } = parseArgs({
        options: {
            data: { type: 'string', default: DEFAULT_DATA },
            junit: { type: 'string', default: DEFAULT_JUNIT },
            help: { type: 'boolean', default: false }
        },
        allowPositionals: true
    });
    if (values.help) {
        console.log(USAGE);
        return 0;
    }
    const project = loadProject();
    if (!fs.existsSync(values.data)) {
        throw new ScenarioError(values.data, MESSAGES.fileMissing(values.data));
    }
    const data = parseDataFile(fs.readFileSync(values.data, 'utf8'), values.data, project.schema);
    const files =
        positionals.length > 0
            ? positionals.map((file) =>
                  path.relative(project.root, path.resolve(file)).split(path.sep).join('/')
              )
            : project.flowTestFiles;
    const results = runAll(project, files, data);
    for (const result of results) {
        console.log(
            `${result.passed ? 'PASS' : 'FAIL'} ${result.test.flowApiName} > ${result.test.name}: ${result.test.label}`
        );
        result.assertions.forEach((assertion) => {
            assertion.conditions.forEach((condition) => {
                console.log(
                    `       ${condition.passed ? 'ok ' : 'not'} ${condition.description} (actual: ${condition.actual})`
                );
            });
        });
        failureDetails(result).forEach((line) => {
            console.log(`       ${line}`);
        });
    }
    fs.mkdirSync(path.dirname(values.junit), { recursive: true });
    fs.writeFileSync(values.junit, junitXml(results));
    const failed = results.filter((result) => !result.passed).length;
    console.log(
        `\n${results.length} FlowTest(s): ${results.length - failed} passed, ${failed} failed. JUnit report: ${values.junit}`
    );
    return failed === 0 ? 0 : 1;
}

runCommand(main);
