export { loadSchema, schemaFromObjects } from './load';
export type { SourceFile } from './load';
export { OrgSchema } from './schema';
export type { Relationship, SchemaSources } from './schema';
export type { FieldSchema, FieldType, ObjectSchema } from './types';
