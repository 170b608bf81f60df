import type { Project } from '../project';
import { ProjectObjects, type ObjectModelOptions } from './model';
import { isObjectSourcePath, readObjectSources, type ObjectSourceFile } from './read';

/**
 * The object schema of a loaded project, from its object and field files as
 * source-deploy-retrieve places them (a file that is not well-formed XML is left out: the
 * xml-syntax check reports it). Build it once per project with `project.memo(projectObjects)`.
 */
export function projectObjects(project: Project): ProjectObjects {
    const files: ObjectSourceFile[] = [];
    for (const path of project.files) {
        const root = isObjectSourcePath(path) ? project.xmlRoot(path) : undefined;
        if (root) {
            files.push({ path, root });
        }
    }
    return objectsFromFiles(
        files,
        project.config.namespace !== undefined ? { namespace: project.config.namespace } : {}
    );
}

/**
 * The object schema from parsed object and field files (paths from the project root), for a
 * caller that reads the files itself; other paths are ignored.
 */
export function objectsFromFiles(
    files: readonly ObjectSourceFile[],
    options: ObjectModelOptions = {}
): ProjectObjects {
    return new ProjectObjects(readObjectSources(files), options);
}
