import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProjectError } from '../errors';
import { Project } from '../project';
import {
    applyChanges,
    copyFixture,
    createProject,
    fixture,
    removeTemporaryProjects,
    VALID_FLOW
} from '../../validate/__tests__/helpers';

afterAll(removeTemporaryProjects);

describe('Project', () => {
    it('lists the files of the package directories that .forceignore leaves in', async () => {
        const project = await Project.load(fixture('valid-project'));
        expect(project.root).toBe(fixture('valid-project'));
        expect(project.config.sourceApiVersion).toBe('66.0');
        expect(project.files).toContain(
            'force-app/main/default/flows/Link_CopyToUser.flow-meta.xml'
        );
        expect(project.files).not.toContain('force-app/main/default/README.md');
        expect([...project.files].sort()).toEqual(project.files);
        expect(
            project.components.components.get(
                'force-app/main/default/flows/Link_CopyToUser.flow-meta.xml'
            )
        ).toEqual({
            type: 'Flow',
            fullName: 'Link_CopyToUser',
            xml: 'force-app/main/default/flows/Link_CopyToUser.flow-meta.xml'
        });
    });

    it('loads the same project synchronously, for callers that cannot wait', async () => {
        const dir = fixture('valid-project');
        const sync = Project.loadSync(dir);
        const loaded = await Project.load(dir);
        expect(sync.files).toEqual(loaded.files);
        expect(sync.missingPackageDirectories).toEqual(loaded.missingPackageDirectories);
        expect([...sync.components.components]).toEqual([...loaded.components.components]);
        expect([...sync.components.unresolved]).toEqual([...loaded.components.unresolved]);
        expect(sync.files).not.toContain('force-app/main/default/README.md');
    });

    it('parses each XML file once and keeps syntax errors as data', async () => {
        const dir = createProject({
            'force-app/main/default/tabs/Good__c.tab-meta.xml': '<CustomTab/>',
            'force-app/main/default/tabs/Bad__c.tab-meta.xml': '<CustomTab>'
        });
        const project = await Project.load(dir);
        expect(project.xml('force-app/main/default/tabs/Good__c.tab-meta.xml')).toBe(
            project.xml('force-app/main/default/tabs/Good__c.tab-meta.xml')
        );
        expect(project.xmlRoot('force-app/main/default/tabs/Good__c.tab-meta.xml')?.name).toBe(
            'CustomTab'
        );
        expect(project.xml('force-app/main/default/tabs/Bad__c.tab-meta.xml').error?.line).toBe(1);
    });

    it('refuses a directory that is not a Salesforce DX project, at once', () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-empty-'));
        try {
            expect(() => Project.load(empty)).toThrow(ProjectError);
            expect(() => Project.load(empty)).toThrow(/has no sfdx-project.json/);
            expect(() => Project.load(path.join(empty, 'missing'))).toThrow(/is not a directory/);
        } finally {
            fs.rmSync(empty, { recursive: true });
        }
    });

    it('refuses an sfdx-project.json that is not JSON or lists no package directory', () => {
        expect(() =>
            Project.load(copyFixture('valid-project', { 'sfdx-project.json': '{' }))
        ).toThrow(/is not valid JSON/);
        expect(() =>
            Project.load(
                copyFixture('valid-project', { 'sfdx-project.json': '{"packageDirectories":[]}' })
            )
        ).toThrow(/lists no packageDirectories/);
    });
});

describe("the cache of source-deploy-retrieve's answer", () => {
    let cacheDirectory: string;

    beforeEach(() => {
        cacheDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'validate-sources-'));
    });

    afterEach(() => {
        fs.rmSync(cacheDirectory, { recursive: true, force: true });
    });

    /** The one cache file the project's load wrote. */
    function cacheFile(): string {
        const entries = fs.readdirSync(cacheDirectory);
        expect(entries).toEqual([expect.stringMatching(/^sources-[0-9a-f]{16}\.json$/)]);
        return path.join(cacheDirectory, entries[0] ?? '');
    }

    it('answers as source-deploy-retrieve does, and from the cache while nothing changed', async () => {
        const dir = copyFixture('valid-project');
        const uncached = await Project.load(dir);
        const first = await Project.load(dir, { cacheDirectory });
        expect(first.files).toEqual(uncached.files);
        expect(first.components).toEqual(uncached.components);

        const file = cacheFile();
        fs.writeFileSync(
            file,
            fs.readFileSync(file, 'utf8').replace('"Link_CopyToUser"', '"Served_From_Cache"')
        );
        const second = await Project.load(dir, { cacheDirectory });
        expect(second.components.components.get(VALID_FLOW)?.fullName).toBe('Served_From_Cache');
    });

    it('asks source-deploy-retrieve again once a file or .forceignore changes', async () => {
        const dir = copyFixture('valid-project');
        await Project.load(dir, { cacheDirectory });
        const file = cacheFile();
        const served = (): void => {
            fs.writeFileSync(
                file,
                fs.readFileSync(file, 'utf8').replace('"Link_CopyToUser"', '"Served_From_Cache"')
            );
        };

        served();
        applyChanges(dir, {
            'force-app/main/default/tabs/Other__c.tab-meta.xml': '<CustomTab/>'
        });
        const added = await Project.load(dir, { cacheDirectory });
        expect(added.components.components.get(VALID_FLOW)?.fullName).toBe('Link_CopyToUser');
        expect(
            added.components.components.get('force-app/main/default/tabs/Other__c.tab-meta.xml')
        ).toMatchObject({ type: 'CustomTab', fullName: 'Other__c' });

        served();
        applyChanges(dir, { [VALID_FLOW]: (text) => `${text}\n` });
        const edited = await Project.load(dir, { cacheDirectory });
        expect(edited.components.components.get(VALID_FLOW)?.fullName).toBe('Link_CopyToUser');

        served();
        applyChanges(dir, { '.forceignore': (text) => `${text}\n**/tabs/**\n` });
        const ignored = await Project.load(dir, { cacheDirectory });
        expect(ignored.components.components.get(VALID_FLOW)?.fullName).toBe('Link_CopyToUser');
        expect(ignored.files.some((name) => name.includes('/tabs/'))).toBe(false);
    });

    it('answers without a cache it cannot write', async () => {
        const dir = copyFixture('valid-project');
        const notADirectory = path.join(cacheDirectory, 'file');
        fs.writeFileSync(notADirectory, '');

        const project = await Project.load(dir, { cacheDirectory: notADirectory });
        expect(project.components).toEqual((await Project.load(dir)).components);
    });

    it('asks source-deploy-retrieve again when the cache file is not a whole answer', async () => {
        const dir = copyFixture('valid-project');
        const uncached = await Project.load(dir);
        await Project.load(dir, { cacheDirectory });
        const file = cacheFile();
        const whole = fs.readFileSync(file, 'utf8');

        for (const corrupt of [
            whole.slice(0, whole.length / 2),
            '',
            JSON.stringify({ key: (JSON.parse(whole) as { key: string }).key, index: {} }),
            whole.replace('"fullName":"Link_CopyToUser"', '"fullName":7')
        ]) {
            fs.writeFileSync(file, corrupt);
            const project = await Project.load(dir, { cacheDirectory });
            expect(project.components).toEqual(uncached.components);
            expect(fs.readFileSync(file, 'utf8')).toBe(whole);
        }
    });
});
