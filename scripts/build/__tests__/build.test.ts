import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildProject } from '../build';
import type { BuildOutcome, ProjectValidator } from '../types';

const FIXTURE = path.join(__dirname, 'fixtures', 'project');

const passing: ProjectValidator = () =>
    Promise.resolve({ passed: true, errors: [], otherFindings: 0, summary: 'Validation passed.' });
const upToDate = (): [] => [];

let project: string;

beforeEach(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'build-test-'));
    fs.cpSync(FIXTURE, project, { recursive: true });
});

afterEach(() => {
    fs.rmSync(project, { recursive: true, force: true });
});

function built(outcome: BuildOutcome): Extract<BuildOutcome, { status: 'built' }> {
    if (outcome.status !== 'built') {
        throw new Error(`Expected a build, got ${JSON.stringify(outcome)}`);
    }
    return outcome;
}

function forbidden(outcome: BuildOutcome): readonly string[] {
    if (outcome.status !== 'forbidden-output') {
        throw new Error(`Expected forbidden output, got ${outcome.status}`);
    }
    return outcome.problems;
}

describe('buildProject', () => {
    it('converts the packaged directory alone, without its tests, into an emptied dist', async () => {
        fs.mkdirSync(path.join(project, 'dist'));
        fs.writeFileSync(path.join(project, 'dist', 'left-over.txt'), 'from an older build');

        const { summary } = built(
            await buildProject(project, { validate: passing, findStale: upToDate })
        );

        const { output } = summary;
        expect(output.directory).toBe(path.join(project, 'dist', 'package'));
        expect(output.zipPath).toBe(path.join(project, 'dist', 'widget-kit.zip'));
        expect(fs.readdirSync(path.join(project, 'dist')).sort()).toEqual([
            'package',
            'widget-kit.zip'
        ]);
        expect(output.apiVersion).toBe('66.0');
        expect(output.members).toEqual(
            expect.arrayContaining([
                { type: 'CustomObject', name: 'Widget__c' },
                { type: 'CustomField', name: 'Widget__c.Size__c' },
                { type: 'LightningComponentBundle', name: 'widgetCard' }
            ])
        );
        expect(output.members).not.toContainEqual({
            type: 'PermissionSet',
            name: 'Sample_Access'
        });
        expect(output.directoryFiles).toEqual([
            'lwc/widgetCard/widgetCard.html',
            'lwc/widgetCard/widgetCard.js',
            'lwc/widgetCard/widgetCard.js-meta.xml',
            'objects/Widget__c.object',
            'package.xml'
        ]);
        expect(output.zipFiles).toEqual(output.directoryFiles);
        expect(output.zipBytes).toBe(fs.statSync(output.zipPath).size);
        expect(summary.layout.packagedDir).toBe('force-app');
    });

    it('deletes the output and reports the test when .forceignore lets LWC tests through', async () => {
        fs.rmSync(path.join(project, '.forceignore'));

        const problems = forbidden(
            await buildProject(project, { validate: passing, findStale: upToDate })
        );

        expect(problems).toContain(
            'dist/package: lwc/widgetCard/__tests__/widgetCard.test.js is in a __tests__ folder; keep it out of the package with .forceignore (**/__tests__/**).'
        );
        expect(problems).toContain(
            'dist/widget-kit.zip: lwc/widgetCard/__tests__/widgetCard.test.js is in a __tests__ folder; keep it out of the package with .forceignore (**/__tests__/**).'
        );
        expect(fs.existsSync(path.join(project, 'dist'))).toBe(false);
    });

    it('fails when unpackaged metadata sits inside the packaged directory', async () => {
        fs.renameSync(path.join(project, 'samples'), path.join(project, 'force-app', 'samples'));
        const config = path.join(project, 'sfdx-project.json');
        fs.writeFileSync(
            config,
            fs
                .readFileSync(config, 'utf8')
                .replace('"path": "samples"', '"path": "force-app/samples"')
        );

        const problems = forbidden(
            await buildProject(project, { validate: passing, findStale: upToDate })
        );

        expect(problems).toEqual([
            'dist/package/package.xml: PermissionSet Sample_Access comes from the unpackaged directory force-app/samples; it must not be packaged, so keep it out of the packaged directory.'
        ]);
        expect(fs.existsSync(path.join(project, 'dist'))).toBe(false);
    });

    it('stops before validating or writing when generated files are stale', async () => {
        const validate = jest.fn(passing);
        const stale = [
            { path: 'force-app/main/default/flows/X.flow-meta.xml', problem: 'missing' }
        ] as const;

        const outcome = await buildProject(project, { validate, findStale: () => stale });

        expect(outcome).toEqual({ status: 'stale', stale });
        expect(validate).not.toHaveBeenCalled();
        expect(fs.existsSync(path.join(project, 'dist'))).toBe(false);
    });

    it('stops before writing when validation fails, keeping the errors', async () => {
        const validation = {
            passed: false,
            errors: ['force-app/x.flow-meta.xml:3: error [rule] bad — fix it'],
            otherFindings: 2,
            summary: 'Validation failed: 1 error.'
        };
        fs.mkdirSync(path.join(project, 'dist'));

        const outcome = await buildProject(project, {
            validate: () => Promise.resolve(validation),
            findStale: upToDate
        });

        expect(outcome).toEqual({ status: 'invalid', validation });
        expect(fs.readdirSync(path.join(project, 'dist'))).toEqual([]);
    });
});
