import type { Scalar, FieldValues } from '../types';
import type { AuditRole } from './types';

/**
 * What the embedded org needs beyond the object schema (scripts/project/objects), which says
 * which objects and fields exist and what they hold: key prefixes, which standard objects it
 * holds and which of their fields it enforces, setup objects and the platform's system fields.
 * The catalogue has names and Apex types only, so each rule here names its source, and
 * `[verify in an org]` marks what no document settles.
 */

/**
 * What the embedded org enforces on a standard field, beyond its type from the catalogue. The
 * fields with rules are stored from the start, in this order, which is the order records print.
 */
export interface StandardFieldRule {
    readonly name: string;
    readonly required?: boolean;
    readonly unique?: boolean;
    readonly length?: number;
    readonly defaultValue?: Scalar;
    /** Computed by the platform on every save, never written. */
    readonly compute?: (values: FieldValues) => Scalar;
}

export interface StandardObjectRule {
    /**
     * The three characters every Id of the object starts with (Salesforce Help, "Standard
     * Field Record ID Prefix Decoder"; Apex `DescribeSObjectResult.getKeyPrefix()`).
     */
    readonly keyPrefix: string;
    /**
     * Setup objects cannot be written with other objects in one transaction when the write
     * touches these fields (Apex Developer Guide, "sObjects That Cannot Be Used Together in DML
     * Operations"); undefined for an object that is not a setup object.
     */
    readonly mixedDmlFields?: readonly string[];
    readonly fields: readonly StandardFieldRule[];
    /** Held only by an org with setup data (the Apex org), not by a scenario's. */
    readonly setupOnly?: boolean;
}

/**
 * A setup object the Apex org holds as records: its key prefix and the fields it stores from
 * the start, all read-only to Apex (the org writes them when it sets itself up, schedules a job
 * or queues one).
 */
function setupObject(keyPrefix: string, ...names: readonly string[]): StandardObjectRule {
    return {
        keyPrefix,
        setupOnly: true,
        mixedDmlFields: [],
        fields: names.map((name) => ({ name }))
    };
}

/**
 * The standard objects the embedded org holds. User: the fields the API requires on create are
 * those of this list (Object Reference, "User"); a real org requires more (Alias,
 * TimeZoneSidKey, ...), which the embedded org does not model. [verify in an org: required User
 * fields on create] Lengths are the Field Reference's ("User"). Username is unique across all
 * orgs. `Name` is the concatenation of FirstName and LastName, limited to 121 characters
 * (Tooling API, "User"). IsActive is defaulted on create to true.
 */
export const STANDARD_OBJECT_RULES: Readonly<Record<string, StandardObjectRule>> = {
    User: {
        keyPrefix: '005',
        mixedDmlFields: ['IsActive', 'Username', 'ProfileId', 'UserRoleId'],
        fields: [
            { name: 'Username', length: 80, required: true, unique: true },
            { name: 'Email', length: 128, required: true },
            { name: 'FirstName', length: 40 },
            { name: 'LastName', length: 80, required: true },
            {
                name: 'Name',
                length: 121,
                compute: (values) =>
                    [values['FirstName'], values['LastName']]
                        .filter((part) => typeof part === 'string' && part !== '')
                        .join(' ') || null
            },
            { name: 'IsActive', defaultValue: true },
            { name: 'ProfileId' },
            { name: 'UserRoleId' }
        ]
    },
    /*
     * The setup objects Apex reads: key prefixes as records show them (Salesforce Help, "Find
     * the Salesforce ID for a record"; the prefixes are the ones public debug logs and code
     * show for these objects). [verify in an org: CronJobDetail 0Ai and FlowDefinitionView 300]
     * Each is a setup object: inserting a PermissionSetAssignment mixes with non-setup DML
     * (Apex Developer Guide, "sObjects That Cannot Be Used Together in DML Operations").
     */
    Organization: setupObject('00D', 'Name', 'IsSandbox', 'OrganizationType', 'InstanceName'),
    Profile: setupObject(
        '00e',
        'Name',
        'UserType',
        'PermissionsModifyAllData',
        'PermissionsViewAllData'
    ),
    PermissionSet: setupObject('0PS', 'Name', 'Label', 'NamespacePrefix', 'IsOwnedByProfile'),
    PermissionSetAssignment: {
        keyPrefix: '0Pa',
        setupOnly: true,
        mixedDmlFields: ['AssigneeId', 'PermissionSetId'],
        fields: [
            { name: 'AssigneeId', required: true },
            { name: 'PermissionSetId', required: true }
        ]
    },
    ApexClass: setupObject(
        '01p',
        'Name',
        'NamespacePrefix',
        'ApiVersion',
        'Status',
        'IsValid',
        'Body'
    ),
    CronJobDetail: setupObject('0Ai', 'Name', 'JobType'),
    CronTrigger: setupObject(
        '08e',
        'CronJobDetailId',
        'CronExpression',
        'State',
        'NextFireTime',
        'PreviousFireTime',
        'StartTime',
        'TimesTriggered',
        'TimeZoneSidKey'
    ),
    AsyncApexJob: setupObject(
        '707',
        'ApexClassId',
        'JobType',
        'Status',
        'MethodName',
        'NumberOfErrors',
        'ExtendedStatus',
        'CompletedDate',
        'ParentJobId',
        'CronTriggerId'
    ),
    FlowDefinitionView: setupObject(
        '300',
        'ApiName',
        'Label',
        'IsActive',
        'ProcessType',
        'TriggerType',
        'TriggerObjectOrEventId',
        'NamespacePrefix'
    ),
    EntityDefinition: setupObject('000', 'QualifiedApiName', 'DeveloperName', 'NamespacePrefix')
};

/**
 * Parent relationships the catalogue lacks. FlowDefinitionView's TriggerObjectOrEventId is text
 * in the catalogue, yet SOQL walks it to the object's EntityDefinition
 * (`TriggerObjectOrEvent.QualifiedApiName`), as public code that lists an org's flows does.
 * [verify in an org: the relationship's name and that it reaches EntityDefinition]
 */
export const PLATFORM_RELATIONSHIPS: Readonly<
    Record<string, readonly { name: string; idField: string; target: string }[]>
> = {
    FlowDefinitionView: [
        {
            name: 'TriggerObjectOrEvent',
            idField: 'TriggerObjectOrEventId',
            target: 'EntityDefinition'
        }
    ]
};

/**
 * Custom objects get key prefixes `a00`, `a01`, ... in name order, so that Ids are stable from
 * run to run; an org assigns its own. [verify in an org]
 */
export function customKeyPrefix(index: number): string {
    return `a0${index.toString(36).toUpperCase()}`;
}

/**
 * The system fields the org maintains on every save, where the object has them (Object
 * Reference, "System Fields"): CreatedDate and LastModifiedDate hold the time of the save,
 * SystemModstamp too; CreatedById and LastModifiedById the running user; OwnerId, writable,
 * defaults to the running user on insert. The user fields exist only in an org with a running
 * user (the Apex org); a scenario runs as nobody, so it refuses them.
 */
export const AUDIT_FIELDS: Readonly<Record<string, AuditRole>> = {
    createddate: 'createdDate',
    lastmodifieddate: 'modifiedDate',
    systemmodstamp: 'modifiedDate',
    createdbyid: 'createdBy',
    lastmodifiedbyid: 'modifiedBy',
    ownerid: 'owner'
};

/** Audit roles that name a user: maintained only where the org has a running user. */
export const USER_AUDIT_ROLES: ReadonlySet<AuditRole> = new Set([
    'createdBy',
    'modifiedBy',
    'owner'
]);

/**
 * Fields the platform maintains on save or read, which the embedded org does not: IsDeleted,
 * the current user's views (LastViewedDate, LastReferencedDate), and the fields that come with
 * record types, multiple currencies and activities. A run that names one is refused.
 */
export const UNMAINTAINED_SYSTEM_FIELDS: ReadonlySet<string> = new Set(
    [
        'IsDeleted',
        'LastViewedDate',
        'LastReferencedDate',
        'RecordTypeId',
        'CurrencyIsoCode',
        'LastActivityDate'
    ].map((name) => name.toLowerCase())
);

/**
 * A custom object's Name is optional on create: the platform then stores the record's Id in it.
 * [verify in an org] Its length is the platform's 80 characters for a text name.
 */
export const CUSTOM_NAME_LENGTH = 80;
