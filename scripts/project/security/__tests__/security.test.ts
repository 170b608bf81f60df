import * as fs from 'node:fs';
import { copyOfProject } from '../../../shared/testProject';
import { parseXml, XmlSyntaxError } from '../../../xml/parse';
import { Project, type XmlDocument } from '../../project';
import {
    customPermissionsFromFiles,
    labelsFromFiles,
    MetadataFileError,
    namedCredentialsFromFiles,
    permissionSetsFromFiles,
    projectCustomPermissions,
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
    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>`);

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
        const reader = sets.get('Calendly_Links_Reader');
        expect(reader?.objectPermissions.get('CalendlyLink__c')).toMatchObject({
            read: true,
            create: false,
            edit: false
        });
        expect(reader?.objectPermissions.has('CalendlySyncRun__c')).toBe(false);
    });

    it('has no custom permissions', () => {
        expect(project.memo(projectCustomPermissions).size).toBe(0);
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
});
