import { child, children, type XmlElement } from '../../xml/parse';
import type { XmlDocument } from '../project';
import { MetadataFileError } from './errors';
import { securityMessages } from './messages';
import type {
    CustomLabelDefinition,
    CustomPermissionDefinition,
    ExternalCredentialDefinition,
    ExternalCredentialHeader,
    ExternalCredentialPrincipal,
    FieldPermissions,
    NamedCredentialDefinition,
    ObjectPermissions,
    PermissionSetDefinition,
    PrincipalType
} from './types';

/** A metadata file of the project: its path from the project root and its parsed XML. */
export interface MetadataSourceFile {
    readonly path: string;
    readonly document: XmlDocument;
}

export const PERMISSION_SET_SUFFIX = '.permissionset-meta.xml';
export const CUSTOM_PERMISSION_SUFFIX = '.customPermission-meta.xml';
export const CUSTOM_LABELS_SUFFIX = '.labels-meta.xml';
export const NAMED_CREDENTIAL_SUFFIX = '.namedCredential-meta.xml';
export const EXTERNAL_CREDENTIAL_SUFFIX = '.externalCredential-meta.xml';

/** The WSDL's AuthenticationProtocol. */
const AUTHENTICATION_PROTOCOLS = [
    'NoAuthentication',
    'Certificate',
    'Oauth',
    'Password',
    'NTLM',
    'AwsSv4',
    'Jwt',
    'JwtExchange',
    'C2c',
    'ApiKey',
    'Custom',
    'InternalOAuth',
    'OrgJwt',
    'Basic'
] as const;

/** The WSDL's ExternalCredentialParamType values that make a principal. */
const PRINCIPAL_TYPES: readonly PrincipalType[] = [
    'NamedPrincipal',
    'PerUserPrincipal',
    'AwsStsPrincipal',
    'GlobalNamedPrincipal',
    'SystemUserPrincipal',
    'TenantPrincipal'
];

/** The WSDL's ExternalCredentialParamType. */
const PARAMETER_TYPES: readonly string[] = [
    'ParameterGroup',
    'ExternalAuthIdentityProvider',
    'AuthProvider',
    'AuthProviderUrl',
    'AuthProviderUrlQueryParameter',
    'SigningCertificate',
    'FormulaVariable',
    'AuthProviderAuthParameter',
    'AuthParameter',
    ...PRINCIPAL_TYPES,
    'AuthContext',
    'AuthQueryParameter',
    'AuthHeader',
    'AuthProtocolVariant',
    'JwtBodyClaim',
    'JwtHeaderClaim',
    'CreatedByNamespace',
    'AdditionalRefreshStatusCode',
    'ManagedByFeature',
    'ManagedByComponent',
    'SfHttpRequestExtensionName'
];

/**
 * Reads a `<PermissionSet>` (Metadata API Developer Guide, "PermissionSet"; the WSDL's
 * PermissionSetObjectPermissions, PermissionSetFieldPermissions, PermissionSetCustomPermissions,
 * PermissionSetApexClassAccess and PermissionSetUserPermission). The elements the model keeps
 * are checked as the WSDL requires them; the others are the deploy's business.
 *
 * A flag implies the flags the platform requires beside it, since an org refuses a set without
 * them (Object Reference, "ObjectPermissions": create, edit and view all require read; delete
 * requires edit; modify all requires delete and view all. "FieldPermissions": PermissionsEdit
 * requires PermissionsRead): a field that is editable is readable, and so on.
 */
export function readPermissionSet(source: MetadataSourceFile): PermissionSetDefinition {
    const root = rootOf(source, 'PermissionSet');
    const file = source.path;
    const objectPermissions = new Map<string, ObjectPermissions>();
    for (const element of children(root, 'objectPermissions')) {
        // In the WSDL's order, so that the first missing element is the one reported.
        const flag = (name: string): boolean => booleanOf(file, element, name);
        const create = flag('allowCreate');
        const allowDelete = flag('allowDelete');
        const allowEdit = flag('allowEdit');
        const allowRead = flag('allowRead');
        const modifyAll = flag('modifyAllRecords');
        const object = required(file, element, 'object');
        const viewAll = flag('viewAllRecords') || modifyAll;
        const remove = allowDelete || modifyAll;
        const edit = allowEdit || remove;
        objectPermissions.set(object, {
            read: allowRead || create || edit || viewAll,
            create,
            edit,
            delete: remove,
            viewAll,
            modifyAll
        });
    }
    const fieldPermissions = new Map<string, FieldPermissions>();
    for (const element of children(root, 'fieldPermissions')) {
        const editable = booleanOf(file, element, 'editable');
        // `readable` is optional in the WSDL: absent, the field is readable only if editable.
        const readable = child(element, 'readable') ? booleanOf(file, element, 'readable') : false;
        fieldPermissions.set(required(file, element, 'field'), {
            readable: readable || editable,
            editable
        });
    }
    return {
        name: nameOf(file, PERMISSION_SET_SUFFIX),
        label: required(file, root, 'label'),
        file,
        line: root.line,
        objectPermissions,
        fieldPermissions,
        customPermissions: enabled(file, root, 'customPermissions', 'name'),
        classAccesses: enabled(file, root, 'classAccesses', 'apexClass'),
        userPermissions: enabled(file, root, 'userPermissions', 'name'),
        // PermissionSetExternalCredentialPrincipalAccess: enabled and externalCredentialPrincipal.
        externalCredentialPrincipals: enabled(
            file,
            root,
            'externalCredentialPrincipalAccesses',
            'externalCredentialPrincipal'
        )
    };
}

/** Reads a `<CustomPermission>` (Metadata API Developer Guide, "CustomPermission"). */
export function readCustomPermission(source: MetadataSourceFile): CustomPermissionDefinition {
    const root = rootOf(source, 'CustomPermission');
    return {
        name: nameOf(source.path, CUSTOM_PERMISSION_SUFFIX),
        label: required(source.path, root, 'label'),
        file: source.path,
        line: root.line
    };
}

/**
 * Reads the `<labels>` of a `<CustomLabels>` file (Metadata API Developer Guide, "CustomLabels"
 * and "CustomLabel": fullName, language, protected and value are required).
 */
export function readCustomLabels(source: MetadataSourceFile): CustomLabelDefinition[] {
    const root = rootOf(source, 'CustomLabels');
    const file = source.path;
    return children(root, 'labels').map((element) => ({
        name: required(file, element, 'fullName'),
        // A label's value is its text as written: spaces at its ends are part of it.
        value: requiredElement(file, element, 'value').text,
        language: required(file, element, 'language'),
        protected: booleanOf(file, element, 'protected'),
        file,
        line: element.line
    }));
}

/**
 * Reads a `<NamedCredential>` (Metadata API Developer Guide, "NamedCredential"): the legacy
 * format keeps the URL in `<endpoint>`; the newer one (namedCredentialType SecuredEndpoint) in a
 * `<namedCredentialParameters>` whose parameterType is Url, with the external credential in the
 * one whose parameterType is Authentication.
 */
export function readNamedCredential(source: MetadataSourceFile): NamedCredentialDefinition {
    const root = rootOf(source, 'NamedCredential');
    const file = source.path;
    const parameters = children(root, 'namedCredentialParameters').map((element) => ({
        type: required(file, element, 'parameterType'),
        name: required(file, element, 'parameterName'),
        value: textOf(element, 'parameterValue'),
        externalCredential: textOf(element, 'externalCredential')
    }));
    const url =
        textOf(root, 'endpoint') ?? parameters.find((parameter) => parameter.type === 'Url')?.value;
    const externalCredential = parameters.find(
        (parameter) => parameter.externalCredential !== undefined
    )?.externalCredential;
    return {
        name: nameOf(file, NAMED_CREDENTIAL_SUFFIX),
        label: required(file, root, 'label'),
        file,
        line: root.line,
        url,
        ...(externalCredential !== undefined ? { externalCredential } : {})
    };
}

/**
 * Reads an `<ExternalCredential>` (Metadata API Developer Guide, "ExternalCredential"; the WSDL's
 * ExternalCredential and ExternalCredentialParameter: authenticationProtocol and label are
 * required, and each parameter's parameterName and parameterType). The model keeps the
 * principals and the custom headers (parameterType AuthHeader, whose value "is evaluated as a
 * formula", Salesforce Help, "Create and Edit Custom Headers"); the other parameters are the
 * protocol's, which the embedded org does not run.
 */
export function readExternalCredential(source: MetadataSourceFile): ExternalCredentialDefinition {
    const root = rootOf(source, 'ExternalCredential');
    const file = source.path;
    const protocol = oneOf(file, root, 'authenticationProtocol', AUTHENTICATION_PROTOCOLS);
    const principals: ExternalCredentialPrincipal[] = [];
    const authHeaders: ExternalCredentialHeader[] = [];
    for (const element of children(root, 'externalCredentialParameters')) {
        const name = required(file, element, 'parameterName');
        const type = oneOf(file, element, 'parameterType', PARAMETER_TYPES);
        const sequence = integerOf(file, element, 'sequenceNumber');
        const principalType = PRINCIPAL_TYPES.find((candidate) => candidate === type);
        if (principalType) {
            principals.push({
                name,
                type: principalType,
                parameterGroup: textOf(element, 'parameterGroup'),
                sequence,
                file,
                line: element.line
            });
        } else if (type === 'AuthHeader') {
            const formula = textOf(element, 'parameterValue');
            if (formula === undefined) {
                throw new MetadataFileError(
                    file,
                    element.line,
                    securityMessages.headerWithoutValue(name)
                );
            }
            authHeaders.push({ name, formula, sequence, file, line: element.line });
        }
    }
    return {
        name: nameOf(file, EXTERNAL_CREDENTIAL_SUFFIX),
        label: required(file, root, 'label'),
        file,
        line: root.line,
        protocol,
        principals,
        authHeaders
    };
}

function rootOf(source: MetadataSourceFile, expected: string): XmlElement {
    const { root, error } = source.document;
    if (!root) {
        throw new MetadataFileError(
            source.path,
            error.line,
            securityMessages.notWellFormed(error.message.replace(/^[^:]*:\d+:\d+: /, '')),
            { cause: error }
        );
    }
    if (root.name !== expected) {
        throw new MetadataFileError(
            source.path,
            root.line,
            securityMessages.wrongRoot(expected, root.name)
        );
    }
    return root;
}

/** The file's name without its suffix: the component's API name. */
function nameOf(path: string, suffix: string): string {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

function textOf(element: XmlElement, name: string): string | undefined {
    const found = child(element, name)?.text.trim();
    return found === '' ? undefined : found;
}

function requiredElement(file: string, element: XmlElement, name: string): XmlElement {
    const found = child(element, name);
    if (!found) {
        throw new MetadataFileError(
            file,
            element.line,
            securityMessages.missingElement(element.name, name)
        );
    }
    return found;
}

function required(file: string, element: XmlElement, name: string): string {
    const text = requiredElement(file, element, name).text.trim();
    if (text === '') {
        throw new MetadataFileError(
            file,
            element.line,
            securityMessages.missingElement(element.name, name)
        );
    }
    return text;
}

function booleanOf(file: string, element: XmlElement, name: string): boolean {
    const found = requiredElement(file, element, name);
    const text = found.text.trim();
    if (text !== 'true' && text !== 'false') {
        throw new MetadataFileError(file, found.line, securityMessages.notBoolean(name, text));
    }
    return text === 'true';
}

/** An optional `xsd:int` element: undefined when absent. */
function integerOf(file: string, element: XmlElement, name: string): number | undefined {
    const found = child(element, name);
    if (!found) {
        return undefined;
    }
    const text = found.text.trim();
    if (!/^[+-]?\d+$/.test(text)) {
        throw new MetadataFileError(file, found.line, securityMessages.notInteger(name, text));
    }
    return Number(text);
}

/** A required element whose text is one of an enumeration of the WSDL. */
function oneOf<T extends string>(
    file: string,
    element: XmlElement,
    name: string,
    allowed: readonly T[]
): T {
    const text = required(file, element, name);
    const found = allowed.find((value) => value === text);
    if (found === undefined) {
        const line = child(element, name)?.line ?? element.line;
        throw new MetadataFileError(file, line, securityMessages.notOneOf(name, text, allowed));
    }
    return found;
}

/** The names of the entries of a kind whose `<enabled>` is true. */
function enabled(
    file: string,
    root: XmlElement,
    entry: string,
    nameElement: string
): ReadonlySet<string> {
    const names = new Set<string>();
    for (const element of children(root, entry)) {
        const name = required(file, element, nameElement);
        if (booleanOf(file, element, 'enabled')) {
            names.add(name);
        }
    }
    return names;
}
