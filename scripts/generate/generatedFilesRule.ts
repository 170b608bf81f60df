import * as path from 'node:path';
import { finding } from '../validate/finding';
import { metadataSchema } from '../validate/model';
import type { Rule } from '../validate/types';
import { findStaleFiles } from '.';

const ID = 'generated-files';

/** This repository's root: the project that scripts/metadata describes. */
const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

const MESSAGES: Readonly<Record<'missing' | 'different' | 'orphan', string>> = {
    missing: 'scripts/metadata defines this file, but it is not in the project.',
    different:
        'This file differs from what scripts/metadata generates (edited by hand, or the definitions changed).',
    orphan: 'This file is in a generated folder, but scripts/metadata no longer defines it.'
};

/**
 * This repository's own validation rule: the package metadata equals what `npm run generate`
 * writes from scripts/metadata. The commands of this repository register it with the
 * validator; it checks only the project the definitions describe (generatorRoot), any other
 * project has no generator.
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
                finding(
                    ID,
                    'error',
                    {
                        message: MESSAGES[stale.problem],
                        fix: 'Change the definitions in scripts/metadata rather than the file, then run npm run generate and commit the result.'
                    },
                    { file: stale.path }
                )
            );
        }
    };
}
