import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../shared/json';

/**
 * One-answer JSON cache files, as the validator keeps them in node_modules/.cache: each file
 * holds an answer and the key it was computed for, a hash of everything the answer depends on.
 * A missing, unreadable or stale file is a miss. Writes go through a temporary file, so that a
 * concurrent run never reads half an answer; a write that fails (a read-only node_modules)
 * only loses the saving.
 */

/** Where the tooling keeps its caches: beside the dependencies they depend on, `npm ci` clears them. */
export function cacheDirectory(name: 'validate' | 'project'): string {
    return path.resolve(__dirname, '..', '..', 'node_modules', '.cache', name);
}

/** A SHA-256 of the parts, each ended by a NUL so that ["ab", "c"] and ["a", "bc"] differ. */
export function hashOf(parts: readonly (string | Buffer)[]): string {
    const digest = createHash('sha256');
    for (const part of parts) {
        digest.update(part);
        digest.update('\0');
    }
    return digest.digest('hex');
}

/** The answer kept in a file for this key; undefined when there is none for it. */
export function readKeyed(file: string, key: string): unknown {
    let entry: unknown;
    try {
        entry = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
        // No file yet, or one that is not JSON (an interrupted write, a full disk).
        return undefined;
    }
    return isRecord(entry) && entry.key === key && 'value' in entry ? entry.value : undefined;
}

/** Keeps an answer for a key; false when it could not be written. */
export function writeKeyed(file: string, key: string, value: unknown): boolean {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(temporary, JSON.stringify({ key, value }));
        fs.renameSync(temporary, file);
        return true;
    } catch {
        try {
            fs.rmSync(temporary, { force: true });
        } catch {
            // Not removable either (its directory is not one): nothing was written.
        }
        return false;
    }
}
