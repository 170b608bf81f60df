import { ScenarioError } from '../errors';
import { MESSAGES } from '../messages';
import type { FieldSchema, ObjectSchema } from './types';

/**
 * The objects and fields of the embedded org. API names are case-insensitive, as on the
 * platform, and a name may carry the package's namespace prefix (`cly__CalendlyLink__c`): an
 * admin's Save As copy of the template refers to the package's fields that way, while the
 * package's own source does not. [verify in an org: how a subscriber's copy spells them]
 */
export class OrgSchema {
    private readonly byName = new Map<string, ObjectSchema>();
    private readonly fieldsByObject = new Map<string, Map<string, FieldSchema>>();
    private readonly byPrefix = new Map<string, ObjectSchema>();

    public constructor(
        objects: readonly ObjectSchema[],
        public readonly namespace?: string
    ) {
        for (const object of objects) {
            this.byName.set(object.name.toLowerCase(), object);
            this.byPrefix.set(object.keyPrefix, object);
            this.fieldsByObject.set(
                object.name,
                new Map(object.fields.map((field) => [field.name.toLowerCase(), field]))
            );
        }
    }

    /** Every object: standard objects first, then custom objects by name. */
    public get objects(): ObjectSchema[] {
        return [...this.byName.values()].sort(
            (a, b) => Number(a.custom) - Number(b.custom) || a.name.localeCompare(b.name)
        );
    }

    public findObject(name: string): ObjectSchema | undefined {
        return this.byName.get(this.withoutNamespace(name).toLowerCase());
    }

    /** The object, or a ScenarioError at place when the org has no such object. */
    public object(name: string, place: string): ObjectSchema {
        const object = this.findObject(name);
        if (!object) {
            throw new ScenarioError(place, MESSAGES.unknownObject(name, this.objects));
        }
        return object;
    }

    public findField(object: ObjectSchema, name: string): FieldSchema | undefined {
        return this.fieldsByObject.get(object.name)?.get(this.withoutNamespace(name).toLowerCase());
    }

    /** The field, or a ScenarioError at place when the object has no such field. */
    public field(object: ObjectSchema, name: string, place: string): FieldSchema {
        const field = this.findField(object, name);
        if (!field) {
            throw new ScenarioError(place, MESSAGES.unknownField(object.name, name));
        }
        return field;
    }

    /** The object an Id belongs to, by its key prefix. */
    public objectOfId(id: string): ObjectSchema | undefined {
        return this.byPrefix.get(id.slice(0, 3));
    }

    private withoutNamespace(name: string): string {
        const prefix = this.namespace ? `${this.namespace}__` : undefined;
        const lower = name.toLowerCase();
        return prefix && lower.startsWith(prefix.toLowerCase()) && lower.endsWith('__c')
            ? name.slice(prefix.length)
            : name;
    }
}
