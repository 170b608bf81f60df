import type { ErrorBody } from './types';

/**
 * The stand-in's error bodies, in Calendly's shape `{title, message, details}` [S26], with
 * Calendly's own texts where a source gives them (CALENDLY.md §3.7; tags as in types.ts).
 */

/** 400 [S23]; the wording of `details` is [unconfirmed], so each names the parameter to fix. */
export function invalidArgument(parameter: string, message: string): ErrorBody {
    return {
        title: 'Invalid Argument',
        message: 'The supplied parameters are invalid.',
        details: [{ parameter, message }]
    };
}

/**
 * 401 [S23, and a live probe in CauldronUp/cauldron recipes/calendly/recipe.yaml]: the same body
 * for a missing header and a bogus token. For an expired token the same body is served
 * [unconfirmed: no source shows Calendly's text for an expired token].
 */
export const UNAUTHENTICATED: ErrorBody = {
    title: 'Unauthenticated',
    message: 'The access token is invalid'
};

/** 403 for a user who is not an owner or admin on an organization-wide read [S23, S26]. */
export const NOT_ADMIN: ErrorBody = {
    title: 'Permission Denied',
    message: 'You do not have permission'
};

/** 403 for an organization the token's user does not belong to [S23, S26]. */
export const NOT_IN_ORGANIZATION: ErrorBody = {
    title: 'Permission Denied',
    message: 'This user is not in your organization'
};

/** 404 [S23; koshilife/calendly-api-ruby-client test fixtures]. */
export const NOT_FOUND: ErrorBody = {
    title: 'Resource Not Found',
    message: 'The server could not find the requested resource.'
};

/** 429: the rate-limit page shows headers only; this body is [unconfirmed]. */
export const TOO_MANY_REQUESTS: ErrorBody = {
    title: 'Too Many Requests',
    message: 'You have exceeded the rate limit. Wait for X-RateLimit-Reset seconds, then retry.'
};

/** 500 [S23]; the texts for 502, 503 and 504 are [unconfirmed] and follow HTTP's reason phrases. */
export function serverError(status: number): ErrorBody {
    switch (status) {
        case 502:
            return { title: 'Bad Gateway', message: 'The server received an invalid response.' };
        case 503:
            return { title: 'Service Unavailable', message: 'The server is unavailable.' };
        case 504:
            return { title: 'Gateway Timeout', message: 'The server did not answer in time.' };
        default:
            return {
                title: 'Internal Server Error',
                message:
                    'The server encountered an unexpected condition that prevented it from fulfilling the request.'
            };
    }
}
