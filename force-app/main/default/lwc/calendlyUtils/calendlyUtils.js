/**
 * Small helpers of the integration page's components: messages from errors, label formatting,
 * dates and the numbers of a run.
 */
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';

/**
 * The messages of an error from Apex or the platform, never empty: an AuraHandledException's
 * message, page and field errors of a DML failure, or a JavaScript error's message.
 * @param {unknown} error
 * @param {string} fallback text when the error carries no message
 * @returns {string}
 */
export function errorMessage(error, fallback) {
    const errors = Array.isArray(error) ? error : [error];
    const messages = errors
        .filter((item) => !!item)
        .flatMap((item) => {
            const body = item.body;
            if (Array.isArray(body)) {
                return body.map((entry) => entry.message);
            }
            if (body && Array.isArray(body.pageErrors) && body.pageErrors.length > 0) {
                return body.pageErrors.map((entry) => entry.message);
            }
            if (body && body.fieldErrors && Object.keys(body.fieldErrors).length > 0) {
                return Object.values(body.fieldErrors)
                    .flat()
                    .map((entry) => entry.message);
            }
            if (body && typeof body.message === 'string') {
                return [body.message];
            }
            if (typeof item.message === 'string') {
                return [item.message];
            }
            return typeof item === 'string' ? [item] : [item.statusText];
        })
        .filter((message) => typeof message === 'string' && message.trim() !== '');
    return messages.length > 0 ? messages.join(' ') : fallback;
}

/**
 * Fills {0}, {1}… of a label.
 * @param {string} template
 * @param {...unknown} values
 * @returns {string}
 */
export function formatLabel(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (match, index) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? match : String(value);
    });
}

/**
 * How far a run is, 0 to 100: links processed of the links expected. The expected count is
 * known before every page is read, so a run can pass it; the bar then stays full.
 * @param {{ linksProcessed?: number, expectedLinks?: number }} run
 * @returns {number}
 */
export function progressPercent(run) {
    const processed = run.linksProcessed || 0;
    const expected = run.expectedLinks || 0;
    if (expected <= 0) {
        return 0;
    }
    return Math.min(100, Math.round((processed * 100) / expected));
}

/** How the page writes a date and time: short month, minutes, in the user's time zone. */
export const DATE_TIME = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit'
};

/**
 * A date and time as the user reads it, in their locale and time zone.
 * @param {string} value an ISO date and time, as Apex sends a Datetime
 * @returns {string}
 */
export function formatDateTime(value) {
    return new Intl.DateTimeFormat(LOCALE, { ...DATE_TIME, timeZone: TIME_ZONE }).format(
        new Date(value)
    );
}
