import type { Project } from '../project';
import {
    CUSTOM_LABELS_SUFFIX,
    CUSTOM_PERMISSION_SUFFIX,
    EXTERNAL_CREDENTIAL_SUFFIX,
    NAMED_CREDENTIAL_SUFFIX,
    PERMISSION_SET_SUFFIX,
    readCustomLabels,
    readCustomPermission,
    readExternalCredential,
    readNamedCredential,
    readPermissionSet,
    type MetadataSourceFile
} from './read';
import type {
    CustomLabelDefinition,
    CustomPermissionDefinition,
    ExternalCredentialDefinition,
    NamedCredentialDefinition,
    PermissionSetDefinition
} from './types';

/**
 * The project's security metadata, each kind read once per project through `project.memo`
 * (`project.memo(projectPermissionSets)`). A file that is not well formed or lacks a required
 * element throws MetadataFileError naming it and the line: the embedded org cannot grant from a
 * file it cannot read.
 */

function sources(project: Project, suffix: string): MetadataSourceFile[] {
    return project.filesEndingWith(suffix).map((path) => ({ path, document: project.xml(path) }));
}

/** Each `*.permissionset-meta.xml`, by permission set name. */
export function projectPermissionSets(
    project: Project
): ReadonlyMap<string, PermissionSetDefinition> {
    return permissionSetsFromFiles(sources(project, PERMISSION_SET_SUFFIX));
}

/** Each `*.customPermission-meta.xml`, by custom permission name. */
export function projectCustomPermissions(
    project: Project
): ReadonlyMap<string, CustomPermissionDefinition> {
    return customPermissionsFromFiles(sources(project, CUSTOM_PERMISSION_SUFFIX));
}

/** The labels of `CustomLabels.labels-meta.xml` (and any other labels file), by full name. */
export function projectLabels(project: Project): ReadonlyMap<string, CustomLabelDefinition> {
    return labelsFromFiles(sources(project, CUSTOM_LABELS_SUFFIX));
}

/** Each `*.namedCredential-meta.xml`, by named credential name. */
export function projectNamedCredentials(
    project: Project
): ReadonlyMap<string, NamedCredentialDefinition> {
    return namedCredentialsFromFiles(sources(project, NAMED_CREDENTIAL_SUFFIX));
}

/** Each `*.externalCredential-meta.xml`, by external credential name. */
export function projectExternalCredentials(
    project: Project
): ReadonlyMap<string, ExternalCredentialDefinition> {
    return externalCredentialsFromFiles(sources(project, EXTERNAL_CREDENTIAL_SUFFIX));
}

/** The permission sets of parsed files (paths from the project root), for a caller that reads them. */
export function permissionSetsFromFiles(
    files: readonly MetadataSourceFile[]
): ReadonlyMap<string, PermissionSetDefinition> {
    return byName(files.map(readPermissionSet));
}

export function customPermissionsFromFiles(
    files: readonly MetadataSourceFile[]
): ReadonlyMap<string, CustomPermissionDefinition> {
    return byName(files.map(readCustomPermission));
}

export function labelsFromFiles(
    files: readonly MetadataSourceFile[]
): ReadonlyMap<string, CustomLabelDefinition> {
    return byName(files.flatMap(readCustomLabels));
}

export function namedCredentialsFromFiles(
    files: readonly MetadataSourceFile[]
): ReadonlyMap<string, NamedCredentialDefinition> {
    return byName(files.map(readNamedCredential));
}

export function externalCredentialsFromFiles(
    files: readonly MetadataSourceFile[]
): ReadonlyMap<string, ExternalCredentialDefinition> {
    return byName(files.map(readExternalCredential));
}

function byName<T extends { readonly name: string }>(definitions: readonly T[]): Map<string, T> {
    return new Map(definitions.map((definition) => [definition.name, definition]));
}
