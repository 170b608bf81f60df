import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { ACC_PUBLIC, ACC_STATIC } from '../classFile';

/**
 * Small class files and jars written the way javac and Maven write them, so that the readers
 * can be tested on input made for each case: a class with a given field, a truncated one, a jar
 * with a stored entry.
 */

export interface MemberSpec {
    readonly name: string;
    readonly descriptor: string;
    readonly signature?: string;
    readonly access?: number;
}

export interface ClassSpec {
    readonly name: string;
    readonly superName?: string;
    readonly access?: number;
    readonly interfaces?: readonly string[];
    readonly signature?: string;
    readonly fields?: readonly MemberSpec[];
    readonly methods?: readonly MemberSpec[];
}

export const RUNFORCE = 'com/nawforce/runforce/';
export const SOBJECT = `${RUNFORCE}System/SObject`;

/** A field of an SObject class: `public <type> <name>;`. */
export function field(name: string, type: string, signature?: string): MemberSpec {
    const descriptor = type.startsWith('[') ? type : `L${RUNFORCE}${type};`;
    return signature === undefined ? { name, descriptor } : { name, descriptor, signature };
}

/** A class file (JVMS chapter 4) with a constant pool of the names it needs, version 52. */
export function classFile(spec: ClassSpec): Buffer {
    const pool: Buffer[] = [];
    const utf8Indexes = new Map<string, number>();
    const classIndexes = new Map<string, number>();
    const utf8 = (text: string): number => {
        let index = utf8Indexes.get(text);
        if (index === undefined) {
            const bytes = modifiedUtf8(text);
            pool.push(Buffer.concat([Buffer.from([1]), u2(bytes.length), bytes]));
            index = pool.length;
            utf8Indexes.set(text, index);
        }
        return index;
    };
    const classRef = (name: string): number => {
        let index = classIndexes.get(name);
        if (index === undefined) {
            const nameIndex = utf8(name);
            pool.push(Buffer.concat([Buffer.from([7]), u2(nameIndex)]));
            index = pool.length;
            classIndexes.set(name, index);
        }
        return index;
    };
    const signatureAttributes = (signature: string | undefined): Buffer =>
        signature === undefined
            ? u2(0)
            : Buffer.concat([u2(1), u2(utf8('Signature')), u4(2), u2(utf8(signature))]);
    const members = (list: readonly MemberSpec[]): Buffer =>
        Buffer.concat([
            u2(list.length),
            ...list.map((member) =>
                Buffer.concat([
                    u2(member.access ?? ACC_PUBLIC),
                    u2(utf8(member.name)),
                    u2(utf8(member.descriptor)),
                    signatureAttributes(member.signature)
                ])
            )
        ]);
    const thisClass = classRef(spec.name);
    const superClass = classRef(spec.superName ?? 'java/lang/Object');
    const interfaces = (spec.interfaces ?? []).map(classRef);
    const body = Buffer.concat([
        u2(spec.access ?? ACC_PUBLIC | 0x20),
        u2(thisClass),
        u2(superClass),
        u2(interfaces.length),
        ...interfaces.map(u2),
        members(spec.fields ?? []),
        members(spec.methods ?? []),
        signatureAttributes(spec.signature)
    ]);
    return Buffer.concat([u4(0xcafebabe), u2(0), u2(52), u2(pool.length + 1), ...pool, body]);
}

/** An SObject class as the sobject-types jar has them, with its static members. */
export function sobjectClass(name: string, fields: readonly MemberSpec[]): Buffer {
    const own = `${RUNFORCE}SObjects/${name}`;
    return classFile({
        name: own,
        superName: SOBJECT,
        fields: [
            {
                name: 'SObjectType',
                descriptor: `L${RUNFORCE}Internal/SObjectType$;`,
                signature: `L${RUNFORCE}Internal/SObjectType$<L${own};>;`,
                access: ACC_PUBLIC | ACC_STATIC
            },
            ...fields
        ]
    });
}

export interface ZipSpec {
    readonly name: string;
    readonly data: Buffer;
    /** Stored rather than deflated. */
    readonly stored?: boolean;
}

/** A zip archive (APPNOTE.TXT) of these entries, as a jar tool writes it. */
export function zip(entries: readonly ZipSpec[]): Buffer {
    const locals: Buffer[] = [];
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const entry of entries) {
        const name = Buffer.from(entry.name, 'utf8');
        const data = entry.stored === true ? entry.data : deflateRawSync(entry.data);
        const method = entry.stored === true ? 0 : 8;
        const common = Buffer.concat([
            u2le(20),
            u2le(0),
            u2le(method),
            u4le(0),
            u4le(crc32(entry.data)),
            u4le(data.length),
            u4le(entry.data.length),
            u2le(name.length),
            u2le(0)
        ]);
        const local = Buffer.concat([u4le(0x04034b50), common, name, data]);
        centrals.push(
            Buffer.concat([
                u4le(0x02014b50),
                u2le(20),
                common,
                u2le(0),
                u2le(0),
                u2le(0),
                u4le(0),
                u4le(offset),
                name
            ])
        );
        locals.push(local);
        offset += local.length;
    }
    const central = Buffer.concat(centrals);
    const end = Buffer.concat([
        u4le(0x06054b50),
        u2le(0),
        u2le(0),
        u2le(entries.length),
        u2le(entries.length),
        u4le(central.length),
        u4le(offset),
        u2le(0)
    ]);
    return Buffer.concat([...locals, central, end]);
}

/** The Maven properties every apex-dev-tools jar carries, which give the catalogue's version. */
export function pomProperties(artifact: string, version: string): ZipSpec {
    return {
        name: `META-INF/maven/io.github.apex-dev-tools/${artifact}/pom.properties`,
        data: Buffer.from(`artifactId=${artifact}\nversion=${version}\n`)
    };
}

const temporary: string[] = [];

/** A new temporary directory, removed by `removeTemporaryDirectories`. */
export function temporaryDirectory(prefix: string): string {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), `catalogue-${prefix}-`));
    temporary.push(directory);
    return directory;
}

export function removeTemporaryDirectories(): void {
    for (const directory of temporary.splice(0)) {
        fs.rmSync(directory, { recursive: true, force: true });
    }
}

/** JVMS 4.4.7: each UTF-16 unit on its own, NUL as two bytes. */
export function modifiedUtf8(text: string): Buffer {
    const bytes: number[] = [];
    for (let index = 0; index < text.length; index++) {
        const unit = text.charCodeAt(index);
        if (unit !== 0 && unit < 0x80) {
            bytes.push(unit);
        } else if (unit < 0x800) {
            bytes.push(0xc0 | (unit >> 6), 0x80 | (unit & 0x3f));
        } else {
            bytes.push(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f));
        }
    }
    return Buffer.from(bytes);
}

function u2(value: number): Buffer {
    const buffer = Buffer.alloc(2);
    buffer.writeUInt16BE(value);
    return buffer;
}

function u4(value: number): Buffer {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(value);
    return buffer;
}

function u2le(value: number): Buffer {
    const buffer = Buffer.alloc(2);
    buffer.writeUInt16LE(value);
    return buffer;
}

function u4le(value: number): Buffer {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value);
    return buffer;
}
