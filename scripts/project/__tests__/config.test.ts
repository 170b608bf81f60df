import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPOSITORY_ROOT } from '../../shared/testProject';
import {
    packagedDirectory,
    readProjectConfig,
    sourceApiVersion,
    unpackagedDirectory,
    type ProjectConfig
} from '../config';
import { ProjectError } from '../errors';

let folder: string;
let cache: string;
beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'project-config-'));
    cache = path.join(folder, '.cache');
});
afterEach(() => {
    fs.rmSync(folder, { recursive: true, force: true });
});

/** A project folder with this sfdx-project.json text. */
function project(text: string, name = 'p'): string {
    const dir = path.join(folder, name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'sfdx-project.json'), text);
    return dir;
}

function refusal(action: () => unknown): string {
    try {
        action();
    } catch (error: unknown) {
        if (error instanceof ProjectError) {
            return error.message;
        }
        throw error;
    }
    throw new Error('the project was accepted');
}

describe('sfdx-project.json, read once for every command', () => {
    it("reads this repository's package directories, namespace and API version", () => {
        const config = readProjectConfig(REPOSITORY_ROOT, { cacheDirectory: cache });
        expect(config.root).toBe(REPOSITORY_ROOT);
        expect(config.packageDirectories).toEqual([
            {
                path: 'force-app',
                default: true,
                package: 'Calendly Links',
                versionName: 'Links and user mapping',
                versionNumber: '2.3.0.NEXT',
                postInstallScript: 'CalendlyPostInstall',
                releaseNotesUrl:
                    'https://github.com/calendly-links-for-salesforce/calendly-links-for-salesforce/blob/main/README.md#release-notes',
                postInstallUrl:
                    'https://github.com/calendly-links-for-salesforce/calendly-links-for-salesforce/blob/main/README.md#upgrade-an-org-to-a-new-version-of-this-package'
            },
            { path: 'unpackaged', default: false }
        ]);
        expect(config.namespace).toBe('cly');
        expect(sourceApiVersion(config)).toBe('66.0');
        expect(packagedDirectory(config).path).toBe('force-app');
        expect(unpackagedDirectory(config).path).toBe('unpackaged');
    });

    it('normalises directory paths and keeps keys that the schema does not know', () => {
        const dir = project(
            JSON.stringify({
                packageDirectories: [{ path: './src\\main/', default: true, futureKey: 1 }],
                pluginsOfTomorrow: { x: 1 }
            })
        );
        const config = readProjectConfig(dir, { cacheDirectory: cache });
        expect(config.packageDirectories).toEqual([{ path: 'src/main', default: true }]);
        expect(config.packageAliases).toEqual({});
        expect(config.sourceApiVersion).toBeUndefined();
    });

    it('refuses a folder that is not a project, naming the folder', () => {
        expect(refusal(() => readProjectConfig(folder, { cacheDirectory: cache }))).toBe(
            `${folder} has no sfdx-project.json: give the folder of a Salesforce DX project, or run the command from it.`
        );
        const file = path.join(folder, 'file.txt');
        fs.writeFileSync(file, 'x');
        expect(refusal(() => readProjectConfig(file, { cacheDirectory: cache }))).toMatch(
            /file\.txt is not a directory: give the folder of a Salesforce DX project/
        );
    });

    it('refuses JSON that does not parse, with the line', () => {
        const dir = project('{\n  "packageDirectories": [\n    {"path": "a",}\n  ]\n}');
        expect(refusal(() => readProjectConfig(dir, { cacheDirectory: cache }))).toBe(
            `${path.join(dir, 'sfdx-project.json')} is not valid JSON (Parse error in file ${path.join(dir, 'sfdx-project.json')} on line 3): fix it so that it lists the packageDirectories.`
        );
    });

    it('refuses what the published schema refuses, naming the key', () => {
        const file = (dir: string): string => path.join(dir, 'sfdx-project.json');
        const noList = project('{"packageDirectorie": []}', 'a');
        expect(refusal(() => readProjectConfig(noList, { cacheDirectory: cache }))).toBe(
            `${file(noList)} lists no packageDirectories, each with a path: add at least one.`
        );
        const badPath = project('{"packageDirectories": [{"path": 1, "default": true}]}', 'b');
        expect(refusal(() => readProjectConfig(badPath, { cacheDirectory: cache }))).toMatch(
            new RegExp(
                `^${file(badPath).replace(/[.\\/]/g, '\\$&')} does not match the sfdx-project\\.json schema: packageDirectories\\.0`
            )
        );
        const empty = project('{"packageDirectories": []}', 'c');
        expect(refusal(() => readProjectConfig(empty, { cacheDirectory: cache }))).toMatch(
            /lists no packageDirectories, each with a path: add at least one\.$/
        );
    });

    it('keeps the checked contents, and checks again once the file changed', () => {
        const dir = project('{"packageDirectories": [{"path": "a", "default": true}]}');
        const first = readProjectConfig(dir, { cacheDirectory: cache });
        expect(fs.readdirSync(cache)).toHaveLength(1);
        expect(readProjectConfig(dir, { cacheDirectory: cache })).toEqual(first);
        fs.writeFileSync(
            path.join(dir, 'sfdx-project.json'),
            '{"packageDirectories": [{"path": "b", "default": true}], "namespace": "ns"}'
        );
        const changed: ProjectConfig = readProjectConfig(dir, { cacheDirectory: cache });
        expect(changed.packageDirectories[0]?.path).toBe('b');
        expect(changed.namespace).toBe('ns');
        expect(readProjectConfig(dir, { cacheDirectory: false })).toEqual(changed);
    });

    it('says what a command needs that the file does not give', () => {
        const dir = project(
            '{"packageDirectories": [{"path": "a", "default": true, "package": "A", "versionNumber": "1.0.0.NEXT"}, {"path": "b", "package": "B", "versionNumber": "1.0.0.NEXT"}]}'
        );
        const config = readProjectConfig(dir, { cacheDirectory: cache });
        expect(refusal(() => packagedDirectory(config))).toBe(
            `${config.file}: expected exactly one package directory with a package name, found 2.`
        );
        expect(refusal(() => unpackagedDirectory(config))).toMatch(
            /has no package directory without a "package" for the org's own metadata/
        );
        expect(refusal(() => sourceApiVersion(config))).toMatch(/has no sourceApiVersion/);
    });
});
