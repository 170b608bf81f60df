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
 * The standard objects the embedded org holds from the start. User: the fields the API requires on create are
 * those of this list (Object Reference, "User"); a real org requires more (Alias,
 * TimeZoneSidKey, ...), which the embedded org does not model. [verify in an org: required User
 * fields on create] Lengths are the Field Reference's ("User"). Username is unique across all
 * orgs. `Name` is the concatenation of FirstName and LastName, limited to 121 characters
 * (Tooling API, "User"). IsActive is defaulted on create to true.
 */
export const HELD_OBJECT_RULES: Readonly<Record<string, StandardObjectRule>> = {
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

/*
 * The standard business objects the embedded org creates records of: the fields a create
 * requires and the defaults the platform sets, from the Object Reference for the Salesforce
 * Platform (developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/
 * sforce_api_objects_<object>.htm), where a required field is one whose properties lack
 * Nillable and Defaulted on create ("Required Fields"). Key prefixes are those of Salesforce
 * Help, "Standard Field Record ID Prefix Decoder", as the public lists of key prefixes repeat
 * them (salesforceben.com/salesforce-object-key-prefix-list). A picklist field that is
 * "Defaulted on create" gets the picklist's default value, which an admin can change: the
 * defaults below are those of a new org's standard picklists. [verify in an org: the default
 * values of Case.Status, Lead.Status, Task.Status and Task.Priority] Record types, which can
 * give other defaults, are not modelled (UNMAINTAINED_SYSTEM_FIELDS).
 */
const BUSINESS_OBJECT_RULES: Readonly<Record<string, StandardObjectRule>> = {
    /** Account: Name is required (255 characters); a person account is not modelled. */
    Account: { keyPrefix: '001', fields: [{ name: 'Name', length: 255, required: true }] },
    /** Contact: LastName is required (80 characters). */
    Contact: { keyPrefix: '003', fields: [{ name: 'LastName', length: 80, required: true }] },
    /** Lead: LastName and Company are required; Status is defaulted on create. */
    Lead: {
        keyPrefix: '00Q',
        fields: [
            { name: 'LastName', length: 80, required: true },
            { name: 'Company', length: 255, required: true },
            { name: 'Status', defaultValue: 'Open - Not Contacted' }
        ]
    },
    /** Opportunity: Name (120 characters), StageName and CloseDate are required. */
    Opportunity: {
        keyPrefix: '006',
        fields: [
            { name: 'Name', length: 120, required: true },
            { name: 'StageName', required: true },
            { name: 'CloseDate', required: true }
        ]
    },
    /**
     * Case: Status is defaulted on create. Origin is nillable in the API (a page layout may
     * require it, which a save through Apex or a flow does not check), so it is left null.
     */
    Case: { keyPrefix: '500', fields: [{ name: 'Status', defaultValue: 'New' }] },
    /** Task: Status and Priority are defaulted on create. */
    Task: {
        keyPrefix: '00T',
        fields: [
            { name: 'Status', defaultValue: 'Not Started' },
            { name: 'Priority', defaultValue: 'Normal' }
        ]
    }
};

/**
 * Every standard object the embedded org has rules for: those it holds from the start (User,
 * and the setup objects in an org with setup) and the business objects it holds once a run
 * names them.
 */
export const STANDARD_OBJECT_RULES: Readonly<Record<string, StandardObjectRule>> = {
    ...HELD_OBJECT_RULES,
    ...BUSINESS_OBJECT_RULES
};

/**
 * Key prefixes of other standard objects, from the same sources as the rules' (Salesforce Help,
 * "Standard Field Record ID Prefix Decoder"; salesforceben.com/salesforce-object-key-prefix-list;
 * fishofprey.com/2011/09/obscure-salesforce-object-key-prefixes.html). The org reads, updates
 * and queries their records but does not create them (unruledInsert).
 */
export const DOCUMENTED_KEY_PREFIXES: Readonly<Record<string, string>> = {
    Note: '002',
    Group: '00G',
    UserRole: '00E',
    Attachment: '00P',
    Event: '00U',
    EmailTemplate: '00X',
    CaseComment: '00a',
    OpportunityContactRole: '00K',
    OpportunityLineItem: '00k',
    Folder: '00l',
    CampaignMember: '00v',
    GroupMember: '011',
    Document: '015',
    BusinessHours: '01m',
    ApexTrigger: '01q',
    Pricebook2: '01s',
    Product2: '01t',
    AccountContactRole: '02Z',
    Asset: '02i',
    ApexPage: '066',
    Idea: '087',
    Campaign: '701',
    Contract: '800',
    Order: '801',
    OrderItem: '802'
};

/**
 * The key prefix the embedded org gives a standard object whose prefix is not documented here:
 * `9` and two base-62 digits, then `Z`, `Y`, ... and two digits once those run out (the
 * catalogue has some 4,500 standard objects), numbered in the catalogue's name order among such
 * objects, so that Ids are the same from run to run with one catalogue. It is the embedded
 * org's own, not Salesforce's. [verify in an org: the object's key prefix]
 */
export function ownKeyPrefix(index: number): string {
    const slots = BASE62.length * BASE62.length;
    const rest = index % slots;
    return (
        OWN_FIRST_CHARACTERS.charAt(Math.floor(index / slots)) +
        BASE62.charAt(Math.floor(rest / BASE62.length)) +
        BASE62.charAt(rest % BASE62.length)
    );
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const OWN_FIRST_CHARACTERS = '9ZYXW';

/**
 * Platform events get key prefixes `e00`, `e01`, ... in name order, the embedded org's own.
 * [verify in an org: a platform event's key prefix]
 */
export function platformEventKeyPrefix(index: number): string {
    return `e0${index.toString(36).toUpperCase()}`;
}

/**
 * Why the org does not create records of a standard object it has no rule for: the catalogue
 * does not say which of its fields a create requires or which defaults the platform sets, so a
 * create could succeed where an org refuses it, or store nulls where it sets values. It refuses
 * rather than guesses.
 */
export function unruledInsert(object: string): string {
    return (
        `creating ${object} records is not supported by the embedded org: it does not know ` +
        `which ${object} fields a create requires or which defaults Salesforce sets. Give the ` +
        `records in the scenario's data (they can be read, updated and queried), or add a rule ` +
        `for ${object} to scripts/runtime/schema/rules.ts with the Object Reference as its source.`
    );
}

/**
 * Why the org does not publish platform events. Create Records on a platform event publishes
 * an event message, which is published when the publish call runs or only once the transaction
 * commits, as the event's Publish Behavior says, and reaches its subscribers (flows, triggers)
 * asynchronously, outside the publishing transaction (Platform Events Developer Guide,
 * "Platform Event Fields", "Decoupled Publishing and Subscription", "Publish Event Messages
 * with Flows"; Apex: `EventBus.publish`). The embedded org has no event bus.
 */
export function platformEventInsert(object: string): string {
    return (
        `publishing ${object} (creating a platform event message) is not supported by the ` +
        `embedded org: it has no event bus that publishes the message immediately or after ` +
        `commit and delivers it to its subscribers. Leave the publishing element out of the ` +
        `run, or test it in an org.`
    );
}

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
 * the current user's views (LastViewedDate, LastReferencedDate), the fields that come with
 * record types, multiple currencies and activities, and the fields derived from a status
 * (Object Reference, Task: CompletedDateTime, "the date and time the task was saved with a
 * Closed status", and IsClosed; Case and Opportunity have an IsClosed of their own, derived
 * from Status and StageName). A run that names one is refused.
 */
export const UNMAINTAINED_SYSTEM_FIELDS: ReadonlySet<string> = new Set(
    [
        'IsDeleted',
        'LastViewedDate',
        'LastReferencedDate',
        'RecordTypeId',
        'CurrencyIsoCode',
        'LastActivityDate',
        'CompletedDateTime',
        'IsClosed'
    ].map((name) => name.toLowerCase())
);

/**
 * A custom object's Name is optional on create: the platform then stores the record's Id in it.
 * [verify in an org] Its length is the platform's 80 characters for a text name.
 */
export const CUSTOM_NAME_LENGTH = 80;
