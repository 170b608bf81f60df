import { LimitException } from '../errors';
import { MESSAGES } from '../messages';
import type { LimitUsage } from '../types';

/** Synchronous Apex governor limits per transaction, which flows share. */
export const GOVERNOR_LIMITS: Readonly<LimitUsage> = {
    soqlQueries: 100,
    queryRows: 50_000,
    dmlStatements: 150,
    dmlRows: 10_000
};

/**
 * Apex raises "Maximum trigger depth exceeded" past 16 nested saves; flows that save records
 * that re-fire flows are assumed to share that depth. [verify in an org]
 */
export const MAX_TRIGGER_DEPTH = 16;

/** Counts one transaction's use of the limits and throws LimitException on a breach. */
export class LimitCounter {
    private current: LimitUsage = { soqlQueries: 0, queryRows: 0, dmlStatements: 0, dmlRows: 0 };

    public constructor(private readonly limits: Readonly<LimitUsage> = GOVERNOR_LIMITS) {}

    public get usage(): LimitUsage {
        return { ...this.current };
    }

    public query(rows: number): void {
        this.add('soqlQueries', 1);
        this.add('queryRows', rows);
    }

    public dml(rows: number): void {
        this.add('dmlStatements', 1);
        this.add('dmlRows', rows);
    }

    /** Puts the counters back, for the retries of a partial-success DML. */
    public restore(usage: LimitUsage): void {
        this.current = { ...usage };
    }

    private add(limit: keyof LimitUsage, amount: number): void {
        this.current[limit] += amount;
        if (this.current[limit] > this.limits[limit]) {
            throw new LimitException(MESSAGES.limitExceeded(limit, this.current[limit]));
        }
    }
}
