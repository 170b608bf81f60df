import * as fs from 'node:fs';
import * as path from 'node:path';
import { readProjectConfig } from '../../project';
import type { FlowModel } from '../../project/flows';
import { filesUnder, readUserFile } from '../../shared/files';
import { ScenarioError } from '../errors';
import { compileFlow, readFlowModel, type FlowDefinition } from '../flow';
import { MESSAGES } from '../messages';
import { loadSchema, type OrgSchema, type SourceFile } from '../schema';
import { parseScenario, type Scenario } from '../scenario';

/** The project as the runtime reads it from disk: its schema and its flow files. */
export interface Project {
    readonly root: string;
    readonly schema: OrgSchema;
    /** Every flow file of the package directories, from the project root. */
    readonly flowFiles: readonly string[];
    /** Every FlowTest file of the package directories, from the project root. */
    readonly flowTestFiles: readonly string[];
}

const relative = (root: string, file: string): string =>
    path.relative(root, file).split(path.sep).join('/');

/** Reads sfdx-project.json, the objects and the flow files of every package directory. */
export function loadProject(root: string = process.cwd()): Project {
    const project = readProjectConfig(root);
    const files = project.packageDirectories.flatMap((directory) =>
        filesUnder(path.join(root, directory.path))
    );
    const metadata: SourceFile[] = files
        .filter((file) =>
            /\/objects\/.+\.(object|field)-meta\.xml$/.test(file.split(path.sep).join('/'))
        )
        .map((file) => ({ path: relative(root, file), content: fs.readFileSync(file, 'utf8') }));
    return {
        root,
        schema: loadSchema(metadata, project.namespace),
        flowFiles: files
            .filter((file) => file.endsWith('.flow-meta.xml'))
            .map((file) => relative(root, file))
            .sort(),
        flowTestFiles: files
            .filter((file) => file.endsWith('.flowtest-meta.xml'))
            .map((file) => relative(root, file))
            .sort()
    };
}

/** Reads one flow file (path from the project root); a missing file is a ScenarioError at place. */
function readModel(project: Project, file: string, place: string): FlowModel {
    const full = path.resolve(project.root, file);
    if (!fs.existsSync(full)) {
        throw new ScenarioError(place, MESSAGES.flowFileMissing(file));
    }
    return readFlowModel(fs.readFileSync(full, 'utf8'), relative(project.root, full));
}

/** Compiles one flow file (path from the project root); a missing file is a ScenarioError at place. */
export function readFlow(project: Project, file: string, place: string): FlowDefinition {
    return compileFlow(readModel(project, file, place), project.schema);
}

/**
 * The flows a scenario runs: the files it lists, as if active whatever their status, or else
 * the project's active record-triggered flows.
 */
export function scenarioFlows(project: Project, scenario: Scenario): FlowDefinition[] {
    if (scenario.flows) {
        return scenario.flows.map((flow) => readFlow(project, flow.path, flow.place));
    }
    return project.flowFiles
        .map((file) => readModel(project, file, file))
        .filter((flow) => flow.status === 'Active' && flow.start?.triggerType !== undefined)
        .map((flow) => compileFlow(flow, project.schema));
}

/** Reads a scenario file (path from the current directory). */
export function readScenario(project: Project, file: string): Scenario {
    return parseScenario(
        readUserFile(file, 'a scenario file (*.scenario.json)'),
        relative(project.root, path.resolve(file)),
        project.schema
    );
}
