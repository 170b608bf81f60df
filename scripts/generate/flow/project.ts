import * as fs from 'node:fs';
import * as path from 'node:path';
import { readProjectConfig, unpackagedDirectory } from '../../project';
import { filesUnder } from '../../shared/files';
import { childText, parseXml } from '../../xml/parse';

/** The parts of sfdx-project.json a copy depends on. */
export interface CopyProject {
    readonly root: string;
    readonly namespace?: string;
    readonly directories: readonly PackageDirectory[];
    /** The directory for the org's own metadata (no `package`), e.g. `unpackaged`. */
    readonly unpackaged: string;
}

export interface PackageDirectory {
    /** From the project root, with forward slashes. */
    readonly path: string;
    /** True for a directory that becomes a package. */
    readonly packaged: boolean;
}

/** A file of the project: where it is, and whether the package ships it. */
export interface ProjectFile {
    /** From the project root, with forward slashes. */
    readonly file: string;
    readonly packaged: boolean;
}

/** Reads sfdx-project.json at root; the unpackaged directory is the first without a package. */
export function readCopyProject(root: string): CopyProject {
    const config = readProjectConfig(root);
    return {
        root,
        ...(config.namespace !== undefined ? { namespace: config.namespace } : {}),
        directories: config.packageDirectories.map((directory) => ({
            path: directory.path,
            packaged: directory.package !== undefined
        })),
        unpackaged: unpackagedDirectory(config).path
    };
}

/**
 * The files of every package directory whose path ends with `suffix` (e.g.
 * `flows/Name.flow-meta.xml`), compared without regard to case: API names are case-insensitive.
 */
export function findProjectFiles(project: CopyProject, suffix: string): ProjectFile[] {
    const wanted = `/${suffix.toLowerCase()}`;
    return project.directories.flatMap((directory) =>
        filesUnder(path.join(project.root, directory.path))
            .map((file) => path.relative(project.root, file).split(path.sep).join('/'))
            .filter((file) => `/${file.toLowerCase()}`.endsWith(wanted))
            .map((file) => ({ file, packaged: directory.packaged }))
    );
}

/** The `<type>` of a field file, '' when it has none or cannot be read as XML. */
export function fieldType(project: CopyProject, file: string): string {
    try {
        const root = parseXml(fs.readFileSync(path.join(project.root, file), 'utf8'), file);
        return childText(root, 'type') ?? '';
    } catch {
        // A field file that is not XML has no type a link could go to; validation reports it.
        return '';
    }
}
