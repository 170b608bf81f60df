import type * as md from '@salesforce/types/metadata';
import { MANAGE_SYNC_PERMISSION } from './customPermissions';
import { INTEGRATION_PAGE } from './integrationPage';
import {
    CREDENTIALS,
    LINK_FIELDS,
    LINK_OBJECT,
    LINK_SYNC_NUMBER_FIELD,
    PACKAGE_DIR,
    PERMISSION_SETS,
    RUN_FIELDS,
    RUN_OBJECT,
    SYNC_CONTROLLER_CLASS,
    USER_LINK_FIELD
} from './names';
import { metadataFile, type Definition, type MetadataFile } from './types';

/**
 * Link fields that permission sets grant. Url__c is left out on purpose: it is required, and
 * the Metadata API refuses field permissions on required fields (they are always visible).
 */
const GRANTED_LINK_FIELDS = Object.values(LINK_FIELDS).filter((field) => field !== LINK_FIELDS.url);

/** Run fields: none is required, so admins get every one. */
const GRANTED_RUN_FIELDS = Object.values(RUN_FIELDS);

function fieldPermissions(editable: boolean): Definition<md.PermissionSetFieldPermissions>[] {
    return [
        ...GRANTED_LINK_FIELDS.map((field) => ({
            editable,
            field: `${LINK_OBJECT}.${field}`,
            readable: true
        })),
        { editable, field: `User.${USER_LINK_FIELD}`, readable: true }
    ];
}

/** What admins need to follow the sync: its runs, and the links' sync number (read only). */
function syncFieldPermissions(): Definition<md.PermissionSetFieldPermissions>[] {
    return [
        { editable: false, field: `${LINK_OBJECT}.${LINK_SYNC_NUMBER_FIELD}`, readable: true },
        ...GRANTED_RUN_FIELDS.map((field) => ({
            editable: true,
            field: `${RUN_OBJECT}.${field}`,
            readable: true
        }))
    ];
}

function byField(
    permissions: Definition<md.PermissionSetFieldPermissions>[]
): Definition<md.PermissionSetFieldPermissions>[] {
    return [...permissions].sort((a, b) => a.field.localeCompare(b.field));
}

function objectPermissions(
    object: string,
    full: boolean
): Definition<md.PermissionSetObjectPermissions> {
    return {
        allowCreate: full,
        allowDelete: full,
        allowEdit: full,
        allowRead: true,
        modifyAllRecords: full,
        object,
        viewAllRecords: full
    };
}

const tab = (object: string): Definition<md.PermissionSetTabSetting> => ({
    tab: object,
    visibility: 'Visible'
});

/** How a permission set names a principal of an External Credential. */
export const CALENDLY_PRINCIPAL_ACCESS = `${CREDENTIALS.external}-${CREDENTIALS.principal}`;

/**
 * One permission set for admins who run the sync, one for users who only read links. Only the
 * admin set grants the custom permission the controller checks before it changes anything.
 */
export function permissionSets(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/permissionsets/${PERMISSION_SETS.admin}.permissionset-meta.xml`,
            'PermissionSet',
            {
                classAccesses: [{ apexClass: SYNC_CONTROLLER_CLASS, enabled: true }],
                customPermissions: [{ enabled: true, name: MANAGE_SYNC_PERMISSION }],
                description:
                    'For admins who connect Calendly and run the link sync: use of the Calendly credential, the right to start the sync and switch the hourly sync (Manage Calendly Sync), its runs, full access to Calendly links and edit access to the user Calendly Link field.',
                externalCredentialPrincipalAccesses: [
                    { enabled: true, externalCredentialPrincipal: CALENDLY_PRINCIPAL_ACCESS }
                ],
                fieldPermissions: byField([...fieldPermissions(true), ...syncFieldPermissions()]),
                hasActivationRequired: false,
                label: 'Calendly Links Admin',
                objectPermissions: [
                    objectPermissions(LINK_OBJECT, true),
                    objectPermissions(RUN_OBJECT, true)
                ],
                tabSettings: [tab(LINK_OBJECT), tab(RUN_OBJECT), tab(INTEGRATION_PAGE)]
            }
        ),
        metadataFile(
            `${PACKAGE_DIR}/permissionsets/${PERMISSION_SETS.reader}.permissionset-meta.xml`,
            'PermissionSet',
            {
                description:
                    'For users who use Calendly links in emails and automations: read access to Calendly links and to the user Calendly Link field.',
                fieldPermissions: byField(fieldPermissions(false)),
                hasActivationRequired: false,
                label: 'Calendly Links Reader',
                objectPermissions: [objectPermissions(LINK_OBJECT, false)],
                tabSettings: [tab(LINK_OBJECT)]
            }
        )
    ];
}
