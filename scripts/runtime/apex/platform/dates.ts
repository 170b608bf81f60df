import { T } from '../types';
import {
    addMonths,
    type CivilDate,
    civilDate,
    dayOfWeek,
    dayOfYear,
    daysInMonth,
    epochDay,
    isLeapYear,
    lenientEpochDay,
    MILLIS_PER_DAY,
    millisOfDay,
    wallMillis
} from './calendar';
import { DateFormatUnsupported, formatJava } from './dateFormat';
import { method, required } from './define';
import { refuse } from './refuse';
import { clock } from './system';
import { fromWallClock, GMT, resolveZone, toWallClock, userZone, type Zone } from './timeZone';
import type { CallSite, PlatformClass } from '../services';
import { DatetimeValue, DateValue, TimeValue, type Value } from '../model';

/**
 * Date, Datetime and Time (RG "Date Class", "Datetime Class", "Time Class"). A Date is a civil
 * date, a Time a time of day, a Datetime an instant; the methods without "Gmt" read and build
 * Datetimes in the running user's time zone (timeZone.ts), the Gmt ones in GMT.
 */

const int = (value: Value | undefined, site: CallSite): number =>
    required((value ?? null) as number | null, site);
const asDate = (value: Value): DateValue => value as DateValue;
const asDatetime = (value: Value): DatetimeValue => value as DatetimeValue;
const asTime = (value: Value): TimeValue => value as TimeValue;

const daysOf = (date: CivilDate): number => epochDay(date.year, date.month, date.day);

const MAX_YEAR = 9999;

function dateOf(days: number, site: CallSite): DateValue {
    const civil = civilDate(days);
    if (civil.year < 1 || civil.year > MAX_YEAR) {
        return refuse(site, `a date in the year ${civil.year}`);
    }
    return new DateValue(civil.year, civil.month, civil.day);
}

const millisOfClock = (hour: number, minute: number, second: number, millis = 0): number =>
    ((hour * 60 + minute) * 60 + second) * 1000 + millis;

/** The instant of a wall clock in a zone; fields may overflow as Java's lenient calendars allow. */
function instant(
    zone: Zone,
    [year, month, day, hour = 0, minute = 0, second = 0]: readonly number[],
    site: CallSite
): DatetimeValue {
    const days = lenientEpochDay(year ?? 1970, month ?? 1, day ?? 1);
    dateOf(days, site);
    return new DatetimeValue(
        fromWallClock(days * MILLIS_PER_DAY + millisOfClock(hour, minute, second), zone)
    );
}

const ints = (args: readonly Value[], site: CallSite): number[] =>
    args.map((arg) => int(arg, site));

/** Date and Time as the instant they name in a zone (RG Datetime newInstance(date, time)). */
function combine(date: Value, time: Value, zone: Zone, site: CallSite): DatetimeValue {
    const day = asDate(required(date, site));
    const clockTime = asTime(required(time, site));
    return new DatetimeValue(fromWallClock(wallMillis(day, clockTime.millis), zone));
}

/** A Datetime moved by whole days, months or years on the calendar of a zone, keeping its time. */
function moveOnCalendar(
    value: DatetimeValue,
    zone: Zone,
    move: (date: CivilDate) => CivilDate,
    site: CallSite
): DatetimeValue {
    const wall = toWallClock(value.epochMillis, zone);
    const moved = move(wall);
    dateOf(daysOf(moved), site);
    const ofDay = millisOfClock(wall.hour, wall.minute, wall.second, wall.millisecond);
    return new DatetimeValue(fromWallClock(wallMillis(moved, ofDay), zone));
}

function format(site: CallSite, pattern: string, epochMillis: number, zone: Zone): string {
    try {
        return formatJava(pattern, epochMillis, zone);
    } catch (error) {
        if (error instanceof DateFormatUnsupported) {
            return refuse(site, `the date format ${JSON.stringify(pattern)}: ${error.message}`);
        }
        throw error;
    }
}

/** The en_US formats the context user's locale gives (RG Date format(), Datetime format()). */
const EN_US_DATE = 'M/d/yyyy';
const EN_US_DATETIME = 'M/d/yyyy, h:mm a';
/** RG Datetime formatLong(): "Writes 12/28/2012 10:00:00 AM PST" [verify in an org: ICU format]. */
const EN_US_LONG = 'M/d/yyyy h:mm:ss a z';

const DATE_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2}):(\d{1,2}))?$/;

/** The parts of "yyyy-MM-dd[ HH:mm:ss]", each in range, or undefined. */
function standardParts(text: string, needsTime: boolean): number[] | undefined {
    const match = DATE_TEXT.exec(text.trim());
    if (!match || (needsTime && match[4] === undefined)) {
        return undefined;
    }
    const parts = [1, 2, 3, 4, 5, 6]
        .map((group) => match[group])
        .filter((part) => part !== undefined)
        .map(Number);
    const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts;
    const valid =
        month >= 1 &&
        month <= 12 &&
        day >= 1 &&
        day <= daysInMonth(year, month) &&
        hour <= 23 &&
        minute <= 59 &&
        second <= 59;
    return valid ? parts : undefined;
}

/** RG Date valueOf(stringDate): "yyyy-MM-dd HH:mm:ss" in the local time zone; the date part. */
function dateFromText(text: string, site: CallSite): DateValue {
    const parts = standardParts(text, false);
    if (!parts) {
        // "Invalid date: x" [verify in an org: the message]
        return site.vm.raise('TypeException', `Invalid date: ${text}`);
    }
    const [year = 1, month = 1, day = 1] = parts;
    return new DateValue(year, month, day);
}

/**
 * RG Datetime valueOf(dateTimeString) / valueOfGmt: "yyyy-MM-dd HH:mm:ss" in the local time
 * zone or in GMT. Other text throws TypeException "Invalid date/time: …" [2nd: a public log
 * quotes "Invalid date/time: 2019-04-29T00:00:00-07:00"].
 */
function datetimeFromText(text: string, zone: Zone, site: CallSite): DatetimeValue {
    if (standardParts(text, false) && !standardParts(text, true)) {
        return refuse(site, 'Datetime.valueOf of a date without a time [verify in an org]');
    }
    const parts = standardParts(text, true);
    if (!parts) {
        return site.vm.raise('TypeException', `Invalid date/time: ${text}`);
    }
    return instant(zone, parts, site);
}

/** The running user's date of an instant (RG Date today(): "in the current user's time zone"). */
export function localDate(epochMillis: number): DateValue {
    const wall = toWallClock(epochMillis, userZone());
    return new DateValue(wall.year, wall.month, wall.day);
}

export const dateClass: PlatformClass = {
    name: 'System.Date',
    names: ['date', 'system.date'],
    staticMethods: [
        // RG newInstance(year, month, day); months and days overflow (calendar.ts).
        method('newInstance', [T.integer, T.integer, T.integer], T.date, (_self, args, site) => {
            const [year = 0, month = 0, day = 0] = ints(args, site);
            return dateOf(lenientEpochDay(year, month, day), site);
        }),
        method('today', [], T.date, () => localDate(clock.now())),
        method('valueOf', [T.string], T.date, (_self, [text = null], site) =>
            text === null ? null : dateFromText(text as string, site)
        ),
        // RG valueOf(fieldValue): an object that represents a Date.
        method('valueOf', ['any'], T.date, (_self, [value = null], site) => {
            if (value === null || value instanceof DateValue) {
                return value;
            }
            if (typeof value === 'string') {
                return dateFromText(value, site);
            }
            if (value instanceof DatetimeValue) {
                // API 54.0+: "converts the object to a valid Date without the time information"
                // [verify in an org: the local or the GMT date].
                return localDate(value.epochMillis);
            }
            return refuse(site, 'Date.valueOf of a value that is no Date, Datetime or String');
        }),
        // RG parse(stringDate): "depends on the local date format" (en_US: 12/27/2009).
        method('parse', [T.string], T.date, (_self, [text = null], site) => {
            const match = /^(\d{1,2})\/(\d{1,2})\/(\d+)$/.exec(
                (required(text, site) as string).trim()
            );
            if (match && (match[3] ?? '').length !== 4) {
                return refuse(site, 'Date.parse of a year not written with four digits');
            }
            const [month = 0, day = 0, year = 0] = match ? match.slice(1).map(Number) : [];
            if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
                // [verify in an org: the exception's message]
                return site.vm.raise('TypeException', `Invalid date: ${text as string}`);
            }
            return new DateValue(year, month, day);
        }),
        method('daysInMonth', [T.integer, T.integer], T.integer, (_self, args, site) => {
            const [year = 0, month = 0] = ints(args, site);
            return month >= 1 && month <= 12
                ? daysInMonth(year, month)
                : refuse(site, `Date.daysInMonth of month ${month}`);
        }),
        method('isLeapYear', [T.integer], T.boolean, (_self, [year], site) =>
            isLeapYear(int(year, site))
        )
    ],
    instanceMethods: [
        method('addDays', [T.integer], T.date, (self, [days], site) =>
            dateOf(daysOf(asDate(self)) + int(days, site), site)
        ),
        method('addMonths', [T.integer], T.date, (self, [months], site) => {
            const moved = addMonths(asDate(self), int(months, site));
            return dateOf(daysOf(moved), site);
        }),
        // A leap day plus a year is Feb 28, as addMonths(12) [verify in an org].
        method('addYears', [T.integer], T.date, (self, [years], site) => {
            const moved = addMonths(asDate(self), int(years, site) * 12);
            return dateOf(daysOf(moved), site);
        }),
        method('day', [], T.integer, (self) => asDate(self).day),
        method('dayOfYear', [], T.integer, (self) => dayOfYear(asDate(self))),
        // "If the Date that calls the method occurs after the secondDate, the return value is
        // negative."
        method(
            'daysBetween',
            [T.date],
            T.integer,
            (self, [other = null], site) =>
                daysOf(asDate(required(other, site))) - daysOf(asDate(self))
        ),
        method('format', [], T.string, (self) =>
            formatJava(EN_US_DATE, daysOf(asDate(self)) * MILLIS_PER_DAY, GMT)
        ),
        method(
            'isSameDay',
            [T.date],
            T.boolean,
            (self, [other = null]) =>
                other instanceof DateValue && daysOf(other) === daysOf(asDate(self))
        ),
        method('month', [], T.integer, (self) => asDate(self).month),
        // "ignoring the difference in days"
        method('monthsBetween', [T.date], T.integer, (self, [other = null], site) => {
            const from = asDate(self);
            const to = asDate(required(other, site));
            return (to.year - from.year) * 12 + (to.month - from.month);
        }),
        method(
            'toStartOfMonth',
            [],
            T.date,
            (self) => new DateValue(asDate(self).year, asDate(self).month, 1)
        ),
        // "the start of a week is Sunday in the United States locale"
        method('toStartOfWeek', [], T.date, (self, _args, site) => {
            const days = daysOf(asDate(self));
            return dateOf(days - dayOfWeek(days), site);
        }),
        method('year', [], T.integer, (self) => asDate(self).year)
    ]
};

/** A Datetime's wall clock in the user's zone or in GMT. */
const local = (self: Value) => toWallClock(asDatetime(self).epochMillis, userZone());
const gmt = (self: Value) => toWallClock(asDatetime(self).epochMillis, GMT);

const timeOf = (wall: ReturnType<typeof local>): TimeValue =>
    new TimeValue(millisOfClock(wall.hour, wall.minute, wall.second, wall.millisecond));

const plusMillis = (self: Value, amount: number): DatetimeValue =>
    new DatetimeValue(asDatetime(self).epochMillis + amount);

export const datetimeClass: PlatformClass = {
    name: 'System.Datetime',
    names: ['datetime', 'system.datetime'],
    staticMethods: [
        // "milliseconds since January 1, 1970, 00:00:00 GMT"
        method(
            'newInstance',
            [T.long],
            T.datetime,
            (_self, [millis = null], site) => new DatetimeValue(Number(required(millis, site)))
        ),
        method(
            'newInstance',
            [T.date, T.time],
            T.datetime,
            (_self, [date = null, time = null], site) => combine(date, time, userZone(), site)
        ),
        method('newInstance', [T.integer, T.integer, T.integer], T.datetime, (_self, args, site) =>
            instant(userZone(), ints(args, site), site)
        ),
        method(
            'newInstance',
            [T.integer, T.integer, T.integer, T.integer, T.integer, T.integer],
            T.datetime,
            (_self, args, site) => instant(userZone(), ints(args, site), site)
        ),
        method(
            'newInstanceGmt',
            [T.date, T.time],
            T.datetime,
            (_self, [date = null, time = null], site) => combine(date, time, GMT, site)
        ),
        method(
            'newInstanceGmt',
            [T.integer, T.integer, T.integer],
            T.datetime,
            (_self, args, site) => instant(GMT, ints(args, site), site)
        ),
        method(
            'newInstanceGmt',
            [T.integer, T.integer, T.integer, T.integer, T.integer, T.integer],
            T.datetime,
            (_self, args, site) => instant(GMT, ints(args, site), site)
        ),
        // "Returns the current Datetime based on a GMT calendar."
        method('now', [], T.datetime, () => new DatetimeValue(clock.now())),
        // RG parse(datetimeString): the user's locale, en_US: '10/14/2011, 11:46 AM'.
        method('parse', [T.string], T.datetime, (_self, [text = null], site) => {
            const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}), (\d{1,2}):(\d{2}) (AM|PM)$/.exec(
                (required(text, site) as string).trim()
            );
            const [month = 0, day = 0, year = 0, hour = 0, minute = 0] = match
                ? match.slice(1, 6).map(Number)
                : [];
            if (
                !match ||
                month < 1 ||
                month > 12 ||
                day < 1 ||
                day > daysInMonth(year, month) ||
                hour < 1 ||
                hour > 12 ||
                minute > 59
            ) {
                // [verify in an org: the exception's message]
                return site.vm.raise('TypeException', `Invalid date/time: ${text as string}`);
            }
            const hour24 = (hour % 12) + (match[6] === 'PM' ? 12 : 0);
            return instant(userZone(), [year, month, day, hour24, minute, 0], site);
        }),
        method('valueOf', [T.string], T.datetime, (_self, [text = null], site) =>
            text === null ? null : datetimeFromText(text as string, userZone(), site)
        ),
        // RG valueOf(fieldValue): an object that represents a Datetime.
        method('valueOf', ['any'], T.datetime, (_self, [value = null], site) => {
            if (value === null || value instanceof DatetimeValue) {
                return value;
            }
            if (typeof value === 'string') {
                return datetimeFromText(value, userZone(), site);
            }
            return refuse(site, 'Datetime.valueOf of a value that is no Datetime or String');
        }),
        method('valueOfGmt', [T.string], T.datetime, (_self, [text = null], site) =>
            text === null ? null : datetimeFromText(text as string, GMT, site)
        )
    ],
    instanceMethods: [
        method('addDays', [T.integer], T.datetime, (self, [days], site) =>
            moveOnCalendar(
                asDatetime(self),
                userZone(),
                (date) => civilDate(daysOf(date) + int(days, site)),
                site
            )
        ),
        method('addHours', [T.integer], T.datetime, (self, [hours], site) =>
            plusMillis(self, int(hours, site) * 3_600_000)
        ),
        method('addMinutes', [T.integer], T.datetime, (self, [minutes], site) =>
            plusMillis(self, int(minutes, site) * 60_000)
        ),
        method('addSeconds', [T.integer], T.datetime, (self, [seconds], site) =>
            plusMillis(self, int(seconds, site) * 1000)
        ),
        method('addMonths', [T.integer], T.datetime, (self, [months], site) =>
            moveOnCalendar(
                asDatetime(self),
                userZone(),
                (date) => addMonths(date, int(months, site)),
                site
            )
        ),
        method('addYears', [T.integer], T.datetime, (self, [years], site) =>
            moveOnCalendar(
                asDatetime(self),
                userZone(),
                (date) => addMonths(date, int(years, site) * 12),
                site
            )
        ),
        method('date', [], T.date, (self) => {
            const wall = local(self);
            return new DateValue(wall.year, wall.month, wall.day);
        }),
        method('dateGmt', [], T.date, (self) => {
            const wall = gmt(self);
            return new DateValue(wall.year, wall.month, wall.day);
        }),
        method('day', [], T.integer, (self) => local(self).day),
        method('dayGmt', [], T.integer, (self) => gmt(self).day),
        method('dayOfYear', [], T.integer, (self) => dayOfYear(local(self))),
        method('dayOfYearGmt', [], T.integer, (self) => dayOfYear(gmt(self))),
        method('format', [], T.string, (self, _args, site) =>
            format(site, EN_US_DATETIME, asDatetime(self).epochMillis, userZone())
        ),
        method('format', [T.string], T.string, (self, [pattern = null], site) =>
            format(
                site,
                required(pattern, site) as string,
                asDatetime(self).epochMillis,
                userZone()
            )
        ),
        method(
            'format',
            [T.string, T.string],
            T.string,
            (self, [pattern = null, zoneId = null], site) => {
                const id = required(zoneId, site) as string;
                const zone = resolveZone(id) ?? refuse(site, `the time zone ${JSON.stringify(id)}`);
                return format(
                    site,
                    required(pattern, site) as string,
                    asDatetime(self).epochMillis,
                    zone
                );
            }
        ),
        method('formatGmt', [T.string], T.string, (self, [pattern = null], site) =>
            format(site, required(pattern, site) as string, asDatetime(self).epochMillis, GMT)
        ),
        method('formatLong', [], T.string, (self, _args, site) =>
            format(site, EN_US_LONG, asDatetime(self).epochMillis, userZone())
        ),
        method('getTime', [], T.long, (self) => BigInt(asDatetime(self).epochMillis)),
        method('hour', [], T.integer, (self) => local(self).hour),
        method('hourGmt', [], T.integer, (self) => gmt(self).hour),
        // "the same as the specified Datetime in the local time zone of the context user"
        method('isSameDay', [T.datetime], T.boolean, (self, [other = null]) => {
            if (!(other instanceof DatetimeValue)) {
                return false;
            }
            const a = local(self);
            const b = local(other);
            return a.year === b.year && a.month === b.month && a.day === b.day;
        }),
        method('millisecond', [], T.integer, (self) => local(self).millisecond),
        method('millisecondGmt', [], T.integer, (self) => gmt(self).millisecond),
        method('minute', [], T.integer, (self) => local(self).minute),
        method('minuteGmt', [], T.integer, (self) => gmt(self).minute),
        method('month', [], T.integer, (self) => local(self).month),
        method('monthGmt', [], T.integer, (self) => gmt(self).month),
        method('second', [], T.integer, (self) => local(self).second),
        method('secondGmt', [], T.integer, (self) => gmt(self).second),
        method('time', [], T.time, (self) => timeOf(local(self))),
        method('timeGmt', [], T.time, (self) => timeOf(gmt(self))),
        method('year', [], T.integer, (self) => local(self).year),
        method('yearGmt', [], T.integer, (self) => gmt(self).year)
    ]
};

/** A Time moved by an amount, wrapping around midnight [verify in an org: the wrap-around]. */
const plusTime = (self: Value, amount: number): TimeValue =>
    new TimeValue(millisOfDay(asTime(self).millis + amount));

export const timeClass: PlatformClass = {
    name: 'System.Time',
    names: ['time', 'system.time'],
    staticMethods: [
        // "(UTC is assumed.)"; values beyond a day wrap around [verify in an org].
        method(
            'newInstance',
            [T.integer, T.integer, T.integer, T.integer],
            T.time,
            (_self, args, site) => {
                const [hour = 0, minute = 0, second = 0, millis = 0] = ints(args, site);
                return new TimeValue(millisOfDay(millisOfClock(hour, minute, second, millis)));
            }
        )
    ],
    instanceMethods: [
        method('addHours', [T.integer], T.time, (self, [hours], site) =>
            plusTime(self, int(hours, site) * 3_600_000)
        ),
        method('addMilliseconds', [T.integer], T.time, (self, [millis], site) =>
            plusTime(self, int(millis, site))
        ),
        method('addMinutes', [T.integer], T.time, (self, [minutes], site) =>
            plusTime(self, int(minutes, site) * 60_000)
        ),
        method('addSeconds', [T.integer], T.time, (self, [seconds], site) =>
            plusTime(self, int(seconds, site) * 1000)
        ),
        method('hour', [], T.integer, (self) => Math.floor(asTime(self).millis / 3_600_000)),
        method('millisecond', [], T.integer, (self) => asTime(self).millis % 1000),
        method('minute', [], T.integer, (self) => Math.floor(asTime(self).millis / 60_000) % 60),
        method('second', [], T.integer, (self) => Math.floor(asTime(self).millis / 1000) % 60)
    ]
};
