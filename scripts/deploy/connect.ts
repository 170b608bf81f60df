import { Org, type Connection } from '@salesforce/core';
import { deployMessages as M } from './messages';
import { UsageError } from '../shared/command';
import { OrgUnreachableError } from './errors';
import type { TargetOrg } from './types';

/** Network failures: the login may be fine, the org cannot be reached. */
const UNREACHABLE =
    /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|CERT_|socket hang up/i;

/**
 * An error with its causes (`fetch failed` says little; its cause names the refused
 * connection), as one line.
 */
function reasonOf(error: unknown): string {
    const parts: string[] = [];
    let current: unknown = error;
    for (let depth = 0; current !== undefined && current !== null && depth < 5; depth++) {
        if (current instanceof Error) {
            const code = (current as Error & { code?: unknown }).code;
            parts.push(
                typeof code === 'string' && !current.message.includes(code)
                    ? `${current.message} [${code}]`
                    : current.message
            );
            current = current.cause;
        } else {
            parts.push(typeof current === 'string' ? current : JSON.stringify(current));
            current = undefined;
        }
    }
    return parts.filter((part) => part !== '').join(': ');
}

/**
 * A connection to the target org whose login the org has just accepted: checked before the
 * build, so that an expired login is reported before a long build, not after it.
 */
export async function connect(target: TargetOrg): Promise<Connection> {
    try {
        const org = await Org.create({ aliasOrUsername: target.username });
        await org.refreshAuth();
        return org.getConnection();
    } catch (error: unknown) {
        const reason = reasonOf(error);
        if (UNREACHABLE.test(reason)) {
            throw new OrgUnreachableError(M.unreachable(target, reason), { cause: error });
        }
        throw new UsageError(M.loginRefused(target, reason), { cause: error });
    }
}
