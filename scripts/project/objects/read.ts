import type { FieldValueType } from '../catalogue';
import { child, childText, children, type XmlElement } from '../../xml/parse';
import type { NameFieldDefinition, PicklistDefinition, ProjectFieldDefinition } from './types';

/** A parsed metadata file of the project: its path from the project root and its root element. */
export interface ObjectSourceFile {
    readonly path: string;
    readonly root: XmlElement;
}

/** What an `<Object>.object-meta.xml` says that the model keeps. */
export interface ProjectObjectFile {
    readonly name: string;
    readonly file: string;
    readonly line: number;
    readonly label?: string;
    readonly nameField?: NameFieldDefinition;
    readonly customSettingsType?: 'List' | 'Hierarchy';
}

/** The project's object and field files, read. */
export interface ProjectObjectSources {
    /** Object files in the order given (sorted paths for a Project). */
    readonly objects: readonly ProjectObjectFile[];
    /** Field files in the order given. */
    readonly fields: readonly ProjectFieldDefinition[];
}

const OBJECT_FILE = /(?:^|\/)objects\/([^/]+)\/([^/]+)\.object-meta\.xml$/;
const FIELD_FILE = /(?:^|\/)objects\/([^/]+)\/fields\/([^/]+)\.field-meta\.xml$/;

/** Whether a project path is an object or field file the model reads. */
export function isObjectSourcePath(path: string): boolean {
    const object = OBJECT_FILE.exec(path);
    return (object !== null && object[1] === object[2]) || FIELD_FILE.test(path);
}

/**
 * Reads the project's `objects/<Object>/<Object>.object-meta.xml` and
 * `objects/<Object>/fields/<Field>.field-meta.xml` files; other paths are ignored. The object is
 * named by its folder and the field by its file, as source-deploy-retrieve names them.
 */
export function readObjectSources(files: readonly ObjectSourceFile[]): ProjectObjectSources {
    const objects: ProjectObjectFile[] = [];
    const fields: ProjectFieldDefinition[] = [];
    for (const { path, root } of files) {
        const object = OBJECT_FILE.exec(path);
        if (object?.[1] !== undefined && object[1] === object[2]) {
            objects.push(readObject(object[1], path, root));
            continue;
        }
        const field = FIELD_FILE.exec(path);
        if (field?.[1] !== undefined && field[2] !== undefined) {
            fields.push(readField(field[1], field[2], path, root));
        }
    }
    return { objects, fields };
}

function readObject(name: string, file: string, root: XmlElement): ProjectObjectFile {
    const nameField = child(root, 'nameField');
    const nameFieldType = nameField ? text(nameField, 'type') : undefined;
    const settingsType = text(root, 'customSettingsType');
    const label = text(root, 'label');
    return {
        name,
        file,
        line: root.line,
        ...(label !== undefined ? { label } : {}),
        ...(nameField && nameFieldType !== undefined
            ? { nameField: readNameField(nameField, nameFieldType) }
            : {}),
        ...(settingsType === 'List' || settingsType === 'Hierarchy'
            ? { customSettingsType: settingsType }
            : {})
    };
}

function readNameField(element: XmlElement, type: string): NameFieldDefinition {
    const label = text(element, 'label');
    const displayFormat = text(element, 'displayFormat');
    return {
        type,
        ...(label !== undefined ? { label } : {}),
        ...(displayFormat !== undefined ? { displayFormat } : {})
    };
}

function readField(
    object: string,
    name: string,
    file: string,
    root: XmlElement
): ProjectFieldDefinition {
    const metadataType = text(root, 'type') ?? '';
    const flag = (element: string): boolean => text(root, element) === 'true';
    const number = (element: string): number | undefined => {
        const value = text(root, element);
        return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
    };
    const formula = text(root, 'formula');
    const treatBlanksAs = text(root, 'formulaTreatBlanksAs');
    const referenceTo = children(root, 'referenceTo')
        .map((element) => element.text.trim())
        .filter((target) => target !== '');
    const optional = {
        label: text(root, 'label'),
        length: number('length'),
        precision: number('precision'),
        scale: number('scale'),
        defaultValue: text(root, 'defaultValue'),
        picklist: readPicklist(root),
        relationshipName: text(root, 'relationshipName'),
        displayFormat: text(root, 'displayFormat'),
        formula:
            formula !== undefined
                ? {
                      expression: formula,
                      returnType: metadataType,
                      ...(treatBlanksAs !== undefined ? { treatBlanksAs } : {})
                  }
                : undefined
    };
    const relationship = referenceTo.length > 0 ? relationshipOf(name) : undefined;
    return {
        origin: 'project',
        object,
        name,
        file,
        line: root.line,
        metadataType,
        valueType: valueTypeOf(metadataType),
        required: flag('required'),
        unique: flag('unique'),
        caseSensitive: flag('caseSensitive'),
        externalId: flag('externalId'),
        ...(referenceTo.length > 0 ? { referenceTo } : {}),
        ...(relationship !== undefined ? { relationship } : {}),
        ...withoutUndefined(optional)
    };
}

/**
 * Values of a picklist: its own `<valueSetDefinition>`, or a global value set named by
 * `<valueSetName>`, whose values live in the global value set's file.
 */
function readPicklist(root: XmlElement): PicklistDefinition | undefined {
    const valueSet = child(root, 'valueSet');
    if (!valueSet) {
        return undefined;
    }
    const restricted =
        text(valueSet, 'restricted') === 'true' || text(root, 'restricted') === 'true';
    const valueSetName = text(valueSet, 'valueSetName');
    const definition = child(valueSet, 'valueSetDefinition');
    const values = definition
        ? children(definition, 'value').map((value) => text(value, 'fullName') ?? '')
        : [];
    return { values, restricted, ...(valueSetName !== undefined ? { valueSetName } : {}) };
}

/**
 * The parent relationship of a custom lookup: its name with `__r` for `__c` (`Account__c` →
 * `Account__r`), as SOQL, Apex and flows write paths through it.
 */
export function relationshipOf(field: string): string | undefined {
    return /__c$/i.test(field) ? `${field.slice(0, -3)}__r` : undefined;
}

/**
 * The Apex type a field of a metadata type holds (Apex Developer Guide, "Primitive Data Types";
 * a formula's metadata type is its return type). Undefined for a type whose value depends on
 * more than the type (a roll-up summary) or that the model does not know.
 */
export function valueTypeOf(metadataType: string): FieldValueType | undefined {
    return METADATA_VALUE_TYPES[metadataType];
}

const METADATA_VALUE_TYPES: Readonly<Record<string, FieldValueType>> = {
    AutoNumber: 'String',
    Checkbox: 'Boolean',
    Currency: 'Decimal',
    Date: 'Date',
    DateTime: 'Datetime',
    Email: 'String',
    EncryptedText: 'String',
    ExternalLookup: 'String',
    Hierarchy: 'Id',
    Html: 'String',
    IndirectLookup: 'String',
    Location: 'Location',
    LongTextArea: 'String',
    Lookup: 'Id',
    MasterDetail: 'Id',
    MetadataRelationship: 'String',
    MultiselectPicklist: 'String',
    Number: 'Decimal',
    Percent: 'Decimal',
    Phone: 'String',
    Picklist: 'String',
    Text: 'String',
    TextArea: 'String',
    Time: 'Time',
    Url: 'String'
};

function text(element: XmlElement, name: string): string | undefined {
    return childText(element, name)?.trim();
}

function withoutUndefined<T extends Record<string, unknown>>(
    values: T
): { [K in keyof T]?: Exclude<T[K], undefined> } {
    return Object.fromEntries(
        Object.entries(values).filter(([, value]) => value !== undefined)
    ) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
