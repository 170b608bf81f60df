import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageFiles } from '../../metadata';
import { packageVersionModule } from '../../metadata/integrationPage';
import { MetadataSchema } from '../../schema';
import {
    compareFiles,
    findStaleFiles,
    generatePackage,
    renderFiles,
    writeFiles,
    type GeneratedFile
} from '..';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const DIR = 'force-app/main/default/flows';

const files: GeneratedFile[] = [
    { path: `${DIR}/A.flow-meta.xml`, content: '<a/>\n' },
    { path: `${DIR}/B.flow-meta.xml`, content: '<b/>\n' },
    { path: 'force-app/main/default/tabs/T.tab-meta.xml', content: '<t/>\n' }
];

let root: string;

beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'generate-test-'));
});

afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
});

function put(relative: string, content: string): void {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
}

describe('compareFiles', () => {
    it('finds missing, different and orphan files, leaving other files alone', () => {
        put(`${DIR}/A.flow-meta.xml`, '<a/>\n');
        put(`${DIR}/B.flow-meta.xml`, '<b>edited by hand</b>\n');
        put(`${DIR}/Removed.flow-meta.xml`, '<removed/>\n');
        put(`${DIR}/notes.txt`, 'not metadata');
        put('force-app/main/default/classes/Kept.cls-meta.xml', '<kept/>\n');

        expect(compareFiles(root, files)).toEqual([
            { path: `${DIR}/B.flow-meta.xml`, problem: 'different' },
            { path: 'force-app/main/default/tabs/T.tab-meta.xml', problem: 'missing' },
            { path: `${DIR}/Removed.flow-meta.xml`, problem: 'orphan' }
        ]);
    });

    it('finds nothing when the project holds exactly the generated files', () => {
        for (const file of files) {
            put(file.path, file.content);
        }

        expect(compareFiles(root, files)).toEqual([]);
    });
});

describe('writeFiles', () => {
    it('writes what is missing or different, removes orphans and reports what changed', () => {
        put(`${DIR}/A.flow-meta.xml`, '<a/>\n');
        put(`${DIR}/B.flow-meta.xml`, '<b>old</b>\n');
        put(`${DIR}/Removed.flow-meta.xml`, '<removed/>\n');

        const changed = writeFiles(root, files);

        expect(changed).toEqual([
            `${DIR}/B.flow-meta.xml`,
            'force-app/main/default/tabs/T.tab-meta.xml',
            `${DIR}/Removed.flow-meta.xml`
        ]);
        expect(compareFiles(root, files)).toEqual([]);
        expect(fs.readFileSync(path.join(root, DIR, 'B.flow-meta.xml'), 'utf8')).toBe('<b/>\n');
        expect(fs.existsSync(path.join(root, DIR, 'Removed.flow-meta.xml'))).toBe(false);
        expect(writeFiles(root, files)).toEqual([]);
    });
});

describe('generatePackage', () => {
    it('generates the same files, byte for byte, every time', () => {
        const first = generatePackage();
        const second = generatePackage();

        expect(second).toEqual(first);
        expect(first.length).toBeGreaterThan(0);
        // A schema read afresh, without the cache the first renders filled, gives the same text.
        const declarations = require
            .resolve('@salesforce/types/metadata')
            .replace(/\.js$/, '.d.ts');
        expect([
            ...renderFiles(MetadataSchema.fromFile(declarations), packageFiles()),
            packageVersionModule()
        ]).toEqual(first);
        expect(new Set(first.map((file) => file.path)).size).toBe(first.length);
    });

    it('matches the committed force-app', () => {
        expect(findStaleFiles(REPO_ROOT)).toEqual([]);
    });
});
