import { childText } from '../../xml/parse';
import type { Project } from '../../project';
import {
    CUSTOM_OBJECT_FIELDS,
    CUSTOM_OBJECT_RELATIONSHIPS,
    LIST_VIEW_TOKENS,
    STANDARD_OBJECTS
} from './standardObjects';

/** A custom field the project defines in `objects/<Object>/fields/<Field>.field-meta.xml`. */
export interface ProjectField {
    readonly object: string;
    readonly name: string;
    readonly file: string;
    readonly required: boolean;
    readonly masterDetail: boolean;
    readonly referenceTo?: string;
}

/** What the project and the built-in list of standard objects say about an object. */
export interface ObjectInfo {
    readonly name: string;
    /** Defined by an `<Object>.object-meta.xml` of the project. */
    readonly definedInProject: boolean;
    readonly custom: boolean;
    /** Every known field name by lower-case name. */
    readonly fields: ReadonlyMap<string, string>;
    readonly relationships: ReadonlyMap<string, string>;
    /** False for a standard object that is not in the built-in list: its standard fields are unknown. */
    readonly fieldsKnown: boolean;
}

export type FieldCheck =
    | { readonly status: 'ok'; readonly object: string }
    /** Named in another package's namespace, or on an object whose standard fields are unknown. */
    | { readonly status: 'unverifiable' }
    | { readonly status: 'unknown-object'; readonly object: string }
    | { readonly status: 'unknown-field'; readonly object: string; readonly field: string };

const OBJECT_FILE = /(?:^|\/)objects\/([^/]+)\/([^/]+)\.object-meta\.xml$/;
const FIELD_FILE = /(?:^|\/)objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/;

/** Object and field names of the project, with the standard ones, for cross-reference checks. */
export class ObjectModel {
    private readonly objects = new Map<string, ObjectInfo>();
    private readonly namespacePrefix: string | undefined;

    public constructor(
        public readonly fields: readonly ProjectField[],
        definedObjects: readonly string[],
        namespace?: string
    ) {
        this.namespacePrefix = namespace ? `${namespace.toLowerCase()}__` : undefined;
        const names = new Set([
            ...Object.keys(STANDARD_OBJECTS),
            ...definedObjects,
            ...fields.map((field) => field.object)
        ]);
        for (const name of names) {
            const standard = STANDARD_OBJECTS[name];
            const custom = isCustomName(name);
            const known = new Map<string, string>();
            const relationships = new Map<string, string>();
            const add = (field: string): void => {
                known.set(field.toLowerCase(), field);
            };
            (custom ? CUSTOM_OBJECT_FIELDS : (standard?.fields ?? [])).forEach(add);
            const standardRelationships = custom
                ? CUSTOM_OBJECT_RELATIONSHIPS
                : standard?.relationships;
            for (const [relationship, target] of Object.entries(standardRelationships ?? {})) {
                relationships.set(relationship.toLowerCase(), target);
            }
            for (const field of fields.filter((candidate) => candidate.object === name)) {
                add(field.name);
                if (field.referenceTo && field.name.endsWith('__c')) {
                    relationships.set(
                        `${field.name.slice(0, -3)}__r`.toLowerCase(),
                        field.referenceTo
                    );
                }
            }
            this.objects.set(name.toLowerCase(), {
                name,
                definedInProject: definedObjects.includes(name),
                custom,
                fields: known,
                relationships,
                fieldsKnown: custom || standard !== undefined
            });
        }
    }

    /** The object with this API name (case-insensitive, the project's namespace prefix optional). */
    public object(name: string): ObjectInfo | undefined {
        return this.objects.get(this.local(name).toLowerCase());
    }

    /**
     * Whether an object or field name (`ns__Name__c`) belongs to another package's namespace,
     * which cannot be checked offline.
     */
    public isForeign(name: string): boolean {
        return this.isOtherNamespace(
            /^([A-Za-z][A-Za-z0-9]*)__[A-Za-z]\w*__[A-Za-z]+$/.exec(name)?.[1]
        );
    }

    /** Whether a class or flow name (`ns__Name`) belongs to another package's namespace. */
    public isForeignComponent(name: string): boolean {
        return this.isOtherNamespace(/^([A-Za-z][A-Za-z0-9]*)__/.exec(name)?.[1]);
    }

    private isOtherNamespace(prefix: string | undefined): boolean {
        return prefix !== undefined && `${prefix.toLowerCase()}__` !== this.namespacePrefix;
    }

    /** Checks an object name. */
    public checkObject(name: string): FieldCheck {
        if (this.isForeign(name)) {
            return { status: 'unverifiable' };
        }
        const object = this.object(name);
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
        let object = this.object(objectName);
        const segments = fieldPath.split('.');
        for (const [index, segment] of segments.entries()) {
            if (!object) {
                return { status: 'unverifiable' };
            }
            const [name = '', explicitType] = segment.split(':');
            if (this.isForeign(name)) {
                return { status: 'unverifiable' };
            }
            const local = this.local(name).toLowerCase();
            if (index === segments.length - 1) {
                if (object.fields.has(local)) {
                    return { status: 'ok', object: object.name };
                }
                return object.fieldsKnown || isCustomName(name)
                    ? { status: 'unknown-field', object: object.name, field: name }
                    : { status: 'unverifiable' };
            }
            const target = explicitType ?? object.relationships.get(local);
            if (target === undefined) {
                return local.endsWith('__r') || object.fieldsKnown
                    ? { status: 'unknown-field', object: object.name, field: name }
                    : { status: 'unverifiable' };
            }
            object = this.object(target);
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
        return object && field && this.object(object)
            ? this.checkField(object, field)
            : this.checkField(objectName, column);
    }

    /** A key that identifies a field whatever its case and namespace prefix. */
    public fieldKey(object: string, field: string): string {
        return `${this.local(object)}.${this.local(field)}`.toLowerCase();
    }

    private local(name: string): string {
        return this.namespacePrefix && name.toLowerCase().startsWith(this.namespacePrefix)
            ? name.slice(this.namespacePrefix.length)
            : name;
    }
}

/** The object model of a project, built once per run. */
export function objectModel(project: Project): ObjectModel {
    const fields: ProjectField[] = [];
    const objects: string[] = [];
    for (const file of project.files) {
        const objectMatch = OBJECT_FILE.exec(file);
        if (objectMatch?.[1] !== undefined && objectMatch[1] === objectMatch[2]) {
            objects.push(objectMatch[1]);
            continue;
        }
        const fieldMatch = FIELD_FILE.exec(file);
        if (!fieldMatch?.[1] || !fieldMatch[2]) {
            continue;
        }
        const root = project.xmlRoot(file);
        const type = root ? childText(root, 'type')?.trim() : undefined;
        const referenceTo = root ? childText(root, 'referenceTo')?.trim() : undefined;
        fields.push({
            object: fieldMatch[1],
            name: fieldMatch[2],
            file,
            required: root ? childText(root, 'required')?.trim() === 'true' : false,
            masterDetail: type === 'MasterDetail',
            ...(referenceTo ? { referenceTo } : {})
        });
    }
    return new ObjectModel(fields, objects, project.config.namespace);
}

/** Custom objects, custom metadata types, platform events, external and big objects. */
export function isCustomName(name: string): boolean {
    return /__(c|mdt|e|x|b)$/i.test(name);
}

/** Splits `Object.Field` at its first dot. */
export function splitQualified(name: string): [string | undefined, string | undefined] {
    const dot = name.indexOf('.');
    return dot < 0 ? [undefined, undefined] : [name.slice(0, dot), name.slice(dot + 1)];
}
