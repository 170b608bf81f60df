import * as formulon from 'formulon';
import type { FormulonLiteral, FormulonNode } from 'formulon';
import { MERGE_FIELD } from '../../project/flows';
import { MESSAGES } from '../messages';
import type { FieldType } from '../schema/types';
import type { Scalar } from '../types';

/** Types a formula input or result can have, as formulon names them. */
export type FormulaType = 'text' | 'checkbox' | 'number' | 'date' | 'datetime' | 'picklist';

export interface TypedValue {
    readonly value: Scalar;
    readonly type: FormulaType;
    readonly picklistValues?: readonly string[];
}

/** What a formula reads from the interview. */
export interface FormulaContext {
    /** The value of a merge field such as `$Record.Email__c` or a variable. */
    value(reference: string): TypedValue;
    /** PRIORVALUE: the value the field had before the save (its `$Record__Prior` value). */
    prior(reference: string): TypedValue;
    /** ISCHANGED: whether the field differs from its prior value; false on create. */
    changed(reference: string): boolean;
    /** ISNEW: whether the record is being created. */
    readonly isNew: boolean;
}

type FlowInput =
    | { readonly kind: 'value' | 'prior' | 'changed'; readonly reference: string }
    | { readonly kind: 'isNew' };
type FieldInput =
    { readonly kind: 'value'; readonly reference: string } | { readonly kind: 'now' | 'today' };

/** What a field's formula (a formula field or a default value) reads from the record. */
export interface FieldFormulaContext {
    /** The value of a field of the record. */
    value(field: string): TypedValue;
    /** The org's clock, behind NOW() and TODAY(). */
    readonly now: Date;
}

export interface Formula<Input = FlowInput> {
    readonly source: string;
    readonly ast: FormulonNode;
    /** What each identifier of the rewritten formula stands for. */
    readonly inputs: ReadonlyMap<string, Input>;
}

/** The formula of a field: a formula field's or a default value's. */
export type FieldFormula = Formula<FieldInput>;

export class FormulaError extends Error {}

/** ISCHANGED({!field}) and PRIORVALUE({!field}), around Flow's merge field. */
const CHANGE_FUNCTION = new RegExp(
    String.raw`\b(ISCHANGED|PRIORVALUE)\s*\(\s*${MERGE_FIELD.source}\s*\)`,
    'gi'
);

/**
 * Compiles a flow formula once. formulon has no ISNEW, ISCHANGED or PRIORVALUE and does not read
 * flow merge fields (`{!$Record.Email__c}`), so they are rewritten into identifiers whose values
 * the interview supplies at each evaluation: ISNEW() and ISCHANGED({!field}) become checkboxes,
 * PRIORVALUE({!field}) the prior value, and every other `{!reference}` its value. String
 * literals are left alone. formulon parses the rewritten text; the parse is kept, because
 * parsing costs far more than evaluating.
 */
export function compileFormula(source: string): Formula {
    const inputs = new Map<string, FlowInput>();
    const names = new Map<string, string>();
    const identifier = (input: FlowInput): string => {
        const key = 'reference' in input ? `${input.kind}:${input.reference}` : input.kind;
        let name = names.get(key);
        if (!name) {
            name = `${input.kind}${names.size}`;
            names.set(key, name);
            inputs.set(name, input);
        }
        return name;
    };
    const ast = parseRewritten(source, (segment) =>
        segment
            .replace(/\bISNEW\s*\(\s*\)/gi, () => identifier({ kind: 'isNew' }))
            .replace(CHANGE_FUNCTION, (_, fn: string, reference: string) =>
                identifier({
                    kind: fn.toUpperCase() === 'ISCHANGED' ? 'changed' : 'prior',
                    reference: reference.trim()
                })
            )
            .replace(MERGE_FIELD, (_, reference: string) =>
                identifier({ kind: 'value', reference: reference.trim() })
            )
    );
    const unknown = identifiers(ast).find((name) => !inputs.has(name));
    if (unknown) {
        throw new FormulaError(MESSAGES.formulaBareName(unknown));
    }
    return { source, ast, inputs };
}

/**
 * Compiles the formula of a field (a formula field or a default value), where a bare name is a
 * field of the record (`Size__c`, `Parent__r.Name__c`, `$User.Id`). formulon's NOW() and
 * TODAY() read the wall clock, so they are rewritten into inputs that the org's clock supplies.
 */
export function compileFieldFormula(source: string): FieldFormula {
    const inputs = new Map<string, FieldInput>();
    const clock = (kind: 'now' | 'today'): string => {
        inputs.set(kind, { kind });
        return kind;
    };
    const ast = parseRewritten(source, (segment) =>
        segment
            .replace(/\bNOW\s*\(\s*\)/gi, () => clock('now'))
            .replace(/\bTODAY\s*\(\s*\)/gi, () => clock('today'))
    );
    for (const name of identifiers(ast)) {
        if (!inputs.has(name)) {
            inputs.set(name, { kind: 'value', reference: name });
        }
    }
    return { source, ast, inputs };
}

/** Parses a formula after rewriting the parts of it outside string literals. */
function parseRewritten(source: string, rewrite: (segment: string) => string): FormulonNode {
    const rewritten = source
        .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
        .map((segment, index) => (index % 2 === 1 ? segment : rewrite(segment)))
        .join('');
    const ast = formulon.ast(rewritten);
    if (ast.type === 'error') {
        throw new FormulaError(MESSAGES.formulaSyntax(ast.message));
    }
    return ast;
}

/** The functions a formula calls that formulon does not have, upper-case. */
export function unknownFunctions(formula: FieldFormula): string[] {
    const unknown = new Set<string>();
    const visit = (node: FormulonNode): void => {
        if (node.type !== 'callExpression') {
            return;
        }
        const called = node.id in INFIX ? undefined : formulon.parse(`${node.id}()`);
        if (called?.type === 'error' && called.errorType === 'NoFunctionError') {
            unknown.add(node.id.toUpperCase());
        }
        node.arguments.forEach(visit);
    };
    visit(formula.ast);
    return [...unknown];
}

function identifiers(node: FormulonNode): string[] {
    if (node.type === 'identifier') {
        return [node.name];
    }
    return node.type === 'callExpression' ? node.arguments.flatMap(identifiers) : [];
}

/** The references (flow formulas) or fields (field formulas) a formula reads. */
export function formulaReferences(formula: Formula<FlowInput | FieldInput>): string[] {
    return [...formula.inputs.values()].flatMap((input) =>
        'reference' in input ? [input.reference] : []
    );
}

/** Whether a field's formula calls NOW() or TODAY(). */
export function readsClock(formula: FieldFormula): boolean {
    return formula.inputs.has('now') || formula.inputs.has('today');
}

/** Evaluates a compiled flow formula; throws FormulaError when formulon reports an error. */
export function evaluateFormula(formula: Formula, context: FormulaContext): Scalar {
    return fromLiteral(
        evaluateInputs(formula, (input) => {
            switch (input.kind) {
                case 'isNew':
                    return checkbox(context.isNew);
                case 'changed':
                    return checkbox(!context.isNew && context.changed(input.reference));
                case 'prior':
                    return toLiteral(context.prior(input.reference));
                case 'value':
                    return toLiteral(context.value(input.reference));
            }
        })
    );
}

/**
 * Evaluates a compiled field formula, with the type of its result as formulon gives it (`null`
 * for a blank result); throws FormulaError when formulon reports an error. TODAY() is the UTC
 * date of the org's clock, as $Flow.CurrentDate is. [verify in an org: TODAY() in the running
 * user's time zone]
 */
export function evaluateFieldFormula(
    formula: FieldFormula,
    context: FieldFormulaContext
): { readonly value: Scalar; readonly dataType: string } {
    const result = evaluateInputs(formula, (input) => {
        switch (input.kind) {
            case 'now':
                return { type: 'literal', value: context.now, dataType: 'datetime', options: {} };
            case 'today':
                return {
                    type: 'literal',
                    value: new Date(context.now.toISOString().slice(0, 10)),
                    dataType: 'date',
                    options: {}
                };
            case 'value':
                return toLiteral(context.value(input.reference));
        }
    });
    return { value: fromLiteral(result), dataType: result.dataType };
}

function evaluateInputs<Input>(
    formula: Formula<Input>,
    literal: (input: Input) => FormulonLiteral
): FormulonLiteral {
    const values = new Map<string, FormulonLiteral>();
    for (const [name, input] of formula.inputs) {
        values.set(name, literal(input));
    }
    return evaluate(formula.ast, values);
}

const checkbox = (value: boolean): FormulonLiteral => ({
    type: 'literal',
    value,
    dataType: 'checkbox',
    options: {}
});
const NULL_LITERAL: FormulonLiteral = {
    type: 'literal',
    value: null,
    dataType: 'null',
    options: {}
};

/**
 * Flow values as formulon literals. Text needs its length; empty text is the empty string,
 * because the platform treats a null text as "" in formulas (`null & "x"` is "x").
 */
function toLiteral(typed: TypedValue): FormulonLiteral {
    const { value, type } = typed;
    switch (type) {
        case 'checkbox':
            return checkbox(value === true);
        case 'text': {
            const text = value === null ? '' : String(value);
            return {
                type: 'literal',
                value: text,
                dataType: 'text',
                options: { length: text.length }
            };
        }
        case 'picklist':
            return {
                type: 'literal',
                value,
                dataType: 'picklist',
                options: { values: typed.picklistValues ?? (value === null ? [] : [value]) }
            };
        case 'number': {
            if (typeof value !== 'number') {
                return NULL_LITERAL;
            }
            const [whole = '', fraction = ''] = Math.abs(value).toString().split('.');
            return {
                type: 'literal',
                value,
                dataType: 'number',
                options: { length: whole.length, scale: fraction.length }
            };
        }
        case 'date':
        case 'datetime':
            return typeof value === 'string'
                ? { type: 'literal', value: new Date(value), dataType: type, options: {} }
                : NULL_LITERAL;
    }
}

function fromLiteral(literal: FormulonLiteral): Scalar {
    const value = literal.value;
    if (value instanceof Date) {
        return literal.dataType === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return value;
    }
    return value === null || value === undefined ? null : Number(value);
}

/** Comparison operators whose formulon ids cannot be written as a function call. */
const INFIX: Readonly<Record<string, string>> = {
    lessThan: '<',
    lessThanOrEqual: '<=',
    greaterThan: '>',
    greaterThanOrEqual: '>='
};

const MEMO_LIMIT = 50_000;
const memo = new Map<string, FormulonLiteral>();

/**
 * Walks the parsed formula. IF on a checkbox evaluates only the branch it takes, and a few
 * calls are done here (see native); every other function call is evaluated by formulon on its
 * already-evaluated arguments, and the result is remembered, since flows evaluate the same
 * calls on the same values again and again.
 */
function evaluate(
    node: FormulonNode,
    values: ReadonlyMap<string, FormulonLiteral>
): FormulonLiteral {
    switch (node.type) {
        case 'literal':
            return node;
        case 'identifier':
            return values.get(node.name) ?? NULL_LITERAL;
        case 'error':
            throw new FormulaError(node.message);
        case 'callExpression':
            break;
    }
    const [first, second, third] = node.arguments;
    if (node.id === 'if' && first && second && third && node.arguments.length === 3) {
        const condition = evaluate(first, values);
        if (condition.dataType === 'checkbox') {
            return evaluate(condition.value === true ? second : third, values);
        }
    }
    const args = node.arguments.map((argument) => evaluate(argument, values));
    return native(node.id, args) ?? call(node.id, args);
}

/**
 * The calls entry formulas make for every record, done here rather than by a formulon parse:
 * AND, OR and NOT of checkboxes, ISBLANK of text, ISPICKVAL of a picklist and text, and text
 * concatenation. Anything else, or other argument types, goes to formulon.
 */
function native(id: string, args: readonly FormulonLiteral[]): FormulonLiteral | undefined {
    const [first, second] = args;
    if (['and', 'or', 'not'].includes(id) && args.every((arg) => arg.dataType === 'checkbox')) {
        const flags = args.map((arg) => arg.value === true);
        return checkbox(
            id === 'and' ? flags.every(Boolean) : id === 'or' ? flags.some(Boolean) : !flags[0]
        );
    }
    if (id === 'isblank' && args.length === 1 && first?.dataType === 'text') {
        return checkbox(first.value === '' || first.value === null);
    }
    if (id === 'ispickval' && first?.dataType === 'picklist' && second?.dataType === 'text') {
        return checkbox(first.value !== null && first.value === second.value);
    }
    if (id === 'add' && first?.dataType === 'text' && second?.dataType === 'text') {
        const part = (arg: FormulonLiteral): string =>
            typeof arg.value === 'string' ? arg.value : '';
        const text = part(first) + part(second);
        return { type: 'literal', value: text, dataType: 'text', options: { length: text.length } };
    }
    return undefined;
}

function call(id: string, args: readonly FormulonLiteral[]): FormulonLiteral {
    const key = args.length > 0 ? JSON.stringify([id, args]) : undefined;
    const known = key === undefined ? undefined : memo.get(key);
    if (known) {
        return known;
    }
    const names = args.map((_, index) => `a${index}`);
    const operator = INFIX[id];
    const text = operator
        ? `${names[0] ?? ''} ${operator} ${names[1] ?? ''}`
        : `${id}(${names.join(', ')})`;
    const result = formulon.parse(
        text,
        Object.fromEntries(names.map((name, index) => [name, args[index] ?? NULL_LITERAL]))
    );
    if (result.type === 'error') {
        throw new FormulaError(result.message);
    }
    if (key !== undefined) {
        if (memo.size >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.set(key, result);
    }
    return result;
}

/** How a formula reads a field of each type the org stores. */
export function formulaTypeOfField(type: FieldType): FormulaType {
    switch (type) {
        case 'checkbox':
        case 'number':
        case 'date':
        case 'datetime':
        case 'picklist':
            return type;
        default:
            return 'text';
    }
}
