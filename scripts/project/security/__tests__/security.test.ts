import * as fs from 'node:fs';
import { copyOfProject } from '../../../shared/testProject';
import { parseXml, XmlSyntaxError } from '../../../xml/parse';
import { Project, type XmlDocument } from '../../project';
import {
    customPermissionsFromFiles,
    externalCredentialsFromFiles,
    labelsFromFiles,
    MetadataFileError,
    namedCredentialsFromFiles,
    permissionSetsFromFiles,
    projectCustomPermissions,
    projectExternalCredentials,
    projectLabels,
    projectNamedCredentials,
    projectPermissionSets
} from '..';

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function documentOf(text: string, path: string): XmlDocument {
    try {
        return { root: parseXml(text, path) };
    } catch (error: unknown) {
        if (error instanceof XmlSyntaxError) {
            return { error };
        }
        throw error;
    }
}

const file = (path: string, text: string) => ({ path, document: documentOf(text, path) });

const PERMSET = 'force-app/main/default/permissionsets/Sync_Admin.permissionset-meta.xml';

function permissionSet(body: string) {
    return permissionSetsFromFiles([
        file(PERMSET, `${HEADER}<PermissionSet ${NS}>\n${body}\n</PermissionSet>`)
    ]);
}

function failure(run: () => unknown): MetadataFileError {
    try {
        run();
    } catch (error: unknown) {
        if (error instanceof MetadataFileError) {
            return error;
        }
        throw error;
    }
    throw new Error('expected a MetadataFileError');
}

describe('permission sets', () => {
    it('reads object, field, custom permission, class and user permission grants', () => {
        // Given a permission set with one of each kind of grant
        const sets = permissionSet(`<label>Sync Admin</label>
    <objectPermissions>
        <allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit>
        <allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords>
        <object>Link__c</object><viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <fieldPermissions><editable>false</editable><field>Link__c.Url__c</field><readable>true</readable></fieldPermissions>
    <customPermissions><enabled>true</enabled><name>Run_Sync</name></customPermissions>
    <customPermissions><enabled>false</enabled><name>Off</name></customPermissions>
    <classAccesses><apexClass>SyncController</apexClass><enabled>true</enabled></classAccesses>
    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
    <externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>Api-Admin</externalCredentialPrincipal></externalCredentialPrincipalAccesses>
    <externalCredentialPrincipalAccesses><enabled>false</enabled><externalCredentialPrincipal>Api-Reader</externalCredentialPrincipal></externalCredentialPrincipalAccesses>`);

        // Then the model holds what the file grants, by name
        const set = sets.get('Sync_Admin');
        expect(set).toMatchObject({
            name: 'Sync_Admin',
            label: 'Sync Admin',
            file: PERMSET,
            line: 2
        });
        expect(set?.objectPermissions.get('Link__c')).toEqual({
            read: true,
            create: true,
            edit: true,
            delete: false,
            viewAll: false,
            modifyAll: false
        });
        expect(set?.fieldPermissions.get('Link__c.Url__c')).toEqual({
            readable: true,
            editable: false
        });
        expect([...(set?.customPermissions ?? [])]).toEqual(['Run_Sync']);
        expect([...(set?.classAccesses ?? [])]).toEqual(['SyncController']);
        expect([...(set?.userPermissions ?? [])]).toEqual(['ApiEnabled']);
        expect([...(set?.externalCredentialPrincipals ?? [])]).toEqual(['Api-Admin']);
    });

    it('takes the permissions a flag requires as granted with it', () => {
        // Given modify all without the flags it requires, and an editable field without readable
        const set = permissionSet(`<label>All</label>
    <objectPermissions>
        <allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>
        <allowRead>false</allowRead><modifyAllRecords>true</modifyAllRecords>
        <object>Link__c</object><viewAllRecords>false</viewAllRecords>
    </objectPermissions>
    <fieldPermissions><editable>true</editable><field>Link__c.Url__c</field></fieldPermissions>`).get(
            'Sync_Admin'
        );

        // Then they are implied, as the platform requires them
        expect(set?.objectPermissions.get('Link__c')).toMatchObject({
            read: true,
            edit: true,
            delete: true,
            viewAll: true,
            create: false
        });
        expect(set?.fieldPermissions.get('Link__c.Url__c')).toEqual({
            readable: true,
            editable: true
        });
    });

    it('names the file and line of a missing required element', () => {
        const error = failure(() =>
            permissionSet(`<label>X</label>
    <objectPermissions>
        <allowCreate>true</allowCreate>
    </objectPermissions>`)
        );
        expect(error.message).toBe(
            `${PERMSET}:4: <objectPermissions> has no <allowDelete>: the Metadata API requires it.`
        );
    });

    it('names the file and line of a flag that is not true or false', () => {
        const error = failure(() =>
            permissionSet(`<label>X</label>
<customPermissions><enabled>yes</enabled><name>Run_Sync</name></customPermissions>`)
        );
        expect(error.message).toBe(`${PERMSET}:4: <enabled> is "yes": write true or false.`);
    });

    it('refuses a file without a label and one that is not well formed', () => {
        expect(failure(() => permissionSet('')).message).toBe(
            `${PERMSET}:2: <PermissionSet> has no <label>: the Metadata API requires it.`
        );
        const broken = failure(() =>
            permissionSetsFromFiles([file(PERMSET, `${HEADER}<PermissionSet ${NS}>\n<label>`)])
        );
        expect(broken.file).toBe(PERMSET);
        expect(broken.message).toMatch(
            /^force-app\/.*Sync_Admin\.permissionset-meta\.xml:3: the file is not well-formed XML/
        );
        expect(broken.cause).toBeInstanceOf(XmlSyntaxError);
    });
});

describe('custom permissions, labels and named credentials', () => {
    it('reads a custom permission by its file name', () => {
        const permissions = customPermissionsFromFiles([
            file(
                'force-app/main/default/customPermissions/Run_Sync.customPermission-meta.xml',
                `${HEADER}<CustomPermission ${NS}>\n<isLicensed>false</isLicensed><label>Run the sync</label></CustomPermission>`
            )
        ]);
        expect(permissions.get('Run_Sync')).toMatchObject({ label: 'Run the sync', line: 2 });
    });

    it('reads each label with its value, language and protection', () => {
        const path = 'force-app/main/default/labels/CustomLabels.labels-meta.xml';
        const labels = labelsFromFiles([
            file(
                path,
                `${HEADER}<CustomLabels ${NS}>
    <labels>
        <fullName>Greeting</fullName><language>en_US</language><protected>false</protected>
        <shortDescription>Greeting</shortDescription><value>Hello, world </value>
    </labels>
</CustomLabels>`
            )
        ]);
        expect(labels.get('Greeting')).toEqual({
            name: 'Greeting',
            value: 'Hello, world ',
            language: 'en_US',
            protected: false,
            file: path,
            line: 3
        });
        const missing = failure(() =>
            labelsFromFiles([
                file(
                    path,
                    `${HEADER}<CustomLabels ${NS}>\n<labels><fullName>X</fullName><language>en_US</language><protected>true</protected></labels></CustomLabels>`
                )
            ])
        );
        expect(missing.message).toBe(
            `${path}:3: <labels> has no <value>: the Metadata API requires it.`
        );
    });

    it('reads the endpoint of a legacy named credential', () => {
        const credentials = namedCredentialsFromFiles([
            file(
                'force-app/main/default/namedCredentials/Legacy.namedCredential-meta.xml',
                `${HEADER}<NamedCredential ${NS}>\n<endpoint>https://example.com/api</endpoint><label>Legacy</label><principalType>NamedUser</principalType><protocol>NoAuthentication</protocol></NamedCredential>`
            )
        ]);
        expect(credentials.get('Legacy')).toMatchObject({
            url: 'https://example.com/api',
            label: 'Legacy'
        });
        expect(credentials.get('Legacy')?.externalCredential).toBeUndefined();
    });
});

describe('external credentials', () => {
    const EXTERNAL = 'force-app/main/default/externalCredentials/Api.externalCredential-meta.xml';

    function externalCredential(body: string) {
        return externalCredentialsFromFiles([
            file(EXTERNAL, `${HEADER}<ExternalCredential ${NS}>\n${body}\n</ExternalCredential>`)
        ]);
    }

    it('reads the protocol, the principals and the custom headers', () => {
        // Given a Custom external credential with two principals, two headers and a parameter
        const credentials =
            externalCredential(`<authenticationProtocol>Custom</authenticationProtocol>
    <externalCredentialParameters>
        <parameterGroup>Admin</parameterGroup><parameterName>Admin</parameterName>
        <parameterType>NamedPrincipal</parameterType><sequenceNumber>2</sequenceNumber>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterName>Everyone</parameterName><parameterType>PerUserPrincipal</parameterType>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterGroup>DefaultGroup</parameterGroup><parameterName>Authorization</parameterName>
        <parameterType>AuthHeader</parameterType>
        <parameterValue>{!&apos;Bearer &apos; &amp; $Credential.Api.Token}</parameterValue>
        <sequenceNumber>1</sequenceNumber>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterName>X-Tenant</parameterName><parameterType>AuthHeader</parameterType>
        <parameterValue>{!&apos;acme&apos;}</parameterValue>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterName>Region</parameterName><parameterType>AuthParameter</parameterType>
        <parameterValue>eu</parameterValue>
    </externalCredentialParameters>
    <label>Api</label>`);

        // Then the model holds them by kind, in the file's order
        expect(credentials.get('Api')).toEqual({
            name: 'Api',
            label: 'Api',
            file: EXTERNAL,
            line: 2,
            protocol: 'Custom',
            principals: [
                {
                    name: 'Admin',
                    type: 'NamedPrincipal',
                    parameterGroup: 'Admin',
                    sequence: 2,
                    file: EXTERNAL,
                    line: 4
                },
                {
                    name: 'Everyone',
                    type: 'PerUserPrincipal',
                    parameterGroup: undefined,
                    sequence: undefined,
                    file: EXTERNAL,
                    line: 8
                }
            ],
            authHeaders: [
                {
                    name: 'Authorization',
                    formula: "{!'Bearer ' & $Credential.Api.Token}",
                    sequence: 1,
                    file: EXTERNAL,
                    line: 11
                },
                {
                    name: 'X-Tenant',
                    formula: "{!'acme'}",
                    sequence: undefined,
                    file: EXTERNAL,
                    line: 17
                }
            ]
        });
    });

    it('names the file and line of what the Metadata API would not take', () => {
        expect(failure(() => externalCredential('<label>Api</label>')).message).toBe(
            `${EXTERNAL}:2: <ExternalCredential> has no <authenticationProtocol>: the Metadata API requires it.`
        );
        expect(
            failure(() =>
                externalCredential(
                    '<authenticationProtocol>Bearer</authenticationProtocol><label>Api</label>'
                )
            ).message
        ).toMatch(
            new RegExp(
                `^${EXTERNAL}:3: <authenticationProtocol> is "Bearer": the Metadata API takes one of NoAuthentication, .*Custom`
            )
        );
        const parameter = (body: string) =>
            failure(() =>
                externalCredential(`<authenticationProtocol>Custom</authenticationProtocol>
    <externalCredentialParameters>${body}</externalCredentialParameters>
    <label>Api</label>`)
            ).message;
        expect(parameter('<parameterType>NamedPrincipal</parameterType>')).toBe(
            `${EXTERNAL}:4: <externalCredentialParameters> has no <parameterName>: the Metadata API requires it.`
        );
        expect(
            parameter('<parameterName>Admin</parameterName><parameterType>Robot</parameterType>')
        ).toMatch(/:4: <parameterType> is "Robot": the Metadata API takes one of /);
        expect(
            parameter(
                '<parameterName>Admin</parameterName><parameterType>NamedPrincipal</parameterType><sequenceNumber>first</sequenceNumber>'
            )
        ).toBe(`${EXTERNAL}:4: <sequenceNumber> is "first": write a whole number.`);
        expect(
            parameter(
                '<parameterName>Authorization</parameterName><parameterType>AuthHeader</parameterType>'
            )
        ).toBe(
            `${EXTERNAL}:4: the AuthHeader Authorization has no <parameterValue>: write the formula its value is evaluated from.`
        );
    });
});

describe("this repository's security metadata", () => {
    const root = copyOfProject();
    let project: Project;
    beforeAll(async () => {
        project = await Project.load(root);
    });
    afterAll(() => {
        fs.rmSync(root, { recursive: true, force: true });
    });

    it('has the admin and reader permission sets as the README describes them', () => {
        const sets = project.memo(projectPermissionSets);
        expect([...sets.keys()]).toEqual(['Calendly_Links_Admin', 'Calendly_Links_Reader']);
        const admin = sets.get('Calendly_Links_Admin');
        expect(admin?.label).toBe('Calendly Links Admin');
        expect(admin?.objectPermissions.get('CalendlySyncRun__c')).toMatchObject({
            read: true,
            create: true,
            modifyAll: true
        });
        expect(admin?.fieldPermissions.get('CalendlyLink__c.SyncNumber__c')).toEqual({
            readable: true,
            editable: false
        });
        expect(admin?.fieldPermissions.get('User.Calendly_Link__c')).toEqual({
            readable: true,
            editable: true
        });
        expect([...(admin?.classAccesses ?? [])]).toEqual(['CalendlySyncController']);
        expect([...(admin?.externalCredentialPrincipals ?? [])]).toEqual([
            'Calendly-CalendlyAdmin'
        ]);
        expect([...(admin?.customPermissions ?? [])]).toEqual(['Calendly_Manage_Sync']);
        const reader = sets.get('Calendly_Links_Reader');
        expect(reader?.objectPermissions.get('CalendlyLink__c')).toMatchObject({
            read: true,
            create: false,
            edit: false
        });
        expect(reader?.objectPermissions.has('CalendlySyncRun__c')).toBe(false);
        expect(reader?.externalCredentialPrincipals.size).toBe(0);
        expect(reader?.customPermissions.size).toBe(0);
    });

    it('has the custom permission that lets an admin manage the sync', () => {
        const permissions = project.memo(projectCustomPermissions);
        expect([...permissions.keys()]).toEqual(['Calendly_Manage_Sync']);
        expect(permissions.get('Calendly_Manage_Sync')).toMatchObject({
            label: 'Manage Calendly Sync',
            file: 'force-app/main/default/customPermissions/Calendly_Manage_Sync.customPermission-meta.xml',
            line: 2
        });
    });

    it('has the Calendly page labels, protected, in en_US', () => {
        const labels = project.memo(projectLabels);
        expect(labels.get('Calendly_ColumnEmail')).toMatchObject({
            value: 'Email',
            language: 'en_US',
            protected: true
        });
        expect(labels.size).toBeGreaterThan(50);
    });

    it('has the Calendly named credential, on its external credential', () => {
        expect(project.memo(projectNamedCredentials).get('Calendly')).toMatchObject({
            url: 'https://api.calendly.com',
            externalCredential: 'Calendly'
        });
    });

    it('has the Calendly external credential: a named admin principal and a bearer header', () => {
        const calendly = project.memo(projectExternalCredentials).get('Calendly');
        expect(calendly).toMatchObject({ protocol: 'Custom', label: 'Calendly' });
        expect(calendly?.principals).toEqual([
            expect.objectContaining({
                name: 'CalendlyAdmin',
                type: 'NamedPrincipal',
                parameterGroup: 'CalendlyAdmin'
            })
        ]);
        expect(calendly?.authHeaders).toEqual([
            expect.objectContaining({
                name: 'Authorization',
                formula: "{!'Bearer ' & $Credential.Calendly.Token}",
                sequence: 1
            })
        ]);
    });
});
