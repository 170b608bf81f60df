import { MetadataSchema } from '../../schema';
import type { Project } from '../../project';
import { FlowModel } from './flow';

export { FlowModel, type ReferenceProblem } from './flow';
export {
    isCustomName,
    objectModel,
    splitQualified,
    type FieldCheck,
    type ObjectModel,
    type ProjectField
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

/** Every well-formed flow of the project by file, read once per run. */
export function flowModels(project: Project): ReadonlyMap<string, FlowModel> {
    const models = new Map<string, FlowModel>();
    for (const file of project.filesEndingWith('.flow-meta.xml')) {
        const root = project.xmlRoot(file);
        if (root?.name === 'Flow') {
            models.set(file, new FlowModel(metadataSchema(), root));
        }
    }
    return models;
}

/** The flow API name of a flow file: its file name without the suffix. */
export function flowName(file: string): string {
    return (file.split('/').pop() ?? file).replace(/\.flow-meta\.xml$/, '');
}
