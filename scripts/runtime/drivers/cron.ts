/**
 * Cron expressions of System.schedule (DG "Apex Scheduler", "Using the System.schedule
 * Method"): `Seconds Minutes Hours Day_of_month Month Day_of_week [Year]`, in the scheduling
 * user's time zone (GMT in the embedded org). Each field takes numbers, `*`, lists (`,`), ranges
 * (`-`) and increments (`/`); Day_of_month or Day_of_week is `?`. Month and day names (JAN, MON)
 * are accepted. `L`, `W` and `#` are refused by the caller as not supported.
 */

export interface CronSchedule {
    readonly seconds: ReadonlySet<number>;
    readonly minutes: ReadonlySet<number>;
    readonly hours: ReadonlySet<number>;
    /** Undefined when the field is `?`. */
    readonly daysOfMonth: ReadonlySet<number> | undefined;
    readonly months: ReadonlySet<number>;
    /** 1 = Sunday ... 7 = Saturday; undefined when the field is `?`. */
    readonly daysOfWeek: ReadonlySet<number> | undefined;
    readonly years: ReadonlySet<number> | undefined;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Why a cron expression is refused; the caller throws it as the platform would. */
export class CronError extends Error {}

function field(
    text: string,
    min: number,
    max: number,
    names: readonly string[] = [],
    offset = 1
): Set<number> | undefined {
    if (text === '?') {
        return undefined;
    }
    if (/[LW#]/.test(text.replace(/[A-Z]{3}/g, (word) => (names.includes(word) ? '' : word)))) {
        throw new CronError(`the special characters L, W and # (${text})`);
    }
    const value = (part: string): number => {
        const index = names.indexOf(part.toUpperCase());
        const number = index >= 0 ? index + offset : Number(part);
        if (!Number.isInteger(number) || number < min || number > max) {
            throw new CronError(`value ${part} is out of range ${min}-${max}`);
        }
        return number;
    };
    const result = new Set<number>();
    for (const item of text.split(',')) {
        const [range = '', stepText] = item.split('/');
        const step = stepText === undefined ? 1 : value(stepText);
        let from = min;
        let to = max;
        if (range !== '*') {
            const [start = '', end] = range.split('-');
            from = value(start);
            to = end === undefined ? (stepText === undefined ? from : max) : value(end);
        }
        for (let number = from; number <= to; number += step) {
            result.add(number);
        }
    }
    return result;
}

export function parseCron(expression: string): CronSchedule {
    const parts = expression.trim().split(/\s+/);
    if (parts.length < 6 || parts.length > 7) {
        throw new CronError(`a cron expression has 6 or 7 fields: ${expression}`);
    }
    const [seconds = '', minutes = '', hours = '', dom = '', month = '', dow = '', year] = parts;
    const daysOfMonth = field(dom, 1, 31);
    const daysOfWeek = field(dow, 1, 7, DAYS);
    if ((daysOfMonth === undefined) === (daysOfWeek === undefined)) {
        // DG "Apex Scheduler": one of Day_of_month and Day_of_week is '?'.
        throw new CronError("Day_of_month or Day_of_week, and only one, must be '?'");
    }
    const required = (set: Set<number> | undefined, name: string): Set<number> => {
        if (!set) {
            throw new CronError(`'?' is only for days (${name})`);
        }
        return set;
    };
    return {
        seconds: required(field(seconds, 0, 59), 'seconds'),
        minutes: required(field(minutes, 0, 59), 'minutes'),
        hours: required(field(hours, 0, 23), 'hours'),
        daysOfMonth,
        months: required(field(month, 1, 12, MONTHS), 'month'),
        daysOfWeek,
        years: year === undefined ? undefined : field(year, 1970, 2099)
    };
}

/** The first time strictly after `after` (ms since the epoch, GMT) the schedule fires, or null. */
export function nextFireTime(schedule: CronSchedule, after: number): number | null {
    const start = new Date(Math.floor(after / 1000) * 1000 + 1000);
    const limit = start.getUTCFullYear() + 100;
    for (let year = start.getUTCFullYear(); year <= limit; year++) {
        if (schedule.years && !schedule.years.has(year)) {
            continue;
        }
        for (let month = 1; month <= 12; month++) {
            if (!schedule.months.has(month)) {
                continue;
            }
            const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
            for (let day = 1; day <= days; day++) {
                const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
                const matches = schedule.daysOfMonth
                    ? schedule.daysOfMonth.has(day)
                    : (schedule.daysOfWeek?.has(weekday) ?? false);
                if (!matches || Date.UTC(year, month - 1, day + 1) <= start.getTime()) {
                    continue;
                }
                for (const hour of [...schedule.hours].sort((a, b) => a - b)) {
                    for (const minute of [...schedule.minutes].sort((a, b) => a - b)) {
                        for (const second of [...schedule.seconds].sort((a, b) => a - b)) {
                            const time = Date.UTC(year, month - 1, day, hour, minute, second);
                            if (time >= start.getTime()) {
                                return time;
                            }
                        }
                    }
                }
            }
        }
    }
    return null;
}
