import { PACKAGE_DIR } from './names';
import { metadataFile, type MetadataFile } from './types';

/**
 * What lets a user change the sync rather than only follow it: start a sync, switch the hourly
 * sync, check the connection with the Calendly credential. The controller checks it with
 * `FeatureManagement.checkPermission` on every such call, since any user who may read sync runs
 * can call its methods (Apex Developer Guide, "AuraEnabled Annotation": treat each one as a web
 * service). Only the Calendly Links Admin permission set grants it. The API name is fixed: Apex
 * and subscribers' permission sets name it.
 */
export const MANAGE_SYNC_PERMISSION = 'Calendly_Manage_Sync';

/** The package's custom permissions (Metadata API Developer Guide, "CustomPermission"). */
export function customPermissions(): MetadataFile[] {
    return [
        metadataFile(
            `${PACKAGE_DIR}/customPermissions/${MANAGE_SYNC_PERMISSION}.customPermission-meta.xml`,
            'CustomPermission',
            {
                description:
                    'Start a Calendly link sync, switch the hourly sync on or off, and check the connection to Calendly from the Calendly Integration page. Granted by the Calendly Links Admin permission set.',
                isLicensed: false,
                label: 'Manage Calendly Sync'
            }
        )
    ];
}
