import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MetadataFile } from '../metadata/types';
import type { MetadataSchema } from '../schema';
import { writeMetadataXml } from '../xml/write';

/** A file as the generator would write it. */
export interface GeneratedFile {
    /** Path from the project root, with forward slashes. */
    readonly path: string;
    readonly content: string;
}

/** A difference between what the generator writes and what the project holds. */
export interface StaleFile {
    readonly path: string;
    /**
     * missing: defined but not on disk; different: on disk with other content;
     * orphan: on disk in a generated folder but no longer defined.
     */
    readonly problem: 'missing' | 'different' | 'orphan';
}

export function renderFiles(
    schema: MetadataSchema,
    files: readonly MetadataFile[]
): GeneratedFile[] {
    const seen = new Set<string>();
    return files.map((file) => {
        if (seen.has(file.path)) {
            throw new Error(`Two definitions write ${file.path}.`);
        }
        seen.add(file.path);
        return { path: file.path, content: writeMetadataXml(schema, file.type, file.value) };
    });
}

/** Writes every generated file under root; returns the paths whose content changed. */
export function writeFiles(root: string, files: readonly GeneratedFile[]): string[] {
    const changed: string[] = [];
    for (const stale of compareFiles(root, files)) {
        const target = path.join(root, stale.path);
        if (stale.problem === 'orphan') {
            fs.rmSync(target);
        } else {
            const file = files.find((candidate) => candidate.path === stale.path);
            fs.mkdirSync(path.dirname(target), { recursive: true });
            fs.writeFileSync(target, file?.content ?? '');
        }
        changed.push(stale.path);
    }
    return changed;
}

/**
 * Compares the generated files with the project. A folder that holds a generated metadata file
 * is a generated folder: any other `-meta.xml` file in it is an orphan left by a removed
 * definition.
 */
export function compareFiles(root: string, files: readonly GeneratedFile[]): StaleFile[] {
    const stale: StaleFile[] = [];
    const folders = new Set<string>();
    const expected = new Set<string>();
    for (const file of files) {
        expected.add(file.path);
        // A generated source file (a component's module) does not make its folder generated.
        if (file.path.endsWith('-meta.xml')) {
            folders.add(path.posix.dirname(file.path));
        }
        const target = path.join(root, file.path);
        if (!fs.existsSync(target)) {
            stale.push({ path: file.path, problem: 'missing' });
        } else if (fs.readFileSync(target, 'utf8') !== file.content) {
            stale.push({ path: file.path, problem: 'different' });
        }
    }
    for (const folder of [...folders].sort()) {
        const absolute = path.join(root, folder);
        if (!fs.existsSync(absolute)) {
            continue;
        }
        for (const entry of fs.readdirSync(absolute).sort()) {
            const relative = `${folder}/${entry}`;
            if (entry.endsWith('-meta.xml') && !expected.has(relative)) {
                stale.push({ path: relative, problem: 'orphan' });
            }
        }
    }
    return stale;
}
