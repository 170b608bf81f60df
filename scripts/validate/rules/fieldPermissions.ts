import { childText, children } from '../../xml/parse';
import { atElement, finding } from '../finding';
import { messages } from '../messages';
import { childPath, objectModel, splitQualified, type ProjectField } from '../model';
import type { Finding, Rule } from '../types';

const ID = 'field-permissions';

/**
 * Custom fields are visible to nobody until a permission set grants them, and the Metadata API
 * refuses a field permission on a required or master-detail field (those are always visible).
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
        const readable = new Set<string>();
        const findings: Finding[] = [];
        const accessFiles = project.files.filter((file) =>
            /\.(permissionset|profile)-meta\.xml$/.test(file)
        );
        for (const file of accessFiles) {
            const root = project.xmlRoot(file);
            if (!root) {
                continue;
            }
            for (const permission of children(root, 'fieldPermissions')) {
                const [object, fieldName] = splitQualified(
                    childText(permission, 'field')?.trim() ?? ''
                );
                if (!object || !fieldName) {
                    continue;
                }
                const key = objects.fieldKey(object, fieldName);
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
                if (isReadable && root.name === 'PermissionSet') {
                    readable.add(key);
                }
            }
        }
        for (const [key, field] of fields) {
            if (!field.required && !field.masterDetail && !readable.has(key)) {
                findings.push(
                    finding(
                        ID,
                        'error',
                        messages.permissions.notGranted(`${field.object}.${field.name}`),
                        { file: field.file }
                    )
                );
            }
        }
        return findings;
    }
};
