import * as fs from 'node:fs';
import * as ts from 'typescript';
import type { ComplexTypeSchema, ElementSchema, ValueType } from './types';

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
    private readonly aliases = new Map<string, ts.TypeNode>();
    private readonly cache = new Map<string, ComplexTypeSchema>();

    public constructor(declarationSource: string, fileName = 'metadata.d.ts') {
        const source = ts.createSourceFile(fileName, declarationSource, ts.ScriptTarget.Latest);
        for (const statement of source.statements) {
            if (ts.isTypeAliasDeclaration(statement)) {
                this.aliases.set(statement.name.text, statement.type);
            }
        }
    }

    public static fromFile(path: string): MetadataSchema {
        return new MetadataSchema(fs.readFileSync(path, 'utf8'), path);
    }

    /** The schema of the installed `@salesforce/types` package. */
    public static load(): MetadataSchema {
        // The package exports only the empty .js; its .d.ts sits beside it.
        const declarations = require
            .resolve('@salesforce/types/metadata')
            .replace(/\.js$/, '.d.ts');
        loaded ??= MetadataSchema.fromFile(declarations);
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
        const node = this.aliases.get(name);
        if (!node || this.enumValues(node)) {
            return undefined;
        }
        const elements: ElementSchema[] = [];
        const seen = new Set<string>();
        const isMetadata = this.collect(node, elements, seen);
        const schema: ComplexTypeSchema = { name, elements, isMetadata };
        this.cache.set(name, schema);
        return schema;
    }

    /** The allowed values of an enum type, or undefined when the name is not an enum. */
    public enumType(name: string): readonly string[] | undefined {
        const node = this.aliases.get(name);
        return node ? this.enumValues(node) : undefined;
    }

    /** Collects the elements of a type node; returns whether it extends Metadata. */
    private collect(node: ts.TypeNode, into: ElementSchema[], seen: Set<string>): boolean {
        if (ts.isIntersectionTypeNode(node)) {
            let isMetadata = false;
            for (const part of node.types) {
                isMetadata = this.collect(part, into, seen) || isMetadata;
            }
            return isMetadata;
        }
        if (ts.isTypeReferenceNode(node)) {
            const parentName = entityName(node.typeName);
            const parent = this.complexType(parentName);
            if (!parent) {
                throw new Error(`The metadata schema names an unknown parent type ${parentName}.`);
            }
            for (const element of parent.elements) {
                addElement(into, seen, element);
            }
            return parent.isMetadata || parentName === 'Metadata';
        }
        if (ts.isTypeLiteralNode(node)) {
            for (const member of node.members) {
                if (ts.isPropertySignature(member) && member.type) {
                    addElement(into, seen, this.element(member));
                }
            }
            return false;
        }
        throw new Error(
            `Unsupported type node in the metadata schema: ${ts.SyntaxKind[node.kind]}`
        );
    }

    private element(member: ts.PropertySignature): ElementSchema {
        const name = propertyName(member.name);
        let typeNode = member.type as ts.TypeNode;
        const repeated = ts.isArrayTypeNode(typeNode);
        if (ts.isArrayTypeNode(typeNode)) {
            typeNode = typeNode.elementType;
        }
        return {
            name,
            type: this.valueType(typeNode),
            repeated,
            required: !repeated && member.questionToken === undefined
        };
    }

    private valueType(node: ts.TypeNode): ValueType {
        switch (node.kind) {
            case ts.SyntaxKind.StringKeyword:
            case ts.SyntaxKind.AnyKeyword:
                return { kind: 'primitive', name: 'string' };
            case ts.SyntaxKind.NumberKeyword:
                return { kind: 'primitive', name: 'number' };
            case ts.SyntaxKind.BooleanKeyword:
                return { kind: 'primitive', name: 'boolean' };
            default:
                break;
        }
        if (ts.isTypeReferenceNode(node)) {
            const name = entityName(node.typeName);
            if (name === 'Date') {
                return { kind: 'primitive', name: 'date' };
            }
            const target = this.aliases.get(name);
            const values = target ? this.enumValues(target) : undefined;
            return values ? { kind: 'enum', name, values } : { kind: 'complex', name };
        }
        throw new Error(
            `Unsupported property type in the metadata schema: ${ts.SyntaxKind[node.kind]}`
        );
    }

    private enumValues(node: ts.TypeNode): readonly string[] | undefined {
        if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) {
            return [node.literal.text];
        }
        if (!ts.isUnionTypeNode(node)) {
            return undefined;
        }
        const values: string[] = [];
        for (const member of node.types) {
            if (!ts.isLiteralTypeNode(member) || !ts.isStringLiteral(member.literal)) {
                return undefined;
            }
            values.push(member.literal.text);
        }
        return values;
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

function entityName(name: ts.EntityName): string {
    return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

function propertyName(name: ts.PropertyName): string {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name)) {
        return name.text;
    }
    throw new Error(
        `Unsupported property name in the metadata schema: ${ts.SyntaxKind[name.kind]}`
    );
}
