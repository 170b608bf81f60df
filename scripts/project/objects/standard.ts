import type { SObjectInfo } from '../catalogue';
import { POLYMORPHIC_TARGET, standardAdditions, type PlatformFields } from './platform';
import type { PlatformFieldDefinition, RelationshipDefinition } from './types';

/**
 * A standard object's fields and parent relationships from the catalogue, with the documented
 * fields the catalogue lacks (platform.ts) after them. The jar types a polymorphic lookup as the
 * Name object (`Task.Who`), which is also how SOQL reads it, or as any record (`SObject`), whose
 * paths no one can check.
 */
export function catalogueFields(info: SObjectInfo): PlatformFields {
    const fields: PlatformFieldDefinition[] = [];
    const relationships: RelationshipDefinition[] = [];
    for (const field of info.fields) {
        if (field.kind === 'value') {
            fields.push({
                origin: 'catalogue',
                name: field.name,
                valueType: field.type,
                ...(field.relationshipName !== undefined
                    ? { relationship: field.relationshipName }
                    : {})
            });
        } else if (field.kind === 'parent') {
            const anyObject = field.polymorphic && field.target !== POLYMORPHIC_TARGET;
            relationships.push({
                name: field.name,
                ...(field.idField !== undefined ? { idField: field.idField } : {}),
                target: anyObject ? undefined : field.target,
                polymorphic: field.polymorphic,
                referenceTo: field.polymorphic ? [] : [field.target]
            });
        }
    }
    const known = new Set(fields.map((field) => field.name.toLowerCase()));
    const additions = standardAdditions(info.name);
    const knownRelationships = new Set(relationships.map((item) => item.name.toLowerCase()));
    return {
        fields: [
            ...fields,
            ...additions.fields.filter((field) => !known.has(field.name.toLowerCase()))
        ],
        relationships: [
            ...relationships,
            ...additions.relationships.filter(
                (item) => !knownRelationships.has(item.name.toLowerCase())
            )
        ]
    };
}
