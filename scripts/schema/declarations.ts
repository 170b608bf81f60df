import { createRequire } from 'node:module';
import type * as TypeScript from 'typescript';

/*
 * The type aliases of metadata.d.ts as plain data: what MetadataSchema needs of the syntax
 * tree, and nothing of the TypeScript compiler, so that it can be kept as JSON (see cache.ts).
 * What the schema reader does not support is kept too, with the name of its syntax, and
 * reported only when a type that uses it is asked for, as the reader always has.
 */

/** A type as an alias declares it, or as an intersection or a property uses it. */
export type TypeDeclaration =
    /** A string literal or a union of string literals: an enum. */
    | { readonly kind: 'enum'; readonly values: readonly string[]; readonly syntax: string }
    | { readonly kind: 'intersection'; readonly parts: readonly TypeDeclaration[] }
    /** Another type by name, e.g. the parent in `Parent & { ... }`. */
    | { readonly kind: 'reference'; readonly name: string }
    /** An object literal: its property signatures, in declaration order. */
    | { readonly kind: 'object'; readonly members: readonly MemberDeclaration[] }
    /**
     * A plain value: 65 aliases of metadata.d.ts are `string` (`Fit`, `DashboardComponentColumnType`),
     * where the WSDL's simple type has no enumeration the generator kept.
     */
    | { readonly kind: 'primitive'; readonly name: 'string' | 'number' | 'boolean' }
    | { readonly kind: 'unsupported'; readonly syntax: string };

/** A property of an object literal. */
export type MemberDeclaration =
    | {
          readonly kind: 'property';
          readonly name: string;
          readonly type: PropertyTypeDeclaration;
          /** Declared as an array (`name: Type[]`). */
          readonly repeated: boolean;
          /** Declared with a question mark (`name?: Type`). */
          readonly optional: boolean;
      }
    /** A property whose name is neither an identifier nor a string literal. */
    | { readonly kind: 'unsupported-name'; readonly syntax: string };

/** The type of a property, array element type for an array. */
export type PropertyTypeDeclaration =
    | { readonly kind: 'primitive'; readonly name: 'string' | 'number' | 'boolean' }
    /** A named type: `Date`, an enum or a complex type, told apart when the schema is read. */
    | { readonly kind: 'reference'; readonly name: string }
    | { readonly kind: 'unsupported'; readonly syntax: string };

/** Every type alias of a declaration file by name; a later alias of a name replaces an earlier. */
export type SchemaDeclarations = ReadonlyMap<string, TypeDeclaration>;

/*
 * The compiler takes most of a second to load: it is required only here, on first use, so that
 * a run that finds the declarations in the cache never loads it. `require` rather than
 * `import()`: MetadataSchema.load() and the constructor are synchronous.
 */
const load = createRequire(__filename);

/** This file: the cache of parsed declarations is keyed by its content too. */
export const DECLARATIONS_PARSER = __filename;

/** Reads the type aliases of a declaration file (such as metadata.d.ts) with the compiler. */
export function parseDeclarations(source: string, fileName: string): SchemaDeclarations {
    const ts = load('typescript') as typeof TypeScript;
    const syntax = (node: TypeScript.Node): string => ts.SyntaxKind[node.kind];

    function enumValues(node: TypeScript.TypeNode): string[] | undefined {
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

    function entityName(name: TypeScript.EntityName): string {
        return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
    }

    function typeDeclaration(node: TypeScript.TypeNode): TypeDeclaration {
        const values = enumValues(node);
        if (values) {
            return { kind: 'enum', values, syntax: syntax(node) };
        }
        if (ts.isIntersectionTypeNode(node)) {
            return { kind: 'intersection', parts: node.types.map(typeDeclaration) };
        }
        if (ts.isTypeReferenceNode(node)) {
            return { kind: 'reference', name: entityName(node.typeName) };
        }
        const primitive = propertyType(node);
        if (primitive.kind === 'primitive') {
            return primitive;
        }
        if (ts.isTypeLiteralNode(node)) {
            const members: MemberDeclaration[] = [];
            for (const member of node.members) {
                if (ts.isPropertySignature(member) && member.type) {
                    members.push(memberDeclaration(member, member.type));
                }
            }
            return { kind: 'object', members };
        }
        return { kind: 'unsupported', syntax: syntax(node) };
    }

    function memberDeclaration(
        member: TypeScript.PropertySignature,
        declared: TypeScript.TypeNode
    ): MemberDeclaration {
        const { name } = member;
        if (!ts.isIdentifier(name) && !ts.isStringLiteral(name)) {
            return { kind: 'unsupported-name', syntax: syntax(name) };
        }
        const repeated = ts.isArrayTypeNode(declared);
        return {
            kind: 'property',
            name: name.text,
            type: propertyType(ts.isArrayTypeNode(declared) ? declared.elementType : declared),
            repeated,
            optional: member.questionToken !== undefined
        };
    }

    function propertyType(node: TypeScript.TypeNode): PropertyTypeDeclaration {
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
            return { kind: 'reference', name: entityName(node.typeName) };
        }
        return { kind: 'unsupported', syntax: syntax(node) };
    }

    const declarations = new Map<string, TypeDeclaration>();
    const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest);
    for (const statement of file.statements) {
        if (ts.isTypeAliasDeclaration(statement)) {
            declarations.set(statement.name.text, typeDeclaration(statement.type));
        }
    }
    return declarations;
}
