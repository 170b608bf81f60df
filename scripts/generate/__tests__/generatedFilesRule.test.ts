import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    applyChanges,
    createProject,
    findings,
    removeTemporaryProjects
} from '../../validate/__tests__/helpers';
import { generatePackage, writeFiles } from '..';
import { generatedFilesRule } from '../generatedFilesRule';

afterAll(removeTemporaryProjects);

/** A project holding exactly what the generator writes, as this repository does. */
function generatedProject(): string {
    const dir = createProject({});
    writeFiles(dir, generatePackage());
    return dir;
}

describe('generated-files', () => {
    const [first, second] = generatePackage();

    it('accepts generated files that match the definitions', async () => {
        const dir = generatedProject();
        expect(
            await findings(dir, ['generated-files'], { extraRules: [generatedFilesRule(dir)] })
        ).toEqual([]);
    });

    it('reports files edited by hand, deleted, or no longer defined', async () => {
        if (!first || !second) {
            throw new Error('The package defines fewer than two files.');
        }
        const dir = generatedProject();
        const orphan = `${path.posix.dirname(first.path)}/Removed.field-meta.xml`;
        applyChanges(dir, {
            [first.path]: (text) => text.replace('<?xml', '<?xml '),
            [second.path]: null,
            [orphan]: '<?xml version="1.0" encoding="UTF-8"?>\n'
        });
        const result = await findings(dir, ['generated-files'], {
            extraRules: [generatedFilesRule(dir)]
        });
        expect(result.map((item) => `${item.severity} ${item.file ?? ''}`).sort()).toEqual(
            [`error ${first.path}`, `error ${second.path}`, `error ${orphan}`].sort()
        );
        expect(result.find((item) => item.file === first.path)?.fix).toContain('npm run generate');
    });

    it('checks nothing in a project the generator does not describe', async () => {
        const dir = generatedProject();
        fs.rmSync(path.join(dir, second?.path ?? ''));
        expect(
            await findings(dir, ['generated-files'], { extraRules: [generatedFilesRule()] })
        ).toEqual([]);
    });
});
