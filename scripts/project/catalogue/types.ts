/**
 * The catalogue of Salesforce's standard objects and platform Apex types, as apex-dev-tools
 * publish them in their `sobject-types` and `standard-types` jars. It holds what those jars hold
 * and nothing more: names and Apex types. Field lengths, picklist values, required-ness,
 * createable/updateable, labels, key prefixes and which objects a polymorphic lookup can point
 * at are not in the jars, so they are not here either.
 */

/**
 * The Apex type of a field that holds a value, as the jar declares it. `Address` and `Location`
 * are the compound address and geolocation fields (Account.BillingAddress); `Object` is what the
 * jar gives for fields whose values vary (a history's OldValue, a change event's header);
 * `List<String>` is for the few array fields (Event.EventWhoIds).
 */
export type FieldValueType =
    | 'Id'
    | 'String'
    | 'Boolean'
    | 'Integer'
    | 'Long'
    | 'Decimal'
    | 'Double'
    | 'Date'
    | 'Datetime'
    | 'Time'
    | 'Blob'
    | 'Object'
    | 'Address'
    | 'Location'
    | 'List<String>';

/** A field that holds a value: `Account.Site` (String), `Account.OwnerId` (Id). */
export interface ValueField {
    readonly kind: 'value';
    readonly name: string;
    readonly type: FieldValueType;
    /**
     * On the field that holds a parent's Id, the relationship beside it (`OwnerId` → `Owner`).
     * Such a field is of type Id, but for a few the jar types String
     * (FieldDefinition.EntityDefinitionId).
     */
    readonly relationshipName?: string;
    /** On the field that holds a parent's Id: the relationship's target (`User`, `Name`). */
    readonly referenceTo?: string;
}

/**
 * A relationship to a parent record: `Account.Owner` (User, through `OwnerId`). `target` is an
 * object of the catalogue, or `Name` (the jar's type for most polymorphic lookups, `Task.Who`:
 * the Name object holds the fields every target shares) or `SObject` (a lookup the jar types
 * as any record, `FeedItem.RelatedRecord`).
 */
export interface ParentRelationship {
    readonly kind: 'parent';
    readonly name: string;
    readonly target: string;
    /** True when the jar types it `Name` or `SObject`: the lookup may point at several objects. */
    readonly polymorphic: boolean;
    /** The Id field that holds the parent's Id; absent when the jar declares none. */
    readonly idField?: string;
}

/**
 * A child relationship, the list a subquery reads: `Account.Contacts` (List<Contact>). The jar
 * does not say which field of the child points back. `childObject` is `SObject` when the jar
 * types the list as any record.
 */
export interface ChildRelationship {
    readonly kind: 'children';
    readonly name: string;
    readonly childObject: string;
}

export type SObjectField = ValueField | ParentRelationship | ChildRelationship;

export interface SObjectInfo {
    /** The API name, spelled as Salesforce spells it: `Account`, `Knowledge__kav`. */
    readonly name: string;
    /** The fields in the jar's order: value fields and parent relationships, then children. */
    readonly fields: readonly SObjectField[];
}

/**
 * An Apex type as written in Apex, every platform type with its namespace: `System.String`,
 * `System.List<Database.SaveResult>`, `Object`, `void`, or a type parameter such as `T`.
 */
export type ApexTypeName = string;

export interface ApexMethod {
    /** The method's Apex name (`toString`, `clone`: the jar's `$` escapes are removed). */
    readonly name: string;
    readonly static: boolean;
    readonly parameters: readonly ApexTypeName[];
    readonly returnType: ApexTypeName;
}

export interface ApexConstructor {
    readonly parameters: readonly ApexTypeName[];
}

/** A public field of a platform type: `Messaging.SingleEmailMessage`'s properties, say. */
export interface ApexProperty {
    readonly name: string;
    readonly static: boolean;
    readonly type: ApexTypeName;
}

export interface ApexTypeInfo {
    readonly namespace: string;
    /** The name inside the namespace; an inner type is `Outer.Inner` (`Apex.OutputText`). */
    readonly name: string;
    readonly kind: 'class' | 'interface' | 'enum';
    /** Abstract classes cannot be constructed; interfaces and enums are never abstract here. */
    readonly abstract: boolean;
    /** `['T']` for System.List, `['K', 'V']` for System.Map. */
    readonly typeParameters: readonly string[];
    /** The superclass (`System.Exception` for exceptions); absent when it is Object or Enum. */
    readonly superclass?: ApexTypeName;
    readonly interfaces: readonly ApexTypeName[];
    /** Public constructors only. */
    readonly constructors: readonly ApexConstructor[];
    /** Public methods only, in the jar's order; overloads are separate entries. */
    readonly methods: readonly ApexMethod[];
    readonly properties: readonly ApexProperty[];
    /** An enum's values, in the jar's order; empty for classes and interfaces. */
    readonly values: readonly string[];
}

/** Where the catalogue was read from, for the README and for messages. */
export interface CatalogueSource {
    /** The jar's file name: `sobject-types-65.0.0.jar`. */
    readonly jar: string;
    /** The Maven version the jar declares: `65.0.0`. */
    readonly version: string;
}

export interface StandardCatalogue {
    /** The Salesforce API version of the jars, `65.0`. */
    readonly apiVersion: string;
    readonly sources: readonly CatalogueSource[];
    /** An object by API name, in any case (`account`, `ACCOUNT`), as Apex and SOQL read it. */
    sobject(name: string): SObjectInfo | undefined;
    /** A field or relationship of an object, both names in any case. */
    field(object: string, name: string): SObjectField | undefined;
    /** Every object's API name, sorted. */
    sobjectNames(): readonly string[];
    /** A platform type by namespace and name, in any case: `apexType('system', 'database')`. */
    apexType(namespace: string, name: string): ApexTypeInfo | undefined;
    /** Every namespace of the platform types, sorted. */
    apexNamespaces(): readonly string[];
    /** Every type of a namespace (any case), sorted by name; empty for an unknown namespace. */
    apexTypes(namespace: string): readonly ApexTypeInfo[];
}
