export { formatFinding, formatHuman, summaryLine, toJsonReport } from './report';
export type { JsonFinding, JsonReport } from './report';
export type { Finding, Rule, Severity, Summary, ValidateOptions, ValidationResult } from './types';
export { VALIDATE_CACHE_DIRECTORY } from './cacheDirectory';
export { ruleIds, validateProject } from './validate';
