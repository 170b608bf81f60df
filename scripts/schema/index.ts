export { MetadataSchema } from './reader';
export type { ComplexTypeSchema, ElementSchema, ValueType } from './types';
