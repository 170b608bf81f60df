import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatePackage, writeFiles } from '../../../generate';
import {
    copyFixture,
    createProject,
    findings,
    fixture,
    removeTemporaryProjects,
    replace,
    VALID_FLOW
} from '../helpers';

afterAll(removeTemporaryProjects);

const LOOKUP_FAULT = `        <faultConnector>
            <targetReference>Report_Mapping_Error</targetReference>
        </faultConnector>
        <filterLogic>1 AND (2 OR 3)</filterLogic>`;

/** The valid flow turned into an inactive template. */
function asTemplate(text: string): string {
    const draft = replace('<status>Active</status>', '<status>Draft</status>')(text);
    return replace(
        '\n    <label>Map User',
        '\n    <isTemplate>true</isTemplate>\n    <label>Map User'
    )(draft);
}

describe('flow-scanner', () => {
    it('accepts a flow that follows every configured rule', async () => {
        expect(await findings(fixture('valid-project'), ['flow-scanner'])).toEqual([]);
    });

    it('reports a Get Records without fault path as an error, at the element', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_FLOW]: replace(LOOKUP_FAULT, '        <filterLogic>1 AND (2 OR 3)</filterLogic>')
        });
        expect(await findings(dir, ['flow-scanner'])).toEqual([
            expect.objectContaining({
                rule: 'flow-scanner/MissingFaultPath',
                severity: 'error',
                file: VALID_FLOW,
                line: 151,
                path: 'Flow.recordLookups[Get_Users_With_Link_Email]',
                message: 'Missing Fault Path: Get_Users_With_Link_Email.',
                fix: expect.stringContaining('Add a fault connector') as string
            })
        ]);
    });

    it('reports an inactive template unless the configuration expects it', async () => {
        const unexpected = copyFixture('valid-project', { [VALID_FLOW]: asTemplate });
        expect(await findings(unexpected, ['flow-scanner'])).toEqual([
            expect.objectContaining({
                rule: 'flow-scanner/InactiveFlow',
                severity: 'error',
                line: 252,
                path: 'Flow.status',
                fix: expect.stringContaining('Template flows ship inactive') as string
            })
        ]);
        const expected = copyFixture('valid-project', {
            [VALID_FLOW]: asTemplate,
            '.flow-scanner.json': JSON.stringify({
                rules: { InactiveFlow: { severity: 'error' } },
                exceptions: { Link_CopyToUser: { InactiveFlow: ['*'] } }
            })
        });
        expect(await findings(expected, ['flow-scanner'])).toEqual([]);
    });

    it("expects the package's own template to be inactive, through the repository's configuration", async () => {
        const dir = createProject({
            '.flow-scanner.json': fs.readFileSync(
                path.resolve(__dirname, '../../../../.flow-scanner.json'),
                'utf8'
            )
        });
        writeFiles(dir, generatePackage());
        expect(await findings(dir, ['flow-scanner'])).toEqual([]);
    });

    it("runs a project without .flow-scanner.json on the scanner's defaults, not this repository's house rules", async () => {
        const dir = createProject({});
        const files = generatePackage().map((file) =>
            file.path.endsWith('.flow-meta.xml')
                ? {
                      ...file,
                      content: file.content.replace(/\n\s*<triggerOrder>\d+<\/triggerOrder>/, '')
                  }
                : file
        );
        writeFiles(dir, files);
        const scanned = await findings(dir, ['flow-scanner']);
        // The house rules make a missing trigger order an error and excuse the template's
        // inactivity; the scanner's defaults make the first a note and report the second.
        expect(scanned).toEqual(
            expect.arrayContaining([
                expect.objectContaining({ rule: 'flow-scanner/TriggerOrder', severity: 'note' }),
                expect.objectContaining({ rule: 'flow-scanner/InactiveFlow', severity: 'error' })
            ])
        );
    });

    it('runs every rule on a flow whose repeated elements occur once, where the scanner would throw', async () => {
        const dir = copyFixture('valid-project', {
            [VALID_FLOW]: (text) =>
                text.replace(
                    /\n    <processMetadataValues>\n        <name>BuilderType<\/name>[\s\S]*?<\/processMetadataValues>\n    <processMetadataValues>\n        <name>CanvasMode<\/name>\n        <value>\n            <stringValue>AUTO_LAYOUT_CANVAS<\/stringValue>\n        <\/value>\n    <\/processMetadataValues>\n    <processMetadataValues>\n        <name>OriginBuilderType<\/name>[\s\S]*?<\/processMetadataValues>/,
                    '\n    <processMetadataValues>\n        <name>CanvasMode</name>\n        <value>\n            <stringValue>FREE_FORM_CANVAS</stringValue>\n        </value>\n    </processMetadataValues>'
                ),
            '.flow-scanner.json': JSON.stringify({ rules: { AutoLayout: { severity: 'note' } } })
        });
        expect(await findings(dir, ['flow-scanner'])).toEqual([
            expect.objectContaining({ rule: 'flow-scanner/AutoLayout', severity: 'note' })
        ]);
    });

    it("maps the scanner's severities from the project's configuration", async () => {
        const dir = copyFixture('valid-project', {
            [VALID_FLOW]: replace(
                LOOKUP_FAULT,
                '        <filterLogic>1 AND (2 OR 3)</filterLogic>'
            ),
            '.flow-scanner.json': JSON.stringify({
                rules: { MissingFaultPath: { severity: 'note' } }
            })
        });
        expect(await findings(dir, ['flow-scanner'])).toEqual([
            expect.objectContaining({ rule: 'flow-scanner/MissingFaultPath', severity: 'note' })
        ]);
    });

    it('reports a configuration that is not JSON', async () => {
        const dir = copyFixture('valid-project', { '.flow-scanner.json': '{ rules: ' });
        expect(await findings(dir, ['flow-scanner'])).toEqual([
            expect.objectContaining({
                rule: 'flow-scanner',
                severity: 'error',
                file: '.flow-scanner.json'
            })
        ]);
    });
});
