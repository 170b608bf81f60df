import type { MetadataSchema } from '../../schema';
import type { Project } from '../project';
import { FlowModel } from './flow';
import { FlowTestModel } from './flowTest';

/** Every well-formed flow of the project, by file. */
export function readFlows(
    project: Project,
    schema: MetadataSchema
): ReadonlyMap<string, FlowModel> {
    const flows = new Map<string, FlowModel>();
    for (const file of project.filesEndingWith('.flow-meta.xml')) {
        const root = project.xmlRoot(file);
        if (root?.name === 'Flow') {
            flows.set(file, new FlowModel(root, file, schema));
        }
    }
    return flows;
}

/** Every well-formed FlowTest of the project, by file. */
export function readFlowTests(project: Project): ReadonlyMap<string, FlowTestModel> {
    const tests = new Map<string, FlowTestModel>();
    for (const file of project.filesEndingWith('.flowtest-meta.xml')) {
        const root = project.xmlRoot(file);
        if (root?.name === 'FlowTest') {
            tests.set(file, new FlowTestModel(root, file));
        }
    }
    return tests;
}
