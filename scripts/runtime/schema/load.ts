import {
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
    CUSTOM_NAME_LENGTH,
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
export function loadSchema(files: readonly SourceFile[], namespace?: string): OrgSchema {
    const parsed = files.map((file) => ({
        path: file.path,
        root: readXml(file.content, file.path)
    }));
    return schemaFromObjects(
        objectsFromFiles(parsed, namespace !== undefined ? { namespace } : {})
    );
}

/**
 * The embedded org for a project's object schema: the standard objects it has rules for (User),
 * with the project's fields, and the project's custom objects, keyed `a00`, `a01`, ... in name
 * order. Other fields of the schema are stored once a run names them (see OrgSchema); a field
 * or object the org cannot hold is refused where a run names it.
 */
export function schemaFromObjects(objects: ProjectObjects): OrgSchema {
    const schemas: ObjectSchema[] = [];
    const definitions = new Map<string, ObjectDefinition>();
    const refusedObjects = new Map<string, string>();
    for (const [name, rule] of Object.entries(STANDARD_OBJECT_RULES)) {
        const definition = objects.object(name);
        if (definition) {
            definitions.set(definition.name.toLowerCase(), definition);
            schemas.push(standardObject(objects, definition, rule));
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
        schemas.push(customObject(definition, customKeyPrefix(index)));
    });
    return new OrgSchema(schemas, objects.namespace, {
        refusedObjects,
        laterField: (object, name) => {
            const definition = definitions.get(object.name.toLowerCase());
            const found = definition ? objects.field(definition, name) : undefined;
            return definition && found ? storable(objects, definition, found) : undefined;
        }
    });
}

function standardObject(
    objects: ProjectObjects,
    definition: ObjectDefinition,
    rule: StandardObjectRule
): ObjectSchema {
    const fields: FieldSchema[] = [ID_FIELD];
    for (const fieldRule of rule.fields) {
        const found = objects.field(definition, fieldRule.name);
        const stored = found ? platformField(found, fieldRule) : undefined;
        if (stored && !isUnsupported(stored)) {
            fields.push(stored);
        }
    }
    return {
        name: definition.name,
        keyPrefix: rule.keyPrefix,
        custom: false,
        setup: rule.mixedDmlFields !== undefined,
        fields: [...fields, ...projectFields(objects, definition)],
        mixedDmlFields: rule.mixedDmlFields ?? []
    };
}

function customObject(definition: ObjectDefinition, keyPrefix: string): ObjectSchema {
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
            ...projectFields(undefined, definition)
        ],
        mixedDmlFields: []
    };
}

/** The project's fields of an object the org stores from the start, by name. */
function projectFields(
    objects: ProjectObjects | undefined,
    definition: ObjectDefinition
): FieldSchema[] {
    return definition.fields
        .filter((candidate) => candidate.origin === 'project')
        .map((candidate) => storable(objects, definition, candidate))
        .filter((candidate): candidate is FieldSchema => !isUnsupported(candidate))
        .sort((a, b) => a.name.localeCompare(b.name));
}

/** How the org stores a field of the schema, or why it does not. */
function storable(
    objects: ProjectObjects | undefined,
    object: ObjectDefinition,
    definition: FieldDefinition
): StorableField {
    if (definition.origin !== 'project') {
        return platformField(
            definition,
            STANDARD_OBJECT_RULES[object.name]?.fields.find((rule) => rule.name === definition.name)
        );
    }
    // A standard field that the project's source restates without a type (objects/User/fields/
    // Email.field-meta.xml) is the catalogue's.
    const restated =
        definition.metadataType === '' && objects
            ? objects.catalogue.field(object.name, definition.name)
            : undefined;
    return restated?.kind === 'value'
        ? platformField({
              origin: 'catalogue',
              name: restated.name,
              valueType: restated.type,
              ...(restated.relationshipName !== undefined
                  ? { relationship: restated.relationshipName }
                  : {})
          })
        : projectField(definition);
}
