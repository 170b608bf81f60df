import * as fs from 'node:fs';
import * as path from 'node:path';
import { accessPermissionSetName, flowCopyFiles } from '../../metadata/flows';
import type { MetadataSchema } from '../../schema';
import { renderFiles, type GeneratedFile } from '../generator';
import { flowMessages as M } from './messages';
import { FlowCopyError, type FlowCopyOptions } from './options';
import { fieldType, findProjectFiles, readCopyProject, type CopyProject } from './project';

/** What the command will write, once every check has passed. */
export interface FlowCopyPlan {
    readonly files: readonly GeneratedFile[];
    /**
     * Files --force replaces whose names differ in case only: API names ignore case, so the
     * old file goes rather than leaving two definitions of one component.
     */
    readonly replaces: readonly string[];
    /** Things to know that do not stop the command. */
    readonly notes: readonly string[];
}

/**
 * The copy may take a name only the org's own metadata holds, and then only with --force.
 * Returns the files it replaces.
 */
function checkFlowName(project: CopyProject, options: FlowCopyOptions): string[] {
    const existing = findProjectFiles(project, `flows/${options.apiName}.flow-meta.xml`);
    for (const found of existing) {
        if (found.packaged) {
            throw new FlowCopyError(M.flowInPackage(options.apiName, found.file));
        }
        if (!options.force) {
            throw new FlowCopyError(M.flowTaken(options.apiName, found.file));
        }
    }
    return existing.map((found) => found.file);
}

/**
 * The User field must be a text field of the project, or one this command creates. Returns the
 * files a created field and its permission set replace.
 */
function checkUserField(project: CopyProject, options: FlowCopyOptions): string[] {
    const field = options.userField;
    const existing = findProjectFiles(project, `objects/User/fields/${field}.field-meta.xml`);
    for (const found of existing) {
        const type = fieldType(project, found.file);
        if (type !== 'Text') {
            throw new FlowCopyError(M.fieldWrongType(field, found.file, type));
        }
        if (options.createField && found.packaged) {
            throw new FlowCopyError(M.fieldInPackage(field, found.file));
        }
        if (options.createField && !options.force) {
            throw new FlowCopyError(M.fieldTaken(field, found.file));
        }
    }
    if (!options.createField) {
        if (existing.length === 0) {
            throw new FlowCopyError(M.fieldMissing(field, `${project.unpackaged}/main/default`));
        }
        return [];
    }
    const name = accessPermissionSetName(field);
    const permissionSets = findProjectFiles(
        project,
        `permissionsets/${name}.permissionset-meta.xml`
    );
    for (const found of permissionSets) {
        if (found.packaged || !options.force) {
            throw new FlowCopyError(M.permissionSetTaken(name, found.file));
        }
    }
    return [...existing, ...permissionSets].map((found) => found.file);
}

/**
 * Checks the request against the project at root and renders the files of the copy, without
 * writing anything. Throws FlowCopyError when the project refuses the request.
 */
export function planFlowCopy(
    root: string,
    options: FlowCopyOptions,
    schema: MetadataSchema
): FlowCopyPlan {
    const project = readCopyProject(root);
    const files = flowCopyFiles({
        apiName: options.apiName,
        label: options.label,
        ...(options.description !== undefined ? { description: options.description } : {}),
        links: options.links,
        userField: options.userField,
        ...(options.namespace !== undefined ? { namespace: options.namespace } : {}),
        triggerOrder: options.triggerOrder,
        ...(options.createField ? { createField: options.createField } : {}),
        directory: `${project.unpackaged}/main/default`
    });
    const rendered = renderFiles(schema, files);
    // The same command run again finds every file as it would write it: nothing to refuse.
    const rerun = rendered.every((file) => {
        const target = path.join(root, file.path);
        return fs.existsSync(target) && fs.readFileSync(target, 'utf8') === file.content;
    });
    const replaced = rerun
        ? []
        : [...checkFlowName(project, options), ...checkUserField(project, options)];
    const notes =
        options.namespace !== undefined &&
        options.namespace.toLowerCase() !== project.namespace?.toLowerCase()
            ? [M.otherNamespace(options.namespace, project.namespace)]
            : [];
    const written = new Set(rendered.map((file) => file.path));
    return {
        files: rendered,
        replaces: replaced.filter((file) => !written.has(file)),
        notes
    };
}

/**
 * Writes the plan's files under root and returns their paths, with whether each was written:
 * a file that already holds the same content is left alone. Unlike the package's generator it
 * removes nothing: the unpackaged directory holds the org's other metadata too.
 */
export function writeFlowCopy(root: string, plan: FlowCopyPlan): WrittenFile[] {
    for (const file of plan.replaces) {
        fs.rmSync(path.join(root, file), { force: true });
    }
    return plan.files.map((file) => {
        const target = path.join(root, file.path);
        if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === file.content) {
            return { path: file.path, written: false };
        }
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, file.content);
        return { path: file.path, written: true };
    });
}

export interface WrittenFile {
    readonly path: string;
    readonly written: boolean;
}
