import type {
    FieldDefinition,
    FormulaDefinition,
    ProjectFieldDefinition
} from '../../project/objects';
import {
    compileFieldFormula,
    evaluateFieldFormula,
    FormulaError,
    formulaReferences,
    readsClock,
    unknownFunctions,
    type FieldFormula
} from '../flow/formula';
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

/**
 * A formula field. The platform computes it and never stores it: its formula "automatically
 * calculate[s] the value", and "users can't change the value of a formula field" (Salesforce
 * Help, "Formula Data Types" and "Default Field Value Considerations": default values "are not
 * read only", unlike formula fields). The embedded org computes it from the record's own fields
 * whenever the record is saved, which gives what a read would for a formula that reads no clock,
 * and refuses every write to it.
 */
export interface FormulaFieldSchema extends FieldSchema {
    readonly formula: {
        readonly compiled: FieldFormula;
        /** The field's file and line. */
        readonly at: string;
        /**
         * "Treat blank fields as zeroes" (BlankAsZero) or "as blanks" (BlankAsBlank), for the
         * number, currency and percent fields the formula reads (Salesforce Help, "'Blank Field
         * Handling' Section on a Salesforce Formula Field", 000381641).
         */
        readonly blankAsZero: boolean;
        /** Decimal places of a Number or Currency result, rounded half up ("Formula Data Types"). */
        readonly scale?: number;
    };
}

/**
 * A field whose default value is a formula (`NOW()`, `TODAY() + 7`), evaluated once, "at record
 * creation" (Salesforce Help, "Default Field Value Considerations"); a literal default is the
 * field's defaultValue.
 */
export interface FormulaDefaultFieldSchema extends FieldSchema {
    readonly defaultFormula: FieldFormula;
}

export function isFormulaField(field: FieldSchema): field is FormulaFieldSchema {
    return 'formula' in field;
}

export function hasFormulaDefault(field: FieldSchema): field is FormulaDefaultFieldSchema {
    return 'defaultFormula' in field;
}

/**
 * The metadata types a formula returns that the org computes (Salesforce Help, "Formula Data
 * Types"). Percent is left out: a percent field's formula value is "a decimal divided by 100"
 * while the API gives the percentage [verify in an org: what Apex reads from a Percent formula];
 * Time is not stored by the org. Each is stored as a field of its metadata type is.
 */
const FORMULA_RETURN_TYPES: ReadonlySet<string> = new Set([
    'Text',
    'Number',
    'Currency',
    'Checkbox',
    'Date',
    'DateTime'
]);

/** The type of value formulon gives for a field of each type the org stores. */
export const FORMULA_RESULT_TYPES: Readonly<Partial<Record<FieldType, string>>> = {
    text: 'text',
    textarea: 'text',
    email: 'text',
    url: 'text',
    phone: 'text',
    picklist: 'text',
    checkbox: 'checkbox',
    number: 'number',
    date: 'date',
    datetime: 'datetime'
};

/** A fixed instant, to learn the type of a default formula's value when the project loads. */
const ANY_TIME = new Date(0);

/**
 * Compiles a field's formula, or says why the org cannot evaluate it: it reads a field of
 * another record (`Parent__r.Name__c`) or a global variable (`$User.Id`), calls a function
 * formulon lacks, or (a default value) reads a field of the record.
 */
function fieldFormula(source: string, isDefault: boolean): FieldFormula | string {
    let compiled: FieldFormula;
    try {
        compiled = compileFieldFormula(source);
    } catch (error: unknown) {
        if (error instanceof FormulaError) {
            return MESSAGES.formulaReason.syntax(error.message);
        }
        throw error;
    }
    for (const reference of formulaReferences(compiled)) {
        if (reference.startsWith('$')) {
            return MESSAGES.formulaReason.global(reference);
        }
        if (reference.includes('.')) {
            return MESSAGES.formulaReason.otherRecord(reference);
        }
        if (isDefault) {
            return MESSAGES.formulaReason.recordField(reference);
        }
    }
    const unknown = unknownFunctions(compiled);
    return unknown.length > 0 ? MESSAGES.formulaReason.functions(unknown) : compiled;
}

function formulaField(
    definition: ProjectFieldDefinition,
    formula: FormulaDefinition
): StorableField {
    const at = `${definition.file}:${definition.line}`;
    const refuse = (reason: string): UnsupportedField => ({
        unsupported: MESSAGES.unsupported.formula(formula.returnType, at, reason)
    });
    const type = FORMULA_RETURN_TYPES.has(formula.returnType)
        ? METADATA_FIELD_TYPES[formula.returnType]
        : undefined;
    if (!type) {
        return refuse(MESSAGES.formulaReason.returnType(formula.returnType));
    }
    // Absent, the setting is taken as BlankAsZero. [verify in an org: what a field file
    // without <formulaTreatBlanksAs> deploys as]
    const blanks = formula.treatBlanksAs ?? 'BlankAsZero';
    if (blanks !== 'BlankAsZero' && blanks !== 'BlankAsBlank') {
        return refuse(MESSAGES.formulaReason.blanks(blanks));
    }
    const compiled = fieldFormula(formula.expression, false);
    if (typeof compiled === 'string') {
        return refuse(compiled);
    }
    if (readsClock(compiled)) {
        return refuse(MESSAGES.formulaReason.clock);
    }
    const computed: FormulaFieldSchema = {
        ...field(definition.name, type, { writable: false }),
        formula: {
            compiled,
            at,
            blankAsZero: blanks === 'BlankAsZero',
            ...(type === 'number' && definition.scale !== undefined
                ? { scale: definition.scale }
                : {})
        }
    };
    return computed;
}

/**
 * A default value that is a formula, or why the org cannot evaluate it. It reads nothing but
 * the clock, so it is evaluated once here to check that its value fits the field.
 */
function defaultFormula(text: string, type: FieldType): FieldFormula | string {
    const compiled = fieldFormula(text, true);
    if (typeof compiled === 'string') {
        return compiled;
    }
    let dataType: string;
    try {
        dataType = evaluateFieldFormula(compiled, {
            now: ANY_TIME,
            value: () => ({ value: null, type: 'text' })
        }).dataType;
    } catch (error: unknown) {
        if (error instanceof FormulaError) {
            return MESSAGES.formulaReason.syntax(error.message);
        }
        throw error;
    }
    return dataType === FORMULA_RESULT_TYPES[type]
        ? compiled
        : MESSAGES.formulaReason.resultType(dataType, type);
}

/** A field of the project's metadata as the embedded org stores it, or why it does not. */
export function projectField(definition: ProjectFieldDefinition): StorableField {
    const at = `${definition.file}:${definition.line}`;
    if (definition.formula) {
        return formulaField(definition, definition.formula);
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
    const formula =
        defaultValue === INVALID ? defaultFormula(definition.defaultValue ?? '', type) : undefined;
    if (typeof formula === 'string') {
        return {
            unsupported: MESSAGES.unsupported.formulaDefault(
                definition.defaultValue ?? '',
                at,
                formula
            )
        };
    }
    const stored = field(definition.name, type, {
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
        ...(defaultValue !== undefined && defaultValue !== INVALID ? { defaultValue } : {}),
        ...(type === 'checkbox' && defaultValue === undefined ? { defaultValue: false } : {})
    });
    if (formula) {
        const withDefault: FormulaDefaultFieldSchema = { ...stored, defaultFormula: formula };
        return withDefault;
    }
    return stored;
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
 * Default values are formulas; the literal ones (true/false, numbers, quoted text), which is what
 * field defaults nearly always are, are read here, and the others evaluated on insert.
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
