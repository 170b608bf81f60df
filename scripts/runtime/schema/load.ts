import {
    objectKind,
    objectsFromFiles,
    type FieldDefinition,
    type ObjectDefinition,
    type ProjectObjects
} from '../../project/objects';
import { MESSAGES } from '../messages';
import { readXml } from '../xml';
import {
    field,
    ID_FIELD,
    isUnsupported,
    platformField,
    projectField,
    type StorableField
} from './fields';
import {
    customKeyPrefix,
    ownKeyPrefix,
    platformEventInsert,
    platformEventKeyPrefix,
    unruledInsert,
    AUDIT_FIELDS,
    CUSTOM_NAME_LENGTH,
    DOCUMENTED_KEY_PREFIXES,
    HELD_OBJECT_RULES,
    PLATFORM_RELATIONSHIPS,
    STANDARD_OBJECT_RULES,
    type StandardObjectRule
} from './rules';
import { OrgSchema } from './schema';
import type { FieldSchema, ObjectSchema } from './types';

/** A metadata file's path (from the project root) and its text. */
export interface SourceFile {
    readonly path: string;
    readonly content: string;
}

/**
 * Builds the org's schema from the project's object metadata (`objects/<Object>/<Object>
 * .object-meta.xml` and `objects/<Object>/fields/*.field-meta.xml`) through the project's object
 * schema. A file that is not well-formed XML is a ScenarioError at its line.
 */
export function loadSchema(
    files: readonly SourceFile[],
    namespace?: string,
    options: SchemaOptions = {}
): OrgSchema {
    const parsed = files.map((file) => ({
        path: file.path,
        root: readXml(file.content, file.path)
    }));
    return schemaFromObjects(
        objectsFromFiles(parsed, namespace !== undefined ? { namespace } : {}),
        options
    );
}

export interface SchemaOptions {
    /**
     * The org has setup data and a running user, who creates, changes and owns what it saves:
     * the Apex org, with profiles, permission sets, the organization, scheduled and queued jobs,
     * classes and flows as records. Without it (a scenario) those objects are not held and the
     * system fields that name a user are refused.
     */
    readonly setup?: boolean;
}

/**
 * The embedded org for a project's object schema: from the start User (and the setup objects in
 * an org with setup), with the project's fields, and the project's custom objects, keyed `a00`,
 * `a01`, ... in name order; once a run names one, every other standard object of the catalogue
 * and the project's platform events (see laterObject). Other fields of the schema are stored
 * once a run names them (see OrgSchema); a field or object the org cannot hold is refused where
 * a run names it.
 */
export function schemaFromObjects(objects: ProjectObjects, options: SchemaOptions = {}): OrgSchema {
    const runningUser = options.setup === true;
    const schemas: ObjectSchema[] = [];
    const definitions = new Map<string, ObjectDefinition>();
    const refusedObjects = new Map<string, string>();
    for (const [name, rule] of Object.entries(HELD_OBJECT_RULES)) {
        const definition = objects.object(name);
        if (definition && (runningUser || rule.setupOnly !== true)) {
            definitions.set(definition.name.toLowerCase(), definition);
            schemas.push(standardObject(objects, definition, rule, runningUser));
        }
    }
    const custom = objects.projectObjectDefinitions
        .filter((definition) => /__c$/i.test(definition.name))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    custom.forEach((definition, index) => {
        if (definition.file === undefined) {
            refusedObjects.set(
                definition.name.toLowerCase(),
                MESSAGES.missingObjectFile(definition.name)
            );
            return;
        }
        definitions.set(definition.name.toLowerCase(), definition);
        schemas.push(customObject(objects, definition, customKeyPrefix(index), runningUser));
    });
    const laterPrefixes = laterKeyPrefixes(objects);
    return new OrgSchema(schemas, objects.namespace, {
        refusedObjects,
        laterObject: (name) => {
            const definition = objects.object(name);
            const keyPrefix = definition ? laterPrefixes().get(definition.name) : undefined;
            if (!definition || keyPrefix === undefined) {
                return undefined;
            }
            definitions.set(definition.name.toLowerCase(), definition);
            if (definition.kind === 'platform-event') {
                return {
                    ...customObject(objects, definition, keyPrefix, runningUser),
                    insertRefusal: platformEventInsert(definition.name)
                };
            }
            const rule = STANDARD_OBJECT_RULES[definition.name];
            return {
                ...standardObject(
                    objects,
                    definition,
                    rule ?? { keyPrefix, fields: [] },
                    runningUser
                ),
                ...(rule ? {} : { insertRefusal: unruledInsert(definition.name) })
            };
        },
        relationship: (object, name) => {
            const definition = definitions.get(object.name.toLowerCase());
            const found = definition ? objects.relationship(definition, name) : undefined;
            const extra = PLATFORM_RELATIONSHIPS[object.name]?.find(
                (candidate) => candidate.name.toLowerCase() === name.toLowerCase()
            );
            if (!found && extra) {
                return { ...extra, polymorphic: false };
            }
            return found
                ? {
                      name: found.name,
                      idField: found.idField,
                      target: found.target,
                      polymorphic: found.polymorphic
                  }
                : undefined;
        },
        laterField: (object, name) => {
            const definition = definitions.get(object.name.toLowerCase());
            const found = definition ? objects.field(definition, name) : undefined;
            const rule = STANDARD_OBJECT_RULES[object.name];
            if (found && rule?.setupOnly === true) {
                // The org writes these records itself, with the fields of its rule only: any
                // other field would read as null where the platform has a value.
                return {
                    unsupported: 'setup',
                    message: MESSAGES.unfilledSetupField(
                        object.name,
                        found.name,
                        rule.fields.map((field) => field.name)
                    )
                };
            }
            return definition && found
                ? storable(objects, definition, found, runningUser)
                : undefined;
        }
    });
}

/**
 * The key prefixes of the objects the org holds once a run names them, by name: each standard
 * object of the catalogue but those held from the start (a documented prefix, else the org's
 * own, numbered in the catalogue's order), and each platform event the project defines in an
 * object file. Worked out when the org first needs one, as the catalogue is.
 */
function laterKeyPrefixes(objects: ProjectObjects): () => ReadonlyMap<string, string> {
    let prefixes: ReadonlyMap<string, string> | undefined;
    return () => {
        prefixes ??= new Map([
            ...standardKeyPrefixes(objects.catalogue.sobjectNames()),
            ...objects.projectObjectDefinitions
                .filter((definition) => definition.kind === 'platform-event' && definition.file)
                .map((definition, index): [string, string] => [
                    definition.name,
                    platformEventKeyPrefix(index)
                ])
        ]);
        return prefixes;
    };
}

function standardKeyPrefixes(names: readonly string[]): [string, string][] {
    let own = 0;
    return names
        .filter((name) => objectKind(name) === 'standard' && !(name in HELD_OBJECT_RULES))
        .map((name) => [
            name,
            STANDARD_OBJECT_RULES[name]?.keyPrefix ??
                DOCUMENTED_KEY_PREFIXES[name] ??
                ownKeyPrefix(own++)
        ]);
}

function standardObject(
    objects: ProjectObjects,
    definition: ObjectDefinition,
    rule: StandardObjectRule,
    runningUser: boolean
): ObjectSchema {
    const fields: FieldSchema[] = [ID_FIELD];
    for (const fieldRule of rule.fields) {
        const found = objects.field(definition, fieldRule.name);
        const stored = found ? platformField(found, fieldRule, runningUser) : undefined;
        if (stored && !isUnsupported(stored)) {
            fields.push(stored);
        }
    }
    return {
        name: definition.name,
        keyPrefix: rule.keyPrefix,
        custom: false,
        setup: rule.mixedDmlFields !== undefined,
        fields: [
            ...fields,
            ...projectFields(objects, definition, runningUser),
            ...auditFields(objects, definition, runningUser)
        ],
        mixedDmlFields: rule.mixedDmlFields ?? []
    };
}

/**
 * The system fields the org maintains that the object has, stored from the start so that every
 * record gets them on insert.
 */
function auditFields(
    objects: ProjectObjects,
    definition: ObjectDefinition,
    runningUser: boolean
): FieldSchema[] {
    return Object.keys(AUDIT_FIELDS)
        .map((name) => objects.field(definition, name))
        .filter((found): found is FieldDefinition => found !== undefined)
        .map((found) => platformField(found, undefined, runningUser))
        .filter((stored): stored is FieldSchema => !isUnsupported(stored));
}

function customObject(
    objects: ProjectObjects,
    definition: ObjectDefinition,
    keyPrefix: string,
    runningUser: boolean
): ObjectSchema {
    const displayFormat =
        definition.nameField?.type === 'AutoNumber'
            ? definition.nameField.displayFormat
            : undefined;
    return {
        name: definition.name,
        keyPrefix,
        custom: true,
        setup: false,
        fields: [
            ID_FIELD,
            field('Name', 'text', {
                length: CUSTOM_NAME_LENGTH,
                ...(displayFormat ? { writable: false, autoNumberFormat: displayFormat } : {})
            }),
            ...projectFields(undefined, definition, runningUser),
            ...auditFields(objects, definition, runningUser)
        ],
        mixedDmlFields: []
    };
}

/** The project's fields of an object the org stores from the start, by name. */
function projectFields(
    objects: ProjectObjects | undefined,
    definition: ObjectDefinition,
    runningUser: boolean
): FieldSchema[] {
    return definition.fields
        .filter((candidate) => candidate.origin === 'project')
        .map((candidate) => storable(objects, definition, candidate, runningUser))
        .filter((candidate): candidate is FieldSchema => !isUnsupported(candidate))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** How the org stores a field of the schema, or why it does not. */
function storable(
    objects: ProjectObjects | undefined,
    object: ObjectDefinition,
    definition: FieldDefinition,
    runningUser: boolean
): StorableField {
    if (definition.origin !== 'project') {
        return platformField(
            definition,
            STANDARD_OBJECT_RULES[object.name]?.fields.find(
                (rule) => rule.name === definition.name
            ),
            runningUser
        );
    }
    // A standard field that the project's source restates without a type (objects/User/fields/
    // Email.field-meta.xml) is the catalogue's.
    const restated =
        definition.metadataType === '' && objects
            ? objects.catalogue.field(object.name, definition.name)
            : undefined;
    return restated?.kind === 'value'
        ? platformField(
              {
                  origin: 'catalogue',
                  name: restated.name,
                  valueType: restated.type,
                  ...(restated.relationshipName !== undefined
                      ? { relationship: restated.relationshipName }
                      : {})
              },
              undefined,
              runningUser
          )
        : projectField(definition);
}
