import { isIdText, toId18 } from '../runtimeTypes';
import { T } from '../types';
import { method, required } from './define';
import type { PlatformClass } from '../services';
import { IdValue } from '../model';

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The casing the last three characters of an 18-character Id encode (APEX.md §2). */
function restoreCasing(id: string): string {
    let out = '';
    for (let group = 0; group < 3; group++) {
        const bits = SUFFIX.indexOf(id.charAt(15 + group).toUpperCase());
        for (let index = 0; index < 5; index++) {
            const char = id.charAt(group * 5 + index);
            out += (bits >> index) & 1 ? char.toUpperCase() : char.toLowerCase();
        }
    }
    return out + id.slice(15).toUpperCase();
}

/**
 * Id's methods that need no data (RG "Id Class"): valueOf and to15. getSObjectType reads the
 * schema and is not here.
 */
export const idClass: PlatformClass = {
    name: 'System.Id',
    names: ['id', 'system.id'],
    staticMethods: [
        // "Converts the specified String into an ID": 15 characters gain their 18-character
        // form; anything else throws StringException "Invalid id: …" (RG: "In API version 54.0
        // and later, assignment of an invalid 15 or 18 character ID ... results in a
        // System.StringException"; the text from APEX.md §2).
        method('valueOf', [T.string], T.id, (_self, [text = null], site) => {
            const value = required(text, site) as string;
            return isIdText(value)
                ? new IdValue(toId18(value))
                : site.vm.raise('StringException', `Invalid id: ${value}`);
        }),
        /**
         * "If restoreCasing is true, and the string represents an 18-character ID that has
         * incorrect casing, the method returns an 18-character ID that is correctly aligned with
         * its encoded casing"; a 15-character one then throws StringException.
         */
        method(
            'valueOf',
            [T.string, T.boolean],
            T.id,
            (_self, [text = null, restore = null], site) => {
                const value = required(text, site) as string;
                if (!isIdText(value) || (restore === true && value.length === 15)) {
                    // [verify in an org: the message for a 15-character Id with restoreCasing]
                    return site.vm.raise('StringException', `Invalid id: ${value}`);
                }
                return new IdValue(restore === true ? restoreCasing(value) : toId18(value));
            }
        )
    ],
    instanceMethods: [
        // "Converts an 18-character Id value to a 15-character case-sensitive string."
        method('to15', [], T.string, (self) => (self as IdValue).value.slice(0, 15))
    ]
};
