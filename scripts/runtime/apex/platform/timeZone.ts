import { type WallClock, wallClock, wallMillis } from './calendar';

/**
 * Time zones. Apex reads a Datetime in "the local time zone of the context user" in
 * Datetime.newInstance, valueOf, hour(), date(), format() and String.valueOf(Datetime), and in
 * GMT in the *Gmt methods, System.debug and JSON (RG "Datetime Class", "String Class",
 * "JSON Class").
 */

/**
 * The user Apex runs as, as far as dates are concerned. This is the one place that chooses the
 * running user's time zone: the embedded org does not model users' time zones yet, so every user
 * is in GMT. A driver that runs Apex as a user with a time zone (TimeZoneSidKey) replaces
 * `timeZone`, and every local-time method follows. Locale-dependent output (Date.format(),
 * toStartOfWeek) is en_US, the embedded org's only locale.
 */
export const contextUser = {
    timeZone: (): string => 'GMT'
};

/** A time zone: its offset from GMT at an instant and the names SimpleDateFormat prints. */
export interface Zone {
    readonly id: string;
    /** Milliseconds to add to GMT to read this zone's wall clock at the instant. */
    offset(epochMillis: number): number;
    /** `z` (short) and `zzzz` (long) names; undefined where Java's names are not known here. */
    name(epochMillis: number, long: boolean): string | undefined;
}

export const GMT: Zone = {
    id: 'GMT',
    offset: () => 0,
    name: (_millis, long) => (long ? 'Greenwich Mean Time' : 'GMT')
};

function fixedZone(sign: number, hours: number, minutes: number): Zone {
    const id = `GMT${sign < 0 ? '-' : '+'}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
    const offset = sign * (hours * 60 + minutes) * 60_000;
    return { id, offset: () => offset, name: () => id };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(id: string): Intl.DateTimeFormat {
    let formatter = formatters.get(id);
    if (!formatter) {
        formatter = new Intl.DateTimeFormat('en-US', {
            timeZone: id,
            hourCycle: 'h23',
            era: 'short',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric'
        });
        formatters.set(id, formatter);
    }
    return formatter;
}

/** A zone of the IANA database, as the JavaScript runtime knows it. */
function ianaZone(id: string): Zone {
    const names = new Map<boolean, Intl.DateTimeFormat>();
    const nameFormatter = (long: boolean): Intl.DateTimeFormat => {
        let formatter = names.get(long);
        if (!formatter) {
            formatter = new Intl.DateTimeFormat('en-US', {
                timeZone: id,
                timeZoneName: long ? 'long' : 'short'
            });
            names.set(long, formatter);
        }
        return formatter;
    };
    return {
        id,
        offset: (epochMillis) => {
            const parts = new Map<string, string>(
                wallFormatter(id)
                    .formatToParts(new Date(epochMillis))
                    .map((part) => [part.type, part.value])
            );
            const field = (type: string): number => Number(parts.get(type) ?? '0');
            const year = parts.get('era') === 'BC' ? 1 - field('year') : field('year');
            const wall = wallMillis(
                { year, month: field('month'), day: field('day') },
                ((field('hour') * 60 + field('minute')) * 60 + field('second')) * 1000
            );
            const seconds = Math.floor(epochMillis / 1000) * 1000;
            return wall - seconds;
        },
        name: (epochMillis, long) => {
            const name = nameFormatter(long)
                .formatToParts(new Date(epochMillis))
                .find((part) => part.type === 'timeZoneName')?.value;
            // Where the runtime has no name it writes "GMT+1"; Java has its own ("CET").
            return name === undefined || /^GMT[+-]/.test(name) ? undefined : name;
        }
    };
}

const zones = new Map<string, Zone>();

/**
 * The zone a time-zone id names, as Java's TimeZone reads it: an id of the time-zone database,
 * or a custom `GMT+hh:mm`. "If the supplied time zone is not in the correct format, GMT is used"
 * (RG "Datetime Class", format(dateFormatString, timezone)). Java's three-letter aliases (PST,
 * IST, ...) are not all in the database: those are undefined, for the caller to refuse.
 */
export function resolveZone(id: string): Zone | undefined {
    const known = zones.get(id);
    if (known) {
        return known;
    }
    let zone: Zone | undefined;
    const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
    if (id === 'GMT') {
        zone = GMT;
    } else if (custom) {
        const [, sign = '+', hours = '0', minutes = '0'] = custom;
        zone =
            Number(hours) <= 23 && Number(minutes) <= 59
                ? fixedZone(sign === '-' ? -1 : 1, Number(hours), Number(minutes))
                : GMT;
    } else {
        try {
            wallFormatter(id);
            zone = ianaZone(id);
        } catch {
            zone = /^[A-Z]{3}$/.test(id) ? undefined : GMT;
        }
    }
    if (zone) {
        zones.set(id, zone);
    }
    return zone;
}

/** The running user's zone (see contextUser). */
export function userZone(): Zone {
    return resolveZone(contextUser.timeZone()) ?? GMT;
}

/** The wall clock of an instant in a zone. */
export const toWallClock = (epochMillis: number, zone: Zone): WallClock =>
    wallClock(epochMillis + zone.offset(epochMillis));

/**
 * The instant a wall-clock reading names in a zone. Where a daylight-saving change makes the
 * reading ambiguous or skips it, the offset found after two tries is used [verify in an org:
 * Datetime.newInstance in a skipped or repeated local hour].
 */
export function fromWallClock(wall: number, zone: Zone): number {
    const first = wall - zone.offset(wall);
    return wall - zone.offset(first);
}
