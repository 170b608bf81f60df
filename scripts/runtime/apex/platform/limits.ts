import type { PlatformClass } from '../services';
import { T } from '../types';
import { method } from './define';

/**
 * The governor limits a transaction tracks, as the Limits class reads them (RG "Limits Class";
 * DG "Execution Governors and Limits").
 */
export type LimitName =
    'queries' | 'queryRows' | 'dmlStatements' | 'dmlRows' | 'callouts' | 'queueableJobs';

/** The running transaction's usage and limits. */
export interface LimitsService {
    used(name: LimitName): number;
    limit(name: LimitName): number;
}

const METHODS: Readonly<Record<LimitName, string>> = {
    queries: 'Queries',
    queryRows: 'QueryRows',
    dmlStatements: 'DmlStatements',
    dmlRows: 'DmlRows',
    callouts: 'Callouts',
    queueableJobs: 'QueueableJobs'
};

/** Limits.getX() and Limits.getLimitX() for each tracked limit; the others are refused. */
export function limitsClass(limits: LimitsService): PlatformClass {
    return {
        name: 'System.Limits',
        names: ['limits', 'system.limits'],
        staticMethods: Object.entries(METHODS).flatMap(([name, suffix]) => [
            method(`get${suffix}`, [], T.integer, () => limits.used(name as LimitName)),
            method(`getLimit${suffix}`, [], T.integer, () => limits.limit(name as LimitName))
        ])
    };
}
