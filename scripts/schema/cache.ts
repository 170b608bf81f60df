import * as fs from 'node:fs';
import * as path from 'node:path';
import { isRecord } from '../shared/json';
import { cacheDirectory, hashOf, readKeyed, writeKeyed } from '../cache/keyed';
import {
    DECLARATIONS_PARSER,
    parseDeclarations,
    type MemberDeclaration,
    type PropertyTypeDeclaration,
    type SchemaDeclarations,
    type TypeDeclaration
} from './declarations';

/** Where MetadataSchema.load() keeps the parsed schema, beside the validator's Apex results. */
export const SCHEMA_CACHE_DIRECTORY = cacheDirectory('validate');

const FILE_PREFIX = 'schema-';

/**
 * The type aliases of a declaration file (metadata.d.ts), from a JSON file in cacheDirectory
 * when one was written for this very file, else parsed with the TypeScript compiler and written
 * there for the next run. Loading the compiler and parsing the file take about a second; reading
 * the JSON takes some tens of milliseconds, and the compiler is then never loaded.
 *
 * The cache file is named after the version of the package that holds the declaration file and
 * a hash of the file's content and of the parser's source, so that another version of
 * `@salesforce/types`, an edited file or a changed parser is parsed again. A cache file that
 * cannot be read, is not JSON or does not hold declarations is parsed again and written anew;
 * one that cannot be written (a read-only node_modules) costs only the parse.
 */
export function readCachedDeclarations(
    declarationFile: string,
    cacheDirectory: string
): SchemaDeclarations {
    const source = fs.readFileSync(declarationFile, 'utf8');
    const key = hashOf([source, fs.readFileSync(DECLARATIONS_PARSER)]);
    const version = packageVersion(declarationFile).replace(/[^\w.-]/g, '_');
    const file = path.join(cacheDirectory, `${FILE_PREFIX}${version}-${key.slice(0, 16)}.json`);
    const cached = readCacheFile(file, key);
    if (cached) {
        return cached;
    }
    const declarations = parseDeclarations(source, declarationFile);
    writeCacheFile(file, key, declarations);
    return declarations;
}

function readCacheFile(file: string, key: string): SchemaDeclarations | undefined {
    const types = readKeyed(file, key);
    if (!Array.isArray(types)) {
        return undefined;
    }
    const declarations = new Map<string, TypeDeclaration>();
    for (const entry of types as unknown[]) {
        if (!Array.isArray(entry) || entry.length !== 2) {
            return undefined;
        }
        const [name, declaration] = entry as unknown[];
        if (typeof name !== 'string' || !isTypeDeclaration(declaration)) {
            return undefined;
        }
        declarations.set(name, declaration);
    }
    return declarations;
}

function writeCacheFile(file: string, key: string, declarations: SchemaDeclarations): void {
    if (!writeKeyed(file, key, [...declarations])) {
        return;
    }
    // The schemas of other versions are never read again.
    const directory = path.dirname(file);
    try {
        for (const other of fs.readdirSync(directory)) {
            if (
                other.startsWith(FILE_PREFIX) &&
                other.endsWith('.json') &&
                other !== path.basename(file)
            ) {
                fs.rmSync(path.join(directory, other), { force: true });
            }
        }
    } catch {
        // Another run removed them first, or may not: they only take room.
    }
}

/** The version of the package a file belongs to: its nearest package.json's, else "unknown". */
function packageVersion(file: string): string {
    for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
        const manifest = path.join(directory, 'package.json');
        if (fs.existsSync(manifest)) {
            try {
                const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
                if (isRecord(parsed) && typeof parsed.version === 'string') {
                    return parsed.version;
                }
            } catch {
                // An unreadable package.json names no version; the content hash still keys.
            }
            return 'unknown';
        }
        if (path.dirname(directory) === directory) {
            return 'unknown';
        }
    }
}

function isStringArray(value: unknown): value is string[] {
    return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isTypeDeclaration(value: unknown): value is TypeDeclaration {
    if (!isRecord(value)) {
        return false;
    }
    switch (value.kind) {
        case 'enum':
            return isStringArray(value.values) && typeof value.syntax === 'string';
        case 'intersection':
            return Array.isArray(value.parts) && value.parts.every(isTypeDeclaration);
        case 'reference':
            return typeof value.name === 'string';
        case 'object':
            return Array.isArray(value.members) && value.members.every(isMemberDeclaration);
        case 'primitive':
            return isPropertyTypeDeclaration(value);
        case 'unsupported':
            return typeof value.syntax === 'string';
        default:
            return false;
    }
}

function isMemberDeclaration(value: unknown): value is MemberDeclaration {
    if (!isRecord(value)) {
        return false;
    }
    if (value.kind === 'unsupported-name') {
        return typeof value.syntax === 'string';
    }
    return (
        value.kind === 'property' &&
        typeof value.name === 'string' &&
        typeof value.repeated === 'boolean' &&
        typeof value.optional === 'boolean' &&
        isPropertyTypeDeclaration(value.type)
    );
}

function isPropertyTypeDeclaration(value: unknown): value is PropertyTypeDeclaration {
    if (!isRecord(value)) {
        return false;
    }
    switch (value.kind) {
        case 'primitive':
            return value.name === 'string' || value.name === 'number' || value.name === 'boolean';
        case 'reference':
            return typeof value.name === 'string';
        case 'unsupported':
            return typeof value.syntax === 'string';
        default:
            return false;
    }
}
