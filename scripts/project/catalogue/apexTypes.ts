import {
    ACC_ABSTRACT,
    ACC_BRIDGE,
    ACC_ENUM,
    ACC_INTERFACE,
    ACC_PUBLIC,
    ACC_STATIC,
    ACC_SYNTHETIC,
    readClassFile
} from './classFile';
import type { ClassFile, ClassMember } from './classFile';
import { CatalogueError } from './errors';
import type { ZipEntry } from '../../shared/zip';
import { parseClassType, parseFieldType, parseMethodType, SignatureError } from './signature';
import type { JvmType } from './signature';
import type {
    ApexConstructor,
    ApexMethod,
    ApexProperty,
    ApexTypeInfo,
    ApexTypeName
} from './types';

/**
 * The platform Apex types of apex-dev-tools' `standard-types` jar: a package per namespace
 * (com/nawforce/runforce/System, .../Database, .../ConnectApi), a class per type, inner types
 * as `Outer$Inner` (the Visualforce components of `Component.Apex.OutputText`). The jar writes
 * Apex names that Java reserves with a trailing `$` (`toString$`, `clone$`, `for$`): the catalogue
 * gives the Apex name.
 */

const RUNFORCE = 'com/nawforce/runforce/';
const INTERNAL = `${RUNFORCE}Internal/`;

/**
 * Packages of the jar that are not Apex namespaces: `Internal` holds apex-dev-tools' own helper
 * types (their names end with `$`), `SObjectStubs` empty stand-ins for the few objects the jar
 * needs before the sobject-types jar is loaded.
 */
const NOT_NAMESPACES: ReadonlySet<string> = new Set(['Internal', 'SObjectStubs']);

/**
 * The Apex type each of apex-dev-tools' helper types stands for where it appears in a platform
 * signature. `RecordSet$` is their list of query results (it declares List's methods:
 * `Database.query` returns one); `SObjectType$<T>` and the other describe helpers extend the
 * Schema type named here; `Object$` and `Any$` accept any value.
 */
const INTERNAL_TYPES: ReadonlyMap<string, string> = new Map([
    ['RecordSet$', 'System.List'],
    ['SObjectType$', 'Schema.SObjectType'],
    ['SObjectTypeFields$', 'Schema.SObjectTypeFields'],
    ['SObjectTypeFieldSets$', 'Schema.SObjectTypeFieldSets'],
    ['DescribeSObjectResult$', 'Schema.DescribeSObjectResult'],
    ['SObjectFieldRowCause$', 'Schema.SObjectField'],
    ['Object$', 'Object'],
    ['Any$', 'Object'],
    ['Null$', 'Object']
]);

/**
 * Java classes that appear in the jar's signatures. `java/lang/Object` is Apex's Object; the
 * String, Boolean and Integer of java/lang appear in the Apex methods some enums declare
 * (`ordinal$(): java.lang.Integer`), where they stand for Apex's own.
 */
const JAVA_TYPES: ReadonlyMap<string, string> = new Map([
    ['java/lang/Object', 'Object'],
    ['java/lang/String', 'System.String'],
    ['java/lang/Boolean', 'System.Boolean'],
    ['java/lang/Integer', 'System.Integer']
]);

/** The superclasses that Apex does not show: every class's Object, every enum's Enum. */
const IMPLICIT_SUPERCLASSES: ReadonlySet<string> = new Set(['java/lang/Object', 'java/lang/Enum']);

/** Every public platform type of the jar, in the jar's order. */
export function readApexTypes(entries: readonly ZipEntry[], jarName: string): ApexTypeInfo[] {
    const types: ApexTypeInfo[] = [];
    for (const entry of entries) {
        const place = namespaceAndName(entry.name);
        if (place === undefined) {
            continue;
        }
        const where = `${jarName}!/${entry.name}`;
        const classFile = readClassFile(entry.read(), where);
        if ((classFile.access & ACC_PUBLIC) === 0) {
            continue;
        }
        try {
            types.push(toApexType(classFile, place.namespace, place.name));
        } catch (error) {
            if (error instanceof SignatureError) {
                throw new CatalogueError(where, error.message, { cause: error });
            }
            throw error;
        }
    }
    return types;
}

function namespaceAndName(entryName: string): { namespace: string; name: string } | undefined {
    if (!entryName.startsWith(RUNFORCE) || !entryName.endsWith('.class')) {
        return undefined;
    }
    const parts = entryName.slice(RUNFORCE.length, -'.class'.length).split('/');
    const [namespace, name] = parts;
    if (parts.length !== 2 || namespace === undefined || name === undefined) {
        return undefined;
    }
    if (NOT_NAMESPACES.has(namespace)) {
        return undefined;
    }
    return { namespace, name: name.split('$').join('.') };
}

function toApexType(classFile: ClassFile, namespace: string, name: string): ApexTypeInfo {
    const kind =
        (classFile.access & ACC_INTERFACE) !== 0
            ? 'interface'
            : (classFile.access & ACC_ENUM) !== 0
              ? 'enum'
              : 'class';
    const header = classHeader(classFile);
    const superclass =
        header.superclass?.kind === 'class' && IMPLICIT_SUPERCLASSES.has(header.superclass.name)
            ? undefined
            : header.superclass;
    const constructors: ApexConstructor[] = [];
    const methods: ApexMethod[] = [];
    for (const member of classFile.methods) {
        if (!isDeclared(member) || (kind === 'enum' && isJavacEnumMethod(member, classFile))) {
            continue;
        }
        const type = parseMethodType(member.signature ?? member.descriptor);
        const parameters = type.parameters.map(apexTypeName);
        if (member.name === '<init>') {
            constructors.push({ parameters });
        } else if (member.name !== '<clinit>') {
            methods.push({
                name: apexMemberName(member.name),
                static: (member.access & ACC_STATIC) !== 0,
                parameters,
                returnType: apexTypeName(type.result)
            });
        }
    }
    const properties: ApexProperty[] = [];
    const values: string[] = [];
    const ownDescriptor = `L${classFile.name};`;
    for (const member of classFile.fields) {
        if (!isDeclared(member)) {
            continue;
        }
        if (kind === 'enum' && member.descriptor === ownDescriptor) {
            values.push(member.name);
            continue;
        }
        properties.push({
            name: apexMemberName(member.name),
            static: (member.access & ACC_STATIC) !== 0,
            type: apexTypeName(parseFieldType(member.signature ?? member.descriptor))
        });
    }
    const info = {
        namespace,
        name,
        kind,
        abstract: kind === 'class' && (classFile.access & ACC_ABSTRACT) !== 0,
        typeParameters: header.typeParameters,
        interfaces: header.interfaces.map(apexTypeName),
        constructors,
        methods,
        properties,
        values
    } as const;
    return superclass === undefined ? info : { ...info, superclass: apexTypeName(superclass) };
}

function classHeader(classFile: ClassFile): {
    typeParameters: readonly string[];
    superclass: JvmType | undefined;
    interfaces: readonly JvmType[];
} {
    if (classFile.signature !== undefined) {
        return parseClassType(classFile.signature);
    }
    const plain = (name: string): JvmType => ({ kind: 'class', name, arguments: [] });
    return {
        typeParameters: [],
        superclass: classFile.superName === undefined ? undefined : plain(classFile.superName),
        interfaces: classFile.interfaces.map(plain)
    };
}

function isDeclared(member: ClassMember): boolean {
    return (
        (member.access & ACC_PUBLIC) !== 0 && (member.access & (ACC_SYNTHETIC | ACC_BRIDGE)) === 0
    );
}

/**
 * The `values()` and `valueOf(java.lang.String)` javac writes into every Java enum: they come
 * from Java, not from the type; the jar declares the Apex ones as `values$` and `valueOf$`.
 */
function isJavacEnumMethod(member: ClassMember, classFile: ClassFile): boolean {
    return (
        (member.access & ACC_STATIC) !== 0 &&
        ((member.name === 'values' && member.descriptor === `()[L${classFile.name};`) ||
            (member.name === 'valueOf' &&
                member.descriptor === `(Ljava/lang/String;)L${classFile.name};`))
    );
}

/** `toString$` → `toString`: the jar's escape of names Java reserves or Object declares. */
function apexMemberName(name: string): string {
    return name.endsWith('$') ? name.slice(0, -1) : name;
}

/** A type as Apex writes it, every platform type with its namespace. */
export function apexTypeName(type: JvmType): ApexTypeName {
    switch (type.kind) {
        case 'void':
            return 'void';
        case 'variable':
            return type.name;
        case 'array':
            return `System.List<${apexTypeName(type.element)}>`;
        case 'primitive':
            throw new SignatureError(
                type.code,
                'is a Java primitive, which no Apex type of the jar uses'
            );
        case 'class': {
            const base = className(type.name);
            // Of the helper types, only the list keeps its type argument in Apex.
            const generic = !type.name.startsWith(INTERNAL) || base === 'System.List';
            return type.arguments.length === 0 || !generic
                ? base
                : `${base}<${type.arguments.map(apexTypeName).join(', ')}>`;
        }
    }
}

function className(binaryName: string): string {
    const java = JAVA_TYPES.get(binaryName);
    if (java !== undefined) {
        return java;
    }
    if (!binaryName.startsWith(RUNFORCE)) {
        throw new SignatureError(binaryName, 'is a Java class that stands for no Apex type');
    }
    if (binaryName.startsWith(INTERNAL)) {
        const stands = INTERNAL_TYPES.get(binaryName.slice(INTERNAL.length));
        if (stands === undefined) {
            throw new SignatureError(
                binaryName,
                'is a helper type of the jar with no Apex meaning'
            );
        }
        return stands;
    }
    const [namespace = '', ...rest] = binaryName.slice(RUNFORCE.length).split('/');
    const name = rest.join('/').split('$').join('.');
    // Objects are Schema's types in Apex (`Schema.Account`), whichever jar declares them.
    return namespace === 'SObjects' || namespace === 'SObjectStubs'
        ? `Schema.${name}`
        : `${namespace}.${name}`;
}
