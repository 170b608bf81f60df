import * as path from 'node:path';
import { displayPath, findForbiddenOutput, type UnpackagedMember } from '../checks';
import type { BuildOutput } from '../types';

const ROOT = path.join(path.sep, 'project');

function output(overrides: Partial<BuildOutput> = {}): BuildOutput {
    const files = ['flows/Map.flow', 'lwc/card/card.js', 'package.xml'];
    return {
        directory: path.join(ROOT, 'dist', 'package'),
        directoryFiles: files,
        zipPath: path.join(ROOT, 'dist', 'kit.zip'),
        zipBytes: 100,
        zipFiles: files,
        members: [
            { type: 'Flow', name: 'Map' },
            { type: 'LightningComponentBundle', name: 'card' }
        ],
        apiVersion: '66.0',
        ...overrides
    };
}

const sample: UnpackagedMember = { type: 'PermissionSet', name: 'Sample', dir: 'unpackaged' };

describe('findForbiddenOutput', () => {
    it('accepts output without tests or unpackaged components', () => {
        expect(findForbiddenOutput(ROOT, output(), [sample])).toEqual([]);
    });

    it('reports a file under __tests__ in the directory and in the zip', () => {
        const files = ['lwc/card/__tests__/data/card.json', 'lwc/card/card.js', 'package.xml'];

        const problems = findForbiddenOutput(
            ROOT,
            output({ directoryFiles: files, zipFiles: files }),
            []
        );

        expect(problems).toEqual([
            'dist/package: lwc/card/__tests__/data/card.json is in a __tests__ folder; keep it out of the package with .forceignore (**/__tests__/**).',
            'dist/kit.zip: lwc/card/__tests__/data/card.json is in a __tests__ folder; keep it out of the package with .forceignore (**/__tests__/**).'
        ]);
    });

    it.each(['lwc/card/card.test.js', 'lwc/card/card.spec.ts', 'lwc/card/card.test.mjs'])(
        'reports the Jest test %s outside a __tests__ folder',
        (file) => {
            const problems = findForbiddenOutput(
                ROOT,
                output({ directoryFiles: [file], zipFiles: [file] }),
                []
            );

            expect(problems).toHaveLength(2);
            expect(problems[0]).toContain(`${file} is a Jest test`);
        }
    );

    it('does not take a component named like a test for one', () => {
        const files = ['lwc/testCard/testCard.js', 'classes/Tests.cls'];

        expect(
            findForbiddenOutput(ROOT, output({ directoryFiles: files, zipFiles: files }), [])
        ).toEqual([]);
    });

    it('reports a component of an unpackaged directory found in package.xml', () => {
        const problems = findForbiddenOutput(
            ROOT,
            output({ members: [...output().members, { type: 'PermissionSet', name: 'Sample' }] }),
            [sample, { type: 'Flow', name: 'Other', dir: 'unpackaged' }]
        );

        expect(problems).toEqual([
            'dist/package/package.xml: PermissionSet Sample comes from the unpackaged directory unpackaged; it must not be packaged, so keep it out of the packaged directory.'
        ]);
    });

    it('reports files that the zip and the directory do not share', () => {
        const problems = findForbiddenOutput(
            ROOT,
            output({
                directoryFiles: ['flows/Map.flow', 'package.xml'],
                zipFiles: ['extra/Extra.flow', 'package.xml']
            }),
            []
        );

        expect(problems).toEqual([
            'dist/kit.zip: extra/Extra.flow is in the zip but not in dist/package.',
            'dist/kit.zip: flows/Map.flow of dist/package is missing from the zip.'
        ]);
    });
});

describe('displayPath', () => {
    it('shortens paths inside the root and keeps others whole', () => {
        expect(displayPath(ROOT, path.join(ROOT, 'dist', 'package'))).toBe('dist/package');
        const outside = path.join(path.sep, 'tmp', 'out');
        expect(displayPath(ROOT, outside)).toBe(outside);
    });
});
