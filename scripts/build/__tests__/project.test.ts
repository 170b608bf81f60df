import * as path from 'node:path';
import { outputPaths } from '../build';
import { parseProjectLayout } from '../project';

const ROOT = path.join(path.sep, 'work', 'kit');
const FILE = 'sfdx-project.json';

describe('parseProjectLayout', () => {
    it('takes the directory with a package name as the package and the others as unpackaged', () => {
        const layout = parseProjectLayout(
            ROOT,
            {
                packageDirectories: [
                    { path: 'force-app', package: 'Calendly Links', versionNumber: '2.3.0.NEXT' },
                    { path: 'unpackaged', default: false },
                    { path: 'samples' }
                ],
                sourceApiVersion: '66.0'
            },
            FILE
        );

        expect(layout).toEqual({
            root: ROOT,
            packageName: 'Calendly Links',
            versionNumber: '2.3.0.NEXT',
            packagedDir: 'force-app',
            unpackagedDirs: ['unpackaged', 'samples'],
            apiVersion: '66.0'
        });
    });

    it.each([
        ['no packaged directory', [{ path: 'force-app' }], 'found 0'],
        [
            'two packaged directories',
            [
                { path: 'a', package: 'A' },
                { path: 'b', package: 'B' }
            ],
            'found 2'
        ]
    ])('refuses %s', (_, packageDirectories, found) => {
        expect(() =>
            parseProjectLayout(ROOT, { packageDirectories, sourceApiVersion: '66.0' }, FILE)
        ).toThrow(`${FILE}: expected exactly one package directory with a package name, ${found}.`);
    });

    it('names the file and the missing setting', () => {
        expect(() => parseProjectLayout(ROOT, {}, FILE)).toThrow(
            `${FILE}: packageDirectories is missing.`
        );
        expect(() =>
            parseProjectLayout(ROOT, { packageDirectories: [{ path: 'a', package: 'A' }] }, FILE)
        ).toThrow(`${FILE}: sourceApiVersion is missing.`);
        expect(() =>
            parseProjectLayout(ROOT, { packageDirectories: [{ package: 'A' }] }, FILE)
        ).toThrow(`${FILE}: every package directory needs a path.`);
    });
});

describe('outputPaths', () => {
    it('names the zip after the package', () => {
        const layout = parseProjectLayout(
            ROOT,
            {
                packageDirectories: [{ path: 'force-app', package: 'Calendly Links' }],
                sourceApiVersion: '66.0'
            },
            FILE
        );

        expect(outputPaths(layout, path.join(ROOT, 'dist'))).toEqual({
            directory: path.join(ROOT, 'dist', 'package'),
            zipPath: path.join(ROOT, 'dist', 'calendly-links.zip')
        });
    });
});
