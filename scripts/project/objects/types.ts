import type { FieldValueType } from '../catalogue';

/**
 * What an object is. Custom kinds follow the API name's suffix (`__c`, `__mdt`, `__e`, `__x`,
 * `__b`); a `__c` object whose object-meta.xml has a `customSettingsType` is a custom setting.
 */
export type ObjectKind =
    | 'standard'
    | 'custom-object'
    | 'custom-setting'
    | 'custom-metadata-type'
    | 'platform-event'
    | 'external-object'
    | 'big-object';

/**
 * Where a field comes from: the project's `objects/<Object>/fields/<Field>.field-meta.xml`,
 * Salesforce's catalogue (apex-dev-tools' sobject-types jar), or the platform's documentation
 * for what the jar cannot hold (the system fields of custom objects, see platform.ts).
 */
export type FieldOrigin = 'project' | 'catalogue' | 'platform';

/**
 * An org feature or setting without which a platform field does not exist. The project cannot
 * say whether the org has it, so such fields are known, with the condition beside them.
 */
export type FieldCondition =
    'record-types' | 'multi-currency' | 'activities' | 'middle-names' | 'name-suffixes';

/** A picklist's values as the field-meta.xml writes them. */
export interface PicklistDefinition {
    /** The values' API names (`fullName`) in the file's order; empty for a global value set. */
    readonly values: readonly string[];
    readonly restricted: boolean;
    /** The global value set (`<valueSetName>`) the values come from; its values are elsewhere. */
    readonly valueSetName?: string;
}

export interface FormulaDefinition {
    readonly expression: string;
    /** The metadata type of the result, written as the field's `<type>`: Text, Number, Checkbox, ... */
    readonly returnType: string;
    /** `<formulaTreatBlanksAs>` as written (BlankAsZero, BlankAsBlank); undefined when absent. */
    readonly treatBlanksAs?: string;
}

interface FieldCommon {
    /** The API name as its source spells it: `Email`, `Url__c`. */
    readonly name: string;
    /**
     * The Apex type of the field's value (`String`, `Id`, `Decimal`, ...); undefined for a
     * project field whose metadata type the model does not know.
     */
    readonly valueType: FieldValueType | undefined;
    /** On a field that holds a parent's Id: the parent relationship beside it (`Owner`, `Account__r`). */
    readonly relationship?: string;
}

/** A field the project defines in `objects/<Object>/fields/<Field>.field-meta.xml`. */
export interface ProjectFieldDefinition extends FieldCommon {
    readonly origin: 'project';
    /** The object's API name, as the folder spells it. */
    readonly object: string;
    /** The file, from the project root, and the line of its root element. */
    readonly file: string;
    readonly line: number;
    /** The metadata type, `<type>`: Text, Email, Picklist, Lookup, MasterDetail, AutoNumber, ... */
    readonly metadataType: string;
    readonly label?: string;
    readonly length?: number;
    readonly precision?: number;
    readonly scale?: number;
    readonly required: boolean;
    readonly unique: boolean;
    readonly caseSensitive: boolean;
    readonly externalId: boolean;
    /** `<defaultValue>` as written: a formula (`true`, `"text"`, `TODAY()`). */
    readonly defaultValue?: string;
    readonly picklist?: PicklistDefinition;
    /** Lookup and master-detail fields: the parent object(s), `<referenceTo>`. */
    readonly referenceTo?: readonly string[];
    /**
     * Lookup and master-detail fields: `<relationshipName>` as written, the name of the child
     * relationship on the parent (`Links` for `Account.Links__r`).
     */
    readonly relationshipName?: string;
    /** Auto-number fields: `<displayFormat>` (`SYNC-{000000}`). */
    readonly displayFormat?: string;
    readonly formula?: FormulaDefinition;
}

/** A field Salesforce defines: from the catalogue, or one the platform documents. */
export interface PlatformFieldDefinition extends FieldCommon {
    readonly origin: 'catalogue' | 'platform';
    /** The feature or setting the field needs, when it does not always exist. */
    readonly condition?: FieldCondition;
    /** A geolocation field's latitude or longitude: the project field it belongs to. */
    readonly componentOf?: string;
}

export type FieldDefinition = ProjectFieldDefinition | PlatformFieldDefinition;

/** A path to a parent record: `Owner` (from OwnerId), `Account__r` (from Account__c). */
export interface RelationshipDefinition {
    readonly name: string;
    /** The field that holds the parent's Id (`OwnerId`, `Account__c`), when there is one. */
    readonly idField?: string;
    /**
     * The object whose fields a path through the relationship reaches: the parent, or `Name`
     * for a polymorphic lookup (the fields every possible parent shares, as SOQL reads them);
     * undefined when the parent can be any object.
     */
    readonly target: string | undefined;
    readonly polymorphic: boolean;
    /** The objects the lookup can point at, when the source names them; empty when it does not. */
    readonly referenceTo: readonly string[];
}

/** The `<nameField>` of a custom object: a text name or an auto-number. */
export interface NameFieldDefinition {
    readonly type: string;
    readonly label?: string;
    readonly displayFormat?: string;
}

export interface ObjectDefinition {
    /** The API name: as the catalogue spells it for a standard object, else as the project does. */
    readonly name: string;
    readonly kind: ObjectKind;
    /** A custom setting's `customSettingsType`. */
    readonly customSettingsType?: 'List' | 'Hierarchy';
    /** The project's `<Object>.object-meta.xml`, from the project root, and its root's line. */
    readonly file?: string;
    readonly line?: number;
    readonly label?: string;
    readonly nameField?: NameFieldDefinition;
    /** Salesforce's fields (catalogue or documented) in their source's order, then the project's. */
    readonly fields: readonly FieldDefinition[];
    readonly relationships: readonly RelationshipDefinition[];
    /**
     * False when Salesforce's fields of the object are unknown: a standard object that the
     * catalogue lacks, or a big object. Only the project's fields are known then.
     */
    readonly platformFieldsKnown: boolean;
}
