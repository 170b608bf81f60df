import * as fs from 'node:fs';
import * as path from 'node:path';

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
