import { ScenarioError } from '../errors';
import {
    evaluateFieldFormula,
    FormulaError,
    formulaTypeOfField,
    type TypedValue
} from '../flow/formula';
import { MESSAGES } from '../messages';
import type { ObjectSchema, OrgSchema } from '../schema';
import {
    FORMULA_RESULT_TYPES,
    isFormulaField,
    type FormulaDefaultFieldSchema,
    type FormulaFieldSchema
} from '../schema/fields';
import type { FieldValues, Scalar } from '../types';

/** The value a default formula gives a new record, at the org's clock. */
export function defaultOf(field: FormulaDefaultFieldSchema, now: Date): Scalar {
    // A default formula reads no field of the record (fields.ts refuses one that does).
    return evaluateFieldFormula(field.defaultFormula, {
        now,
        value: () => ({ value: null, type: 'text' })
    }).value;
}

/**
 * Computes the record's formula fields from its other fields, a formula field read by another
 * first. formulon differs from Salesforce on blank numbers: its arithmetic fails on a blank,
 * where a formula that treats blank fields as blanks gives a blank (Salesforce Help, 000381641),
 * so a failure with a blank number among the inputs is a blank result. A formula that fails
 * otherwise (#Error! on a record page) stops the save. [verify in an org: what Apex and flows
 * read from a formula field that shows #Error!]
 */
export function computeFormulaFields(
    schema: OrgSchema,
    object: ObjectSchema,
    record: FieldValues,
    now: Date
): void {
    const computing = new Set<string>();
    const compute = (field: FormulaFieldSchema): Scalar => {
        const { compiled, at, blankAsZero, scale } = field.formula;
        const fail = (reason: string): ScenarioError =>
            new ScenarioError(at, MESSAGES.formulaFieldFailed(object.name, field.name, at, reason));
        if (computing.has(field.name)) {
            throw fail(MESSAGES.formulaReason.cycle);
        }
        computing.add(field.name);
        // Whether a number the formula read was blank, which BlankAsBlank passes on as null.
        const blank = { number: false };
        const value = (name: string): TypedValue => {
            const input = schema.findField(object, name);
            if (!input) {
                throw fail(
                    schema.refusal(object, name) ?? MESSAGES.unknownField(object.name, name)
                );
            }
            const stored = isFormulaField(input) ? compute(input) : (record[input.name] ?? null);
            if (input.type === 'number' && stored === null) {
                blank.number ||= !blankAsZero;
                return { value: blankAsZero ? 0 : null, type: 'number' };
            }
            return {
                value: stored,
                type: formulaTypeOfField(input.type),
                ...(input.picklistValues ? { picklistValues: input.picklistValues } : {})
            };
        };
        try {
            const result = evaluateFieldFormula(compiled, { now, value });
            computing.delete(field.name);
            if (result.value === null) {
                return null;
            }
            if (result.dataType !== FORMULA_RESULT_TYPES[field.type]) {
                throw fail(MESSAGES.formulaReason.resultType(result.dataType, field.type));
            }
            return typeof result.value === 'number' && scale !== undefined
                ? roundHalfUp(result.value, scale)
                : result.value;
        } catch (error: unknown) {
            if (error instanceof FormulaError) {
                if (blank.number) {
                    computing.delete(field.name);
                    return null;
                }
                throw fail(error.message);
            }
            throw error;
        }
    };
    for (const field of object.fields) {
        if (isFormulaField(field)) {
            record[field.name] = compute(field);
        }
    }
}

/** Rounds half away from zero: 12.345 is 12.35 and -12.345 is -12.35 ("Formula Data Types"). */
function roundHalfUp(value: number, scale: number): number {
    const factor = 10 ** scale;
    return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}
