import * as path from 'node:path';
import { findStaleFiles } from '../../generate';
import { finding } from '../finding';
import { messages } from '../messages';
import { metadataSchema } from '../model';
import type { Rule } from '../types';

const ID = 'generated-files';

/** This repository's root: the project that scripts/metadata describes. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The package metadata equals what `npm run generate` writes from scripts/metadata. Only for
 * the project the definitions describe: any other project has no generator.
 */
export function generatedFilesRule(generatorRoot: string = REPOSITORY_ROOT): Rule {
    return {
        id: ID,
        description:
            'Generated metadata equals what npm run generate writes (in this repository only).',
        preload: metadataSchema,
        check(project) {
            if (path.resolve(project.root) !== path.resolve(generatorRoot)) {
                return [];
            }
            return findStaleFiles(project.root).map((stale) =>
                finding(ID, 'error', messages.generated.stale(stale.problem), { file: stale.path })
            );
        }
    };
}
