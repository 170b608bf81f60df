import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ProjectError } from '../errors';
import { Project } from '../project';
import { copyFixture, createProject, fixture, removeTemporaryProjects } from './helpers';

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
