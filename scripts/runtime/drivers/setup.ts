import * as path from 'node:path';
import { contextValue, INSTALL_CONTEXT } from '../apex/platform/contexts';
import type { ApexSource } from '../apex/vm';
import type { FlowDefinition } from '../flow';
import type { FieldValues } from '../types';
import type { ApexOrg } from './apexOrg';
import { callInterface } from './jobs';

/**
 * The setup records an org has before any Apex runs: the organization, standard profiles, the
 * user who runs Apex, the package's permission sets and classes, and the flow and entity
 * definitions Apex can query. They are what an org holds of itself, not data a test creates.
 */

/** A permission set of the project, as its PermissionSet record shows it. */
export interface PermissionSetRow {
    readonly name: string;
    readonly label: string;
}

export interface OrgSetup {
    readonly organizationId: string;
    /** The System Administrator who runs Apex unless a test runs as someone else. */
    readonly adminId: string;
}

/** How many seconds apart the org created its standard profiles. */
type ProfileClock = 'one-per-second' | 'same-second';

interface StandardProfile {
    readonly Name: string;
    readonly UserType: 'Standard';
    readonly PermissionsModifyAllData: boolean;
    readonly PermissionsViewAllData: boolean;
}

const profile = (name: string, everything: boolean): StandardProfile => ({
    Name: name,
    UserType: 'Standard',
    PermissionsModifyAllData: everything,
    PermissionsViewAllData: everything
});

/** A fresh org's profiles: the administrator's and the standard user's. */
export const FRESH_PROFILES: readonly StandardProfile[] = [
    profile('System Administrator', true),
    profile('Standard User', false)
];

/**
 * The standard profiles of a subscriber's production org (Salesforce Help, "Standard
 * Profiles"), in name order. An org creates them together: their CreatedDate is one second,
 * so that ordering profiles by CreatedDate says nothing about which comes first.
 */
export const SUBSCRIBER_PROFILES: readonly StandardProfile[] = [
    profile('Contract Manager', false),
    profile('Marketing User', false),
    profile('Read Only', false),
    profile('Solution Manager', false),
    profile('Standard User', false),
    profile('System Administrator', true)
];

export interface SetupOptions {
    readonly profiles: readonly StandardProfile[];
    readonly profileClock: ProfileClock;
    readonly permissionSets: readonly PermissionSetRow[];
    readonly sources: readonly ApexSource[];
    /** The record-triggered flows that run as active. */
    readonly flows: readonly FlowDefinition[];
}

const ONE_SECOND = 1000;

/** Writes the org's setup records into its store; returns the Ids a driver needs. */
export function setUpOrg(org: ApexOrg, options: SetupOptions): OrgSetup {
    const insert = (object: string, records: readonly FieldValues[]): string[] =>
        org.systemWrite({ operation: 'insert', object, records });
    const [organizationId = ''] = insert('Organization', [
        {
            Name: 'Embedded Org',
            IsSandbox: false,
            OrganizationType: 'Developer Edition',
            InstanceName: 'EMBEDDED'
        }
    ]);
    const profileIds = insert(
        'Profile',
        options.profiles.map((row) => ({ ...row }))
    );
    const created = org.now();
    profileIds.forEach((id, index) => {
        const seconds = options.profileClock === 'one-per-second' ? index : 0;
        org.patch(id, { CreatedDate: new Date(created + seconds * ONE_SECOND).toISOString() });
    });
    const adminProfile =
        profileIds[options.profiles.findIndex((row) => row.PermissionsModifyAllData)];
    const [adminId = ''] = insert('User', [
        {
            FirstName: 'Org',
            LastName: 'Administrator',
            Email: 'admin@embedded-org.example',
            Username: 'admin@embedded-org.example',
            Alias: 'oadmin',
            ProfileId: adminProfile ?? null,
            TimeZoneSidKey: 'GMT',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US'
        }
    ]);
    insert(
        'PermissionSet',
        options.permissionSets.map((set) => ({
            Name: set.name,
            Label: set.label,
            NamespacePrefix: null,
            IsOwnedByProfile: false
        }))
    );
    insert(
        'ApexClass',
        options.sources.map((source) => ({
            Name: path.basename(source.file).replace(/\.cls$/i, ''),
            NamespacePrefix: null,
            Status: 'Active',
            IsValid: true,
            Body: source.text
        }))
    );
    const entities = new Map<string, string>();
    for (const flow of options.flows) {
        const object = flow.start.object.name;
        if (!entities.has(object)) {
            const [id = ''] = insert('EntityDefinition', [
                {
                    QualifiedApiName: object,
                    DeveloperName: object.replace(/__c$/i, ''),
                    NamespacePrefix: null
                }
            ]);
            entities.set(object, id);
        }
    }
    insert(
        'FlowDefinitionView',
        options.flows.map((flow) => ({
            ApiName: flow.apiName,
            Label: flow.label,
            IsActive: true,
            ProcessType: 'AutoLaunchedFlow',
            TriggerType: flow.start.triggerType,
            TriggerObjectOrEventId: entities.get(flow.start.object.name) ?? null,
            NamespacePrefix: null
        }))
    );
    return { organizationId, adminId };
}

/**
 * The user an InstallHandler runs as: "a special system user that represents your package", whom
 * Apex reads through UserInfo and who is seen only at runtime, not in tests (RG "InstallHandler
 * Interface"). Nothing is documented of its profile or permission sets; it gets neither here, so
 * it may use no external credential principal and no user-mode operation, and a job it schedules
 * runs as it (DG "Apex Scheduler"). [verify in an org: the user's name, profile and user type]
 */
export const PACKAGE_INSTALL_USER: FieldValues = {
    FirstName: null,
    LastName: 'Package Install User',
    Email: 'package-install@embedded-org.example',
    Username: 'package-install@embedded-org.example',
    Alias: 'pkginst',
    ProfileId: null,
    TimeZoneSidKey: 'GMT',
    LocaleSidKey: 'en_US',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US'
};

/**
 * Installs the package as a subscriber's org sees it: its InstallHandler runs once, as a first
 * install started by the org's administrator (the context's installerId), as the package's own
 * user (PACKAGE_INSTALL_USER), in a transaction of its own; what it schedules stays scheduled
 * and runs as that user (RG "InstallHandler Interface").
 */
export function runPostInstall(org: ApexOrg, setup: OrgSetup): void {
    const [packageUserId = ''] = org.systemWrite({
        operation: 'insert',
        object: 'User',
        records: [{ ...PACKAGE_INSTALL_USER }]
    });
    const installHandler = org.vm.findType(['System', 'InstallHandler'], undefined);
    const handlers = org.vm.projectClasses.filter(
        (cls) =>
            installHandler?.kind === 'class' &&
            cls.kind === 'class' &&
            !cls.isAbstract &&
            !cls.annotations.has('istest') &&
            cls.isSubtypeOf(installHandler.cls)
    );
    for (const cls of handlers) {
        org.asUser(packageUserId, () => {
            org.run(() => {
                const constructor = cls.constructors.find(
                    (candidate) => candidate.parameters.length === 0
                );
                const handler = org.vm.instantiate(cls, constructor, []);
                callInterface(org.vm, handler, 'System.InstallHandler', 'onInstall', [
                    contextValue(INSTALL_CONTEXT, {
                        organizationId: setup.organizationId,
                        installerId: setup.adminId,
                        isUpgrade: false,
                        isPush: false,
                        previousVersion: null
                    })
                ]);
            });
        });
    }
}
