import type { FieldValueType } from '../catalogue';
import type {
    FieldCondition,
    ObjectKind,
    PlatformFieldDefinition,
    RelationshipDefinition
} from './types';

/**
 * The fields Salesforce documents but apex-dev-tools' jar cannot hold, because the jar lists
 * standard objects only: the system fields of the project's custom objects, custom settings,
 * custom metadata types, platform events and external objects, and a few standard fields that
 * exist only with an org setting the jar's org did not have. Each list names its source.
 */

/** The object the catalogue gives polymorphic lookups: the fields every parent shares. */
export const POLYMORPHIC_TARGET = 'Name';

interface PlatformField {
    readonly name: string;
    readonly valueType: FieldValueType;
    readonly condition?: FieldCondition;
    /** For an Id field: its parent relationship. */
    readonly parent?: {
        readonly name: string;
        readonly referenceTo: readonly string[];
    };
}

export interface PlatformFields {
    readonly fields: readonly PlatformFieldDefinition[];
    readonly relationships: readonly RelationshipDefinition[];
}

const CREATED_BY: PlatformField = {
    name: 'CreatedById',
    valueType: 'Id',
    parent: { name: 'CreatedBy', referenceTo: ['User'] }
};
const LAST_MODIFIED_BY: PlatformField = {
    name: 'LastModifiedById',
    valueType: 'Id',
    parent: { name: 'LastModifiedBy', referenceTo: ['User'] }
};

/**
 * The audit fields, on most objects. Object Reference, "System Fields":
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
 */
const AUDIT: readonly PlatformField[] = [
    CREATED_BY,
    { name: 'CreatedDate', valueType: 'Datetime' },
    LAST_MODIFIED_BY,
    { name: 'LastModifiedDate', valueType: 'Datetime' },
    { name: 'SystemModstamp', valueType: 'Datetime' }
];

const ID: PlatformField = { name: 'Id', valueType: 'Id' };
const NAME: PlatformField = { name: 'Name', valueType: 'String' };
const IS_DELETED: PlatformField = { name: 'IsDeleted', valueType: 'Boolean' };

/**
 * A custom object's system fields. Object Reference, "Custom Object__c":
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_custom_object__c.htm
 * and "System Fields" above. The owner is a user or a queue, so `Owner` is polymorphic (a
 * group or a user) and SOQL reads it through the Name object (SOQL and SOSL Reference,
 * "Understanding Relationship Fields and Polymorphic Fields"). RecordTypeId, CurrencyIsoCode and
 * LastActivityDate exist with record types, multiple currencies and activities (SOAP API
 * Developer Guide, "Frequently Occurring Fields":
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_objects_fequently_occurring_fields.htm).
 */
const CUSTOM_OBJECT: readonly PlatformField[] = [
    ID,
    NAME,
    { name: 'OwnerId', valueType: 'Id', parent: { name: 'Owner', referenceTo: ['Group', 'User'] } },
    ...AUDIT,
    IS_DELETED,
    { name: 'LastViewedDate', valueType: 'Datetime' },
    { name: 'LastReferencedDate', valueType: 'Datetime' },
    {
        name: 'RecordTypeId',
        valueType: 'Id',
        condition: 'record-types',
        parent: { name: 'RecordType', referenceTo: ['RecordType'] }
    },
    { name: 'CurrencyIsoCode', valueType: 'String', condition: 'multi-currency' },
    { name: 'LastActivityDate', valueType: 'Date', condition: 'activities' }
];

/**
 * A detail object of a master-detail relationship has no owner: its records belong to the
 * master's owner (SOAP API Developer Guide, "Relationships Among Objects":
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/relationships_among_objects.htm).
 */
const OWNER_FIELD = 'OwnerId';

/**
 * A custom setting: a name and the audit fields, no owner; a hierarchy setting's records belong
 * to the organization, a profile or a user through SetupOwnerId (Apex Developer Guide, "Custom
 * Settings": https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_customsettings.htm,
 * and "Hierarchy Custom Setting Methods", whose getInstance() fills SetupOwnerId).
 */
const CUSTOM_SETTING: readonly PlatformField[] = [ID, NAME, ...AUDIT, IS_DELETED];
const HIERARCHY_SETTING: readonly PlatformField[] = [
    ...CUSTOM_SETTING,
    {
        name: 'SetupOwnerId',
        valueType: 'Id',
        parent: { name: 'SetupOwner', referenceTo: ['Organization', 'Profile', 'User'] }
    }
];

/**
 * A custom metadata record. Object Reference, "Custom Metadata Type__mdt":
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_custommetadatatype__mdt.htm
 * (DeveloperName, IsProtected, Label, Language, MasterLabel, NamespacePrefix, QualifiedApiName);
 * its audit fields "remain uneditable" (Metadata API Developer Guide, "Custom Metadata Types
 * (CustomObject)": https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_custommetadatatypes.htm).
 */
const CUSTOM_METADATA_TYPE: readonly PlatformField[] = [
    ID,
    { name: 'DeveloperName', valueType: 'String' },
    { name: 'MasterLabel', valueType: 'String' },
    { name: 'Label', valueType: 'String' },
    { name: 'Language', valueType: 'String' },
    { name: 'NamespacePrefix', valueType: 'String' },
    { name: 'QualifiedApiName', valueType: 'String' },
    { name: 'IsProtected', valueType: 'Boolean' },
    ...AUDIT.map(({ name, valueType }) => ({ name, valueType }))
];

/**
 * A platform event message. Platform Events Developer Guide, "Platform Event Fields":
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_define_ui.htm,
 * and "Identify and Match Event Messages with the EventUuid Field":
 * https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_event_uuid.htm
 */
const PLATFORM_EVENT: readonly PlatformField[] = [
    { name: 'ReplayId', valueType: 'String' },
    { name: 'CreatedDate', valueType: 'Datetime' },
    CREATED_BY,
    { name: 'EventUuid', valueType: 'String' }
];

/**
 * An external object: its Id, the External ID standard field and the display URL (Apex
 * Developer Guide, "External IDs for Salesforce Connect External Objects":
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_connector_external_id.htm).
 */
const EXTERNAL_OBJECT: readonly PlatformField[] = [
    ID,
    { name: 'ExternalId', valueType: 'String' },
    { name: 'DisplayUrl', valueType: 'String' }
];

/**
 * Standard fields that exist only with an org setting, which the jar's org did not have.
 * MiddleName and Suffix of the person objects come with NameSettings' enableMiddleName and
 * enableNameSuffix (Metadata API Developer Guide, "NameSettings":
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_namesettings.htm).
 * Task and Event have RecordTypeId once record types are defined for them (Object Reference,
 * "Task" and "Event"; "Frequently Occurring Fields" above).
 */
const STANDARD_ADDITIONS: Readonly<Record<string, readonly PlatformField[]>> = {
    contact: personNames(),
    lead: personNames(),
    user: personNames(),
    task: [recordType()],
    event: [recordType()]
};

function personNames(): PlatformField[] {
    return [
        { name: 'MiddleName', valueType: 'String', condition: 'middle-names' },
        { name: 'Suffix', valueType: 'String', condition: 'name-suffixes' }
    ];
}

function recordType(): PlatformField {
    return {
        name: 'RecordTypeId',
        valueType: 'Id',
        condition: 'record-types',
        parent: { name: 'RecordType', referenceTo: ['RecordType'] }
    };
}

/**
 * The platform's fields of a custom kind of object. `detail` is true for a custom object with a
 * master-detail field. Standard objects and big objects get none here: the catalogue has the
 * former, and no source lists the latter's.
 */
export function platformFields(
    kind: ObjectKind,
    options: { readonly detail: boolean; readonly customSettingsType?: 'List' | 'Hierarchy' }
): PlatformFields {
    switch (kind) {
        case 'custom-object':
            return build(
                options.detail
                    ? CUSTOM_OBJECT.filter((field) => field.name !== OWNER_FIELD)
                    : CUSTOM_OBJECT
            );
        case 'custom-setting':
            return build(
                options.customSettingsType === 'Hierarchy' ? HIERARCHY_SETTING : CUSTOM_SETTING
            );
        case 'custom-metadata-type':
            return build(CUSTOM_METADATA_TYPE);
        case 'platform-event':
            return build(PLATFORM_EVENT);
        case 'external-object':
            return build(EXTERNAL_OBJECT);
        case 'standard':
        case 'big-object':
            return build([]);
    }
}

/** The documented fields the catalogue lacks on a standard object (any case). */
export function standardAdditions(object: string): PlatformFields {
    return build(STANDARD_ADDITIONS[object.toLowerCase()] ?? []);
}

/**
 * A geolocation field's latitude and longitude, which Apex and SOQL read and write as
 * `<Name>__Latitude__s` and `<Name>__Longitude__s` (Object Reference, "Compound Field
 * Considerations and Limitations":
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/compound_fields_limitations.htm).
 */
export function geolocationComponents(field: string): PlatformFieldDefinition[] {
    const base = field.replace(/__c$/i, '');
    return ['Latitude', 'Longitude'].map((part) => ({
        origin: 'platform',
        name: `${base}__${part}__s`,
        valueType: 'Double',
        componentOf: field
    }));
}

function build(fields: readonly PlatformField[]): PlatformFields {
    return {
        fields: fields.map((field) => ({
            origin: 'platform',
            name: field.name,
            valueType: field.valueType,
            ...(field.condition ? { condition: field.condition } : {}),
            ...(field.parent ? { relationship: field.parent.name } : {})
        })),
        relationships: fields.flatMap((field) =>
            field.parent ? [parentRelationship(field.name, field.parent)] : []
        )
    };
}

function parentRelationship(
    idField: string,
    parent: NonNullable<PlatformField['parent']>
): RelationshipDefinition {
    const polymorphic = parent.referenceTo.length > 1;
    return {
        name: parent.name,
        idField,
        // SOQL reads a lookup that may point at several objects through the Name object.
        target: polymorphic ? POLYMORPHIC_TARGET : parent.referenceTo[0],
        polymorphic,
        referenceTo: parent.referenceTo
    };
}
