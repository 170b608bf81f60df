/**
 * Civil-calendar arithmetic for Date, Datetime and Time: the proleptic Gregorian calendar
 * counted in days since 1970-01-01, so that no JavaScript Date (which reads years 0-99 as
 * 1900-1999) stands between Apex and its values.
 */

export const MILLIS_PER_DAY = 86_400_000;

export interface CivilDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;
}

/** A wall-clock reading: a civil date and the milliseconds since its midnight. */
export interface WallClock extends CivilDate {
    readonly hour: number;
    readonly minute: number;
    readonly second: number;
    readonly millisecond: number;
}

/** RG "Date Class" isLeapYear: the Gregorian rule. */
export const isLeapYear = (year: number): boolean =>
    (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** RG "Date Class" daysInMonth(year, month), month 1 = January. */
export function daysInMonth(year: number, month: number): number {
    return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
}

const floorDiv = (a: number, b: number): number => Math.floor(a / b);
const floorMod = (a: number, b: number): number => a - floorDiv(a, b) * b;

/** Days from 1970-01-01 to a civil date (month and day in range). */
export function epochDay(year: number, month: number, day: number): number {
    // Years counted from March, so that the leap day ends the year.
    const y = month <= 2 ? year - 1 : year;
    const era = floorDiv(y, 400);
    const yearOfEra = y - era * 400;
    const monthFromMarch = (month + 9) % 12;
    const dayOfYear = floorDiv(153 * monthFromMarch + 2, 5) + day - 1;
    const dayOfEra =
        yearOfEra * 365 + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100) + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
}

/** The civil date of a day counted from 1970-01-01. */
export function civilDate(days: number): CivilDate {
    const shifted = days + 719_468;
    const era = floorDiv(shifted, 146_097);
    const dayOfEra = shifted - era * 146_097;
    const yearOfEra = floorDiv(
        dayOfEra -
            floorDiv(dayOfEra, 1460) +
            floorDiv(dayOfEra, 36_524) -
            floorDiv(dayOfEra, 146_096),
        365
    );
    const dayOfYear =
        dayOfEra - (365 * yearOfEra + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100));
    const monthFromMarch = floorDiv(5 * dayOfYear + 2, 153);
    const day = dayOfYear - floorDiv(153 * monthFromMarch + 2, 5) + 1;
    const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return { year, month, day };
}

/**
 * The day a year, month and day name when the month and the day may overflow: month 13 is
 * January of the next year, day 0 the last day of the month before. Date.newInstance behaves so
 * [2nd: SE 167737 "Date.newInstance bug": newInstance(2016, 27, 7) gives 2018-03-07, and
 * newInstance(year, month, 0) the last day of the previous month].
 */
export function lenientEpochDay(year: number, month: number, day: number): number {
    const monthIndex = year * 12 + (month - 1);
    return epochDay(floorDiv(monthIndex, 12), floorMod(monthIndex, 12) + 1, 1) + day - 1;
}

/** 1 to 366. */
export const dayOfYear = (date: CivilDate): number =>
    epochDay(date.year, date.month, date.day) - epochDay(date.year, 1, 1) + 1;

/** 0 for Sunday to 6 for Saturday (1970-01-01 was a Thursday). */
export const dayOfWeek = (days: number): number => floorMod(days + 4, 7);

/**
 * The same day `months` later, clamped to the last day of a shorter month (Jan 31 + 1 month is
 * Feb 28 or 29), as Java's calendars add months [verify in an org: Date.addMonths at month end].
 */
export function addMonths(date: CivilDate, months: number): CivilDate {
    const monthIndex = date.year * 12 + (date.month - 1) + months;
    const year = floorDiv(monthIndex, 12);
    const month = floorMod(monthIndex, 12) + 1;
    return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** The wall clock of milliseconds counted from 1970-01-01T00:00 (no time zone). */
export function wallClock(millis: number): WallClock {
    const days = floorDiv(millis, MILLIS_PER_DAY);
    const ofDay = millis - days * MILLIS_PER_DAY;
    return {
        ...civilDate(days),
        hour: Math.floor(ofDay / 3_600_000),
        minute: Math.floor(ofDay / 60_000) % 60,
        second: Math.floor(ofDay / 1000) % 60,
        millisecond: ofDay % 1000
    };
}

/** Milliseconds counted from 1970-01-01T00:00 of a civil date and time (no time zone). */
export const wallMillis = (date: CivilDate, millisOfDay = 0): number =>
    epochDay(date.year, date.month, date.day) * MILLIS_PER_DAY + millisOfDay;

/** Milliseconds since midnight, wrapped into one day (Time arithmetic wraps around). */
export const millisOfDay = (millis: number): number => floorMod(millis, MILLIS_PER_DAY);
