import * as fs from 'node:fs';
import * as path from 'node:path';
import { findStaleFiles, type StaleFile } from '../generate';
import { findForbiddenOutput } from './checks';
import { convertPackage, unpackagedMembers, type OutputPaths } from './convert';
import { readProjectLayout } from './project';
import type { BuildOutcome, ProjectLayout, ProjectValidator } from './types';

export interface BuildOptions {
    readonly validate: ProjectValidator;
    /** The generated files that differ from their definitions; the project's generator by default. */
    readonly findStale?: (root: string) => readonly StaleFile[];
    /** Where the build writes; emptied first. `dist` under the project root by default. */
    readonly outDir?: string;
}

/**
 * Builds the deployable package: checks that generated metadata is current, validates the
 * project, converts the packaged directory into outDir, then checks what was written. Nothing
 * is written unless the first two steps pass, and output that holds tests or unpackaged
 * components is deleted rather than left where it could be deployed.
 */
export async function buildProject(root: string, options: BuildOptions): Promise<BuildOutcome> {
    // A folder that is not a project is refused before anything is compared or checked.
    const layout = readProjectLayout(root);
    const stale = (options.findStale ?? findStaleFiles)(root);
    if (stale.length > 0) {
        return { status: 'stale', stale };
    }
    const validation = await options.validate(root);
    if (!validation.passed) {
        return { status: 'invalid', validation };
    }
    const outDir = options.outDir ?? path.join(layout.root, 'dist');
    fs.rmSync(outDir, { recursive: true, force: true });
    const output = await convertPackage(layout, outputPaths(layout, outDir));
    const problems = findForbiddenOutput(layout.root, output, await unpackagedMembers(layout));
    if (problems.length > 0) {
        fs.rmSync(outDir, { recursive: true, force: true });
        return { status: 'forbidden-output', problems };
    }
    return { status: 'built', summary: { layout, output, validation } };
}

/** `<outDir>/package` and `<outDir>/<package-name>.zip`, named after the package. */
export function outputPaths(layout: ProjectLayout, outDir: string): OutputPaths {
    const slug = layout.packageName
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    return {
        directory: path.join(outDir, 'package'),
        zipPath: path.join(outDir, `${slug || 'package'}.zip`)
    };
}
