import * as fs from 'node:fs';
import * as path from 'node:path';
import { child, childText, children, type XmlElement } from '../../xml/parse';
import { RUN_FIELDS } from '../names';
import { generatedNames, generatedXml, text } from './generated';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const RUN = 'CalendlySyncRun__c';

const runField = (name: string): XmlElement =>
    generatedXml(`objects/${RUN}/fields/${name}.field-meta.xml`);

const permissionSet = (name: string): XmlElement =>
    generatedXml(`permissionsets/${name}.permissionset-meta.xml`);

function picklistValues(field: XmlElement): string[] {
    const definition = child(child(field, 'valueSet') ?? field, 'valueSetDefinition');
    return definition ? children(definition, 'value').map((value) => text(value, 'fullName')) : [];
}

describe('CalendlySyncRun__c', () => {
    it('is a custom object numbered SYNC-000001 onwards, readable and writable by every admin', () => {
        const object = generatedXml(`objects/${RUN}/${RUN}.object-meta.xml`);
        const nameField = child(object, 'nameField');

        expect(text(object, 'label')).toBe('Calendly Sync Run');
        expect(nameField && text(nameField, 'type')).toBe('AutoNumber');
        expect(nameField && text(nameField, 'displayFormat')).toBe('SYNC-{000000}');
        expect(text(object, 'sharingModel')).toBe('ReadWrite');
    });

    it('has exactly the run fields', () => {
        expect(generatedNames(`objects/${RUN}/fields`)).toEqual(
            Object.values(RUN_FIELDS)
                .map((name) => `${name}.field-meta.xml`)
                .sort()
        );
    });

    it('has the five statuses, the two origins and the three phases, restricted', () => {
        expect(picklistValues(runField(RUN_FIELDS.status))).toEqual([
            'Queued',
            'Running',
            'Succeeded',
            'PartiallySucceeded',
            'Failed'
        ]);
        expect(picklistValues(runField(RUN_FIELDS.origin))).toEqual(['Manual', 'Scheduled']);
        expect(picklistValues(runField(RUN_FIELDS.phase))).toEqual([
            'Members',
            'ManagedEvents',
            'Deactivation'
        ]);
        for (const name of [RUN_FIELDS.status, RUN_FIELDS.origin, RUN_FIELDS.phase]) {
            const valueSet = child(runField(name), 'valueSet');
            expect(valueSet && text(valueSet, 'restricted')).toBe('true');
        }
    });

    it('holds the lock in a unique, case-sensitive key', () => {
        const key = runField(RUN_FIELDS.activeRunKey);

        expect(text(key, 'unique')).toBe('true');
        expect(text(key, 'caseSensitive')).toBe('true');
    });

    it('counts with whole numbers that start at zero', () => {
        const counts = [
            RUN_FIELDS.pagesRead,
            RUN_FIELDS.membersRead,
            RUN_FIELDS.managedEventTypesRead,
            RUN_FIELDS.expectedLinks,
            RUN_FIELDS.linksCreated,
            RUN_FIELDS.linksUpdated,
            RUN_FIELDS.linksUnchanged,
            RUN_FIELDS.linksDeactivated,
            RUN_FIELDS.linksMissed,
            RUN_FIELDS.linksSkipped,
            RUN_FIELDS.linksFailed,
            RUN_FIELDS.step
        ];
        for (const name of counts) {
            const field = runField(name);
            expect([
                text(field, 'type'),
                text(field, 'scale'),
                text(field, 'defaultValue')
            ]).toEqual(['Number', '0', '0']);
        }
    });

    it('keeps the error summary and the issues in long text', () => {
        expect(text(runField(RUN_FIELDS.errorSummary), 'type')).toBe('LongTextArea');
        expect(text(runField(RUN_FIELDS.issues), 'length')).toBe('131072');
    });

    it('has a layout, a tab and list views that name only its fields', () => {
        const known = new Set<string>(['NAME', ...Object.values(RUN_FIELDS)]);
        for (const file of generatedNames(`objects/${RUN}/listViews`)) {
            const columns = children(generatedXml(`objects/${RUN}/listViews/${file}`), 'columns');
            expect(columns.filter((column) => !known.has(column.text))).toEqual([]);
        }
        expect(generatedNames('tabs')).toContain(`${RUN}.tab-meta.xml`);
        expect(generatedNames('layouts')).toContain(
            `${RUN}-Calendly_Sync_Run_Layout.layout-meta.xml`
        );
    });
});

describe('the sync in the permission sets', () => {
    const admin = permissionSet('Calendly_Links_Admin');
    const reader = permissionSet('Calendly_Links_Reader');

    it('gives admins full access to sync runs and every run field', () => {
        const [runAccess] = children(admin, 'objectPermissions').filter(
            (permission) => text(permission, 'object') === RUN
        );
        if (!runAccess) {
            throw new Error('No access to sync runs.');
        }
        for (const flag of ['allowCreate', 'allowEdit', 'allowRead', 'viewAllRecords']) {
            expect(text(runAccess, flag)).toBe('true');
        }
        const runFields = children(admin, 'fieldPermissions').filter((permission) =>
            text(permission, 'field').startsWith(`${RUN}.`)
        );
        expect(runFields.map((permission) => text(permission, 'field')).sort()).toEqual(
            Object.values(RUN_FIELDS)
                .map((name) => `${RUN}.${name}`)
                .sort()
        );
        expect(runFields.every((permission) => text(permission, 'editable') === 'true')).toBe(true);
    });

    it('gives admins the controller and the Calendly principal, and readers neither', () => {
        expect(
            children(admin, 'classAccesses').map((access) => [
                text(access, 'apexClass'),
                text(access, 'enabled')
            ])
        ).toEqual([['CalendlySyncController', 'true']]);
        expect(
            children(admin, 'externalCredentialPrincipalAccesses').map((access) =>
                text(access, 'externalCredentialPrincipal')
            )
        ).toEqual(['Calendly-CalendlyAdmin']);
        expect(children(reader, 'classAccesses')).toEqual([]);
        expect(children(reader, 'externalCredentialPrincipalAccesses')).toEqual([]);
        expect(
            children(reader, 'fieldPermissions').filter((permission) =>
                text(permission, 'field').startsWith(`${RUN}.`)
            )
        ).toEqual([]);
    });

    it('grant only Apex classes that the package has', () => {
        for (const access of children(admin, 'classAccesses')) {
            const file = path.join(
                REPO_ROOT,
                'force-app/main/default/classes',
                `${text(access, 'apexClass')}.cls`
            );
            expect(fs.existsSync(file)).toBe(true);
        }
    });
});

describe('the Calendly credentials', () => {
    const external = generatedXml('externalCredentials/Calendly.externalCredential-meta.xml');
    const named = generatedXml('namedCredentials/Calendly.namedCredential-meta.xml');
    const parameters = children(external, 'externalCredentialParameters');

    it('authenticate with a bearer header built from a principal parameter, never a token', () => {
        expect(text(external, 'authenticationProtocol')).toBe('Custom');
        const header = parameters.filter((p) => text(p, 'parameterType') === 'AuthHeader');
        expect(header.map((p) => [text(p, 'parameterName'), text(p, 'parameterValue')])).toEqual([
            ['Authorization', "{!'Bearer ' & $Credential.Calendly.Token}"]
        ]);
        // Only the header carries a value: a token is entered in Setup, never shipped.
        expect(
            parameters.filter(
                (p) => text(p, 'parameterType') !== 'AuthHeader' && childText(p, 'parameterValue')
            )
        ).toEqual([]);
    });

    it('have one named principal, the one the admin permission set grants', () => {
        const principals = parameters.filter((p) => text(p, 'parameterType') === 'NamedPrincipal');

        expect(principals.map((p) => text(p, 'parameterName'))).toEqual(['CalendlyAdmin']);
        expect(
            text(
                only(permissionSet('Calendly_Links_Admin'), 'externalCredentialPrincipalAccesses'),
                'externalCredentialPrincipal'
            )
        ).toBe(`Calendly-${text(principals[0] ?? external, 'parameterName')}`);
    });

    it('point the Calendly named credential at the API through the external credential', () => {
        expect(text(named, 'namedCredentialType')).toBe('SecuredEndpoint');
        expect(text(named, 'generateAuthorizationHeader')).toBe('false');
        const namedParameters = children(named, 'namedCredentialParameters');
        const url = namedParameters.find((p) => text(p, 'parameterType') === 'Url');
        const authentication = namedParameters.find(
            (p) => text(p, 'parameterType') === 'Authentication'
        );
        expect(url && text(url, 'parameterValue')).toBe('https://api.calendly.com');
        expect(authentication && text(authentication, 'externalCredential')).toBe('Calendly');
    });
});

describe('the post-install script', () => {
    it('is a class of the package', () => {
        const project = JSON.parse(
            fs.readFileSync(path.join(REPO_ROOT, 'sfdx-project.json'), 'utf8')
        ) as { packageDirectories: { path: string; postInstallScript?: string }[] };
        const script = project.packageDirectories.find(
            (directory) => directory.path === 'force-app'
        )?.postInstallScript;

        expect(script).toBe('CalendlyPostInstall');
        expect(
            fs.existsSync(path.join(REPO_ROOT, 'force-app/main/default/classes', `${script}.cls`))
        ).toBe(true);
    });
});

function only(element: XmlElement, name: string): XmlElement {
    const [first, ...rest] = children(element, name);
    if (!first || rest.length > 0) {
        throw new Error(`Expected exactly one <${name}>.`);
    }
    return first;
}
