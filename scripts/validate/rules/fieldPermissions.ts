import { childText, children } from '../../xml/parse';
import { atElement, finding } from '../finding';
import { messages } from '../messages';
import { childPath, objectModel, splitQualified, type ProjectField } from '../model';
import { configuredSeverity } from '../settings';
import type { Finding, Rule } from '../types';

const ID = 'field-permissions';

/**
 * Objects whose fields have no field-level security, so that no field permission is needed:
 * - platform events: their fields are read-only and field-level security permissions do not
 *   apply (Platform Events Developer Guide, "Considerations for Defining and Publishing Platform
 *   Events", https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_considerations.htm);
 * - custom metadata types: access is granted to the whole type (a permission set's
 *   `customMetadataTypeAccesses`, "Protect Custom Metadata Types and Records",
 *   https://trailhead.salesforce.com/content/learn/modules/custom_metadata_types_adv/cmt_manageability),
 *   never field by field;
 * - custom settings: access is granted to the whole setting (`customSettingAccesses`).
 */
const WITHOUT_FIELD_SECURITY: ReadonlySet<string> = new Set([
    'platform-event',
    'custom-metadata-type',
    'custom-setting'
]);

/**
 * Custom fields are visible to nobody until a permission set or profile grants them (a field
 * permission, or `viewAllFields` on the object), and the Metadata API refuses a field permission
 * on a required or master-detail field (those are always visible).
 */
export const fieldPermissionsRule: Rule = {
    id: ID,
    description:
        'Every optional custom field is readable through a permission set; no permission set or profile grants a required or master-detail field.',
    check(project) {
        const objects = project.memo(objectModel);
        const fields = new Map<string, ProjectField>(
            objects.fields.map((field) => [objects.fieldKey(field.object, field.name), field])
        );
        /**
         * The field a grant names. A custom field of Activity is granted on Task and on Event,
         * which share it (Salesforce Help, "Activity Custom Fields"): permission sets and
         * profiles name it `Task.X__c` and `Event.X__c`, never `Activity.X__c`.
         */
        const grantedKey = (object: string, fieldName: string): string => {
            const key = objects.fieldKey(object, fieldName);
            const activity = objects.fieldKey('Activity', fieldName);
            return !fields.has(key) && /^(task|event)$/i.test(object) && fields.has(activity)
                ? activity
                : key;
        };
        const readable = new Set<string>();
        /** Objects whose every field a permission set or profile grants (`viewAllFields`). */
        const allFieldsReadable = new Set<string>();
        const findings: Finding[] = [];
        const accessFiles = project.files.filter((file) =>
            /\.(permissionset|profile)-meta\.xml$/.test(file)
        );
        for (const file of accessFiles) {
            const root = project.xmlRoot(file);
            if (!root) {
                continue;
            }
            for (const permission of children(root, 'objectPermissions')) {
                const object = childText(permission, 'object')?.trim();
                if (object && childText(permission, 'viewAllFields')?.trim() === 'true') {
                    allFieldsReadable.add(objects.fieldKey(object, '*'));
                }
            }
            for (const permission of children(root, 'fieldPermissions')) {
                const [object, fieldName] = splitQualified(
                    childText(permission, 'field')?.trim() ?? ''
                );
                if (!object || !fieldName) {
                    continue;
                }
                const key = grantedKey(object, fieldName);
                const path = childPath(root.name, root, permission);
                const at = atElement(file, permission, path);
                const isReadable = childText(permission, 'readable')?.trim() === 'true';
                const field = fields.get(key);
                if (field && (field.required || field.masterDetail)) {
                    findings.push(
                        finding(
                            ID,
                            'error',
                            messages.permissions.grantsRequired(
                                `${object}.${fieldName}`,
                                field.masterDetail
                            ),
                            at
                        )
                    );
                }
                if (childText(permission, 'editable')?.trim() === 'true' && !isReadable) {
                    findings.push(
                        finding(
                            ID,
                            'error',
                            messages.permissions.editableNotReadable(`${object}.${fieldName}`),
                            at
                        )
                    );
                }
                if (isReadable) {
                    readable.add(key);
                }
            }
        }
        // A field without any grant deploys; whether someone must see it is the project's call.
        const { severity, problem } = configuredSeverity(
            project,
            ID,
            'ungrantedFieldSeverity',
            'warning'
        );
        if (problem) {
            findings.push(problem);
        }
        for (const [key, field] of fields) {
            const needsGrant =
                !field.required &&
                !field.masterDetail &&
                !WITHOUT_FIELD_SECURITY.has(objects.schema.object(field.object)?.kind ?? '');
            const holders = /^activity$/i.test(field.object) ? ['Task', 'Event'] : [field.object];
            if (
                needsGrant &&
                !readable.has(key) &&
                !holders.some((holder) => allFieldsReadable.has(objects.fieldKey(holder, '*')))
            ) {
                findings.push(
                    finding(
                        ID,
                        severity,
                        messages.permissions.notGranted(`${field.object}.${field.name}`),
                        { file: field.file }
                    )
                );
            }
        }
        return findings;
    }
};
