import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findAnnotation, outlineApex, parseApex } from '../project/apex';

const CLASSES = path.resolve(__dirname, '../../force-app/main/default/classes');
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

/** A parameter of a controller method: its name and Apex type, as written. */
export interface ControllerParameter {
    readonly name: string;
    readonly type: string;
}

/**
 * The @AuraEnabled methods of CalendlySyncController and their parameters, read from the Apex
 * source: what the components may call, and how their arguments are named.
 */
export function controllerMethods(): Map<string, readonly ControllerParameter[]> {
    const outline = outlineApex(parseApex(readFileSync(CONTROLLER, 'utf8'), CONTROLLER));
    const methods = new Map<string, readonly ControllerParameter[]>();
    for (const method of outline.types[0]?.methods ?? []) {
        if (findAnnotation(method, 'AuraEnabled') !== undefined) {
            methods.set(
                method.name,
                method.parameters.map((parameter) => ({
                    name: parameter.name,
                    type: parameter.type
                }))
            );
        }
    }
    return methods;
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

/**
 * A controller's answer as Lightning sends it to a component: only the @AuraEnabled fields of
 * its view (and of the mapping report's rows), whatever else the Apex object holds.
 */
export function auraValue(
    views: ReadonlyMap<string, ReadonlySet<string>>,
    view: string,
    value: unknown
): unknown {
    if (Array.isArray(value)) {
        return value.map((item) => auraValue(views, view, item));
    }
    if (typeof value !== 'object' || value === null) {
        return value;
    }
    const fields = views.get(view) ?? new Set<string>();
    return Object.fromEntries(
        Object.entries(value)
            .filter(([key]) => fields.has(key))
            .map(([key, nested]) => [
                key,
                view === 'MappingReport' && key === 'rows'
                    ? auraValue(views, 'MappingRow', nested)
                    : nested
            ])
    );
}
