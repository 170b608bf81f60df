import type * as md from '@salesforce/types/metadata';
import { LINK_FIELDS, LINK_OBJECT, PACKAGE_DIR, PERMISSION_SETS, USER_LINK_FIELD } from './names';
import { metadataFile, type Definition, type MetadataFile } from './types';

/**
 * Link fields that permission sets grant. Url__c is left out on purpose: it is required, and
 * the Metadata API refuses field permissions on required fields (they are always visible).
 */
const GRANTED_LINK_FIELDS = Object.values(LINK_FIELDS).filter((field) => field !== LINK_FIELDS.url);

function fieldPermissions(editable: boolean): Definition<md.PermissionSetFieldPermissions>[] {
    return [
        ...GRANTED_LINK_FIELDS.map((field) => ({
            editable,
            field: `${LINK_OBJECT}.${field}`,
            readable: true
        })),
        { editable, field: `User.${USER_LINK_FIELD}`, readable: true }
    ].sort((a, b) => a.field.localeCompare(b.field));
}

function objectPermissions(full: boolean): Definition<md.PermissionSetObjectPermissions> {
    return {
        allowCreate: full,
        allowDelete: full,
        allowEdit: full,
        allowRead: true,
        modifyAllRecords: full,
        object: LINK_OBJECT,
        viewAllRecords: full
    };
}

const linkTab: Definition<md.PermissionSetTabSetting> = { tab: LINK_OBJECT, visibility: 'Visible' };

/** One permission set for admins who run the sync, one for users who only read links. */
export function permissionSets(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/permissionsets/${PERMISSION_SETS.admin}.permissionset-meta.xml`,
            'PermissionSet',
            {
                description:
                    'For admins who connect Calendly and run the link sync: full access to Calendly links and edit access to the user Calendly Link field.',
                fieldPermissions: fieldPermissions(true),
                hasActivationRequired: false,
                label: 'Calendly Links Admin',
                objectPermissions: [objectPermissions(true)],
                tabSettings: [linkTab]
            }
        ),
        metadataFile(
            `${PACKAGE_DIR}/permissionsets/${PERMISSION_SETS.reader}.permissionset-meta.xml`,
            'PermissionSet',
            {
                description:
                    'For users who use Calendly links in emails and automations: read access to Calendly links and to the user Calendly Link field.',
                fieldPermissions: fieldPermissions(false),
                hasActivationRequired: false,
                label: 'Calendly Links Reader',
                objectPermissions: [objectPermissions(false)],
                tabSettings: [linkTab]
            }
        )
    ];
}
