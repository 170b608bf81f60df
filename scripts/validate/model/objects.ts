import type { Project } from '../../project';
import {
    isCustomName,
    projectObjects,
    type ObjectDefinition,
    type ProjectObjects
} from '../../project/objects';

export { isCustomName } from '../../project/objects';

/** A custom field the project defines in `objects/<Object>/fields/<Field>.field-meta.xml`. */
export interface ProjectField {
    readonly object: string;
    readonly name: string;
    readonly file: string;
    readonly required: boolean;
    readonly masterDetail: boolean;
    readonly referenceTo?: string;
}

/** What the validator needs to know of an object. */
export interface ObjectInfo {
    readonly name: string;
    /** Defined by an `<Object>.object-meta.xml` of the project. */
    readonly definedInProject: boolean;
    readonly custom: boolean;
    /** False when Salesforce's fields of the object are unknown: only the project's are known. */
    readonly fieldsKnown: boolean;
}

export type FieldCheck =
    | { readonly status: 'ok'; readonly object: string }
    /** Named in another package's namespace, or on an object whose standard fields are unknown. */
    | { readonly status: 'unverifiable' }
    | { readonly status: 'unknown-object'; readonly object: string }
    | { readonly status: 'unknown-field'; readonly object: string; readonly field: string };

/** A check that found no such object or field. */
export type UnknownCheck = Extract<FieldCheck, { status: 'unknown-object' | 'unknown-field' }>;

/**
 * How severe a name the model does not know is. A custom name (`X__c`, `X__r`, `X__e`) or any
 * field of a custom object is the project's to define, so its absence is an error. A standard
 * name on a standard object may exist all the same: the catalogue is one release's objects of
 * one org's features (Incident Management's BroadcastCommunication, a Task layout's Email and
 * Phone are not in it), so its absence is a warning.
 */
export function unknownSeverity(check: UnknownCheck): 'error' | 'warning' {
    const custom = (name: string): boolean => /__[a-z]+$/i.test(name);
    if (check.status === 'unknown-object') {
        return custom(check.object) ? 'error' : 'warning';
    }
    return check.object === '' || custom(check.field) || custom(check.object) ? 'error' : 'warning';
}

/**
 * Columns and filter fields of list views and search layouts that name standard fields by
 * their list-view token rather than their API name, as Salesforce writes them on retrieve. No
 * document lists them all, and the catalogue has API names only.
 */
const LIST_VIEW_TOKENS: readonly string[] = [
    'NAME',
    'OWNER.ALIAS',
    'OWNER.FIRST_NAME',
    'OWNER.LAST_NAME',
    'OWNER.NAME',
    'CREATED_DATE',
    'CREATEDBY_USER',
    'CREATEDBY_USER.ALIAS',
    'LAST_UPDATE',
    'UPDATEDBY_USER',
    'UPDATEDBY_USER.ALIAS',
    'LAST_ACTIVITY',
    'RECORDTYPE',
    'CORE.USERS.ALIAS',
    'CORE.USERS.FIRST_NAME',
    'CORE.USERS.LAST_NAME',
    'CORE.USERS.FULL_NAME',
    'CORE.USERS.USERNAME',
    'CORE.USERS.EMAIL',
    'CORE.USERS.ACTIVE',
    'CORE.USER_ROLE.NAME',
    'CORE.PROFILE.NAME',
    'CORE.USERS.LAST_LOGIN'
];

/**
 * The validator's view of the project's object schema (scripts/project/objects): whether the
 * objects, fields and relationship paths that metadata and Apex name exist, with the project's
 * namespace prefix optional on its own names and other packages' names left unchecked.
 */
export class ObjectModel {
    /** The project's field files, as the permission checks read them. */
    public readonly fields: readonly ProjectField[];

    public constructor(public readonly schema: ProjectObjects) {
        this.fields = schema.projectFields.map((field) => ({
            object: field.object,
            name: field.name,
            file: field.file,
            required: field.required,
            masterDetail: field.metadataType === 'MasterDetail',
            ...(field.referenceTo?.[0] !== undefined ? { referenceTo: field.referenceTo[0] } : {})
        }));
    }

    /** The object with this API name (case-insensitive, the project's namespace prefix optional). */
    public object(name: string): ObjectInfo | undefined {
        const object = this.schema.object(name);
        return object ? this.info(object) : undefined;
    }

    /**
     * Whether an object or field name (`ns__Name__c`) belongs to another package's namespace,
     * which cannot be checked offline.
     */
    public isForeign(name: string): boolean {
        return this.schema.isForeign(name);
    }

    /** Whether a class or flow name (`ns__Name`) belongs to another package's namespace. */
    public isForeignComponent(name: string): boolean {
        return this.schema.isForeignComponent(name);
    }

    /** Checks an object name. */
    public checkObject(name: string): FieldCheck {
        if (this.isForeign(name)) {
            return { status: 'unverifiable' };
        }
        const object = this.schema.object(name);
        return object
            ? { status: 'ok', object: object.name }
            : { status: 'unknown-object', object: name };
    }

    /**
     * Checks a field path from an object: `Email`, `Owner.Email`, `Account__r.Name`,
     * `Owner:User.Email` (polymorphic). Relationships it cannot follow end the check, unreported.
     */
    public checkField(objectName: string, fieldPath: string): FieldCheck {
        const objectCheck = this.checkObject(objectName);
        if (objectCheck.status !== 'ok') {
            return objectCheck;
        }
        let object = this.schema.object(objectName);
        // What a finding names as the object: the object reached, or for a polymorphic lookup
        // the path to it (`Case.Owner`), since its fields are those of the Name object.
        let shown = object?.name ?? objectName;
        const segments = fieldPath.split('.');
        for (const [index, segment] of segments.entries()) {
            if (!object) {
                return { status: 'unverifiable' };
            }
            const [name = '', explicitType] = segment.split(':');
            if (this.isForeign(name)) {
                return { status: 'unverifiable' };
            }
            if (index === segments.length - 1) {
                if (this.schema.field(object, name)) {
                    return { status: 'ok', object: object.name };
                }
                return object.platformFieldsKnown || isCustomName(name)
                    ? { status: 'unknown-field', object: shown, field: name }
                    : { status: 'unverifiable' };
            }
            const relationship = this.schema.relationship(object, name);
            if (explicitType === undefined && relationship === undefined) {
                return this.schema.names.key(name).endsWith('__r') || object.platformFieldsKnown
                    ? { status: 'unknown-field', object: shown, field: name }
                    : { status: 'unverifiable' };
            }
            // A lookup that may point at any object (the catalogue's SObject) cannot be followed.
            const target = explicitType ?? relationship?.target;
            const parent = object.name;
            object = target === undefined ? undefined : this.schema.object(target);
            shown =
                explicitType === undefined && relationship?.polymorphic
                    ? `${shown}.${relationship.name}`
                    : (object?.name ?? parent);
        }
        return { status: 'unverifiable' };
    }

    /** Checks a list-view column or filter field, which may be a list-view token such as NAME. */
    public checkListViewField(objectName: string, column: string): FieldCheck {
        if (LIST_VIEW_TOKENS.includes(column)) {
            return { status: 'ok', object: objectName };
        }
        // Standard objects' list views name columns by legacy tokens (ACCOUNT.ADDRESS1_CITY)
        // that no list documents completely.
        if (/^[A-Z0-9_.]+$/.test(column) && !column.includes('__')) {
            return { status: 'unverifiable' };
        }
        const [object, field] = splitQualified(column);
        return object && field && this.schema.object(object)
            ? this.checkField(object, field)
            : this.checkField(objectName, column);
    }

    /** A key that identifies a field whatever its case and namespace prefix. */
    public fieldKey(object: string, field: string): string {
        return `${this.schema.names.key(object)}.${this.schema.names.key(field)}`;
    }

    private info(object: ObjectDefinition): ObjectInfo {
        return {
            name: object.name,
            definedInProject: object.file !== undefined,
            custom: isCustomName(object.name),
            fieldsKnown: object.platformFieldsKnown
        };
    }
}

/** The object model of a project, built once per run over its one object schema. */
export function objectModel(project: Project): ObjectModel {
    return new ObjectModel(project.memo(projectObjects));
}

/** Splits `Object.Field` at its first dot. */
export function splitQualified(name: string): [string | undefined, string | undefined] {
    const dot = name.indexOf('.');
    return dot < 0 ? [undefined, undefined] : [name.slice(0, dot), name.slice(dot + 1)];
}
