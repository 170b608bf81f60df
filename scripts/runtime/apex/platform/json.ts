import { Big } from 'bigdecimal.js';
import { mapPut } from '../collections';
import { asDecimal } from '../equality';
import { formatDouble, formatTime } from '../render';
import { runtimeTypeName } from '../runtimeTypes';
import { T } from '../types';
import { wallClock } from './calendar';
import { method, required } from './define';
import { refuse } from './refuse';
import type { CallSite, PlatformClass } from '../services';
import {
    BlobValue,
    DatetimeValue,
    DateValue,
    DoubleValue,
    EnumValue,
    IdValue,
    ListValue,
    MapValue,
    ObjectValue,
    SetValue,
    SObjectValue,
    TimeValue,
    type Value
} from '../model';

/**
 * The JSON class (RG "JSON Class"): serialize, serializePretty and deserializeUntyped.
 *
 * Serialization writes what the documentation and public org output show:
 * - Datetime as GMT ISO-8601 with milliseconds, `"2011-03-22T08:15:18.000Z"` (RG serialize);
 * - an Apex object's fields in declaration order, its null fields left out when
 *   suppressApexObjectNulls is true; the flag leaves Map entries and sObject fields alone
 *   [2nd: SE 265649 "Has JSON.serialize suppressApexObjectNulls ever worked?", where a Map keeps
 *   `"y":null` and a new Contact keeps `"Email":null`] [verify in an org: field order];
 * - an sObject as `{"attributes":{"type":"Contact"},"LastName":…}`, the fields set on it in
 *   order [2nd: SE 265649]. A queried record also carries `"url"` in its attributes in an org
 *   [2nd: SE 218091]; that is not documented and not written here;
 * - Map<String,Object> with its explicit nulls, `{"foo":null}` [2nd: gist "apex json
 *   serializations"], and `null` for null;
 * - [verify in an org] Date as `"2011-03-22"`, Time as `"13:50:40.848Z"` [2nd: a pastebin log],
 *   Decimal as BigDecimal.toString() (keeping its scale), Double as Java's Double.toString, an
 *   enum as its name, a Blob as Base64, `/` unescaped.
 * Map keys other than String and Id, Doubles that are not finite, exceptions, platform objects,
 * child-relationship lists and cyclic references are refused.
 *
 * serializePretty indents as Jackson's default pretty printer, which public org output shows
 * [2nd: SE 40646, `"key" : value`, two spaces per object level, arrays on one line].
 */

/** A JSON tree, between Apex values and text. */
type Json =
    | null
    | boolean
    | string
    | { readonly number: string }
    | readonly Json[]
    | { readonly entries: readonly (readonly [string, Json])[] };

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** RG serialize example: "2011-03-22T08:15:18.000Z". */
export function isoGmt(value: DatetimeValue): string {
    const wall = wallClock(value.epochMillis);
    return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}.${pad(wall.millisecond, 3)}Z`;
}

class Serializer {
    /** Containers being written, to refuse a reference back to one of them. */
    private readonly open = new Set<object>();

    public constructor(
        private readonly site: CallSite,
        private readonly suppressNulls: boolean
    ) {}

    public tree(value: Value): Json {
        if (value === null || typeof value === 'string' || typeof value === 'boolean') {
            return value;
        }
        if (typeof value === 'number' || typeof value === 'bigint') {
            return { number: value.toString() };
        }
        if (value instanceof DoubleValue) {
            return Number.isFinite(value.value)
                ? { number: formatDouble(value.value) }
                : refuse(this.site, `JSON.serialize of the Double ${formatDouble(value.value)}`);
        }
        if (value instanceof IdValue) {
            return value.value;
        }
        if (value instanceof DateValue) {
            return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
        }
        if (value instanceof DatetimeValue) {
            return isoGmt(value);
        }
        if (value instanceof TimeValue) {
            return formatTime(value);
        }
        if (value instanceof BlobValue) {
            return value.bytes.toString('base64');
        }
        if (value instanceof EnumValue) {
            return value.name;
        }
        const decimal = asDecimal(value);
        if (decimal !== undefined) {
            return { number: decimal.toString() };
        }
        return this.container(value);
    }

    private container(value: Value & object): Json {
        if (this.open.has(value)) {
            return refuse(this.site, 'JSON.serialize of a value that contains itself');
        }
        this.open.add(value);
        try {
            return this.containerTree(value);
        } finally {
            this.open.delete(value);
        }
    }

    private containerTree(value: Value & object): Json {
        if (value instanceof ListValue) {
            return value.items.map((item) => this.tree(item));
        }
        if (value instanceof SetValue) {
            return [...value.items.values()].map((item) => this.tree(item));
        }
        if (value instanceof MapValue) {
            return {
                entries: [...value.entries.values()].map(
                    ({ key, value: entry }) => [this.key(key), this.tree(entry)] as const
                )
            };
        }
        if (value instanceof SObjectValue) {
            return this.sobject(value);
        }
        if (value instanceof ObjectValue && !value.type.isException) {
            return this.object(value);
        }
        return refuse(this.site, `JSON.serialize of ${describe(value)}`);
    }

    private key(key: Value): string {
        if (typeof key === 'string') {
            return key;
        }
        if (key instanceof IdValue) {
            return key.value;
        }
        return refuse(
            this.site,
            `JSON.serialize of a Map whose keys are ${key === null ? 'null' : runtimeTypeName(key)}`
        );
    }

    private sobject(record: SObjectValue): Json {
        const entries: (readonly [string, Json])[] = [
            ['attributes', { entries: [['type', record.type]] }]
        ];
        for (const [key, field] of record.fields) {
            if (field instanceof ListValue) {
                return refuse(
                    this.site,
                    'JSON.serialize of an sObject with a child-relationship list'
                );
            }
            entries.push([record.names.get(key) ?? key, this.tree(field)]);
        }
        return { entries };
    }

    private object(instance: ObjectValue): Json {
        const entries: (readonly [string, Json])[] = [];
        for (const field of instance.type.instanceFields) {
            const value =
                field.property?.getter?.body !== undefined
                    ? this.site.vm.readProperty(field, instance)
                    : (instance.fields[field.slot] ?? null);
            if (value === null && this.suppressNulls) {
                continue;
            }
            entries.push([field.name, this.tree(value)]);
        }
        return { entries };
    }
}

function describe(value: Value): string {
    return value instanceof ObjectValue
        ? `an instance of ${value.type.name}`
        : `a value of type ${runtimeTypeName(value)}`;
}

/** Jackson's string escapes: quote, backslash and control characters. */
function quote(text: string): string {
    let out = '"';
    for (const char of text) {
        const code = char.charCodeAt(0);
        if (char === '"' || char === '\\') {
            out += `\\${char}`;
        } else if (code < 0x20) {
            const short: Readonly<Record<number, string>> = {
                8: '\\b',
                9: '\\t',
                10: '\\n',
                12: '\\f',
                13: '\\r'
            };
            out += short[code] ?? `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
        } else {
            out += char;
        }
    }
    return `${out}"`;
}

function isEntries(json: Json): json is { readonly entries: readonly (readonly [string, Json])[] } {
    return json !== null && typeof json === 'object' && 'entries' in json;
}

function compact(json: Json): string {
    if (json === null) {
        return 'null';
    }
    if (typeof json === 'string') {
        return quote(json);
    }
    if (typeof json === 'boolean') {
        return String(json);
    }
    if (Array.isArray(json)) {
        return `[${(json as readonly Json[]).map(compact).join(',')}]`;
    }
    if (isEntries(json)) {
        return `{${json.entries.map(([key, value]) => `${quote(key)}:${compact(value)}`).join(',')}}`;
    }
    return (json as { readonly number: string }).number;
}

/** Jackson's DefaultPrettyPrinter: objects indent two spaces a level, arrays stay on one line. */
function pretty(json: Json, level: number): string {
    if (Array.isArray(json)) {
        const items = json as readonly Json[];
        return items.length === 0
            ? '[ ]'
            : `[ ${items.map((item) => pretty(item, level)).join(', ')} ]`;
    }
    if (isEntries(json)) {
        if (json.entries.length === 0) {
            return '{ }';
        }
        const indent = '  '.repeat(level + 1);
        const body = json.entries
            .map(([key, value]) => `${indent}${quote(key)} : ${pretty(value, level + 1)}`)
            .join(',\n');
        return `{\n${body}\n${'  '.repeat(level)}}`;
    }
    return compact(json);
}

function serialize(args: readonly Value[], site: CallSite, indented: boolean): string {
    const [value = null, suppress = null] = args;
    const tree = new Serializer(site, suppress === true).tree(value);
    return indented ? pretty(tree, 0) : compact(tree);
}

/** Malformed JSON: System.JSONException (RG "Exception Class and Built-In Exceptions"). */
class JsonSyntax extends Error {}

/**
 * deserializeUntyped's reader (RG: "Deserializes the specified JSON string into collections of
 * primitive data types"): objects become Map<String,Object> in the order of their keys, arrays
 * List<Object>, numbers Integer when they fit, Long when they fit that, Decimal otherwise and
 * whenever they have a fraction or an exponent. The RG example reads 2000 back equal to the
 * Integer 2000 and 1023.45 and 5.5 equal to those Decimals [verify in an org: Integer and Long
 * for whole numbers, Decimal beyond Long].
 */
class Reader {
    private index = 0;

    public constructor(
        private readonly text: string,
        private readonly site: CallSite
    ) {}

    public document(): Value {
        this.space();
        if (this.index >= this.text.length) {
            this.fail('No content to map due to end-of-input');
        }
        const value = this.value();
        this.space();
        if (this.index < this.text.length) {
            this.unexpected('expected end of input');
        }
        return value;
    }

    /** "… at input location [line,column]" [verify in an org: JSONException texts]. */
    private fail(message: string): never {
        const before = this.text.slice(0, this.index).split('\n');
        const line = before.length;
        const column = (before[before.length - 1] ?? '').length + 1;
        throw new JsonSyntax(`${message} at input location [${line},${column}]`);
    }

    private unexpected(expected: string): never {
        const char = this.text.charAt(this.index);
        if (char === '') {
            return this.fail(`Unexpected end-of-input: ${expected}`);
        }
        return this.fail(
            `Unexpected character ('${char}' (code ${char.charCodeAt(0)})): ${expected}`
        );
    }

    private space(): void {
        while (/[ \t\r\n]/.test(this.text.charAt(this.index))) {
            this.index++;
        }
    }

    private value(): Value {
        const char = this.text.charAt(this.index);
        if (char === '{') {
            return this.object();
        }
        if (char === '[') {
            return this.array();
        }
        if (char === '"') {
            return this.string();
        }
        if (char === '-' || /[0-9]/.test(char)) {
            return this.number();
        }
        for (const [word, value] of [
            ['true', true],
            ['false', false],
            ['null', null]
        ] as const) {
            if (this.text.startsWith(word, this.index)) {
                this.index += word.length;
                return value;
            }
        }
        return this.unexpected(
            "expected a valid value (number, String, array, object, 'true', 'false' or 'null')"
        );
    }

    private object(): Value {
        this.index++;
        const map = new MapValue(T.string, T.object);
        this.space();
        if (this.text.charAt(this.index) === '}') {
            this.index++;
            return map;
        }
        for (;;) {
            this.space();
            if (this.text.charAt(this.index) !== '"') {
                this.unexpected('was expecting double-quote to start field name');
            }
            const key = this.string();
            this.space();
            if (this.text.charAt(this.index) !== ':') {
                this.unexpected('was expecting a colon to separate field name and value');
            }
            this.index++;
            this.space();
            mapPut(map, key, this.value(), this.site.vm.equalityHooks);
            this.space();
            const next = this.text.charAt(this.index);
            this.index++;
            if (next === '}') {
                return map;
            }
            if (next !== ',') {
                this.index--;
                this.unexpected('was expecting comma to separate OBJECT entries');
            }
        }
    }

    private array(): Value {
        this.index++;
        const items: Value[] = [];
        this.space();
        if (this.text.charAt(this.index) === ']') {
            this.index++;
            return new ListValue(T.object, items);
        }
        for (;;) {
            this.space();
            items.push(this.value());
            this.space();
            const next = this.text.charAt(this.index);
            this.index++;
            if (next === ']') {
                return new ListValue(T.object, items);
            }
            if (next !== ',') {
                this.index--;
                this.unexpected('was expecting comma to separate ARRAY entries');
            }
        }
    }

    private string(): string {
        this.index++;
        let out = '';
        for (;;) {
            const char = this.text.charAt(this.index);
            if (char === '') {
                this.fail('Unexpected end-of-input in a String value');
            }
            this.index++;
            if (char === '"') {
                return out;
            }
            if (char.charCodeAt(0) < 0x20) {
                this.index--;
                this.fail(
                    `Illegal unquoted character (code ${char.charCodeAt(0)}): has to be escaped`
                );
            }
            if (char !== '\\') {
                out += char;
                continue;
            }
            const escape = this.text.charAt(this.index);
            this.index++;
            const simple: Readonly<Record<string, string>> = {
                '"': '"',
                '\\': '\\',
                '/': '/',
                b: '\b',
                f: '\f',
                n: '\n',
                r: '\r',
                t: '\t'
            };
            const known = simple[escape];
            if (known !== undefined) {
                out += known;
            } else if (
                escape === 'u' &&
                /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.index, this.index + 4))
            ) {
                out += String.fromCharCode(
                    parseInt(this.text.slice(this.index, this.index + 4), 16)
                );
                this.index += 4;
            } else {
                this.index--;
                this.fail(`Unrecognized character escape '${escape}'`);
            }
        }
    }

    private number(): Value {
        const match = /^-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(
            this.text.slice(this.index)
        );
        if (!match) {
            return this.unexpected('expected digit for a number');
        }
        const text = match[0];
        if (/^[0-9]/.test(this.text.charAt(this.index + text.length))) {
            this.fail('Invalid numeric value: Leading zeroes not allowed');
        }
        this.index += text.length;
        if (match[1] !== undefined || match[2] !== undefined) {
            return Big(text);
        }
        const whole = BigInt(text);
        if (whole >= -2147483648n && whole <= 2147483647n) {
            return Number(whole);
        }
        if (whole >= -9223372036854775808n && whole <= 9223372036854775807n) {
            return whole;
        }
        return Big(text);
    }
}

export const jsonClass: PlatformClass = {
    name: 'System.JSON',
    names: ['json', 'system.json'],
    staticMethods: [
        method('serialize', ['any'], T.string, (_self, args, site) => serialize(args, site, false)),
        method('serialize', ['any', T.boolean], T.string, (_self, args, site) =>
            serialize(args, site, false)
        ),
        method('serializePretty', ['any'], T.string, (_self, args, site) =>
            serialize(args, site, true)
        ),
        method('serializePretty', ['any', T.boolean], T.string, (_self, args, site) =>
            serialize(args, site, true)
        ),
        method('deserializeUntyped', [T.string], T.object, (_self, [text = null], site) => {
            try {
                return new Reader(required(text, site) as string, site).document();
            } catch (error) {
                if (error instanceof JsonSyntax) {
                    return site.vm.raise('JSONException', error.message);
                }
                throw error;
            }
        })
    ]
};
