import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './command';

/** Every file under a directory, at any depth, as absolute paths; none when it does not exist. */
export function filesUnder(directory: string): string[] {
    if (!fs.existsSync(directory)) {
        return [];
    }
    return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(directory, entry.name);
        return entry.isDirectory() ? filesUnder(full) : [full];
    });
}

/**
 * Reads a file the user named on the command line. A missing file, a directory or a file that
 * cannot be read is a UsageError naming the file and what to give instead.
 */
export function readUserFile(file: string, what: string): string {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new UsageError(`${file}: no such file; give ${what}.`);
    }
    if (stat.isDirectory()) {
        throw new UsageError(`${file} is a directory; give ${what}.`);
    }
    try {
        return fs.readFileSync(file, 'utf8');
    } catch (error: unknown) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
        throw new UsageError(`${file} cannot be read (${code}); give ${what} you can read.`);
    }
}

/**
 * Writes a file the user named on the command line, creating its folder. A path that cannot be
 * written is a UsageError naming it and what to give instead.
 */
export function writeUserFile(file: string, content: string, what: string): void {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    } catch (error: unknown) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unwritable';
        throw new UsageError(`${file} cannot be written (${code}); give ${what}.`);
    }
}
