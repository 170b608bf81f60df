import { readFileSync } from 'node:fs';
import path from 'node:path';

const VIEWS = path.resolve(
    __dirname,
    '../../../force-app/main/default/classes/CalendlySyncViews.cls'
);

/** Which view each controller method answers with; a list for getRecentRuns. */
export const METHOD_VIEWS: Readonly<Record<string, string>> = {
    startSync: 'SyncRun',
    getCurrentRun: 'SyncRun',
    getRun: 'SyncRun',
    getRecentRuns: 'SyncRun',
    getConnectionStatus: 'Connection',
    getHourlySync: 'HourlySync',
    setHourlySync: 'HourlySync',
    getMappingReport: 'MappingReport'
};

/**
 * The @AuraEnabled fields of each inner class of CalendlySyncViews, read from the Apex source:
 * the names the components receive. The classes are flat value classes, so a class runs from
 * its `public class` line to the next one.
 */
export function auraViewFields(): Map<string, Set<string>> {
    const source = readFileSync(VIEWS, 'utf8');
    const views = new Map<string, Set<string>>();
    const classes = [...source.matchAll(/public class (\w+) \{/g)];
    classes.forEach((match, index) => {
        const body = source.slice(match.index, classes[index + 1]?.index ?? source.length);
        const fields = [
            ...body.matchAll(/@AuraEnabled\s+public\s+[\w<>, ]+?\s+(\w+)\s*(?:=[^;]*)?;/g)
        ];
        views.set(match[1] ?? '', new Set(fields.map((field) => field[1] ?? '')));
    });
    return views;
}

/**
 * The fields of a value (and of its nested rows) that its view does not declare, as
 * `View.field`; empty when the value has the controller's shape.
 */
export function undeclaredFields(
    views: ReadonlyMap<string, ReadonlySet<string>>,
    view: string,
    value: unknown
): string[] {
    if (Array.isArray(value)) {
        return value.flatMap((item) => undeclaredFields(views, view, item));
    }
    if (typeof value !== 'object' || value === null) {
        return [];
    }
    const fields = views.get(view) ?? new Set<string>();
    return Object.entries(value).flatMap(([key, nested]) => {
        if (!fields.has(key)) {
            return [`${view}.${key}`];
        }
        return view === 'MappingReport' && key === 'rows'
            ? undeclaredFields(views, 'MappingRow', nested)
            : [];
    });
}
