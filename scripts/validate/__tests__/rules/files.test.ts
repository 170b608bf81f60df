import * as fs from 'node:fs';
import * as path from 'node:path';
import {
    copyFixture,
    createProject,
    findings,
    fixture,
    removeTemporaryProjects,
    replace,
    VALID_EMAIL_FIELD,
    VALID_FLOW
} from '../helpers';

/** The rules about files as files: XML, metadata types, Apex -meta.xml, API versions. */

afterAll(removeTemporaryProjects);

const CLASS = 'force-app/main/default/classes/LinkService.cls';
const META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

describe('xml-syntax', () => {
    it('accepts well-formed XML', async () => {
        expect(await findings(fixture('valid-project'), ['xml-syntax'])).toEqual([]);
    });

    it('reports a mismatched closing tag with its line and column', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_EMAIL_FIELD]: replace('<label>Email</label>', '<label>Email</labl>')
        });
        expect(await findings(dir, ['xml-syntax'])).toEqual([
            expect.objectContaining({
                rule: 'xml-syntax',
                severity: 'error',
                file: VALID_EMAIL_FIELD,
                line: 4,
                column: expect.any(Number) as number,
                message: expect.stringContaining('unexpected close tag') as string
            })
        ]);
    });

    it('reports a flow file that is not XML at all', async () => {
        const dir = copyFixture('valid-project', { [VALID_FLOW]: 'Not a flow.\n' });
        expect(await findings(dir, ['xml-syntax'])).toEqual([
            expect.objectContaining({
                file: VALID_FLOW,
                message: expect.stringContaining('outside of root node') as string
            })
        ]);
    });
});

describe('metadata-type', () => {
    it('accepts files of known types and leaves out what .forceignore lists', async () => {
        expect(
            fs.existsSync(path.join(fixture('valid-project'), 'force-app/main/default/README.md'))
        ).toBe(true);
        expect(await findings(fixture('valid-project'), ['metadata-type'])).toEqual([]);
    });

    it('warns of a file no metadata type claims, which a deploy skips', async () => {
        const dir = copyFixture('valid-project', {
            'force-app/main/default/classes/notes.txt': 'notes',
            'force-app/test/jest-mocks/lightning/navigation.js': 'export const Navigate = 1;\n'
        });
        expect(await findings(dir, ['metadata-type'])).toEqual([
            expect.objectContaining({
                rule: 'metadata-type',
                severity: 'warning',
                file: 'force-app/main/default/classes/notes.txt',
                fix: expect.stringContaining('.forceignore') as string
            }),
            expect.objectContaining({
                severity: 'warning',
                file: 'force-app/test/jest-mocks/lightning/navigation.js'
            })
        ]);
    });

    it('reports a -meta.xml file no metadata type claims, which stops a deploy', async () => {
        const dir = copyFixture('valid-project', {
            'force-app/main/default/widgets/Thing.widget-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?>\n<Widget xmlns="http://soap.sforce.com/2006/04/metadata"/>\n'
        });
        expect(await findings(dir, ['metadata-type'])).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: 'force-app/main/default/widgets/Thing.widget-meta.xml'
            })
        ]);
    });

    it('reports a file that only .forceignore kept out, once .forceignore is gone', async () => {
        const dir = copyFixture('valid-project', { '.forceignore': null });
        expect(await findings(dir, ['metadata-type'])).toEqual([
            expect.objectContaining({ file: 'force-app/main/default/README.md' })
        ]);
    });

    it('reports a package directory that does not exist', async () => {
        const dir = copyFixture('valid-project', {
            'sfdx-project.json': JSON.stringify({
                packageDirectories: [{ path: 'force-app' }, { path: 'unpackaged' }],
                sourceApiVersion: '66.0'
            })
        });
        expect(await findings(dir, ['metadata-type'])).toEqual([
            expect.objectContaining({
                file: 'sfdx-project.json',
                message: expect.stringContaining('unpackaged') as string
            })
        ]);
    });
});

describe('apex-meta-xml', () => {
    it('accepts a class with its -meta.xml', async () => {
        const dir = createProject({
            [CLASS]: 'public with sharing class LinkService {}\n',
            [`${CLASS}-meta.xml`]: META
        });
        expect(await findings(dir, ['apex-meta-xml'])).toEqual([]);
    });

    it('reports a class without its -meta.xml, which a deploy would silently drop', async () => {
        const dir = createProject({ [CLASS]: 'public with sharing class LinkService {}\n' });
        expect(await findings(dir, ['apex-meta-xml'])).toEqual([
            expect.objectContaining({
                rule: 'apex-meta-xml',
                severity: 'error',
                file: CLASS,
                fix: expect.stringContaining(`${CLASS}-meta.xml`) as string
            })
        ]);
    });

    it('reports a trigger -meta.xml without its trigger', async () => {
        const trigger = 'force-app/main/default/triggers/LinkTrigger.trigger-meta.xml';
        const dir = createProject({ [trigger]: META.replace(/ApexClass/g, 'ApexTrigger') });
        expect(await findings(dir, ['apex-meta-xml'])).toEqual([
            expect.objectContaining({ file: trigger })
        ]);
    });
});

describe('api-version', () => {
    it('accepts components written for sourceApiVersion', async () => {
        expect(await findings(fixture('valid-project'), ['api-version'])).toEqual([]);
    });

    it('warns of a component with another API version, at its line', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_FLOW]: replace('<apiVersion>66.0</apiVersion>', '<apiVersion>65.0</apiVersion>')
        });
        expect(await findings(dir, ['api-version'])).toEqual([
            expect.objectContaining({
                rule: 'api-version',
                severity: 'warning',
                file: VALID_FLOW,
                line: 3,
                path: 'Flow.apiVersion',
                fix: expect.stringContaining('<apiVersion>66.0</apiVersion>') as string
            })
        ]);
    });

    it('reports another API version at the severity sfdx-project.json sets, and a bad setting', async () => {
        const project = (severity: unknown): string =>
            JSON.stringify({
                packageDirectories: [{ path: 'force-app', default: true }],
                sourceApiVersion: '66.0',
                plugins: { validate: { apiVersionMismatchSeverity: severity } }
            });
        const older = replace('<apiVersion>66.0</apiVersion>', '<apiVersion>65.0</apiVersion>');
        const strict = copyFixture('valid-project', {
            [VALID_FLOW]: older,
            'sfdx-project.json': project('error')
        });
        expect(await findings(strict, ['api-version'])).toEqual([
            expect.objectContaining({ severity: 'error', file: VALID_FLOW })
        ]);
        const wrong = copyFixture('valid-project', { 'sfdx-project.json': project(true) });
        expect(await findings(wrong, ['api-version'])).toEqual([
            expect.objectContaining({
                severity: 'error',
                file: 'sfdx-project.json',
                message: expect.stringContaining('apiVersionMismatchSeverity') as string
            })
        ]);
    });

    it('warns when sfdx-project.json declares no sourceApiVersion', async () => {
        const dir = copyFixture('valid-project', {
            'sfdx-project.json': JSON.stringify({ packageDirectories: [{ path: 'force-app' }] })
        });
        expect(await findings(dir, ['api-version'])).toEqual([
            expect.objectContaining({ severity: 'warning', file: 'sfdx-project.json' })
        ]);
    });
});
