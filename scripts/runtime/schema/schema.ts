import { ApiNames } from '../../project/objects';
import { ScenarioError } from '../errors';
import { MESSAGES } from '../messages';
import type { StorableField } from './fields';
import type { FieldSchema, ObjectSchema } from './types';

/**
 * Where the org finds what it does not hold from the start: the other objects of the schema
 * (the catalogue has hundreds of standard objects; the org holds one once a run names it), the
 * other fields of its objects (a standard object has hundreds; the org stores one once a run
 * names it) and why it refuses a field or an object the project defines.
 */
export interface SchemaSources {
    /** An object the org does not hold yet, by its name without namespace prefix. */
    readonly laterObject?: (name: string) => ObjectSchema | undefined;
    /** A field of the object that the org does not store yet, or why it refuses it. */
    readonly laterField?: (object: ObjectSchema, name: string) => StorableField | undefined;
    /** Objects the project names but the org cannot hold, by lower-case name, with why. */
    readonly refusedObjects?: ReadonlyMap<string, string>;
    /** A parent relationship of the object (`CreatedBy`, `Account__r`), by any case. */
    readonly relationship?: (object: ObjectSchema, name: string) => RelationshipSource | undefined;
}

/** A parent relationship as the object schema defines it. */
export interface RelationshipSource {
    readonly name: string;
    /** The field that holds the parent's Id. */
    readonly idField: string | undefined;
    /** The parent object; undefined or several when the lookup is polymorphic. */
    readonly target: string | undefined;
    readonly polymorphic: boolean;
}

/** A parent relationship the org can walk: the lookup field and the parent object. */
export interface Relationship {
    readonly name: string;
    readonly field: FieldSchema;
    readonly target: ObjectSchema;
}

interface Entry {
    readonly object: ObjectSchema;
    /** The object's fields array, which grows as runs name more fields. */
    readonly fields: FieldSchema[];
    readonly byName: Map<string, FieldSchema>;
}

/**
 * The objects and fields of the embedded org. API names are case-insensitive, as on the
 * platform, and a name may carry the package's namespace prefix (`cly__CalendlyLink__c`): an
 * admin's Save As copy of the template refers to the package's fields that way, while the
 * package's own source does not. [verify in an org: how a subscriber's copy spells them]
 *
 * An object's `fields` are those the org stores: from the start the project's and those the
 * runtime has rules for, then each other field of the object schema once a flow, scenario or
 * FlowTest names it. A field the org cannot store is refused where a run names it, never before.
 */
export class OrgSchema {
    private readonly names: ApiNames;
    private readonly byName = new Map<string, Entry>();
    private readonly byPrefix = new Map<string, ObjectSchema>();

    public constructor(
        objects: readonly ObjectSchema[],
        public readonly namespace?: string,
        private readonly sources: SchemaSources = {}
    ) {
        this.names = new ApiNames(namespace);
        for (const given of objects) {
            this.hold(given);
        }
    }

    /**
     * Every object the org holds: standard objects first, then custom objects, each by name. A
     * standard object the org holds once a run names it is listed from then on.
     */
    public get objects(): ObjectSchema[] {
        return [...this.byName.values()]
            .map((entry) => entry.object)
            .sort((a, b) => Number(a.custom) - Number(b.custom) || a.name.localeCompare(b.name));
    }

    /** The object, held from now on if the org did not hold it yet; undefined when it has none. */
    public findObject(name: string): ObjectSchema | undefined {
        const held = this.byName.get(this.key(name))?.object;
        if (held) {
            return held;
        }
        const later = this.sources.laterObject?.(this.names.local(name));
        return later ? this.hold(later) : undefined;
    }

    /** The object, or a ScenarioError at place when the org has no such object. */
    public object(name: string, place: string): ObjectSchema {
        const object = this.findObject(name);
        if (!object) {
            const refused = this.sources.refusedObjects?.get(this.key(name));
            throw new ScenarioError(place, refused ?? MESSAGES.unknownObject(name, this.objects));
        }
        return object;
    }

    /** The field, stored from now on if the org had not stored it yet; undefined when refused. */
    public findField(object: ObjectSchema, name: string): FieldSchema | undefined {
        const found = this.lookup(object, name);
        return found && !('unsupported' in found) ? found : undefined;
    }

    /**
     * The field, or a ScenarioError at place when the object has no such field or the org does
     * not store it.
     */
    public field(object: ObjectSchema, name: string, place: string): FieldSchema {
        const found = this.lookup(object, name);
        if (!found) {
            throw new ScenarioError(place, MESSAGES.unknownField(object.name, name));
        }
        if ('unsupported' in found) {
            throw new ScenarioError(
                place,
                MESSAGES.unsupportedField(object.name, name, found.unsupported)
            );
        }
        return found;
    }

    /**
     * Why the org refuses a field the object schema has (a formula field, a compound address),
     * for a caller that reports a field it could not find; undefined for a field it stores or
     * that does not exist.
     */
    public refusal(object: ObjectSchema, name: string): string | undefined {
        const found = this.lookup(object, name);
        return found && 'unsupported' in found
            ? (found.message ?? MESSAGES.unsupportedField(object.name, name, found.unsupported))
            : undefined;
    }

    /**
     * The parent relationship `name` of the object (`CreatedBy`), a reason when the org cannot
     * walk it (a polymorphic lookup, a parent it does not hold), or undefined when there is no
     * such relationship.
     */
    public relationship(object: ObjectSchema, name: string): Relationship | string | undefined {
        const source = this.sources.relationship?.(object, this.names.local(name));
        if (!source) {
            return undefined;
        }
        if (source.polymorphic || source.target === undefined || source.idField === undefined) {
            return `${object.name}.${source.name} is a polymorphic lookup`;
        }
        const target = this.findObject(source.target);
        if (!target) {
            return `${object.name}.${source.name} leads to ${source.target}, an object the embedded org does not hold`;
        }
        const field = this.findField(object, source.idField);
        if (!field) {
            return (
                this.refusal(object, source.idField) ??
                `${object.name}.${source.idField} is not stored`
            );
        }
        return { name: source.name, field, target };
    }

    /**
     * The object, for a statement that creates its records, or a ScenarioError at place when the
     * org does not create them (ObjectSchema.insertRefusal).
     */
    public insertable(object: ObjectSchema, place: string): ObjectSchema {
        if (object.insertRefusal !== undefined) {
            throw new ScenarioError(place, object.insertRefusal);
        }
        return object;
    }

    /** The object an Id belongs to, by its key prefix, among the objects the org holds. */
    public objectOfId(id: string): ObjectSchema | undefined {
        return this.byPrefix.get(id.slice(0, 3));
    }

    private lookup(object: ObjectSchema, name: string): StorableField | undefined {
        const entry = this.byName.get(object.name.toLowerCase());
        if (!entry) {
            return undefined;
        }
        const key = this.key(name);
        const stored = entry.byName.get(key);
        if (stored) {
            return stored;
        }
        const later = this.sources.laterField?.(entry.object, this.names.local(name));
        if (later && !('unsupported' in later)) {
            entry.fields.push(later);
            entry.byName.set(later.name.toLowerCase(), later);
        }
        return later;
    }

    private hold(given: ObjectSchema): ObjectSchema {
        const fields = [...given.fields];
        const object: ObjectSchema = { ...given, fields };
        this.byName.set(object.name.toLowerCase(), {
            object,
            fields,
            byName: new Map(fields.map((field) => [field.name.toLowerCase(), field]))
        });
        this.byPrefix.set(object.keyPrefix, object);
        return object;
    }

    private key(name: string): string {
        return this.names.key(name);
    }
}
