export { buildProject } from './build';
export type { BuildOptions } from './build';
export { findForbiddenOutput } from './checks';
export { convertPackage } from './convert';
export { formatSummary } from './summary';
export { toValidationReport } from './validator';
export type * from './types';
