const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Salesforce-style record Ids: the object's three-character key prefix, a base-62 serial number
 * (where the platform puts the pod and the record number), and the three-character suffix that
 * makes the 18-character form case-insensitive-safe. Ids are generated in order, so records of a
 * run get the same Ids every time.
 */
export function makeId(keyPrefix: string, serial: number): string {
    let digits = '';
    for (let rest = serial; rest > 0; rest = Math.floor(rest / 62)) {
        digits = (BASE62[rest % 62] ?? '0') + digits;
    }
    return withChecksum(`${keyPrefix}${digits.padStart(12, '0')}`);
}

/** The 18-character form of a 15- or 18-character Id, or undefined when it is not an Id. */
export function normalizeId(id: string): string | undefined {
    if (/^[0-9A-Za-z]{15}$/.test(id)) {
        return withChecksum(id);
    }
    if (/^[0-9A-Za-z]{18}$/.test(id)) {
        return withChecksum(id.slice(0, 15));
    }
    return undefined;
}

function withChecksum(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const character = id15.charAt(chunk * 5 + position);
            if (character >= 'A' && character <= 'Z') {
                bits |= 1 << position;
            }
        }
        suffix += CHECKSUM.charAt(bits);
    }
    return id15 + suffix;
}
