import { child, childText, children } from '../../xml/parse';
import { ScenarioError } from '../errors';
import { MESSAGES } from '../messages';
import type { Scalar } from '../types';
import { readXml } from '../xml';
import { field, ID_FIELD, STANDARD_OBJECTS } from './builtins';
import { OrgSchema } from './schema';
import type { FieldSchema, FieldType, ObjectSchema } from './types';

/** A metadata file's path (from the project root) and its text. */
export interface SourceFile {
    readonly path: string;
    readonly content: string;
}

const FIELD_TYPES: Readonly<Record<string, FieldType>> = {
    Text: 'text',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Email: 'email',
    Url: 'url',
    Phone: 'phone',
    Picklist: 'picklist',
    Checkbox: 'checkbox',
    Number: 'number',
    Currency: 'number',
    Percent: 'number',
    Date: 'date',
    DateTime: 'datetime',
    Lookup: 'reference',
    MasterDetail: 'reference'
};

/**
 * Builds the org's schema from the project's object metadata: `objects/<Object>/<Object>
 * .object-meta.xml` and `objects/<Object>/fields/*.field-meta.xml`. Standard objects start from
 * their built-in fields; custom objects get Id and Name. Custom objects get key prefixes
 * `a00`, `a01`, ... in name order, so that Ids are stable from run to run.
 */
export function loadSchema(files: readonly SourceFile[], namespace?: string): OrgSchema {
    const objectFiles = new Map<string, SourceFile>();
    const fieldFiles = new Map<string, SourceFile[]>();
    for (const file of files) {
        const objectMatch = /objects\/([^/]+)\/\1\.object-meta\.xml$/.exec(file.path);
        const fieldMatch = /objects\/([^/]+)\/fields\/[^/]+\.field-meta\.xml$/.exec(file.path);
        if (objectMatch?.[1]) {
            objectFiles.set(objectMatch[1], file);
        } else if (fieldMatch?.[1]) {
            fieldFiles.set(fieldMatch[1], [...(fieldFiles.get(fieldMatch[1]) ?? []), file]);
        }
    }
    const objects: ObjectSchema[] = [];
    const customNames = [...new Set([...objectFiles.keys(), ...fieldFiles.keys()])]
        .filter((name) => name.endsWith('__c'))
        .sort();
    for (const standard of STANDARD_OBJECTS) {
        const extra = (fieldFiles.get(standard.name) ?? []).map(readField);
        objects.push({ ...standard, fields: [...standard.fields, ...sortByName(extra)] });
    }
    customNames.forEach((name, index) => {
        const objectFile = objectFiles.get(name);
        if (!objectFile) {
            throw new ScenarioError(`objects/${name}`, MESSAGES.missingObjectFile(name));
        }
        const root = readXml(objectFile.content, objectFile.path);
        const nameField = child(root, 'nameField');
        const displayFormat =
            nameField && childText(nameField, 'type') === 'AutoNumber'
                ? childText(nameField, 'displayFormat')
                : undefined;
        objects.push({
            name,
            keyPrefix: `a0${index.toString(36).toUpperCase()}`,
            custom: true,
            setup: false,
            fields: [
                ID_FIELD,
                // Name is optional on create: the platform then stores the record's Id in it.
                // [verify in an org]
                field('Name', 'text', {
                    length: 80,
                    ...(displayFormat ? { writable: false, autoNumberFormat: displayFormat } : {})
                }),
                ...sortByName((fieldFiles.get(name) ?? []).map(readField))
            ],
            mixedDmlFields: []
        });
    });
    return new OrgSchema(objects, namespace);
}

function sortByName(fields: FieldSchema[]): FieldSchema[] {
    return fields.sort((a, b) => a.name.localeCompare(b.name));
}

function readField(file: SourceFile): FieldSchema {
    const root = readXml(file.content, file.path);
    const name = childText(root, 'fullName') ?? '';
    const metadataType = childText(root, 'type') ?? '';
    const displayFormat = childText(root, 'displayFormat');
    if (metadataType === 'AutoNumber' && displayFormat) {
        return field(name, 'text', { writable: false, autoNumberFormat: displayFormat });
    }
    const type = FIELD_TYPES[metadataType];
    if (!type || child(root, 'formula')) {
        throw new ScenarioError(
            `${file.path}:${root.line}`,
            MESSAGES.unsupportedFieldType(name, metadataType)
        );
    }
    const flag = (element: string): boolean => childText(root, element) === 'true';
    const valueSet = child(root, 'valueSet');
    const values = valueSet
        ? children(child(valueSet, 'valueSetDefinition') ?? valueSet, 'value').map(
              (value) => childText(value, 'fullName') ?? ''
          )
        : undefined;
    const length = childText(root, 'length');
    const defaultValue = parseDefault(
        childText(root, 'defaultValue'),
        type,
        `${file.path}:${root.line}`
    );
    return field(name, type, {
        required: flag('required'),
        unique: flag('unique'),
        caseSensitive: flag('caseSensitive'),
        externalId: flag('externalId'),
        restrictedPicklist: valueSet
            ? flag('restricted') || childText(valueSet, 'restricted') === 'true'
            : false,
        ...(length ? { length: Number(length) } : {}),
        ...(values ? { picklistValues: values } : {}),
        ...(defaultValue !== undefined ? { defaultValue } : {}),
        ...(type === 'checkbox' && defaultValue === undefined ? { defaultValue: false } : {})
    });
}

/**
 * Default values are formulas; the runtime takes the literal ones (true/false, numbers, quoted
 * text), which is what field defaults nearly always are, and rejects the others by name.
 */
function parseDefault(
    text: string | undefined,
    type: FieldType,
    place: string
): Scalar | undefined {
    if (text === undefined || text === '') {
        return undefined;
    }
    const trimmed = text.trim();
    if (type === 'checkbox' && /^(true|false)$/i.test(trimmed)) {
        return trimmed.toLowerCase() === 'true';
    }
    if (type === 'number' && /^-?\d+(\.\d+)?$/.test(trimmed)) {
        return Number(trimmed);
    }
    const quoted = /^"(.*)"$|^'(.*)'$/.exec(trimmed);
    if (quoted) {
        return quoted[1] ?? quoted[2] ?? '';
    }
    throw new ScenarioError(place, MESSAGES.unsupportedDefault(trimmed));
}
