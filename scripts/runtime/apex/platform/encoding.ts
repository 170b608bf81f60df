import { T } from '../types';
import { method, required } from './define';
import { refuse } from './refuse';
import type { CallSite, PlatformClass } from '../services';
import { BlobValue, type Value } from '../model';

/**
 * EncodingUtil (RG "EncodingUtil Class") and Blob (RG "Blob Class"): URL encoding as Java's
 * URLEncoder and URLDecoder do it, Base64 and hexadecimal. Only the UTF-8 encoding scheme is
 * implemented; another is refused.
 */

const text = (value: Value | undefined, site: CallSite): string =>
    required((value ?? null) as string | null, site);
const blob = (value: Value | undefined, site: CallSite): BlobValue =>
    required((value ?? null) as BlobValue | null, site);

function utf8Scheme(scheme: Value | undefined, site: CallSite): void {
    const name = text(scheme, site);
    if (!/^utf-?8$/i.test(name)) {
        refuse(site, `the encoding scheme ${JSON.stringify(name)} (only UTF-8 is)`);
    }
}

/** Characters urlEncode keeps: "A - Z, a - z, and 0 -9", "dot (.), hyphen (-), asterisk (*), and under score (_)". */
const UNRESERVED = /^[A-Za-z0-9.\-*_]$/;

/**
 * RG urlEncode(inputString, encodingScheme): the characters above stay, "The space character is
 * converted to a plus sign (+)", every other character becomes the %XY of each of its bytes in
 * the scheme (upper-case hexadecimal, as Java's URLEncoder writes it).
 */
export function urlEncode(input: string): string {
    let out = '';
    for (const char of input) {
        if (UNRESERVED.test(char)) {
            out += char;
        } else if (char === ' ') {
            out += '+';
        } else {
            // An unpaired surrogate has no UTF-8 form: Java's encoder writes '?' for it.
            const code = char.codePointAt(0) ?? 0;
            const bytes =
                code >= 0xd800 && code <= 0xdfff ? Buffer.from('?') : Buffer.from(char, 'utf8');
            for (const byte of bytes) {
                out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
            }
        }
    }
    return out;
}

/**
 * RG urlDecode(inputString, encodingScheme): `+` is a space and each run of %xy is decoded as
 * bytes of the scheme. Text Java's URLDecoder rejects (a % without two hexadecimal digits) is
 * refused, for the exception Apex raises then is not documented.
 */
function urlDecode(input: string, site: CallSite): string {
    let out = '';
    let index = 0;
    while (index < input.length) {
        const char = input.charAt(index);
        if (char === '+') {
            out += ' ';
            index++;
        } else if (char === '%') {
            const bytes: number[] = [];
            while (input.charAt(index) === '%') {
                const hex = input.slice(index + 1, index + 3);
                if (!/^[0-9a-fA-F]{2}$/.test(hex)) {
                    return refuse(
                        site,
                        `EncodingUtil.urlDecode of ${JSON.stringify(input)}, a malformed escape [verify in an org: the exception]`
                    );
                }
                bytes.push(parseInt(hex, 16));
                index += 3;
            }
            out += Buffer.from(bytes).toString('utf8');
        } else {
            out += char;
            index++;
        }
    }
    return out;
}

const BASE64 =
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

export const encodingUtilClass: PlatformClass = {
    name: 'System.EncodingUtil',
    names: ['encodingutil', 'system.encodingutil'],
    staticMethods: [
        method('urlEncode', [T.string, T.string], T.string, (_self, [input, scheme], site) => {
            utf8Scheme(scheme, site);
            return urlEncode(text(input, site));
        }),
        method('urlDecode', [T.string, T.string], T.string, (_self, [input, scheme], site) => {
            utf8Scheme(scheme, site);
            return urlDecode(text(input, site), site);
        }),
        // "Converts a Blob to an unencoded String representing its normal form."
        method('base64Encode', [T.blob], T.string, (_self, [input], site) =>
            blob(input, site).bytes.toString('base64')
        ),
        // Text outside the Base64 alphabet is refused [verify in an org: how Apex reads it].
        method('base64Decode', [T.string], T.blob, (_self, [input], site) => {
            const encoded = text(input, site).replace(/\s+/g, '');
            if (!BASE64.test(encoded)) {
                return refuse(site, 'EncodingUtil.base64Decode of text that is not Base64');
            }
            return new BlobValue(Buffer.from(encoded, 'base64'));
        }),
        // Lower-case hexadecimal [2nd: public Apex compares convertToHex output with '89504e47'].
        method('convertToHex', [T.blob], T.string, (_self, [input], site) =>
            blob(input, site).bytes.toString('hex')
        ),
        // "The string can contain only valid hexadecimal characters ... and must have an even
        // number of characters", else InvalidParameterValueException.
        method('convertFromHex', [T.string], T.blob, (_self, [input], site) => {
            const hex = text(input, site);
            if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) {
                // [verify in an org: the exception's message]
                return site.vm.raise(
                    'InvalidParameterValueException',
                    `Invalid hex string: ${hex}`
                );
            }
            return new BlobValue(Buffer.from(hex, 'hex'));
        })
    ]
};

export const blobClass: PlatformClass = {
    name: 'System.Blob',
    names: ['blob', 'system.blob'],
    staticMethods: [
        // "Casts the specified String to a Blob": its UTF-8 bytes.
        method(
            'valueOf',
            [T.string],
            T.blob,
            (_self, [value], site) => new BlobValue(Buffer.from(text(value, site), 'utf8'))
        )
    ],
    instanceMethods: [
        method('size', [], T.integer, (self) => (self as BlobValue).bytes.length),
        // "Casts the Blob into a String"; bytes that are no UTF-8 throw StringException
        // [2nd: public logs quote "BLOB is not a valid UTF-8 string"].
        method('toString', [], T.string, (self, _args, site) => {
            try {
                return new TextDecoder('utf-8', { fatal: true }).decode((self as BlobValue).bytes);
            } catch {
                return site.vm.raise('StringException', 'BLOB is not a valid UTF-8 string');
            }
        })
    ]
};
