import * as path from 'node:path';

/**
 * Where the commands keep what validation need not compute again for an unchanged project (the
 * Apex checks' findings, source-deploy-retrieve's placing of the files, the parsed schema):
 * beside the validator's dependencies.
 */
export const VALIDATE_CACHE_DIRECTORY = path.resolve(
    __dirname,
    '..',
    '..',
    'node_modules',
    '.cache',
    'validate'
);
