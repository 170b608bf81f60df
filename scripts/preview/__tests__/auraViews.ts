import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAnnotation, outlineApex, parseApex } from '../../project/apex';

const CLASSES = path.resolve(__dirname, '../../../force-app/main/default/classes');
const VIEWS = path.join(CLASSES, 'CalendlySyncViews.cls');
const CONTROLLER = path.join(CLASSES, 'CalendlySyncController.cls');

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
 * The view each @AuraEnabled method of CalendlySyncController declares it returns, read from the
 * Apex source: `CalendlySyncViews.SyncRun` and `List<CalendlySyncViews.SyncRun>` are `SyncRun`.
 */
export function controllerMethodViews(): Record<string, string> {
    const outline = outlineApex(parseApex(readFileSync(CONTROLLER, 'utf8'), CONTROLLER));
    const views: Record<string, string> = {};
    for (const method of outline.types[0]?.methods ?? []) {
        const view = /\bCalendlySyncViews\.(\w+)/i.exec(method.returnType)?.[1];
        if (findAnnotation(method, 'AuraEnabled') !== undefined && view !== undefined) {
            views[method.name] = view;
        }
    }
    return views;
}

/**
 * The @AuraEnabled fields and properties of each inner class of CalendlySyncViews, read from the
 * Apex source: the names the components receive.
 */
export function auraViewFields(): Map<string, Set<string>> {
    const outline = outlineApex(parseApex(readFileSync(VIEWS, 'utf8'), VIEWS));
    const views = new Map<string, Set<string>>();
    for (const view of outline.types[0]?.types ?? []) {
        const members = [...view.fields, ...view.properties];
        views.set(
            view.name,
            new Set(
                members
                    .filter((member) => findAnnotation(member, 'AuraEnabled') !== undefined)
                    .map((member) => member.name)
            )
        );
    }
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
