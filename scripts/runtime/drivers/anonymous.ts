import { ApexLimitError, ApexThrow } from '../apex/errors';
import type { ApexOrg } from './apexOrg';

/** How a run of anonymous Apex ended. */
export type AnonymousOutcome =
    | { readonly kind: 'completed' }
    /** An uncaught exception: its type and message, as the debug log's FATAL_ERROR line. */
    | { readonly kind: 'exception'; readonly type: string; readonly message: string };

/**
 * Executes anonymous Apex as the Developer Console and `sf apex run` do: one transaction,
 * committed when the block completes and rolled back when an exception escapes it (DG
 * "Anonymous Blocks"). Apex that does not compile or that the embedded org does not support is
 * thrown, not reported as an outcome: the file is at fault, not the code's run.
 */
export function executeAnonymous(org: ApexOrg, text: string, file: string): AnonymousOutcome {
    try {
        org.run(() => {
            org.vm.runAnonymous(text, file);
        });
        return { kind: 'completed' };
    } catch (error: unknown) {
        if (error instanceof ApexThrow) {
            return {
                kind: 'exception',
                type: error.exception.type.name,
                message: error.exception.exception?.message ?? ''
            };
        }
        if (error instanceof ApexLimitError) {
            return { kind: 'exception', type: 'System.LimitException', message: error.message };
        }
        throw error;
    }
}
