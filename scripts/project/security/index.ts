/**
 * The project's security metadata as one model: the permission sets and what they grant, the
 * custom permissions, the custom labels, the named credentials and the external credentials that
 * authenticate them. The embedded org reads the running user's access and Apex's `Label.X` and
 * `callout:X` from here.
 */
export {
    customPermissionsFromFiles,
    externalCredentialsFromFiles,
    labelsFromFiles,
    namedCredentialsFromFiles,
    permissionSetsFromFiles,
    projectCustomPermissions,
    projectExternalCredentials,
    projectLabels,
    projectNamedCredentials,
    projectPermissionSets
} from './load';
export { MetadataFileError } from './errors';
export type { MetadataSourceFile } from './read';
export type {
    CustomLabelDefinition,
    CustomPermissionDefinition,
    ExternalCredentialDefinition,
    ExternalCredentialHeader,
    ExternalCredentialPrincipal,
    FieldPermissions,
    NamedCredentialDefinition,
    ObjectPermissions,
    PermissionSetDefinition,
    PrincipalType,
    SourceLocation
} from './types';
