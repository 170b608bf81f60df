import * as fs from 'node:fs';
import { readCachedDeclarations, SCHEMA_CACHE_DIRECTORY } from './cache';
import {
    parseDeclarations,
    type MemberDeclaration,
    type PropertyTypeDeclaration,
    type SchemaDeclarations,
    type TypeDeclaration
} from './declarations';
import type { ComplexTypeSchema, ElementSchema, ValueType } from './types';

/** How MetadataSchema.load() reads the schema. */
export interface SchemaLoadOptions {
    /**
     * Keep the parsed declarations in node_modules/.cache/validate and read them from there while
     * metadata.d.ts is unchanged (default true). False parses the file with the TypeScript
     * compiler and neither reads nor writes the cache, as `npm run validate -- --no-cache` does.
     */
    readonly cache?: boolean;
}

/**
 * Reads the Metadata API schema from Salesforce's own TypeScript types
 * (`@salesforce/types/lib/metadata.d.ts`), so that element order, allowed children and enum
 * values are never kept by hand.
 *
 * The .d.ts writes every metadata type as a type alias: a string-literal union is an enum,
 * an object literal is a complex type, and `Parent & { ... }` is a type that extends another.
 * Properties appear in WSDL sequence order, and the Metadata API wants inherited elements
 * before a type's own, which is the order we get by expanding an intersection left to right.
 */
export class MetadataSchema {
    private readonly aliases: SchemaDeclarations;
    private readonly cache = new Map<string, ComplexTypeSchema>();

    /**
     * The schema of a declaration source, parsed with the TypeScript compiler, or of
     * declarations parsed before (see cache.ts).
     */
    public constructor(declarationSource: string | SchemaDeclarations, fileName = 'metadata.d.ts') {
        this.aliases =
            typeof declarationSource === 'string'
                ? parseDeclarations(declarationSource, fileName)
                : declarationSource;
    }

    public static fromFile(path: string): MetadataSchema {
        return new MetadataSchema(fs.readFileSync(path, 'utf8'), path);
    }

    /**
     * The schema of the installed `@salesforce/types` package, read once per process: from the
     * cache when it holds this version of metadata.d.ts, else with the TypeScript compiler. The
     * options of the first call hold for the process.
     */
    public static load(options: SchemaLoadOptions = {}): MetadataSchema {
        if (!loaded) {
            // The package exports only the empty .js; its .d.ts sits beside it.
            const declarations = require
                .resolve('@salesforce/types/metadata')
                .replace(/\.js$/, '.d.ts');
            loaded =
                options.cache === false
                    ? MetadataSchema.fromFile(declarations)
                    : new MetadataSchema(
                          readCachedDeclarations(declarations, SCHEMA_CACHE_DIRECTORY)
                      );
        }
        return loaded;
    }

    public hasType(name: string): boolean {
        return this.aliases.has(name);
    }

    /** The complex type with this name, or undefined when there is none (or it is an enum). */
    public complexType(name: string): ComplexTypeSchema | undefined {
        const cached = this.cache.get(name);
        if (cached) {
            return cached;
        }
        const declaration = this.aliases.get(name);
        if (!declaration || declaration.kind === 'enum' || declaration.kind === 'primitive') {
            return undefined;
        }
        const elements: ElementSchema[] = [];
        const seen = new Set<string>();
        const isMetadata = this.collect(declaration, elements, seen);
        const schema: ComplexTypeSchema = { name, elements, isMetadata };
        this.cache.set(name, schema);
        return schema;
    }

    /** The allowed values of an enum type, or undefined when the name is not an enum. */
    public enumType(name: string): readonly string[] | undefined {
        const declaration = this.aliases.get(name);
        return declaration?.kind === 'enum' ? declaration.values : undefined;
    }

    /** Collects the elements of a type; returns whether it extends Metadata. */
    private collect(type: TypeDeclaration, into: ElementSchema[], seen: Set<string>): boolean {
        switch (type.kind) {
            case 'intersection': {
                let isMetadata = false;
                for (const part of type.parts) {
                    isMetadata = this.collect(part, into, seen) || isMetadata;
                }
                return isMetadata;
            }
            case 'reference': {
                const parent = this.complexType(type.name);
                if (!parent) {
                    throw new Error(
                        `The metadata schema names an unknown parent type ${type.name}.`
                    );
                }
                for (const element of parent.elements) {
                    addElement(into, seen, element);
                }
                return parent.isMetadata || type.name === 'Metadata';
            }
            case 'object':
                for (const member of type.members) {
                    addElement(into, seen, this.element(member));
                }
                return false;
            case 'primitive':
                throw new Error(`The metadata schema extends ${type.name}, which has no elements.`);
            default:
                throw new Error(`Unsupported type node in the metadata schema: ${type.syntax}`);
        }
    }

    private element(member: MemberDeclaration): ElementSchema {
        if (member.kind === 'unsupported-name') {
            throw new Error(`Unsupported property name in the metadata schema: ${member.syntax}`);
        }
        return {
            name: member.name,
            type: this.valueType(member.type),
            repeated: member.repeated,
            required: !member.repeated && !member.optional
        };
    }

    private valueType(type: PropertyTypeDeclaration): ValueType {
        switch (type.kind) {
            case 'primitive':
                return { kind: 'primitive', name: type.name };
            case 'reference': {
                const { name } = type;
                if (name === 'Date') {
                    return { kind: 'primitive', name: 'date' };
                }
                const declaration = this.aliases.get(name);
                if (declaration?.kind === 'primitive') {
                    return { kind: 'primitive', name: declaration.name };
                }
                const values = this.enumType(name);
                return values ? { kind: 'enum', name, values } : { kind: 'complex', name };
            }
            default:
                throw new Error(`Unsupported property type in the metadata schema: ${type.syntax}`);
        }
    }
}

let loaded: MetadataSchema | undefined;

/**
 * A name declared at two levels (FlowCustomError re-declares `description`) keeps its first,
 * inherited position: the WSDL allows either, and one position keeps output deterministic.
 */
function addElement(into: ElementSchema[], seen: Set<string>, element: ElementSchema): void {
    if (!seen.has(element.name)) {
        seen.add(element.name);
        into.push(element);
    }
}
