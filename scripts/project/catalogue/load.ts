import * as fs from 'node:fs';
import * as path from 'node:path';
import { cacheDirectory, hashOf, readKeyed, writeKeyed } from '../../cache/keyed';
import { isRecord } from '../../shared/json';
import { readApexTypes } from './apexTypes';
import {
    CACHE_FORMAT,
    decodeApexTypes,
    decodeSObjects,
    encodeApexTypes,
    encodeSObjects
} from './cacheFormat';
import { createCatalogue } from './catalogue';
import { CatalogueError } from './errors';
import { zipEntries, ZipError } from '../../shared/zip';
import type { ZipEntry } from '../../shared/zip';
import { readSObjects } from './sobjects';
import type { CatalogueSource, StandardCatalogue } from './types';

/**
 * Loading the catalogue: the two jars from the PMD engine's java-lib folder (the Apex checks run
 * them there too, so the catalogue is always the version the checks use), each read once and
 * kept, parsed, in node_modules/.cache/project under a key of the jar's name, size and bytes.
 */

export interface CatalogueOptions {
    /** The folder with the jars; by default the java-lib folder of the PMD engine's package. */
    readonly javaLibDirectory?: string;
    /** Where the parsed jars are kept; by default node_modules/.cache/project. */
    readonly cacheDirectory?: string;
}

export interface CatalogueLoad {
    readonly catalogue: StandardCatalogue;
    /** True when both jars' parts came from the cache, false when a jar was read. */
    readonly fromCache: boolean;
}

export const CATALOGUE_CACHE_DIRECTORY = cacheDirectory('project');

const SOBJECT_JAR = /^sobject-types-.+\.jar$/;
const STANDARD_JAR = /^standard-types-.+\.jar$/;
const POM_PROPERTIES = /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/;

const loaded = new Map<string, StandardCatalogue>();

/** The catalogue, loaded once per process for the same options. */
export function loadStandardCatalogue(options: CatalogueOptions = {}): StandardCatalogue {
    const key = JSON.stringify([options.javaLibDirectory, options.cacheDirectory]);
    let catalogue = loaded.get(key);
    if (catalogue === undefined) {
        catalogue = readStandardCatalogue(options).catalogue;
        loaded.set(key, catalogue);
    }
    return catalogue;
}

/** The catalogue read now, from the cache when it holds the jars' answer, else from the jars. */
export function readStandardCatalogue(options: CatalogueOptions = {}): CatalogueLoad {
    const directory = options.javaLibDirectory ?? defaultJavaLibDirectory();
    const cacheDirectory = options.cacheDirectory ?? CATALOGUE_CACHE_DIRECTORY;
    const sobjects = loadPart(
        findJar(directory, SOBJECT_JAR, 'sobject-types'),
        cacheDirectory,
        readSObjects,
        encodeSObjects,
        decodeSObjects
    );
    const apexTypes = loadPart(
        findJar(directory, STANDARD_JAR, 'standard-types'),
        cacheDirectory,
        readApexTypes,
        encodeApexTypes,
        decodeApexTypes
    );
    if (apiVersionOf(sobjects.source) !== apiVersionOf(apexTypes.source)) {
        throw new CatalogueError(
            directory,
            `${sobjects.source.jar} and ${apexTypes.source.jar} are of different Salesforce versions: ` +
                'reinstall the PMD engine (npm ci) so that both come from the same release.'
        );
    }
    const catalogue = createCatalogue({
        apiVersion: apiVersionOf(sobjects.source),
        sources: [sobjects.source, apexTypes.source],
        sobjects: sobjects.data,
        apexTypes: apexTypes.data
    });
    return { catalogue, fromCache: sobjects.fromCache && apexTypes.fromCache };
}

function defaultJavaLibDirectory(): string {
    const engine = '@salesforce/code-analyzer-pmd-engine';
    let entry: string;
    try {
        entry = require.resolve(engine);
    } catch (error) {
        throw new CatalogueError(engine, 'is not installed: run npm ci.', { cause: error });
    }
    return path.join(path.dirname(entry), 'java-lib');
}

function findJar(directory: string, pattern: RegExp, artifact: string): string {
    let names: string[];
    try {
        names = fs.readdirSync(directory).filter((name) => pattern.test(name));
    } catch (error) {
        throw new CatalogueError(directory, 'cannot be read: install the dependencies (npm ci).', {
            cause: error
        });
    }
    const [name, ...others] = names;
    if (name === undefined || others.length > 0) {
        const found =
            name === undefined
                ? `no ${artifact} jar`
                : `${names.length} ${artifact} jars (${names.join(', ')})`;
        throw new CatalogueError(
            directory,
            `holds ${found}, where the catalogue needs one: reinstall the dependencies (npm ci).`
        );
    }
    return path.join(directory, name);
}

interface Part<T> {
    readonly data: T;
    readonly source: CatalogueSource;
    readonly fromCache: boolean;
}

function loadPart<T>(
    jarPath: string,
    cacheDirectory: string,
    read: (entries: readonly ZipEntry[], jarName: string) => T,
    encode: (data: T) => unknown,
    decode: (value: unknown) => T | undefined
): Part<T> {
    const jarName = path.basename(jarPath);
    const bytes = fs.readFileSync(jarPath);
    const key = hashOf([CACHE_FORMAT, jarName, String(bytes.length), bytes]);
    const file = path.join(cacheDirectory, `${jarName}.json`);
    const kept = readKeyed(file, key);
    if (isRecord(kept) && typeof kept.version === 'string') {
        const data = decode(kept.data);
        if (data !== undefined) {
            return { data, source: { jar: jarName, version: kept.version }, fromCache: true };
        }
    }
    let version: string;
    let data: T;
    try {
        const entries = zipEntries(bytes, jarName);
        version = mavenVersion(entries, jarName);
        data = read(entries, jarName);
    } catch (error: unknown) {
        // A jar that cannot be read is the catalogue's source failing, named as such.
        throw error instanceof ZipError
            ? new CatalogueError(error.source, error.message.slice(error.source.length + 2), {
                  cause: error
              })
            : error;
    }
    writeKeyed(file, key, { version, data: encode(data) });
    return { data, source: { jar: jarName, version }, fromCache: false };
}

/** The `version=` of the jar's Maven pom.properties. */
function mavenVersion(entries: readonly ZipEntry[], jarName: string): string {
    const properties = entries.find((entry) => POM_PROPERTIES.test(entry.name));
    const version = properties
        ?.read()
        .toString('utf8')
        .split(/\r?\n/)
        .find((line) => line.startsWith('version='))
        ?.slice('version='.length)
        .trim();
    if (version === undefined || version === '') {
        throw new CatalogueError(
            jarName,
            'has no Maven version (META-INF/maven/.../pom.properties).'
        );
    }
    return version;
}

/** `65.0.0` → `65.0`: apex-dev-tools version the jars by Salesforce API version. */
function apiVersionOf(source: CatalogueSource): string {
    return source.version.split('.').slice(0, 2).join('.');
}
