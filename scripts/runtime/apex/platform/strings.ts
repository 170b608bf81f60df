import { elementsOf } from '../collections';
import { formatDatetimeGmt, toText } from '../render';
import { T } from '../types';
import { method, required } from './define';
import type { JavaPattern } from './javaRegex';
import { refuse } from './refuse';
import { withJavaRegex } from './regex';
import type { CallSite, PlatformClass } from '../services';
import { type DatetimeValue, ListValue, type Value } from '../model';

/**
 * The String class (RG "String Class"): its static methods and the methods of every String.
 * split, replaceAll and replaceFirst take Java regular expressions (javaRegex.ts).
 */

const s = (value: Value | undefined): string => value as string;

/**
 * String.format (RG String format: "the same as apex:outputText and the Java MessageFormat
 * class"; single quotes are supported from API 51.0): `{n}` takes the n-th argument as text,
 * `'...'` quotes literal text and `''` is one quote. A `{n}` past the arguments stays as it is,
 * as MessageFormat leaves it. Format types (`{0,number,#}`) are refused.
 */
function messageFormat(pattern: string, args: readonly Value[], site: CallSite): string {
    let out = '';
    let quoted = false;
    for (let index = 0; index < pattern.length; index++) {
        const char = pattern.charAt(index);
        if (char === "'") {
            if (pattern.charAt(index + 1) === "'") {
                out += "'";
                index++;
            } else {
                quoted = !quoted;
            }
        } else if (char === '{' && !quoted) {
            const close = pattern.indexOf('}', index);
            const argument = close < 0 ? '' : pattern.slice(index + 1, close);
            if (!/^\d+$/.test(argument)) {
                return refuse(
                    site,
                    `the String.format element ${JSON.stringify(pattern.slice(index, close + 1 || undefined))}`
                );
            }
            const value = args[Number(argument)];
            out += value === undefined ? `{${argument}}` : toText(value, site.vm.renderHooks);
            index = close;
        } else {
            out += char;
        }
    }
    return out;
}

/** Runs a String method's regular expression, Java's (RG String: "See the Java Pattern class"). */
const regexOf = <R>(
    site: CallSite,
    source: Value | undefined,
    run: (pattern: JavaPattern) => R
): R => withJavaRegex(site, s(required(source ?? null, site)), run);

const list = (items: readonly string[]): ListValue => new ListValue(T.string, [...items]);

function substring(text: string, start: number, end: number, site: CallSite): string {
    if (start < 0 || start > text.length) {
        return site.vm.raise('StringException', `Starting position out of bounds: ${start}`);
    }
    if (end > text.length || end < start) {
        return site.vm.raise('StringException', `Ending position out of bounds: ${end}`);
    }
    return text.slice(start, end);
}

const blank = (value: Value | undefined): boolean =>
    value === null || value === undefined || s(value).trim() === '';

export const stringClass: PlatformClass = {
    name: 'System.String',
    names: ['string', 'system.string'],
    staticMethods: [
        method('valueOf', ['any'], T.string, (_self, [value = null], site) =>
            value === null ? null : toText(value, site.vm.renderHooks)
        ),
        method('isBlank', [T.string], T.boolean, (_self, [value]) => blank(value)),
        method('isNotBlank', [T.string], T.boolean, (_self, [value]) => !blank(value)),
        method(
            'isEmpty',
            [T.string],
            T.boolean,
            (_self, [value = null]) => value === null || value === ''
        ),
        method(
            'isNotEmpty',
            [T.string],
            T.boolean,
            (_self, [value = null]) => value !== null && value !== ''
        ),
        method(
            'join',
            ['any', T.string],
            T.string,
            (_self, [items = null, separator = null], site) =>
                (elementsOf(required(items, site)) ?? [])
                    .map((item) => toText(item, site.vm.renderHooks))
                    .join(s(separator ?? ''))
        ),
        method(
            'format',
            [T.string, T.list(T.object)],
            T.string,
            (_self, [pattern = null, args = null], site) =>
                messageFormat(
                    s(required(pattern, site)),
                    (required(args, site) as ListValue).items,
                    site
                )
        ),
        // RG valueOfGmt(datetimeToConvert): "yyyy-MM-dd HH:mm:ss" for the GMT time zone.
        method('valueOfGmt', [T.datetime], T.string, (_self, [value = null]) =>
            value === null ? null : formatDatetimeGmt(value as DatetimeValue)
        ),
        method('escapeSingleQuotes', [T.string], T.string, (_self, [value = null], site) =>
            s(required(value, site)).replace(/'/g, "\\'")
        )
    ],
    instanceMethods: [
        method('length', [], T.integer, (self) => s(self).length),
        method('toLowerCase', [], T.string, (self) => s(self).toLowerCase()),
        method('toUpperCase', [], T.string, (self) => s(self).toUpperCase()),
        method('trim', [], T.string, (self) =>
            s(self).replace(/^[\s\u0000-\u0020]+|[\s\u0000-\u0020]+$/g, '')
        ),
        method('contains', [T.string], T.boolean, (self, [part], site) =>
            s(self).includes(s(required(part ?? null, site)))
        ),
        method('containsIgnoreCase', [T.string], T.boolean, (self, [part], site) =>
            s(self)
                .toLowerCase()
                .includes(s(required(part ?? null, site)).toLowerCase())
        ),
        method('startsWith', [T.string], T.boolean, (self, [part], site) =>
            s(self).startsWith(s(required(part ?? null, site)))
        ),
        method('endsWith', [T.string], T.boolean, (self, [part], site) =>
            s(self).endsWith(s(required(part ?? null, site)))
        ),
        method('startsWithIgnoreCase', [T.string], T.boolean, (self, [part], site) =>
            s(self)
                .toLowerCase()
                .startsWith(s(required(part ?? null, site)).toLowerCase())
        ),
        method('endsWithIgnoreCase', [T.string], T.boolean, (self, [part], site) =>
            s(self)
                .toLowerCase()
                .endsWith(s(required(part ?? null, site)).toLowerCase())
        ),
        method(
            'equals',
            ['any'],
            T.boolean,
            (self, [other = null]) => typeof other === 'string' && s(self) === other
        ),
        method(
            'equalsIgnoreCase',
            [T.string],
            T.boolean,
            (self, [other = null]) =>
                typeof other === 'string' && s(self).toLowerCase() === other.toLowerCase()
        ),
        method('compareTo', [T.string], T.integer, (self, [other], site) => {
            const a = s(self);
            const b = s(required(other ?? null, site));
            return a < b ? -1 : a > b ? 1 : 0;
        }),
        method('indexOf', [T.string], T.integer, (self, [part], site) =>
            s(self).indexOf(s(required(part ?? null, site)))
        ),
        method('indexOf', [T.string, T.integer], T.integer, (self, [part, from], site) =>
            s(self).indexOf(s(required(part ?? null, site)), from as number)
        ),
        method('lastIndexOf', [T.string], T.integer, (self, [part], site) =>
            s(self).lastIndexOf(s(required(part ?? null, site)))
        ),
        method('substring', [T.integer], T.string, (self, [start], site) =>
            substring(s(self), start as number, s(self).length, site)
        ),
        method('substring', [T.integer, T.integer], T.string, (self, [start, end], site) =>
            substring(s(self), start as number, end as number, site)
        ),
        method('substringBefore', [T.string], T.string, (self, [separator = null]) => {
            if (separator === null) {
                return s(self);
            }
            const index = s(self).indexOf(s(separator));
            return index < 0 ? s(self) : s(self).slice(0, index);
        }),
        method('substringAfter', [T.string], T.string, (self, [separator = null]) => {
            if (separator === null) {
                return '';
            }
            const index = s(self).indexOf(s(separator));
            return index < 0 ? '' : s(self).slice(index + s(separator).length);
        }),
        method('substringAfterLast', [T.string], T.string, (self, [separator = null]) => {
            if (separator === null || separator === '') {
                return '';
            }
            const index = s(self).lastIndexOf(s(separator));
            return index < 0 ? '' : s(self).slice(index + s(separator).length);
        }),
        method('substringBeforeLast', [T.string], T.string, (self, [separator = null]) => {
            if (separator === null || separator === '') {
                return s(self);
            }
            const index = s(self).lastIndexOf(s(separator));
            return index < 0 ? s(self) : s(self).slice(0, index);
        }),
        method('split', [T.string], T.list(T.string), (self, [regex], site) =>
            list(regexOf(site, regex, (pattern) => pattern.split(s(self))))
        ),
        method('split', [T.string, T.integer], T.list(T.string), (self, [regex, limit], site) =>
            list(
                regexOf(site, regex, (pattern) =>
                    pattern.split(s(self), required((limit ?? null) as number | null, site))
                )
            )
        ),
        method('replace', [T.string, T.string], T.string, (self, [target, replacement], site) =>
            s(self)
                .split(s(required(target ?? null, site)))
                .join(s(required(replacement ?? null, site)))
        ),
        // Java's replaceAll and replaceFirst: $n names a group, \\ escapes (RG Matcher replaceAll).
        method('replaceAll', [T.string, T.string], T.string, (self, [regex, replacement], site) =>
            regexOf(site, regex, (pattern) =>
                pattern.replace(s(self), s(required(replacement ?? null, site)), true)
            )
        ),
        method('replaceFirst', [T.string, T.string], T.string, (self, [regex, replacement], site) =>
            regexOf(site, regex, (pattern) =>
                pattern.replace(s(self), s(required(replacement ?? null, site)), false)
            )
        ),
        // RG remove(substring): "Removes all occurrences of the specified substring"; a null or
        // empty one removes nothing [verify in an org: remove(null)].
        method('remove', [T.string], T.string, (self, [part = null]) =>
            part === null || part === '' ? s(self) : s(self).split(s(part)).join('')
        ),
        method('left', [T.integer], T.string, (self, [length]) =>
            s(self).slice(0, Math.max(0, length as number))
        ),
        method('right', [T.integer], T.string, (self, [length]) =>
            (length as number) <= 0 ? '' : s(self).slice(-(length as number))
        ),
        method('abbreviate', [T.integer], T.string, (self, [width], site) => {
            const text = s(self);
            const max = width as number;
            if (max < 4) {
                return site.vm.raise('IllegalArgumentException', 'Minimum abbreviation width is 4');
            }
            return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
        }),
        method(
            'capitalize',
            [],
            T.string,
            (self) => s(self).charAt(0).toUpperCase() + s(self).slice(1)
        ),
        method('deleteWhitespace', [], T.string, (self) => s(self).replace(/\s+/g, '')),
        method('normalizeSpace', [], T.string, (self) => s(self).trim().replace(/\s+/g, ' ')),
        method('removeEnd', [T.string], T.string, (self, [end = null]) =>
            end !== null && s(self).endsWith(s(end))
                ? s(self).slice(0, s(self).length - s(end).length)
                : s(self)
        ),
        method('removeStart', [T.string], T.string, (self, [start = null]) =>
            start !== null && s(self).startsWith(s(start))
                ? s(self).slice(s(start).length)
                : s(self)
        ),
        method('repeat', [T.integer], T.string, (self, [count]) =>
            s(self).repeat(Math.max(0, count as number))
        ),
        // Java's StringBuilder.reverse keeps surrogate pairs together, as code points do.
        // eslint-disable-next-line @typescript-eslint/no-misused-spread
        method('reverse', [], T.string, (self) => [...s(self)].reverse().join('')),
        method('isNumeric', [], T.boolean, (self) => /^[0-9]+$/.test(s(self))),
        method('isAlpha', [], T.boolean, (self) => /^[A-Za-z]+$/.test(s(self))),
        method('isAlphanumeric', [], T.boolean, (self) => /^[A-Za-z0-9]+$/.test(s(self))),
        method('countMatches', [T.string], T.integer, (self, [part = null]) =>
            part === null || part === '' ? 0 : s(self).split(s(part)).length - 1
        ),
        method('leftPad', [T.integer], T.string, (self, [length]) =>
            s(self).padStart(length as number, ' ')
        ),
        method('leftPad', [T.integer, T.string], T.string, (self, [length, pad]) =>
            s(self).padStart(length as number, s(pad ?? ' '))
        ),
        method('rightPad', [T.integer], T.string, (self, [length]) =>
            s(self).padEnd(length as number, ' ')
        ),
        method('rightPad', [T.integer, T.string], T.string, (self, [length, pad]) =>
            s(self).padEnd(length as number, s(pad ?? ' '))
        ),
        method('charAt', [T.integer], T.integer, (self, [index], site) => {
            const position = index as number;
            if (position < 0 || position >= s(self).length) {
                return site.vm.raise('StringException', `Char index out of bounds: ${position}`);
            }
            return s(self).charCodeAt(position);
        }),
        method('hashCode', [], T.integer, (self) => {
            let hash = 0;
            for (const char of s(self)) {
                hash = (Math.imul(31, hash) + (char.codePointAt(0) ?? 0)) | 0;
            }
            return hash;
        })
    ]
};
