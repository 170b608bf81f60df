import * as path from 'node:path';
import type { PackageDirectory, ProjectConfig } from '../../project';
import { ProjectError } from '../../project';
import { outputPaths } from '../build';
import { projectLayout } from '../project';

const ROOT = path.join(path.sep, 'work', 'kit');
const FILE = path.join(ROOT, 'sfdx-project.json');

/** A project configuration as readProjectConfig gives it. */
const config = (
    packageDirectories: PackageDirectory[],
    sourceApiVersion: string | undefined = '66.0'
): ProjectConfig => ({
    root: ROOT,
    file: FILE,
    packageDirectories,
    ...(sourceApiVersion ? { sourceApiVersion } : {}),
    packageAliases: {}
});

describe('projectLayout', () => {
    it('takes the directory with a package name as the package and the others as unpackaged', () => {
        const layout = projectLayout(
            config([
                {
                    path: 'force-app',
                    default: true,
                    package: 'Calendly Links',
                    versionNumber: '2.3.0.NEXT'
                },
                { path: 'unpackaged', default: false },
                { path: 'samples', default: false }
            ])
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
        ['no packaged directory', [{ path: 'force-app', default: true }], 'found 0'],
        [
            'two packaged directories',
            [
                { path: 'a', default: true, package: 'A' },
                { path: 'b', default: false, package: 'B' }
            ],
            'found 2'
        ]
    ])('refuses %s', (_, packageDirectories, found) => {
        expect(() => projectLayout(config(packageDirectories))).toThrow(
            new ProjectError(
                ROOT,
                `${FILE}: expected exactly one package directory with a package name, ${found}.`
            )
        );
    });

    it('names the file and the missing setting', () => {
        expect(() =>
            projectLayout(config([{ path: 'a', default: true, package: 'A' }], ''))
        ).toThrow(
            `${FILE} has no sourceApiVersion of the form "66.0": add or fix "sourceApiVersion" (the API version the project targets).`
        );
    });
});

describe('outputPaths', () => {
    it('names the zip after the package', () => {
        const layout = projectLayout(
            config([{ path: 'force-app', default: true, package: 'Calendly Links' }])
        );

        expect(outputPaths(layout, path.join(ROOT, 'dist'))).toEqual({
            directory: path.join(ROOT, 'dist', 'package'),
            zipPath: path.join(ROOT, 'dist', 'calendly-links.zip')
        });
    });
});
