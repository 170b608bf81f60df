import { MetadataSchema } from '../../schema';
import type { Project } from '../../project';
import {
    flowApiName,
    readFlows,
    readFlowTests,
    type FlowModel,
    type FlowTestModel
} from '../../project/flows';

export type { FlowModel, FlowTestModel } from '../../project/flows';
export { resolveReference, type ReferenceProblem } from './flow';
export {
    isCustomName,
    objectModel,
    splitQualified,
    unknownSeverity,
    type FieldCheck,
    type ObjectModel,
    type ProjectField,
    type UnknownCheck
} from './objects';
export { childPath, closestName } from './xmlPath';

let schemaCache = true;

/**
 * Whether metadataSchema() reads the schema from its cache (see scripts/schema/cache.ts) or
 * with the TypeScript compiler; it holds from the first metadataSchema() of the process on.
 */
export function useSchemaCache(enabled: boolean): void {
    schemaCache = enabled;
}

/** The Metadata API schema of the installed @salesforce/types. */
export function metadataSchema(): MetadataSchema {
    return MetadataSchema.load({ cache: schemaCache });
}

/** Every well-formed flow of the project by file, read once per run (`project.memo(flowModels)`). */
export function flowModels(project: Project): ReadonlyMap<string, FlowModel> {
    return readFlows(project, metadataSchema());
}

/** Every well-formed FlowTest of the project by file, read once per run. */
export function flowTestModels(project: Project): ReadonlyMap<string, FlowTestModel> {
    return readFlowTests(project);
}

/** The flow API name of a flow file: its file name without the suffix. */
export const flowName = flowApiName;
