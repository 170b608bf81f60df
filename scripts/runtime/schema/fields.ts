import type { FieldDefinition, ProjectFieldDefinition } from '../../project/objects';
import { MESSAGES } from '../messages';
import type { Scalar } from '../types';
import {
    AUDIT_FIELDS,
    UNMAINTAINED_SYSTEM_FIELDS,
    USER_AUDIT_ROLES,
    type StandardFieldRule
} from './rules';
import type { FieldSchema, FieldType } from './types';

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

/** Every record's Id, which the platform sets on insert (Object Reference, "System Fields"). */
export const ID_FIELD = field('Id', 'id', { writable: false });

/** Why the embedded org refuses a field, said when a run names it. */
export interface UnsupportedField {
    readonly unsupported: string;
    /** The whole message, when the usual one (about the types the org stores) does not fit. */
    readonly message?: string;
}

export type StorableField = FieldSchema | UnsupportedField;

export function isUnsupported(field: StorableField): field is UnsupportedField {
    return 'unsupported' in field;
}

/** How the embedded org stores a field of each metadata type the project's files give. */
const METADATA_FIELD_TYPES: Readonly<Record<string, FieldType>> = {
    Text: 'text',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Email: 'email',
    Url: 'url',
    Phone: 'phone',
    Picklist: 'picklist',
    Checkbox: 'checkbox',
    Number: 'number',
    Currency: 'number',
    Percent: 'number',
    Date: 'date',
    DateTime: 'datetime',
    Lookup: 'reference',
    MasterDetail: 'reference'
};

/**
 * How the embedded org stores a Salesforce field by its Apex type: text, an Id (a reference when
 * a relationship is beside it), a checkbox, a number, a date or a date-time. Time, Blob, the
 * compound Address and Location, and the catalogue's Object and List<String> are not stored.
 */
function apexFieldType(definition: FieldDefinition): FieldType | undefined {
    switch (definition.valueType) {
        case 'String':
            return 'text';
        case 'Id':
            return definition.relationship !== undefined ? 'reference' : 'id';
        case 'Boolean':
            return 'checkbox';
        case 'Integer':
        case 'Long':
        case 'Decimal':
        case 'Double':
            return 'number';
        case 'Date':
            return 'date';
        case 'Datetime':
            return 'datetime';
        default:
            return undefined;
    }
}

/** A field of the project's metadata as the embedded org stores it, or why it does not. */
export function projectField(definition: ProjectFieldDefinition): StorableField {
    const at = `${definition.file}:${definition.line}`;
    if (definition.formula) {
        return { unsupported: MESSAGES.unsupported.formula(definition.formula.returnType, at) };
    }
    if (definition.metadataType === 'AutoNumber' && definition.displayFormat) {
        return field(definition.name, 'text', {
            writable: false,
            autoNumberFormat: definition.displayFormat
        });
    }
    const type = METADATA_FIELD_TYPES[definition.metadataType];
    if (!type) {
        return { unsupported: MESSAGES.unsupported.type(definition.metadataType, at) };
    }
    const picklist = definition.picklist;
    if (picklist?.restricted && picklist.valueSetName !== undefined) {
        return { unsupported: MESSAGES.unsupported.globalValueSet(picklist.valueSetName, at) };
    }
    const defaultValue = literalDefault(definition.defaultValue, type);
    if (defaultValue === INVALID) {
        return {
            unsupported: MESSAGES.unsupported.formulaDefault(definition.defaultValue ?? '', at)
        };
    }
    return field(definition.name, type, {
        required: definition.required,
        ...(definition.metadataType === 'MasterDetail' ? { masterDetail: true } : {}),
        unique: definition.unique,
        caseSensitive: definition.caseSensitive,
        externalId: definition.externalId,
        restrictedPicklist: picklist?.restricted ?? false,
        ...(definition.length !== undefined ? { length: definition.length } : {}),
        ...(picklist && picklist.valueSetName === undefined
            ? { picklistValues: picklist.values }
            : {}),
        ...(defaultValue !== undefined ? { defaultValue } : {}),
        ...(type === 'checkbox' && defaultValue === undefined ? { defaultValue: false } : {})
    });
}

/**
 * A Salesforce field (catalogue or documented) as the embedded org stores it, with the
 * runtime's rule for it when there is one, or why it does not store it. The catalogue does not
 * say which fields are read-only: a scenario may set any field the org stores but the computed
 * ones. [verify in an org: which standard fields a save refuses]
 */
export function platformField(
    definition: FieldDefinition,
    rule?: StandardFieldRule,
    runningUser = false
): StorableField {
    if (definition.name === 'Id') {
        return ID_FIELD;
    }
    const key = definition.name.toLowerCase();
    const audit = AUDIT_FIELDS[key];
    if (
        UNMAINTAINED_SYSTEM_FIELDS.has(key) ||
        (audit && USER_AUDIT_ROLES.has(audit) && !runningUser)
    ) {
        return { unsupported: MESSAGES.unsupported.system };
    }
    const type = apexFieldType(definition);
    if (!type) {
        return { unsupported: MESSAGES.unsupported.valueType(definition.valueType ?? 'Object') };
    }
    if (audit) {
        return field(definition.name, type, { writable: audit === 'owner', audit });
    }
    const numberType =
        definition.valueType === 'Integer' ||
        definition.valueType === 'Long' ||
        definition.valueType === 'Double'
            ? definition.valueType
            : undefined;
    return field(definition.name, type, {
        ...(numberType ? { numberType } : {}),
        ...(rule?.required ? { required: true } : {}),
        ...(rule?.unique ? { unique: true } : {}),
        ...(rule?.length !== undefined ? { length: rule.length } : {}),
        ...(rule?.defaultValue !== undefined ? { defaultValue: rule.defaultValue } : {}),
        ...(rule?.compute ? { writable: false, compute: rule.compute } : {})
    });
}

const INVALID = Symbol('invalid default');

/**
 * Default values are formulas; the runtime takes the literal ones (true/false, numbers, quoted
 * text), which is what field defaults nearly always are, and refuses the others by name.
 */
function literalDefault(
    text: string | undefined,
    type: FieldType
): Scalar | undefined | typeof INVALID {
    if (text === undefined || text === '') {
        return undefined;
    }
    const trimmed = text.trim();
    if (type === 'checkbox' && /^(true|false)$/i.test(trimmed)) {
        return trimmed.toLowerCase() === 'true';
    }
    if (type === 'number' && /^-?\d+(\.\d+)?$/.test(trimmed)) {
        return Number(trimmed);
    }
    const quoted = /^"(.*)"$|^'(.*)'$/.exec(trimmed);
    if (quoted) {
        return quoted[1] ?? quoted[2] ?? '';
    }
    return INVALID;
}
