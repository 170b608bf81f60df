import * as path from 'node:path';
import { runMain } from '../../shared/command';
import { readUserFile, writeUserFile } from '../../shared/files';
import { ScenarioError } from '../errors';
import {
    failureDetails,
    junitXml,
    parseFlowTest,
    runFlowTest,
    type FlowTestResult
} from '../drivers/flowtest';
import { MESSAGES } from '../messages';
import { parseDataFile, type DataSet } from '../drivers/scenario';
import { DEFAULT_FLOWTEST_DATA, DEFAULT_FLOWTEST_JUNIT, flowTestCommand } from './commands';
import { loadProject, readFlow, type Project } from './project';

function runAll(
    project: Project,
    files: readonly string[],
    data: readonly DataSet[]
): FlowTestResult[] {
    return files.map((file) => {
        const test = parseFlowTest(
            readUserFile(path.join(project.root, file), 'a FlowTest file (*.flowtest-meta.xml)'),
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

runMain(
    flowTestCommand,
    ({ values, positionals }) => {
        const dataFile = values.data ?? DEFAULT_FLOWTEST_DATA;
        const junitFile = values.junit ?? DEFAULT_FLOWTEST_JUNIT;
        const project = loadProject();
        const data = parseDataFile(
            readUserFile(dataFile, 'a data file (JSON, {"data": {...}})'),
            dataFile,
            project.schema
        );
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
        writeUserFile(junitFile, junitXml(results), 'a JUnit report path you can write');
        const failed = results.filter((result) => !result.passed).length;
        console.log(
            `\n${results.length} FlowTest(s): ${results.length - failed} passed, ${failed} failed. JUnit report: ${junitFile}`
        );
        return failed === 0 ? 0 : 1;
    },
    { exitCodeOf: (error) => (error instanceof ScenarioError ? 2 : undefined) }
);
