/**
 * The catalogue of Salesforce's standard objects and platform Apex types, read from
 * apex-dev-tools' `sobject-types` and `standard-types` jars: the one place the tooling learns
 * what Salesforce itself defines.
 */
export { loadStandardCatalogue, readStandardCatalogue, CATALOGUE_CACHE_DIRECTORY } from './load';
export type { CatalogueLoad, CatalogueOptions } from './load';
export { CatalogueError } from './errors';
export type {
    ApexConstructor,
    ApexMethod,
    ApexProperty,
    ApexTypeInfo,
    ApexTypeName,
    CatalogueSource,
    ChildRelationship,
    FieldValueType,
    ParentRelationship,
    SObjectField,
    SObjectInfo,
    StandardCatalogue,
    ValueField
} from './types';
