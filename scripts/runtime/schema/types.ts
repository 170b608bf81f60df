import type { FieldValues, Scalar } from '../types';

/** Field types the embedded org stores and validates. */
export type FieldType =
    | 'id'
    | 'text'
    | 'textarea'
    | 'email'
    | 'url'
    | 'phone'
    | 'picklist'
    | 'checkbox'
    | 'number'
    | 'date'
    | 'datetime'
    | 'reference';

export interface FieldSchema {
    readonly name: string;
    readonly type: FieldType;
    /** Maximum length of a text value. */
    readonly length?: number;
    readonly required: boolean;
    /** The detail side of a master-detail relationship: every detail record names its master. */
    readonly masterDetail?: boolean;
    readonly unique: boolean;
    /** Unique and external-ID matching compare case-sensitively only when this is set. */
    readonly caseSensitive: boolean;
    readonly externalId: boolean;
    /** Value a new record gets when the insert does not set the field. */
    readonly defaultValue?: Scalar;
    readonly picklistValues?: readonly string[];
    readonly restrictedPicklist: boolean;
    /** False for fields the platform computes (Id, User.Name). */
    readonly writable: boolean;
    /** Display format of an auto-number field (`SYNC-{000000}`): numbered on insert, read-only. */
    readonly autoNumberFormat?: string;
    /** Computes a read-only field from the record's other fields on every save. */
    readonly compute?: (values: FieldValues) => Scalar;
    /**
     * A standard number field's Apex type when it is not Decimal (CronTrigger.TimesTriggered
     * is an Integer); a custom number field is a Decimal.
     */
    readonly numberType?: 'Integer' | 'Long' | 'Double';
    /** A system field the org maintains on every save (CreatedDate, OwnerId, ...). */
    readonly audit?: AuditRole;
}

/**
 * What the platform writes into a system field on save (Object Reference, "System Fields"):
 * the time and user of the insert and of the last change, SystemModstamp, and the owner, which
 * an insert that names none gets from the running user.
 */
export type AuditRole = 'createdDate' | 'createdBy' | 'modifiedDate' | 'modifiedBy' | 'owner';

export interface ObjectSchema {
    readonly name: string;
    /** The three characters every Id of the object starts with. */
    readonly keyPrefix: string;
    readonly custom: boolean;
    /** Setup objects (User) cannot be written with other objects in one transaction. */
    readonly setup: boolean;
    /** Every field, Id first, in the order records are printed. */
    readonly fields: readonly FieldSchema[];
    /** Fields that a DML on a setup object may not change after non-setup DML. */
    readonly mixedDmlFields: readonly string[];
    /**
     * Why the embedded org refuses to create records of the object (a standard object it has
     * no rule for, a platform event); undefined when it creates them. Records of the object may
     * still be loaded as data, read, updated and queried.
     */
    readonly insertRefusal?: string;
}
