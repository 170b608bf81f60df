import { CatalogueError } from './errors';

/**
 * A reader of JVM class files (The Java Virtual Machine Specification, Java SE 21, chapter 4),
 * reduced to what the catalogue needs: the class's name, access flags, superclass and
 * interfaces, and its fields and methods with their descriptors and generic `Signature`
 * attributes. Code, annotations and the other attributes are skipped by their length.
 * Every read is bounds-checked: a malformed file is refused with the jar entry's name.
 */

/** Access flags (JVMS tables 4.1-B, 4.5-A and 4.6-A). */
export const ACC_PUBLIC = 0x0001;
export const ACC_STATIC = 0x0008;
export const ACC_FINAL = 0x0010;
export const ACC_SYNTHETIC = 0x1000;
export const ACC_BRIDGE = 0x0040;
export const ACC_INTERFACE = 0x0200;
export const ACC_ABSTRACT = 0x0400;
export const ACC_ENUM = 0x4000;

export interface ClassMember {
    readonly name: string;
    /** The erased type, such as `Lcom/nawforce/runforce/System/List;` (JVMS 4.3). */
    readonly descriptor: string;
    /** The generic type, such as `Lcom/nawforce/runforce/System/List<...>;` (JVMS 4.7.9.1). */
    readonly signature: string | undefined;
    readonly access: number;
}

export interface ClassFile {
    /** The binary name with slashes: `com/nawforce/runforce/SObjects/Account`. */
    readonly name: string;
    readonly access: number;
    /** Absent for java/lang/Object only. */
    readonly superName: string | undefined;
    readonly interfaces: readonly string[];
    /** The class's generic signature, such as `<T:Ljava/lang/Object;>Ljava/lang/Object;...`. */
    readonly signature: string | undefined;
    readonly fields: readonly ClassMember[];
    readonly methods: readonly ClassMember[];
}

const MAGIC = 0xcafebabe;

const CONSTANT_UTF8 = 1;
const CONSTANT_CLASS = 7;
/** Bytes each constant takes after its tag (JVMS 4.4); Long and Double take two pool slots. */
const CONSTANT_SIZES: Readonly<Record<number, number>> = {
    3: 4, // Integer
    4: 4, // Float
    5: 8, // Long
    6: 8, // Double
    7: 2, // Class
    8: 2, // String
    9: 4, // Fieldref
    10: 4, // Methodref
    11: 4, // InterfaceMethodref
    12: 4, // NameAndType
    15: 3, // MethodHandle
    16: 2, // MethodType
    17: 4, // Dynamic
    18: 4, // InvokeDynamic
    19: 2, // Module
    20: 2 // Package
};
const CONSTANT_LONG = 5;
const CONSTANT_DOUBLE = 6;

/** Reads one class file; `where` names it in errors (`jar!/entry`). */
export function readClassFile(bytes: Buffer, where: string): ClassFile {
    const reader = new Reader(bytes, where);
    if (bytes.length < 4 || reader.u4() !== MAGIC) {
        throw new CatalogueError(where, 'not a class file: it does not start with 0xCAFEBABE.');
    }
    reader.skip(4); // minor and major version: every version the catalogue reads is the same.
    const pool = readConstantPool(reader);
    const access = reader.u2();
    const name = pool.className(reader.u2());
    const superIndex = reader.u2();
    const superName = superIndex === 0 ? undefined : pool.className(superIndex);
    const interfaces: string[] = [];
    for (let count = reader.u2(); count > 0; count--) {
        interfaces.push(pool.className(reader.u2()));
    }
    const fields = readMembers(reader, pool);
    const methods = readMembers(reader, pool);
    const signature = readAttributes(reader, pool);
    if (reader.offset !== bytes.length) {
        reader.fail(`${bytes.length - reader.offset} bytes follow the class's last attribute.`);
    }
    return { name, access, superName, interfaces, signature, fields, methods };
}

function readMembers(reader: Reader, pool: ConstantPool): ClassMember[] {
    const members: ClassMember[] = [];
    for (let count = reader.u2(); count > 0; count--) {
        const access = reader.u2();
        const name = pool.utf8(reader.u2());
        const descriptor = pool.utf8(reader.u2());
        const signature = readAttributes(reader, pool);
        members.push({ name, descriptor, signature, access });
    }
    return members;
}

/** Skips a table of attributes, keeping only the `Signature` one (JVMS 4.7.9). */
function readAttributes(reader: Reader, pool: ConstantPool): string | undefined {
    let signature: string | undefined;
    for (let count = reader.u2(); count > 0; count--) {
        const name = pool.utf8(reader.u2());
        const length = reader.u4();
        if (name === 'Signature') {
            if (length !== 2) {
                reader.fail(`a Signature attribute is ${length} bytes long, not 2.`);
            }
            signature = pool.utf8(reader.u2());
        } else {
            reader.skip(length);
        }
    }
    return signature;
}

interface ConstantPool {
    utf8(index: number): string;
    className(index: number): string;
}

function readConstantPool(reader: Reader): ConstantPool {
    const count = reader.u2();
    const tags = new Uint8Array(count);
    const offsets = new Uint32Array(count);
    for (let index = 1; index < count; index++) {
        const tag = reader.u1();
        tags[index] = tag;
        offsets[index] = reader.offset;
        if (tag === CONSTANT_UTF8) {
            reader.skip(reader.u2());
            continue;
        }
        const size = CONSTANT_SIZES[tag];
        if (size === undefined) {
            reader.fail(`constant pool entry ${index} has the unknown tag ${tag}.`);
        }
        reader.skip(size);
        if (tag === CONSTANT_LONG || tag === CONSTANT_DOUBLE) {
            index++;
        }
    }
    const strings = new Map<number, string>();
    const entry = (index: number, tag: number, what: string): number => {
        if (index <= 0 || index >= count || tags[index] !== tag) {
            reader.fail(`constant pool index ${index} is not the ${what} the class file needs.`);
        }
        return offsets[index] ?? 0;
    };
    const utf8 = (index: number): string => {
        let text = strings.get(index);
        if (text === undefined) {
            const offset = entry(index, CONSTANT_UTF8, 'text');
            const length = reader.bytes.readUInt16BE(offset);
            text = decodeModifiedUtf8(reader, offset + 2, offset + 2 + length);
            strings.set(index, text);
        }
        return text;
    };
    return {
        utf8,
        className: (index) =>
            utf8(reader.bytes.readUInt16BE(entry(index, CONSTANT_CLASS, 'class name')))
    };
}

/**
 * Text in the class file's "modified UTF-8" (JVMS 4.4.7): NUL as two bytes, and characters
 * outside the Basic Multilingual Plane as their two UTF-16 surrogates of three bytes each, so
 * each one-, two- or three-byte sequence is exactly one UTF-16 code unit.
 */
function decodeModifiedUtf8(reader: Reader, start: number, end: number): string {
    const { bytes } = reader;
    let ascii = true;
    for (let offset = start; offset < end; offset++) {
        if ((bytes[offset] ?? 0) >= 0x80 || bytes[offset] === 0) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        return bytes.toString('latin1', start, end);
    }
    const units: number[] = [];
    let offset = start;
    const next = (): number => {
        const byte = bytes[offset++] ?? 0;
        if (offset > end || (byte & 0xc0) !== 0x80) {
            reader.fail(`a constant's text is not modified UTF-8 (at byte ${offset - 1}).`);
        }
        return byte & 0x3f;
    };
    while (offset < end) {
        const byte = bytes[offset++] ?? 0;
        if (byte !== 0 && byte < 0x80) {
            units.push(byte);
        } else if ((byte & 0xe0) === 0xc0) {
            units.push(((byte & 0x1f) << 6) | next());
        } else if ((byte & 0xf0) === 0xe0) {
            units.push(((byte & 0x0f) << 12) | (next() << 6) | next());
        } else {
            reader.fail(`a constant's text is not modified UTF-8 (at byte ${offset - 1}).`);
        }
    }
    let text = '';
    // In slices: a constant may hold 65,535 units, more arguments than a call should take.
    for (let from = 0; from < units.length; from += 8192) {
        text += String.fromCharCode(...units.slice(from, from + 8192));
    }
    return text;
}

class Reader {
    public offset = 0;

    public constructor(
        public readonly bytes: Buffer,
        private readonly where: string
    ) {}

    public u1(): number {
        this.need(1);
        return this.bytes.readUInt8(this.offset++);
    }

    public u2(): number {
        this.need(2);
        const value = this.bytes.readUInt16BE(this.offset);
        this.offset += 2;
        return value;
    }

    public u4(): number {
        this.need(4);
        const value = this.bytes.readUInt32BE(this.offset);
        this.offset += 4;
        return value;
    }

    public skip(length: number): void {
        this.need(length);
        this.offset += length;
    }

    public fail(message: string): never {
        throw new CatalogueError(this.where, `malformed class file: ${message}`);
    }

    private need(length: number): void {
        if (this.offset + length > this.bytes.length) {
            this.fail(
                `it ends at byte ${this.bytes.length}, inside a structure at byte ${this.offset}.`
            );
        }
    }
}
