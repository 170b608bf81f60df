/**
 * Small pure helpers of the integration page: messages from errors, label formatting and the
 * numbers of a run.
 */

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
