import { toWallClock, userZone } from './platform/timeZone';
import { typeName } from './types';
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
    PlatformValue,
    SetValue,
    SObjectValue,
    TimeValue,
    TypeValue,
    type Value
} from './model';

/**
 * How values read as text, as `String.valueOf`, string concatenation and `System.debug` write
 * them (sources in scripts/runtime/README.md, "Apex values as text"). A class of the project
 * with its own `toString()` is asked through `hooks.toString`; the platform's objects through
 * `hooks.platform`.
 */
export interface RenderHooks {
    /** The result of the instance's own toString(), or undefined when its class has none. */
    readonly toString?: (value: ObjectValue) => string | undefined;
    readonly platform?: (value: PlatformValue) => string;
}

const pad = (value: number, length = 2): string => String(value).padStart(length, '0');

export const formatDate = (date: DateValue): string =>
    `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;

/** `yyyy-MM-dd HH:mm:ss` in GMT. */
export function formatDatetimeGmt(value: DatetimeValue): string {
    const date = new Date(value.epochMillis);
    return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** `yyyy-MM-dd HH:mm:ss` in the running user's time zone (RG String valueOf(Datetime)). */
export function formatDatetimeLocal(value: DatetimeValue): string {
    const wall = toWallClock(value.epochMillis, userZone());
    return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}

export function formatTime(value: TimeValue): string {
    const millis = value.millis;
    return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}Z`;
}

/**
 * A Double as Java's Double.toString writes it: plain between 10^-3 and 10^7 with at least one
 * decimal (`1.0`, `1.6666666666666667`), otherwise `d.dddE±n` (`1.2345E-5`, `1.0E10`).
 */
export function formatDouble(value: number): string {
    if (Number.isNaN(value)) {
        return 'NaN';
    }
    if (!Number.isFinite(value)) {
        return value > 0 ? 'Infinity' : '-Infinity';
    }
    if (value === 0) {
        return Object.is(value, -0) ? '-0.0' : '0.0';
    }
    const magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        const text = String(value);
        return text.includes('.') ? text : `${text}.0`;
    }
    const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
    const digits = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    return `${digits}E${Number(exponent)}`;
}

/** The text of a value where Apex converts it to a String (`String.valueOf`, `'' + x`). */
export function toText(value: Value, hooks: RenderHooks = {}, forDebug = false): string {
    if (value === null) {
        return 'null';
    }
    switch (typeof value) {
        case 'string':
            return value;
        case 'boolean':
        case 'number':
            return String(value);
        case 'bigint':
            return value.toString();
        default:
            break;
    }
    if (value instanceof DoubleValue) {
        return formatDouble(value.value);
    }
    if (value instanceof IdValue) {
        return value.value;
    }
    if (value instanceof DateValue) {
        // String.valueOf(Date) is the date alone; a debug line shows its midnight (APEX.md §4).
        return forDebug ? `${formatDate(value)} 00:00:00` : formatDate(value);
    }
    if (value instanceof DatetimeValue) {
        // A debug line shows GMT; String.valueOf and concatenation the user's zone (APEX.md §4).
        return forDebug ? formatDatetimeGmt(value) : formatDatetimeLocal(value);
    }
    if (value instanceof TimeValue) {
        return formatTime(value);
    }
    if (value instanceof BlobValue) {
        return `Blob[${value.bytes.length}]`;
    }
    if (value instanceof ListValue) {
        return `(${value.items.map((item) => toText(item, hooks, forDebug)).join(', ')})`;
    }
    if (value instanceof SetValue) {
        return `{${[...value.items.values()].map((item) => toText(item, hooks, forDebug)).join(', ')}}`;
    }
    if (value instanceof MapValue) {
        return `{${[...value.entries.values()]
            .map(
                (entry) =>
                    `${toText(entry.key, hooks, forDebug)}=${toText(entry.value, hooks, forDebug)}`
            )
            .join(', ')}}`;
    }
    if (value instanceof SObjectValue) {
        const fields = [...value.fields.entries()].map(
            ([key, field]) => `${value.names.get(key) ?? key}=${toText(field, hooks, forDebug)}`
        );
        return `${value.type}:{${fields.join(', ')}}`;
    }
    if (value instanceof EnumValue) {
        return value.name;
    }
    if (value instanceof TypeValue) {
        return typeName(value.type);
    }
    if (value instanceof PlatformValue) {
        return hooks.platform ? hooks.platform(value) : value.className;
    }
    if (value instanceof ObjectValue) {
        return objectText(value, hooks, forDebug);
    }
    // A BigDecimal: a Decimal keeps its scale (`12.50`).
    return value.toPlainString();
}

function objectText(value: ObjectValue, hooks: RenderHooks, forDebug: boolean): string {
    const own = hooks.toString?.(value);
    if (own !== undefined) {
        return own;
    }
    if (value.exception) {
        const message = value.exception.message ?? '';
        // Built-in: `System.MathException: Divide by 0`; custom: `MyException:[]: message`.
        return value.type.builtin
            ? `${value.type.name}: ${message}`
            : `${value.type.name}:[]: ${message}`;
    }
    const fields = value.type.instanceFields.map(
        (field) => `${field.name}=${toText(value.fields[field.slot] ?? null, hooks, forDebug)}`
    );
    return `${value.type.name}:[${fields.join(', ')}]`;
}
