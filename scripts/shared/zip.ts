import { inflateRawSync } from 'node:zlib';

/**
 * The entries of a zip archive (a jar too; APPNOTE.TXT sections 4.3.7, 4.3.12 and 4.3.16), read
 * from its central directory and inflated on demand. Only what the project reads is supported:
 * stored and deflated entries, no ZIP64, no encryption; anything else is refused with the
 * entry's name rather than read wrongly.
 */
export interface ZipEntry {
    readonly name: string;
    /** The entry's bytes, inflated. */
    read(): Buffer;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const END_RECORD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
/** The end record may be followed by an archive comment of up to 64 KiB. */
const MAX_COMMENT = 0xffff;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED = 0x1;
/** Sizes and offsets of 0xFFFFFFFF mean that the real ones are in a ZIP64 extra field. */
const ZIP64_MARKER = 0xffffffff;

/** An archive or one of its entries could not be read; `source` names it (`archive!/entry`). */
export class ZipError extends Error {
    public constructor(
        public readonly source: string,
        message: string,
        options?: { cause?: unknown }
    ) {
        super(`${source}: ${message}`, options);
        this.name = 'ZipError';
    }
}

/** Every entry of the archive whose bytes are given; `jarName` names it in errors. */
export function zipEntries(jar: Buffer, jarName: string): ZipEntry[] {
    const end = findEndRecord(jar, jarName);
    const count = jar.readUInt16LE(end + 10);
    let offset = jar.readUInt32LE(end + 16);
    const entries: ZipEntry[] = [];
    for (let index = 0; index < count; index++) {
        if (
            offset + CENTRAL_HEADER_SIZE > jar.length ||
            jar.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER
        ) {
            throw new ZipError(
                jarName,
                `the central directory is damaged at entry ${index + 1} of ${count}.`
            );
        }
        const flags = jar.readUInt16LE(offset + 8);
        const method = jar.readUInt16LE(offset + 10);
        const compressedSize = jar.readUInt32LE(offset + 20);
        const size = jar.readUInt32LE(offset + 24);
        const nameLength = jar.readUInt16LE(offset + 28);
        const extraLength = jar.readUInt16LE(offset + 30);
        const commentLength = jar.readUInt16LE(offset + 32);
        const localOffset = jar.readUInt32LE(offset + 42);
        const nameStart = offset + CENTRAL_HEADER_SIZE;
        const name = jar.toString('utf8', nameStart, nameStart + nameLength);
        const entry = { jar, jarName, name, flags, method, compressedSize, size, localOffset };
        entries.push({ name, read: () => readEntry(entry) });
        offset = nameStart + nameLength + extraLength + commentLength;
    }
    return entries;
}

interface EntryLocation {
    readonly jar: Buffer;
    readonly jarName: string;
    readonly name: string;
    readonly flags: number;
    readonly method: number;
    readonly compressedSize: number;
    readonly size: number;
    readonly localOffset: number;
}

function readEntry(entry: EntryLocation): Buffer {
    const { jar, name } = entry;
    const where = `${entry.jarName}!/${name}`;
    if ((entry.flags & ENCRYPTED) !== 0) {
        throw new ZipError(where, 'the entry is encrypted, which is not supported.');
    }
    if (entry.compressedSize === ZIP64_MARKER || entry.localOffset === ZIP64_MARKER) {
        throw new ZipError(where, 'the entry is a ZIP64 entry, which is not supported.');
    }
    const local = entry.localOffset;
    if (local + LOCAL_HEADER_SIZE > jar.length || jar.readUInt32LE(local) !== LOCAL_FILE_HEADER) {
        throw new ZipError(where, 'the entry has no local header where the directory says.');
    }
    // The local header repeats the name but may carry another extra field than the directory.
    const start =
        local + LOCAL_HEADER_SIZE + jar.readUInt16LE(local + 26) + jar.readUInt16LE(local + 28);
    if (start + entry.compressedSize > jar.length) {
        throw new ZipError(where, 'the entry runs past the end of the jar.');
    }
    const data = jar.subarray(start, start + entry.compressedSize);
    let bytes: Buffer;
    if (entry.method === STORED) {
        bytes = data;
    } else if (entry.method === DEFLATED) {
        try {
            bytes = inflateRawSync(data);
        } catch (error) {
            throw new ZipError(where, 'the entry does not inflate.', { cause: error });
        }
    } else {
        throw new ZipError(where, `compression method ${entry.method} is not supported.`);
    }
    if (bytes.length !== entry.size) {
        throw new ZipError(
            where,
            `the entry inflates to ${bytes.length} bytes, not the ${entry.size} its directory says.`
        );
    }
    return bytes;
}

function findEndRecord(jar: Buffer, jarName: string): number {
    const lowest = Math.max(0, jar.length - END_RECORD_SIZE - MAX_COMMENT);
    for (let offset = jar.length - END_RECORD_SIZE; offset >= lowest; offset--) {
        if (jar.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
            return offset;
        }
    }
    throw new ZipError(jarName, 'not a zip archive: no end of central directory record.');
}
