/**
 * The project's security metadata as one model: the permission sets and what they grant, the
 * custom permissions, the custom labels and the named credentials. The embedded org reads the
 * running user's access and Apex's `Label.X` and `callout:X` from here.
 */
export {
    customPermissionsFromFiles,
    labelsFromFiles,
    namedCredentialsFromFiles,
    permissionSetsFromFiles,
    projectCustomPermissions,
    projectLabels,
    projectNamedCredentials,
    projectPermissionSets
} from './load';
export { MetadataFileError } from './errors';
export type { MetadataSourceFile } from './read';
export type {
    CustomLabelDefinition,
    CustomPermissionDefinition,
    FieldPermissions,
    NamedCredentialDefinition,
    ObjectPermissions,
    PermissionSetDefinition,
    SourceLocation
} from './types';
