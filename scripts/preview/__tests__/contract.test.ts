import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
    auraViewFields,
    controllerMethodViews,
    METHOD_VIEWS,
    undeclaredFields
} from '../auraViews';

/**
 * The component's Jest fixtures stand for what CalendlySyncController returns: they must use
 * the @AuraEnabled field names of CalendlySyncViews and nothing else, or the component's tests
 * pass against data no org ever sends.
 */
const FIXTURES = path.resolve(
    __dirname,
    '../../../force-app/main/default/lwc/calendlyIntegration/__tests__/data'
);
const FIXTURE_VIEWS: readonly (readonly [RegExp, string])[] = [
    [/^connection/, 'Connection'],
    [/^hourly/, 'HourlySync'],
    [/^mappingReport/, 'MappingReport'],
    [/^(run|recentRuns)/, 'SyncRun']
];

function viewOf(file: string): string {
    const view = FIXTURE_VIEWS.find(([pattern]) => pattern.test(file))?.[1];
    if (view === undefined) {
        throw new Error(`${file}: no view of CalendlySyncViews matches this fixture's name.`);
    }
    return view;
}

describe('the controller views', () => {
    const views = auraViewFields();

    it('are read from CalendlySyncViews.cls', () => {
        expect([...views.keys()].sort()).toEqual(
            ['Connection', 'HourlySync', 'MappingReport', 'MappingRow', 'SyncRun'].sort()
        );
        expect(views.get('SyncRun')).toContain('linksProcessed');
        expect(views.get('MappingRow')).toContain('userNames');
    });

    it("are what the controller's @AuraEnabled methods declare they return", () => {
        expect(controllerMethodViews()).toEqual(METHOD_VIEWS);
    });

    it('name every field of the component test fixtures', () => {
        const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json'));
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) {
            const value: unknown = JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
            expect({ file, undeclared: undeclaredFields(views, viewOf(file), value) }).toEqual({
                file,
                undeclared: []
            });
        }
    });

    it('reports a field the views do not declare', () => {
        expect(
            undeclaredFields(views, 'MappingReport', {
                flowActive: true,
                rows: [{ linkId: 'a01', owner: 'x' }],
                total: 3
            })
        ).toEqual(['MappingRow.owner', 'MappingReport.total']);
    });
});
