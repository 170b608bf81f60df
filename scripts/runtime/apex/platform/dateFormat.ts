import { dayOfWeek, dayOfYear, epochDay } from './calendar';
import { toWallClock, type Zone } from './timeZone';

/**
 * Java's SimpleDateFormat patterns, which Datetime.format(pattern), format(pattern, timezone)
 * and formatGmt(pattern) take (RG "Datetime Class": "using the supplied Java simple date
 * format"), in the en_US locale. The common letters are written here; a letter this does not
 * write (week numbers, week years, ...) is reported to the caller, which refuses it.
 */

/** A pattern letter or a pattern this formatter does not write. */
export class DateFormatUnsupported extends Error {
    public constructor(public readonly what: string) {
        super(what);
        this.name = 'DateFormatUnsupported';
    }
}

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
] as const;
const DAYS = [
    'Sunday',
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday'
] as const;

const pad = (value: number, width: number): string =>
    value < 0 ? `-${String(-value).padStart(width, '0')}` : String(value).padStart(width, '0');

/** Java's text fields: fewer than four letters give the short form, four or more the full one. */
const text = (full: string, count: number): string => (count >= 4 ? full : full.slice(0, 3));

function offsetText(offsetMillis: number, letter: 'Z' | 'X', count: number): string {
    if (letter === 'X' && offsetMillis === 0) {
        return 'Z';
    }
    const sign = offsetMillis < 0 ? '-' : '+';
    const minutes = Math.abs(offsetMillis) / 60_000;
    const hours = pad(Math.floor(minutes / 60), 2);
    const rest = pad(minutes % 60, 2);
    if (letter === 'Z') {
        return `${sign}${hours}${rest}`;
    }
    return count === 1
        ? `${sign}${hours}`
        : count === 2
          ? `${sign}${hours}${rest}`
          : `${sign}${hours}:${rest}`;
}

/** One run of a pattern letter, written for the instant in the zone. */
function field(letter: string, count: number, epochMillis: number, zone: Zone): string {
    const wall = toWallClock(epochMillis, zone);
    const hour12 = wall.hour % 12;
    switch (letter) {
        case 'G':
            if (count >= 4) {
                throw new DateFormatUnsupported('the pattern letters GGGG');
            }
            return wall.year > 0 ? 'AD' : 'BC';
        case 'y': {
            const year = wall.year > 0 ? wall.year : 1 - wall.year;
            return count === 2 ? pad(year % 100, 2) : pad(year, count);
        }
        case 'M':
        case 'L':
            return count >= 3 ? text(MONTHS[wall.month - 1] ?? '', count) : pad(wall.month, count);
        case 'd':
            return pad(wall.day, count);
        case 'D':
            return pad(dayOfYear(wall), count);
        case 'E':
            return text(DAYS[dayOfWeek(epochDay(wall.year, wall.month, wall.day))] ?? '', count);
        case 'u': {
            const weekday = dayOfWeek(epochDay(wall.year, wall.month, wall.day));
            return pad(weekday === 0 ? 7 : weekday, count);
        }
        case 'a':
            return wall.hour < 12 ? 'AM' : 'PM';
        case 'H':
            return pad(wall.hour, count);
        case 'k':
            return pad(wall.hour === 0 ? 24 : wall.hour, count);
        case 'K':
            return pad(hour12, count);
        case 'h':
            return pad(hour12 === 0 ? 12 : hour12, count);
        case 'm':
            return pad(wall.minute, count);
        case 's':
            return pad(wall.second, count);
        case 'S':
            return pad(wall.millisecond, count);
        case 'z': {
            const name = zone.name(epochMillis, count >= 4);
            if (name === undefined) {
                throw new DateFormatUnsupported(`the time-zone name of ${zone.id}`);
            }
            return name;
        }
        case 'Z':
            return offsetText(zone.offset(epochMillis), 'Z', count);
        case 'X':
            if (count > 3) {
                throw new DateFormatUnsupported(`the pattern letters ${'X'.repeat(count)}`);
            }
            return offsetText(zone.offset(epochMillis), 'X', count);
        default:
            throw new DateFormatUnsupported(`the pattern letter '${letter}'`);
    }
}

/**
 * The instant written with a SimpleDateFormat pattern in a zone: letter runs are fields, text
 * between single quotes is literal (`''` is one quote), anything else is copied.
 */
export function formatJava(pattern: string, epochMillis: number, zone: Zone): string {
    let out = '';
    let index = 0;
    while (index < pattern.length) {
        const char = pattern.charAt(index);
        if (char === "'") {
            if (pattern.charAt(index + 1) === "'") {
                out += "'";
                index += 2;
                continue;
            }
            const close = pattern.indexOf("'", index + 1);
            if (close < 0) {
                throw new DateFormatUnsupported('a pattern with an unterminated quote');
            }
            let quoted = pattern.slice(index + 1, close);
            index = close + 1;
            // '' inside quoted text is a quote too.
            while (pattern.charAt(index) === "'") {
                const next = pattern.indexOf("'", index + 1);
                if (next < 0) {
                    throw new DateFormatUnsupported('a pattern with an unterminated quote');
                }
                quoted += `'${pattern.slice(index + 1, next)}`;
                index = next + 1;
            }
            out += quoted;
            continue;
        }
        if (/[A-Za-z]/.test(char)) {
            let end = index;
            while (pattern.charAt(end) === char) {
                end++;
            }
            out += field(char, end - index, epochMillis, zone);
            index = end;
            continue;
        }
        out += char;
        index++;
    }
    return out;
}
