import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hashOf, readKeyed, writeKeyed } from '../keyed';

describe('keyed cache files', () => {
    let directory: string;

    beforeEach(() => {
        directory = fs.mkdtempSync(path.join(os.tmpdir(), 'keyed-'));
    });

    afterEach(() => {
        fs.rmSync(directory, { recursive: true, force: true });
    });

    it('hashes parts with their boundaries', () => {
        expect(hashOf(['ab', 'c'])).not.toBe(hashOf(['a', 'bc']));
        expect(hashOf(['a', Buffer.from('b')])).toBe(hashOf(['a', 'b']));
    });

    it('gives back an answer for its key only', () => {
        const file = path.join(directory, 'nested', 'answer.json');

        expect(writeKeyed(file, 'k1', { links: [1, 2] })).toBe(true);

        expect(readKeyed(file, 'k1')).toEqual({ links: [1, 2] });
        expect(readKeyed(file, 'k2')).toBeUndefined();
        expect(fs.readdirSync(path.dirname(file))).toEqual(['answer.json']);
    });

    it.each([
        ['no file', undefined],
        ['not JSON', '{"key": "k1", "val'],
        ['an array', '["k1"]'],
        ['no value', '{"key": "k1"}']
    ])('misses on %s', (_what, content) => {
        const file = path.join(directory, 'answer.json');
        if (content !== undefined) {
            fs.writeFileSync(file, content);
        }
        expect(readKeyed(file, 'k1')).toBeUndefined();
    });

    it('says so, and leaves nothing behind, when the file cannot be written', () => {
        const blocker = path.join(directory, 'not-a-directory');
        fs.writeFileSync(blocker, '');

        expect(writeKeyed(path.join(blocker, 'answer.json'), 'k1', 1)).toBe(false);
        expect(fs.readdirSync(directory)).toEqual(['not-a-directory']);
    });
});
