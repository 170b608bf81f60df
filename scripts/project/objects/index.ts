/**
 * The one schema of a project's objects and fields: the project's own from its metadata,
 * Salesforce's standard ones from the catalogue, and the platform's documented fields that the
 * catalogue cannot hold. The validator's checks and the embedded org read it.
 */
export { objectsFromFiles, projectObjects } from './load';
export { ProjectObjects } from './model';
export type { ObjectModelOptions } from './model';
export { ApiNames, isCustomName, objectKind } from './names';
export { isObjectSourcePath, valueTypeOf } from './read';
export type { ObjectSourceFile } from './read';
export type {
    FieldCondition,
    FieldDefinition,
    FieldOrigin,
    FormulaDefinition,
    NameFieldDefinition,
    ObjectDefinition,
    ObjectKind,
    PicklistDefinition,
    PlatformFieldDefinition,
    ProjectFieldDefinition,
    RelationshipDefinition
} from './types';
