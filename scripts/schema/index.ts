export { MetadataSchema, type SchemaLoadOptions } from './reader';
export type { ComplexTypeSchema, ElementSchema, ValueType } from './types';
