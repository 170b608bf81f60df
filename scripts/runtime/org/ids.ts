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
    // Called for every Id a query compares or sorts: no regular expression, and an Id already
    // in its 18-character form is returned as it is, not copied.
    if (id.length !== 15 && id.length !== 18) {
        return undefined;
    }
    for (let index = 0; index < id.length; index++) {
        if (!isAlphanumeric(id.charCodeAt(index))) {
            return undefined;
        }
    }
    const suffix = checksum(id);
    return id.length === 18 && id.endsWith(suffix) ? id : id.slice(0, 15) + suffix;
}

function isAlphanumeric(code: number): boolean {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function withChecksum(id15: string): string {
    return id15 + checksum(id15);
}

/** The three characters that tell the case of the first 15, five characters each. */
function checksum(id: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let position = 0; position < 5; position++) {
            const code = id.charCodeAt(chunk * 5 + position);
            if (code >= 65 && code <= 90) {
                bits |= 1 << position;
            }
        }
        suffix += CHECKSUM.charAt(bits);
    }
    return suffix;
}
