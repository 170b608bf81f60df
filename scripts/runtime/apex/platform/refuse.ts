import { UnsupportedError } from '../errors';
import type { CallSite } from '../services';

/**
 * Stops the run where a platform method meets what the embedded org does not implement (a regex
 * construct JavaScript cannot express, a date pattern letter, an exception whose text the
 * documentation does not give): `file:line: X is not supported by the embedded org`.
 */
export function refuse(site: CallSite, what: string): never {
    throw new UnsupportedError(site.place, what);
}
