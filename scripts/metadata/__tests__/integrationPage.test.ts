import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findAnnotation, hasModifier, outlineApex, parseApex } from '../../project/apex';
import { children, childText } from '../../xml/parse';
import {
    INTEGRATION_COMPONENT,
    INTEGRATION_PAGE,
    packageStamp,
    packageVersionModule,
    VERSION_MODULE
} from '../integrationPage';
import { INTEGRATION_LABELS } from '../labels';
import { PERMISSION_SETS, SYNC_CONTROLLER_CLASS } from '../names';
import { generatedXml, only, text } from './generated';

const ROOT = path.join(__dirname, '..', '..', '..');
const COMPONENTS = path.join(ROOT, 'force-app/main/default/lwc');

/** The JavaScript of a component bundle, tests left out. */
function bundleSource(component: string): string {
    const bundle = path.join(COMPONENTS, component);
    return fs
        .readdirSync(bundle)
        .filter((file) => file.endsWith('.js'))
        .map((file) => fs.readFileSync(path.join(bundle, file), 'utf8'))
        .join('\n');
}

/** What the page's component, or every component of the package, imports from a module prefix. */
function imported(
    prefix: string,
    components: readonly string[] = [INTEGRATION_COMPONENT]
): string[] {
    const pattern = new RegExp(`from '${prefix}([^']+)'`, 'g');
    return components.flatMap((component) =>
        [...bundleSource(component).matchAll(pattern)].map((match) => match[1] ?? '')
    );
}

describe('the integration page', () => {
    it('defines every label the components import, and uses every label it defines', () => {
        const defined = children(generatedXml('labels/CustomLabels.labels-meta.xml'), 'labels').map(
            (label) => text(label, 'fullName')
        );
        const components = fs
            .readdirSync(COMPONENTS, { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => entry.name);
        const used = new Set(imported('@salesforce/label/c\\.', components));
        expect([...used].sort()).toEqual([...defined].sort());
        expect(defined.sort()).toEqual(Object.keys(INTEGRATION_LABELS).sort());
    });

    it('imports only @AuraEnabled methods of the sync controller', () => {
        const file = path.join(ROOT, `force-app/main/default/classes/${SYNC_CONTROLLER_CLASS}.cls`);
        const parsed = parseApex(fs.readFileSync(file, 'utf8'), file);
        expect(parsed.syntaxErrors).toEqual([]);
        // Lightning calls static methods that are @AuraEnabled and public or global.
        const enabled = (outlineApex(parsed).types[0]?.methods ?? [])
            .filter(
                (method) =>
                    findAnnotation(method, 'AuraEnabled') !== undefined &&
                    hasModifier(method, 'static') &&
                    (hasModifier(method, 'public') || hasModifier(method, 'global'))
            )
            .map((method) => method.name);
        const methods = imported('@salesforce/apex/').map((name) => {
            const [cls, method] = name.split('.');
            expect(cls).toBe(SYNC_CONTROLLER_CLASS);
            return method;
        });
        expect(methods.length).toBeGreaterThan(0);
        for (const method of methods) {
            expect(enabled).toContain(method);
        }
    });

    it('exposes the component on app pages and tabs', () => {
        const meta = fs.readFileSync(
            path.join(COMPONENTS, INTEGRATION_COMPONENT, `${INTEGRATION_COMPONENT}.js-meta.xml`),
            'utf8'
        );
        expect(meta).toContain('<apiVersion>66.0</apiVersion>');
        expect(meta).toContain('<isExposed>true</isExposed>');
        expect(meta).toContain('<target>lightning__AppPage</target>');
        expect(meta).toContain('<target>lightning__Tab</target>');
    });

    it('puts the component on an app page with its own tab', () => {
        const page = generatedXml(`flexipages/${INTEGRATION_PAGE}.flexipage-meta.xml`);
        expect(text(page, 'type')).toBe('AppPage');
        const region = only(page, 'flexiPageRegions');
        const component = only(
            only(only(region, 'itemInstances'), 'componentInstance'),
            'componentName'
        );
        expect(component.text).toBe(INTEGRATION_COMPONENT);

        const tab = generatedXml(`tabs/${INTEGRATION_PAGE}.tab-meta.xml`);
        expect(text(tab, 'flexiPage')).toBe(INTEGRATION_PAGE);
        expect(childText(tab, 'label')).toBe('Calendly Integration');
    });

    it('shows the tab to admins only', () => {
        const tabs = (name: string) =>
            children(
                generatedXml(`permissionsets/${name}.permissionset-meta.xml`),
                'tabSettings'
            ).map((setting) => [text(setting, 'tab'), text(setting, 'visibility')]);
        expect(tabs(PERMISSION_SETS.admin)).toContainEqual([INTEGRATION_PAGE, 'Visible']);
        expect(tabs(PERMISSION_SETS.reader).map(([tab]) => tab)).not.toContain(INTEGRATION_PAGE);
    });

    it("stamps the page with sfdx-project.json's version and addresses, and the stamp must match them", () => {
        const project = JSON.parse(
            fs.readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8')
        ) as {
            packageDirectories: {
                package?: string;
                versionNumber?: string;
                releaseNotesUrl?: string;
                postInstallUrl?: string;
            }[];
        };
        const packaged = project.packageDirectories.find((directory) => directory.package);
        const [major, minor, patch] = (packaged?.versionNumber ?? '').split('.');
        expect(packageStamp()).toEqual({
            version: `${major}.${minor}.${patch}`,
            releaseNotesUrl: packaged?.releaseNotesUrl,
            upgradeUrl: packaged?.postInstallUrl
        });
        const stamp = fs.readFileSync(path.join(ROOT, VERSION_MODULE), 'utf8');
        expect(stamp).toBe(packageVersionModule().content);
        expect(stamp).toContain(`export const PACKAGE_VERSION = '${major}.${minor}.${patch}';`);
        expect(stamp).toContain(`'${packaged?.releaseNotesUrl}';`);
        expect(stamp).toContain(`'${packaged?.postInstallUrl}';`);
        expect(packageVersionModule({ ...packageStamp(), version: '9.1.0' }).content).toContain(
            "PACKAGE_VERSION = '9.1.0'"
        );
    });

    function projectWith(directory: Record<string, unknown>): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'version-'));
        fs.mkdirSync(path.join(dir, 'force-app'));
        fs.writeFileSync(
            path.join(dir, 'sfdx-project.json'),
            JSON.stringify({
                packageDirectories: [
                    { path: 'force-app', default: true, package: 'P', ...directory }
                ],
                sourceApiVersion: '66.0'
            })
        );
        return dir;
    }

    it('refuses a versionNumber that is not major.minor.patch.build, saying how to write it', () => {
        const dir = projectWith({
            versionNumber: '2.3',
            releaseNotesUrl: 'https://example.com/notes',
            postInstallUrl: 'https://example.com/upgrade'
        });
        expect(() => packageStamp(dir)).toThrow(
            /versionNumber is "2\.3"; write it as major\.minor\.patch\.build, such as 2\.3\.0\.NEXT/
        );
    });

    it('refuses a missing or non-https release notes or upgrade address, naming the key', () => {
        expect(() =>
            packageStamp(
                projectWith({ versionNumber: '1.0.0.NEXT', postInstallUrl: 'https://e.com/u' })
            )
        ).toThrow(/releaseNotesUrl is undefined; set it to the https address/);
        expect(() =>
            packageStamp(
                projectWith({
                    versionNumber: '1.0.0.NEXT',
                    releaseNotesUrl: 'https://e.com/n',
                    postInstallUrl: 'http://e.com/u'
                })
            )
        ).toThrow(/postInstallUrl is "http:\/\/e\.com\/u"/);
    });
});
