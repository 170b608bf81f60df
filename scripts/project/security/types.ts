/**
 * What the project's security metadata grants and names, as the Metadata API Developer Guide
 * describes each type (PermissionSet, CustomPermission, CustomLabels, NamedCredential,
 * ExternalCredential). Names are
 * kept as the files write them: without the package's namespace prefix.
 */

/** Where a definition comes from: its file, from the project root, and its element's line. */
export interface SourceLocation {
    readonly file: string;
    readonly line: number;
}

/**
 * A permission set's `<objectPermissions>` on one object (Metadata API Developer Guide,
 * "PermissionSet": allowRead, allowCreate, allowEdit, allowDelete, viewAllRecords,
 * modifyAllRecords).
 */
export interface ObjectPermissions {
    readonly read: boolean;
    readonly create: boolean;
    readonly edit: boolean;
    readonly delete: boolean;
    readonly viewAll: boolean;
    readonly modifyAll: boolean;
}

/** A permission set's `<fieldPermissions>` on one field. */
export interface FieldPermissions {
    readonly readable: boolean;
    readonly editable: boolean;
}

export interface PermissionSetDefinition extends SourceLocation {
    /** The API name: the file's name (`Calendly_Links_Admin`). */
    readonly name: string;
    readonly label: string;
    /** By object API name as written (`CalendlyLink__c`). */
    readonly objectPermissions: ReadonlyMap<string, ObjectPermissions>;
    /** By `Object.Field` as written (`CalendlyLink__c.Email__c`). */
    readonly fieldPermissions: ReadonlyMap<string, FieldPermissions>;
    /** Custom permissions the set enables. */
    readonly customPermissions: ReadonlySet<string>;
    /** Apex classes the set gives access to. */
    readonly classAccesses: ReadonlySet<string>;
    /** User permissions the set enables (`ApiEnabled`, `ViewSetup`, ...). */
    readonly userPermissions: ReadonlySet<string>;
    /**
     * External credential principals the set enables, as `<externalCredentialPrincipal>` writes
     * them: the external credential's name, a hyphen and the principal's (`Calendly-CalendlyAdmin`).
     */
    readonly externalCredentialPrincipals: ReadonlySet<string>;
}

export interface CustomPermissionDefinition extends SourceLocation {
    /** The API name: the file's name. */
    readonly name: string;
    readonly label: string;
}

/** One `<labels>` entry of CustomLabels.labels-meta.xml. */
export interface CustomLabelDefinition extends SourceLocation {
    /** `<fullName>`: the name Apex writes after `Label.`. */
    readonly name: string;
    readonly value: string;
    /** The language of the value (`en_US`). */
    readonly language: string;
    /** Whether a subscriber's code can reach it (a protected label is the package's own). */
    readonly protected: boolean;
}

export interface NamedCredentialDefinition extends SourceLocation {
    /** The API name: the file's name, written after `callout:`. */
    readonly name: string;
    readonly label: string;
    /**
     * The endpoint callouts go to: the legacy format's `<endpoint>`, or the newer format's
     * `<namedCredentialParameters>` of parameterType Url; undefined when the file names none.
     */
    readonly url: string | undefined;
    /** The external credential that authenticates the callouts (the newer format). */
    readonly externalCredential?: string;
}

/**
 * The `<parameterType>` values of an ExternalCredentialParameter that make a principal: an
 * identity whose authentication parameters a callout uses (WSDL ExternalCredentialParamType).
 */
export type PrincipalType =
    | 'NamedPrincipal'
    | 'PerUserPrincipal'
    | 'AwsStsPrincipal'
    | 'GlobalNamedPrincipal'
    | 'SystemUserPrincipal'
    | 'TenantPrincipal';

/** An external credential's principal: a `<externalCredentialParameters>` of a principal type. */
export interface ExternalCredentialPrincipal extends SourceLocation {
    /** `<parameterName>`: what a permission set enables after the credential's name and a hyphen. */
    readonly name: string;
    readonly type: PrincipalType;
    /** `<parameterGroup>`: the group the principal's authentication parameters belong to. */
    readonly parameterGroup: string | undefined;
    /** `<sequenceNumber>`: which principal a user with several uses first, lowest first. */
    readonly sequence: number | undefined;
}

/** A custom header of an external credential: a `<externalCredentialParameters>` of type AuthHeader. */
export interface ExternalCredentialHeader extends SourceLocation {
    /** `<parameterName>`: the header's name. */
    readonly name: string;
    /** `<parameterValue>` as written: the formula the header's value is evaluated from. */
    readonly formula: string;
    /** `<sequenceNumber>`: the order the headers are sent in, lowest first. */
    readonly sequence: number | undefined;
}

export interface ExternalCredentialDefinition extends SourceLocation {
    /** The API name: the file's name, written in `$Credential.<name>.<parameter>`. */
    readonly name: string;
    readonly label: string;
    /** `<authenticationProtocol>` (WSDL AuthenticationProtocol: `Custom`, `Oauth`, ...). */
    readonly protocol: string;
    /** In the file's order. */
    readonly principals: readonly ExternalCredentialPrincipal[];
    /** In the file's order. */
    readonly authHeaders: readonly ExternalCredentialHeader[];
}
