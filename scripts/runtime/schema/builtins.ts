import type { FieldSchema, ObjectSchema } from './types';

type FieldOptions = Partial<Omit<FieldSchema, 'name' | 'type'>>;

/** A field with the defaults of a plain, optional, writable field. */
export function field(
    name: string,
    type: FieldSchema['type'],
    options: FieldOptions = {}
): FieldSchema {
    return {
        name,
        type,
        required: false,
        unique: false,
        caseSensitive: false,
        externalId: false,
        restrictedPicklist: false,
        writable: true,
        ...options
    };
}

export const ID_FIELD = field('Id', 'id', { writable: false });

/**
 * The standard User fields the runtime knows. `Name` is computed from the first and last name,
 * as the platform does. Required fields follow the API's create rules for the fields listed
 * here; a real org requires more (Alias, TimeZoneSidKey, ...), which the embedded org does not
 * model. [verify in an org: required User fields on create]
 */
export const USER_OBJECT: ObjectSchema = {
    name: 'User',
    keyPrefix: '005',
    custom: false,
    setup: true,
    fields: [
        ID_FIELD,
        field('Username', 'email', { length: 80, required: true, unique: true }),
        field('Email', 'email', { length: 128, required: true }),
        field('FirstName', 'text', { length: 40 }),
        field('LastName', 'text', { length: 80, required: true }),
        field('Name', 'text', {
            length: 121,
            writable: false,
            compute: (values) =>
                [values['FirstName'], values['LastName']]
                    .filter((part) => typeof part === 'string' && part !== '')
                    .join(' ') || null
        }),
        field('IsActive', 'checkbox', { defaultValue: true }),
        field('ProfileId', 'reference'),
        field('UserRoleId', 'reference')
    ],
    // Apex guide, "sObjects That Cannot Be Used Together in DML Operations".
    mixedDmlFields: ['IsActive', 'Username', 'ProfileId', 'UserRoleId']
};

/** Objects the platform defines, before the project's metadata adds fields to them. */
export const STANDARD_OBJECTS: readonly ObjectSchema[] = [USER_OBJECT];
