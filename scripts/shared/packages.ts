import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { isRecord } from './json';

const load = createRequire(__filename);

/** Resolves a file of an installed package, e.g. to run a binary it ships. */
export function resolvePackageFile(id: string): string {
    return load.resolve(id);
}

/** The version of an installed package, from its package.json; "?" when it names none. */
export function packageVersion(name: string): string {
    const manifest: unknown = JSON.parse(
        fs.readFileSync(findManifest(resolvePackageFile(name), name), 'utf8')
    );
    return isRecord(manifest) && typeof manifest.version === 'string' ? manifest.version : '?';
}

/** The package.json of the package an entry file belongs to. */
function findManifest(entry: string, name: string): string {
    let directory = path.dirname(entry);
    while (!directory.endsWith(path.join('node_modules', name))) {
        const parent = path.dirname(directory);
        if (parent === directory) {
            throw new Error(`Cannot find the package.json of ${name}.`);
        }
        directory = parent;
    }
    return path.join(directory, 'package.json');
}
