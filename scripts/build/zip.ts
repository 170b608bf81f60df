const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_RECORD_SIZE = 22;
const HEADER_SIZE = 46;
/** The end record may be followed by an archive comment of up to 64 KiB. */
const MAX_COMMENT = 0xffff;

/**
 * The entry names of a zip archive, read from its central directory. The build reads back the
 * zip it wrote so that the exclusion checks look at what ships, not at what was asked for.
 */
export function zipEntryNames(zip: Buffer): string[] {
    const end = findEndRecord(zip);
    const count = zip.readUInt16LE(end + 10);
    let offset = zip.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let index = 0; index < count; index++) {
        if (
            offset + HEADER_SIZE > zip.length ||
            zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_HEADER
        ) {
            throw new Error(`The zip's central directory is damaged at entry ${index + 1}.`);
        }
        const nameLength = zip.readUInt16LE(offset + 28);
        const extraLength = zip.readUInt16LE(offset + 30);
        const commentLength = zip.readUInt16LE(offset + 32);
        names.push(zip.toString('utf8', offset + HEADER_SIZE, offset + HEADER_SIZE + nameLength));
        offset += HEADER_SIZE + nameLength + extraLength + commentLength;
    }
    return names;
}

function findEndRecord(zip: Buffer): number {
    const lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
    for (let offset = zip.length - END_RECORD_SIZE; offset >= lowest; offset--) {
        if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
            return offset;
        }
    }
    throw new Error('Not a zip archive: no end of central directory record.');
}
