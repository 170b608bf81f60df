import { loadStandardCatalogue, type StandardCatalogue } from '../catalogue';
import { ApiNames, objectKind } from './names';
import { geolocationComponents, platformFields, type PlatformFields } from './platform';
import type { ProjectObjectFile, ProjectObjectSources } from './read';
import { catalogueFields } from './standard';
import type {
    FieldDefinition,
    ObjectDefinition,
    ProjectFieldDefinition,
    RelationshipDefinition
} from './types';

/** The objects that hold the Activity object's custom fields. */
const ACTIVITY_OBJECTS: readonly string[] = ['Task', 'Event'];

export interface ObjectModelOptions {
    /** The project's namespace (sfdx-project.json), optional before its own custom names. */
    readonly namespace?: string;
    /** Salesforce's standard objects; by default the installed catalogue, loaded when first needed. */
    readonly catalogue?: StandardCatalogue;
}

interface Indexed {
    readonly definition: ObjectDefinition;
    readonly fields: ReadonlyMap<string, FieldDefinition>;
    readonly relationships: ReadonlyMap<string, RelationshipDefinition>;
}

/**
 * The one schema of a project's objects: the objects and fields its metadata defines, merged
 * with Salesforce's standard objects from the catalogue and the platform's documented fields.
 * Names are read without regard to case, the project's namespace prefix optional on its own
 * custom names. Standard objects the project does not extend are read from the catalogue when
 * first asked for.
 */
export class ProjectObjects {
    public readonly names: ApiNames;
    /** Every field the project's field files define, in the order of the files. */
    public readonly projectFields: readonly ProjectFieldDefinition[];
    private readonly projectObjects = new Map<string, Indexed>();
    private readonly standardObjects = new Map<string, Indexed | null>();
    private loadedCatalogue: StandardCatalogue | undefined;

    public constructor(
        sources: ProjectObjectSources,
        private readonly options: ObjectModelOptions = {}
    ) {
        this.names = new ApiNames(options.namespace);
        this.loadedCatalogue = options.catalogue;
        this.projectFields = sources.fields;
        const files = new Map<string, ProjectObjectFile>();
        for (const file of sources.objects) {
            files.set(file.name.toLowerCase(), file);
        }
        const fieldsByObject = new Map<string, ProjectFieldDefinition[]>();
        for (const field of sources.fields) {
            const key = field.object.toLowerCase();
            fieldsByObject.set(key, [...(fieldsByObject.get(key) ?? []), field]);
        }
        // Custom fields of Activity are fields of Task and Event, which share them: Salesforce
        // Help, "Activity Custom Fields" (an activity custom field is created once, for both).
        const activity = fieldsByObject.get('activity') ?? [];
        const shared = activity.length > 0 ? ACTIVITY_OBJECTS : [];
        for (const name of shared) {
            const key = name.toLowerCase();
            fieldsByObject.set(key, [...activity, ...(fieldsByObject.get(key) ?? [])]);
        }
        const names = new Map<string, string>();
        for (const name of [
            ...shared,
            ...sources.objects.map((file) => file.name),
            ...sources.fields.map((field) => field.object)
        ]) {
            if (!names.has(name.toLowerCase())) {
                names.set(name.toLowerCase(), name);
            }
        }
        for (const [key, name] of names) {
            this.projectObjects.set(
                key,
                index(this.define(name, files.get(key), fieldsByObject.get(key) ?? []))
            );
        }
    }

    public get namespace(): string | undefined {
        return this.options.namespace;
    }

    /** The objects the project defines or adds fields to, sorted by name. */
    public get projectObjectDefinitions(): readonly ObjectDefinition[] {
        return [...this.projectObjects.values()]
            .map((indexed) => indexed.definition)
            .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    }

    /**
     * The object with this API name, in any case, with or without the project's prefix; a
     * standard object the project does not extend comes from the catalogue. Undefined for an
     * unknown object and for another package's.
     */
    public object(name: string): ObjectDefinition | undefined {
        return this.indexed(name)?.definition;
    }

    /** Whether the project itself defines or extends the object. */
    public inProject(name: string): boolean {
        return this.projectObjects.has(this.names.key(name));
    }

    /** A field of an object, in any case, the project's prefix optional on custom names. */
    public field(object: ObjectDefinition | string, name: string): FieldDefinition | undefined {
        return this.indexed(object)?.fields.get(this.names.key(name));
    }

    /** A parent relationship of an object (`Owner`, `Account__r`), in any case. */
    public relationship(
        object: ObjectDefinition | string,
        name: string
    ): RelationshipDefinition | undefined {
        return this.indexed(object)?.relationships.get(this.names.key(name));
    }

    /** Another package's object or field name (`ns__Name__c`): not checkable offline. */
    public isForeign(name: string): boolean {
        return this.names.isForeign(name);
    }

    /** Another package's class or flow name (`ns__Name`). */
    public isForeignComponent(name: string): boolean {
        return this.names.isForeignComponent(name);
    }

    /** The catalogue, loaded on first use. */
    public get catalogue(): StandardCatalogue {
        this.loadedCatalogue ??= loadStandardCatalogue();
        return this.loadedCatalogue;
    }

    private indexed(object: ObjectDefinition | string): Indexed | undefined {
        const name = typeof object === 'string' ? object : object.name;
        if (this.names.isForeign(name)) {
            return undefined;
        }
        const key = this.names.key(name);
        const own = this.projectObjects.get(key);
        if (own) {
            return own;
        }
        let standard = this.standardObjects.get(key);
        if (standard === undefined) {
            const info = objectKind(name) === 'standard' ? this.catalogue.sobject(name) : undefined;
            standard = info
                ? index(this.defineStandard(info.name, catalogueFields(info), []))
                : null;
            this.standardObjects.set(key, standard);
        }
        return standard ?? undefined;
    }

    private define(
        name: string,
        file: ProjectObjectFile | undefined,
        fields: readonly ProjectFieldDefinition[]
    ): ObjectDefinition {
        const kind = objectKind(name, file?.customSettingsType);
        if (kind === 'standard') {
            const info = this.catalogue.sobject(name);
            return this.defineStandard(
                info?.name ?? name,
                info ? catalogueFields(info) : undefined,
                fields,
                file
            );
        }
        const platform = platformFields(kind, {
            detail: fields.some((field) => field.metadataType === 'MasterDetail'),
            ...(file?.customSettingsType ? { customSettingsType: file.customSettingsType } : {})
        });
        return {
            name,
            kind,
            ...(file?.customSettingsType ? { customSettingsType: file.customSettingsType } : {}),
            ...fileParts(file),
            ...merge(platform, fields),
            platformFieldsKnown: kind !== 'big-object'
        };
    }

    private defineStandard(
        name: string,
        platform: PlatformFields | undefined,
        fields: readonly ProjectFieldDefinition[],
        file?: ProjectObjectFile
    ): ObjectDefinition {
        return {
            name,
            kind: 'standard',
            ...fileParts(file),
            ...merge(platform ?? { fields: [], relationships: [] }, fields),
            platformFieldsKnown: platform !== undefined
        };
    }
}

function fileParts(
    file: ProjectObjectFile | undefined
): Pick<ObjectDefinition, 'file' | 'line' | 'label' | 'nameField'> {
    return file
        ? {
              file: file.file,
              line: file.line,
              ...(file.label !== undefined ? { label: file.label } : {}),
              ...(file.nameField ? { nameField: file.nameField } : {})
          }
        : {};
}

/** The platform's fields, then the project's, each geolocation field with its components. */
function merge(
    platform: PlatformFields,
    fields: readonly ProjectFieldDefinition[]
): Pick<ObjectDefinition, 'fields' | 'relationships'> {
    const projectRelationships: RelationshipDefinition[] = fields.flatMap((field) =>
        field.relationship !== undefined && field.referenceTo
            ? [
                  {
                      name: field.relationship,
                      idField: field.name,
                      target: field.referenceTo.length === 1 ? field.referenceTo[0] : undefined,
                      polymorphic: field.referenceTo.length > 1,
                      referenceTo: field.referenceTo
                  }
              ]
            : []
    );
    // A standard field the project's source restates (objects/Account/fields/Industry...) is
    // the project's: its file says more than the catalogue.
    const restated = new Set(fields.map((field) => field.name.toLowerCase()));
    return {
        fields: [
            ...platform.fields.filter((field) => !restated.has(field.name.toLowerCase())),
            ...fields.flatMap((field) =>
                field.metadataType === 'Location'
                    ? [field, ...geolocationComponents(field.name)]
                    : [field]
            )
        ],
        relationships: [...platform.relationships, ...projectRelationships]
    };
}

function index(definition: ObjectDefinition): Indexed {
    const fields = new Map<string, FieldDefinition>();
    for (const field of definition.fields) {
        fields.set(field.name.toLowerCase(), field);
    }
    const relationships = new Map<string, RelationshipDefinition>();
    for (const relationship of definition.relationships) {
        relationships.set(relationship.name.toLowerCase(), relationship);
    }
    return { definition, fields, relationships };
}
