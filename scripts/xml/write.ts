import type { ElementSchema, MetadataSchema, ValueType } from '../schema';

export const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

/** A plain value tree as metadata definitions hold it: objects, arrays and scalars. */
export type MetadataValue = string | number | boolean | MetadataRecord | readonly MetadataValue[];
export interface MetadataRecord {
    readonly [key: string]: MetadataValue | undefined;
}

/** A definition that the schema does not allow: a bug in the definitions, not in user input. */
export class DefinitionError extends Error {
    public constructor(
        public readonly path: string,
        message: string
    ) {
        super(`${path}: ${message}`);
        this.name = 'DefinitionError';
    }
}

const INDENT = '    ';

/**
 * Writes one metadata component as source-format XML, formatted as Salesforce writes it on
 * retrieve: XML declaration, 4-space indent, children in schema order, enums checked.
 * Keys are emitted in schema order whatever order the definition object lists them in.
 */
export function writeMetadataXml(
    schema: MetadataSchema,
    rootType: string,
    value: MetadataRecord
): string {
    const type = schema.complexType(rootType);
    if (!type?.isMetadata) {
        throw new DefinitionError(rootType, 'is not a metadata type of @salesforce/types.');
    }
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
    lines.push(`<${rootType} xmlns="${METADATA_NAMESPACE}">`);
    writeChildren(schema, rootType, value, 1, rootType, lines);
    lines.push(`</${rootType}>`);
    return `${lines.join('\n')}\n`;
}

function writeChildren(
    schema: MetadataSchema,
    typeName: string,
    value: MetadataRecord,
    depth: number,
    path: string,
    lines: string[]
): void {
    const type = schema.complexType(typeName);
    if (!type) {
        throw new DefinitionError(path, `${typeName} is not a complex type.`);
    }
    const known = new Map(type.elements.map((element) => [element.name, element]));
    for (const key of Object.keys(value)) {
        if (!known.has(key)) {
            throw new DefinitionError(`${path}.${key}`, `${typeName} has no element ${key}.`);
        }
    }
    for (const element of type.elements) {
        const child = value[element.name];
        const childPath = `${path}.${element.name}`;
        if (child === undefined) {
            if (element.required) {
                throw new DefinitionError(childPath, `${typeName} requires ${element.name}.`);
            }
            continue;
        }
        const items = Array.isArray(child) ? (child as readonly MetadataValue[]) : [child];
        if (items.length > 1 && !element.repeated) {
            throw new DefinitionError(childPath, `${element.name} appears once at most.`);
        }
        items.forEach((item, index) => {
            const itemPath = element.repeated ? `${childPath}[${index}]` : childPath;
            writeElement(schema, element, item, depth, itemPath, lines);
        });
    }
}

function writeElement(
    schema: MetadataSchema,
    element: ElementSchema,
    value: MetadataValue,
    depth: number,
    path: string,
    lines: string[]
): void {
    const indent = INDENT.repeat(depth);
    if (element.type.kind === 'complex') {
        if (typeof value !== 'object' || Array.isArray(value)) {
            throw new DefinitionError(path, `expects a ${element.type.name} object.`);
        }
        // Children first, so that an empty element still gets its required children checked
        // and one whose lists are all empty closes itself too.
        const inner: string[] = [];
        writeChildren(schema, element.type.name, value as MetadataRecord, depth + 1, path, inner);
        if (inner.length === 0) {
            lines.push(`${indent}<${element.name}/>`);
        } else {
            lines.push(`${indent}<${element.name}>`, ...inner, `${indent}</${element.name}>`);
        }
        return;
    }
    const text = scalarText(element.type, value, path);
    lines.push(`${indent}<${element.name}>${escapeXml(text)}</${element.name}>`);
}

function scalarText(type: ValueType, value: MetadataValue, path: string): string {
    if (type.kind === 'enum') {
        if (typeof value !== 'string' || !type.values.includes(value)) {
            throw new DefinitionError(
                path,
                `${JSON.stringify(value)} is not a ${type.name} value.`
            );
        }
        return value;
    }
    switch (type.name) {
        case 'boolean':
            if (typeof value !== 'boolean') {
                throw new DefinitionError(path, 'expects true or false.');
            }
            return String(value);
        case 'number':
            // Numbers may be given as text to keep Salesforce's own spelling, such as "66.0".
            if (typeof value === 'number' && Number.isFinite(value)) {
                return String(value);
            }
            if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) {
                return value;
            }
            throw new DefinitionError(path, `${JSON.stringify(value)} is not a number.`);
        default:
            if (typeof value !== 'string') {
                throw new DefinitionError(path, 'expects text.');
            }
            return value;
    }
}

/** Escapes text content the way Salesforce does on retrieve (quotes included). */
export function escapeXml(text: string): string {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}
