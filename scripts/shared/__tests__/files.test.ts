import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../command';
import { readUserFile, writeUserFile } from '../files';

let folder: string;
beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'user-files-'));
});
afterAll(() => {
    fs.rmSync(folder, { recursive: true, force: true });
});

describe('files the user names on the command line', () => {
    it('reads a file, and refuses a missing file or a directory by name, saying what to give', () => {
        const file = path.join(folder, 'a.json');
        fs.writeFileSync(file, '{}');
        expect(readUserFile(file, 'a scenario file')).toBe('{}');
        const missing = path.join(folder, 'missing.json');
        expect(() => readUserFile(missing, 'a scenario file')).toThrow(
            new UsageError(`${missing}: no such file; give a scenario file.`)
        );
        expect(() => readUserFile(folder, 'a scenario file')).toThrow(
            new UsageError(`${folder} is a directory; give a scenario file.`)
        );
    });

    it('writes a file in a new folder, and refuses a path under a file', () => {
        const file = path.join(folder, 'reports', 'out.xml');
        writeUserFile(file, '<x/>', 'a report path');
        expect(fs.readFileSync(file, 'utf8')).toBe('<x/>');
        const underFile = path.join(file, 'nested.xml');
        expect(() => {
            writeUserFile(underFile, '<x/>', 'a report path you can write');
        }).toThrow(/cannot be written \((ENOTDIR|EEXIST)\); give a report path you can write\.$/);
    });
});
