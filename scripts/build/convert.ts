import * as fs from 'node:fs';
import * as path from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { UnpackagedMember } from './checks';
import { parseManifest } from './manifest';
import type { BuildOutput, ProjectLayout } from './types';
import { zipEntries } from '../shared/zip';

export interface OutputPaths {
    /** The metadata-format directory to write; it must not exist yet. */
    readonly directory: string;
    readonly zipPath: string;
}

/**
 * Converts the packaged directory, and only it, to metadata format: once as a directory with
 * package.xml, once as a deployable zip. Both go through SDR, the library `sf project convert
 * source` uses, so the output is what the CLI would produce. Returns the output as read back
 * from disk.
 */
export async function convertPackage(
    layout: ProjectLayout,
    paths: OutputPaths
): Promise<BuildOutput> {
    const components = ComponentSet.fromSource(path.join(layout.root, layout.packagedDir));
    // Set both so that SDR never falls back to searching the working directory for a project.
    components.sourceApiVersion = layout.apiVersion;
    components.projectDirectory = layout.root;
    const converter = new MetadataConverter();
    await converter.convert(components, 'metadata', {
        type: 'directory',
        outputDirectory: paths.directory,
        genUniqueDir: false
    });
    const zip = await converter.convert(components, 'metadata', { type: 'zip' });
    if (!zip.zipBuffer) {
        throw new Error('The conversion produced no zip.');
    }
    fs.mkdirSync(path.dirname(paths.zipPath), { recursive: true });
    fs.writeFileSync(paths.zipPath, zip.zipBuffer);
    return readOutput(paths);
}

/** Reads back a converted package: its files, its zip's entries and its manifest. */
function readOutput(paths: OutputPaths): BuildOutput {
    const manifestPath = path.join(paths.directory, 'package.xml');
    const manifest = parseManifest(fs.readFileSync(manifestPath, 'utf8'), manifestPath);
    const zip = fs.readFileSync(paths.zipPath);
    return {
        directory: paths.directory,
        directoryFiles: listFiles(paths.directory),
        zipPath: paths.zipPath,
        zipBytes: zip.length,
        zipFiles: zipEntries(zip, paths.zipPath)
            .map((entry) => entry.name)
            .filter((entry) => !entry.endsWith('/'))
            .sort(),
        members: manifest.members,
        apiVersion: manifest.apiVersion
    };
}

/** The components of the unpackaged directories, as package.xml would name them. */
export async function unpackagedMembers(layout: ProjectLayout): Promise<UnpackagedMember[]> {
    const members: UnpackagedMember[] = [];
    for (const dir of layout.unpackagedDirs) {
        const absolute = path.join(layout.root, dir);
        if (!fs.existsSync(absolute)) {
            continue;
        }
        const components = ComponentSet.fromSource(absolute);
        components.sourceApiVersion = layout.apiVersion;
        components.projectDirectory = layout.root;
        const manifest = await components.getObject();
        for (const types of manifest.Package.types) {
            for (const name of types.members) {
                members.push({ type: types.name, name, dir });
            }
        }
    }
    return members;
}

/** Every file under dir, relative to it, with forward slashes, sorted. */
function listFiles(dir: string, prefix = ''): string[] {
    const files: string[] = [];
    for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
        const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            files.push(...listFiles(dir, relative));
        } else {
            files.push(relative);
        }
    }
    return files.sort();
}
