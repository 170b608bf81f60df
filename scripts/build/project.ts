import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../shared/command';
import { isRecord } from '../shared/json';
import type { ProjectLayout } from './types';

const PROJECT_FILE = 'sfdx-project.json';

/**
 * Reads the package layout from sfdx-project.json. The packaged directory is the one entry
 * that names a `package`; every other entry (samples, test data) must stay out of the build.
 */
export function readProjectLayout(root: string): ProjectLayout {
    const file = path.join(root, PROJECT_FILE);
    let config: unknown;
    try {
        config = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error: unknown) {
        throw new UsageError(
            fs.existsSync(file)
                ? `${file}: cannot be read as JSON; fix it so that it lists the packageDirectories.`
                : `${root} has no ${PROJECT_FILE}: run the command from the project's folder.`,
            { cause: error }
        );
    }
    return parseProjectLayout(root, config, file);
}

export function parseProjectLayout(root: string, config: unknown, file: string): ProjectLayout {
    if (!isRecord(config) || !Array.isArray(config.packageDirectories)) {
        throw new UsageError(`${file}: packageDirectories is missing.`);
    }
    const packaged: { path: string; name: string; versionNumber: string | undefined }[] = [];
    const unpackagedDirs: string[] = [];
    for (const entry of config.packageDirectories as unknown[]) {
        if (!isRecord(entry) || typeof entry.path !== 'string') {
            throw new UsageError(`${file}: every package directory needs a path.`);
        }
        if (typeof entry.package === 'string') {
            packaged.push({
                path: entry.path,
                name: entry.package,
                versionNumber:
                    typeof entry.versionNumber === 'string' ? entry.versionNumber : undefined
            });
        } else {
            unpackagedDirs.push(entry.path);
        }
    }
    const [main, ...others] = packaged;
    if (!main || others.length > 0) {
        throw new UsageError(
            `${file}: expected exactly one package directory with a package name, found ${packaged.length}.`
        );
    }
    if (typeof config.sourceApiVersion !== 'string') {
        throw new UsageError(`${file}: sourceApiVersion is missing.`);
    }
    return {
        root: path.resolve(root),
        packageName: main.name,
        versionNumber: main.versionNumber,
        packagedDir: main.path,
        unpackagedDirs,
        apiVersion: config.sourceApiVersion
    };
}
