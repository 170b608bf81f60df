import {
    packagedDirectory,
    readProjectConfig,
    sourceApiVersion,
    type ProjectConfig
} from '../project';
import type { ProjectLayout } from './types';

/** The package layout of the project at root (see projectLayout). */
export function readProjectLayout(root: string): ProjectLayout {
    return projectLayout(readProjectConfig(root));
}

/**
 * The package layout of sfdx-project.json: the packaged directory is the one entry that names
 * a `package`; every other entry (samples, the org's own metadata) must stay out of the build.
 */
export function projectLayout(config: ProjectConfig): ProjectLayout {
    const packaged = packagedDirectory(config);
    return {
        root: config.root,
        packageName: packaged.package ?? '',
        versionNumber: packaged.versionNumber,
        packagedDir: packaged.path,
        unpackagedDirs: config.packageDirectories
            .filter((entry) => entry !== packaged)
            .map((entry) => entry.path),
        apiVersion: sourceApiVersion(config)
    };
}
