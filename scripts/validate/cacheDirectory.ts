import { cacheDirectory } from '../cache/keyed';

/**
 * Where the commands keep what validation need not compute again for an unchanged project (the
 * Apex checks' findings, source-deploy-retrieve's placing of the files, the parsed schema).
 */
export const VALIDATE_CACHE_DIRECTORY = cacheDirectory('validate');
