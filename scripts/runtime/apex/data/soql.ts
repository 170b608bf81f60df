import { ApexGrammar, optional } from '../../../project/apex';
import { parseLogic, type LogicNode, type QueryFilter, type QueryOperator } from '../../org';
import type { FieldPath, SortKey } from '../../org';
import type { FieldSchema, ObjectSchema } from '../../schema';
import type { FieldValues, Scalar } from '../../types';
import { elementsOf } from '../collections';
import type { CompilerApi } from '../compiler/api';
import type { Expr, Frame } from '../frame';
import {
    DateValue,
    DatetimeValue,
    ListValue,
    SObjectValue,
    type ApexType,
    type Value
} from '../model';
import { T } from '../types';
import { toApexValue, toScalar, type ApexData, type AccessMode } from './bridge';

type Ctx = ApexGrammar.ApexParserRuleContext;

/**
 * Inline SOQL (`[SELECT ... FROM ...]`), compiled once into a query the org's engine runs each
 * time the expression is evaluated: binds are Apex expressions evaluated then. What this file
 * does not model (aggregates other than COUNT(), GROUP BY, subqueries, TYPEOF, date literals,
 * ALL ROWS, USING SCOPE, polymorphic lookups) is refused at its line.
 */

/** A field the query reads: on the queried record, or through the lookups of `path`. */
interface Selected {
    readonly path: readonly string[];
    readonly lookups: FieldPath;
    readonly objects: readonly ObjectSchema[];
    readonly field: FieldSchema;
}

type ValueOf = (frame: Frame) => Scalar | readonly Scalar[];

interface FilterPlan {
    /** The object the field belongs to: the queried one, or the parent the lookups reach. */
    readonly owner: ObjectSchema;
    readonly field: FieldSchema;
    readonly lookups: FieldPath;
    readonly operator: QueryOperator;
    readonly value: ValueOf;
}

interface WherePlan {
    readonly filters: readonly FilterPlan[];
    readonly logic: LogicNode;
}

/** SOQL's comparison operators as the org's (SOQL and SOSL Reference, "Comparison Operators"). */
const OPERATORS: Readonly<Record<string, QueryOperator>> = {
    '=': 'EqualTo',
    '!=': 'NotEqualTo',
    '<>': 'NotEqualTo',
    '<': 'LessThan',
    '>': 'GreaterThan',
    '<=': 'LessThanOrEqualTo',
    '>=': 'GreaterThanOrEqualTo',
    like: 'Like',
    in: 'In',
    notin: 'NotIn'
};

export function compileSoql(
    compiler: CompilerApi,
    data: ApexData,
    context: ApexGrammar.SoqlLiteralContext
): Expr {
    const query = context.query();
    refuseClauses(compiler, query);
    const from = query.fromNameList();
    const names = from.fieldName_list();
    if (names.length !== 1 || from.soqlId_list().length > 0 || !names[0]) {
        return compiler.refuse(from, 'a FROM clause with several objects or an alias');
    }
    const objectName = names[0].getText();
    const object = data.schema.findObject(objectName);
    if (!object) {
        return compiler.services.isPlatformType([objectName])
            ? compiler.refuse(from, `the platform type ${objectName}`)
            : compiler.fail(from, `sObject type '${objectName}' is not supported.`);
    }
    const entries = query.selectList().selectEntry_list();
    const count = countOnly(compiler, entries);
    const selected = count
        ? []
        : entries.map((entry) => {
              const name = optional(entry.fieldName());
              if (!name || optional(entry.soqlId())) {
                  return compiler.refuse(entry, `the SELECT entry ${entry.getText()}`);
              }
              return resolvePath(compiler, data, object, name);
          });
    const where = optional(query.whereClause());
    const plan = where
        ? whereOf(compiler, data, object, where.whereLogicalExpression())
        : { filters: [], logic: parseLogic('and', 0) };
    const mode = accessMode(compiler, optional(query.withClause()));
    const orderBy = sortKeys(compiler, data, object, optional(query.orderByClause()));
    const limit = rowCount(compiler, optional(query.limitClause()));
    const offset = rowCount(compiler, optional(query.offsetClause()));
    const type: ApexType = { kind: 'sobject', name: object.name };
    const place = compiler.place(context);
    const services = compiler.services;
    const read = [
        ...selected.map((entry) => ({
            object: entry.objects.at(-1) ?? object,
            field: entry.field
        })),
        ...plan.filters.map((filter) => ({ object: filter.owner, field: filter.field })),
        ...orderBy.map((key) => ({ object: key.owner, field: key.field }))
    ];

    const run = (frame: Frame): FieldValues[] => {
        const filters: QueryFilter[] = plan.filters.map((filter) => ({
            field: filter.field,
            path: filter.lookups,
            operator: filter.operator,
            value: filter.value(frame)
        }));
        data.security.checkRead(object, read, mode, place);
        const transaction = data.transaction();
        const limitValue = limit?.(frame);
        const offsetValue = offset?.(frame);
        return transaction.select({
            object,
            filters,
            logic: plan.logic,
            ...(orderBy.length > 0 ? { orderBy } : {}),
            ...(limitValue !== undefined ? { limit: limitValue } : {}),
            ...(offsetValue !== undefined ? { offset: offsetValue } : {}),
            fields: object.fields
        });
    };

    if (count) {
        return {
            type: T.integer,
            evaluate: (frame) => {
                const rows = run(frame);
                // "For COUNT() or COUNT(fieldname) queries, limits are counted as one query row"
                // (SOQL and SOSL Reference, "COUNT() and COUNT(fieldName)").
                data.transaction().countQuery(1);
                return rows.length;
            }
        };
    }
    const records = (frame: Frame): ListValue => {
        const rows = run(frame);
        data.transaction().countQuery(rows.length);
        return new ListValue(
            type,
            rows.map((row) => recordOf(data, object, row, selected))
        );
    };
    return {
        type: T.list(type),
        evaluate: records,
        single: (safe) => ({
            type,
            evaluate: (frame) => {
                const list = records(frame);
                if (list.items.length === 1) {
                    return list.items[0] ?? null;
                }
                if (list.items.length === 0 && safe) {
                    return null;
                }
                // DG "Working with SOQL Query Results" / APEX.md §5: the two QueryExceptions.
                return services.raise(
                    'QueryException',
                    list.items.length === 0
                        ? 'List has no rows for assignment to SObject'
                        : 'List has more than 1 row for assignment to SObject'
                );
            }
        })
    };
}

/** The clauses the runtime does not model, refused where they are written. */
function refuseClauses(compiler: CompilerApi, query: ApexGrammar.QueryContext): void {
    const refused: readonly [Ctx | undefined, string][] = [
        [optional(query.usingScope()), 'USING SCOPE'],
        [optional(query.groupByClause()), 'GROUP BY'],
        [optional(query.allRowsClause()), 'ALL ROWS'],
        [optional(query.updateList()), 'UPDATE TRACKING / VIEWSTAT']
    ];
    for (const [clause, what] of refused) {
        if (clause) {
            compiler.refuse(clause, `the SOQL clause ${what}`);
        }
    }
    const forClauses = optional(query.forClauses());
    if (
        forClauses &&
        (forClauses.VIEW_list().length > 0 || forClauses.REFERENCE_list().length > 0)
    ) {
        compiler.refuse(forClauses, 'FOR VIEW and FOR REFERENCE');
    }
    // FOR UPDATE locks the rows for the transaction; the embedded org runs one transaction at a
    // time, so there is nothing to wait for (DG "Locking Records"). A locking query may not sort
    // ("You can't use the ORDER BY clause in any SOQL query that uses locking", SOQL "FOR
    // UPDATE"); the platform's error for one that does is not documented, so it is refused.
    const orderBy = optional(query.orderByClause());
    if (forClauses && forClauses.UPDATE_list().length > 0 && orderBy) {
        compiler.refuse(orderBy, 'ORDER BY in a query with FOR UPDATE');
    }
}

/** `SELECT COUNT() FROM ...`: the only aggregate the runtime models. */
function countOnly(
    compiler: CompilerApi,
    entries: readonly ApexGrammar.SelectEntryContext[]
): boolean {
    const functions = entries.filter((entry) => optional(entry.soqlFunction()));
    if (functions.length === 0) {
        return false;
    }
    const [entry] = functions;
    const first = entry?.soqlFunction();
    const isCount =
        entries.length === 1 && first && optional(first.COUNT()) && !optional(first.fieldName());
    if (!isCount || !entry) {
        return compiler.refuse(
            entry ?? functions[0] ?? entries[0] ?? (first as Ctx),
            'SOQL aggregate functions other than COUNT()'
        );
    }
    return true;
}

/** `Name`, `CreatedBy.Name`, `CronJobDetail.Name`: the lookups walked and the field read. */
function resolvePath(
    compiler: CompilerApi,
    data: ApexData,
    object: ObjectSchema,
    context: ApexGrammar.FieldNameContext
): Selected {
    const parts = context.soqlId_list().map((part) => part.getText());
    const schema = data.schema;
    let current = object;
    // A path may name the queried object first (`CalendlyLink__c.Name`).
    if (parts.length > 1 && parts[0]?.toLowerCase() === object.name.toLowerCase()) {
        parts.shift();
    }
    const lookups: FieldSchema[] = [];
    const objects: ObjectSchema[] = [];
    const path: string[] = [];
    for (const part of parts.slice(0, -1)) {
        const relationship = schema.relationship(current, part);
        if (relationship === undefined) {
            return compiler.fail(
                context,
                `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name.`
            );
        }
        if (typeof relationship === 'string') {
            return compiler.refuse(context, `the relationship ${part} (${relationship})`);
        }
        lookups.push(relationship.field);
        objects.push(relationship.target);
        path.push(relationship.name);
        current = relationship.target;
    }
    const name = parts[parts.length - 1] ?? '';
    const field = schema.findField(current, name);
    if (!field) {
        const refusal = schema.refusal(current, name);
        return refusal
            ? compiler.refuse(context, `the field ${current.name}.${name} (${refusal})`)
            : compiler.fail(context, `No such column '${name}' on entity '${current.name}'.`);
    }
    return { path, lookups, objects, field };
}

function whereOf(
    compiler: CompilerApi,
    data: ApexData,
    object: ObjectSchema,
    root: ApexGrammar.WhereLogicalExpressionContext
): WherePlan {
    const filters: FilterPlan[] = [];
    const node = (expression: ApexGrammar.WhereLogicalExpressionContext): LogicNode => {
        const items = expression.whereConditionalExpression_list().map((conditional) => {
            const nested = optional(conditional.whereLogicalExpression());
            if (nested) {
                return node(nested);
            }
            const fieldExpression = optional(conditional.whereFieldExpression());
            const comparison = fieldExpression
                ? optional(fieldExpression.fieldExpression())
                : undefined;
            if (!comparison) {
                return compiler.refuse(conditional, `the WHERE condition ${conditional.getText()}`);
            }
            filters.push(filterOf(compiler, data, object, comparison));
            return { kind: 'condition' as const, index: filters.length - 1 };
        });
        const negated = optional(expression.NOT()) !== undefined;
        const kind = expression.SOQLOR_list().length > 0 ? 'or' : 'and';
        const combined: LogicNode = items.length === 1 && items[0] ? items[0] : { kind, items };
        return negated ? { kind: 'not', item: combined } : combined;
    };
    return { filters, logic: node(root) };
}

function filterOf(
    compiler: CompilerApi,
    data: ApexData,
    object: ObjectSchema,
    context: ApexGrammar.FieldExpressionContext
): FilterPlan {
    const name = optional(context.fieldName());
    if (!name) {
        return compiler.refuse(context, 'a SOQL function in WHERE');
    }
    const target = resolvePath(compiler, data, object, name);
    const text = context.comparisonOperator().getText().toLowerCase().replace(/\s+/g, '');
    if (text === 'includes' || text === 'excludes') {
        return compiler.refuse(context, `the operator ${text.toUpperCase()}`);
    }
    const operator = OPERATORS[text];
    if (!operator) {
        return compiler.refuse(context, `the operator ${text}`);
    }
    const value = valueOf(compiler, target.field, context.value(), operator);
    // "On a Boolean field = null means = false and != null means = true" (SOQL and SOSL
    // Reference, "null Values in WHERE Clauses").
    if (target.field.type === 'checkbox' && (operator === 'EqualTo' || operator === 'NotEqualTo')) {
        return {
            owner: target.objects.at(-1) ?? object,
            field: target.field,
            lookups: target.lookups,
            operator: 'EqualTo',
            value: (frame) => {
                const given = value(frame);
                return given === null
                    ? operator === 'NotEqualTo'
                    : operator === 'EqualTo'
                      ? given
                      : !given;
            }
        };
    }
    return {
        owner: target.objects.at(-1) ?? object,
        field: target.field,
        lookups: target.lookups,
        operator,
        value
    };
}

/** A WHERE value: a literal, a list of literals, or a bind (`:name`, `:expression`). */
function valueOf(
    compiler: CompilerApi,
    field: FieldSchema,
    context: ApexGrammar.ValueContext,
    operator: QueryOperator
): ValueOf {
    const bound = optional(context.boundExpression());
    if (bound) {
        const expression = compiler.expression(bound.expression());
        const listOperator = operator === 'In' || operator === 'NotIn';
        return (frame) => {
            const value = expression.evaluate(frame);
            const items = elementsOf(value);
            if (listOperator) {
                return (items ?? [value]).map((item) => bindScalar(field, item));
            }
            if (items) {
                return compiler.services.raise(
                    'QueryException',
                    'Only variable references are allowed in dynamic SOQL/SOSL.'
                );
            }
            return bindScalar(field, value);
        };
    }
    const list = optional(context.valueList());
    if (list) {
        const values = list.value_list().map((item) => literalOf(compiler, field, item));
        return () => values;
    }
    const literal = literalOf(compiler, field, context);
    return () => literal;
}

/** A bound Apex value as the org compares it. */
function bindScalar(field: FieldSchema, value: Value): Scalar {
    const scalar = toScalar(value);
    if (field.type === 'date' && value instanceof DatetimeValue) {
        return String(scalar).slice(0, 10);
    }
    if (field.type === 'datetime' && value instanceof DateValue) {
        return `${String(scalar)}T00:00:00.000Z`;
    }
    return scalar;
}

function literalOf(
    compiler: CompilerApi,
    field: FieldSchema,
    context: ApexGrammar.ValueContext
): Scalar {
    if (optional(context.NULL())) {
        return null;
    }
    const boolean = optional(context.BooleanLiteral());
    if (boolean) {
        return boolean.getText().toLowerCase() === 'true';
    }
    const text = optional(context.StringLiteral());
    if (text) {
        return unquote(text.getText());
    }
    const number = optional(context.signedNumber());
    if (number) {
        return Number(number.getText());
    }
    const date = optional(context.DateLiteral());
    if (date) {
        return date.getText();
    }
    const dateTime = optional(context.DateTimeLiteral());
    if (dateTime) {
        const time = Date.parse(dateTime.getText());
        return Number.isNaN(time)
            ? compiler.fail(context, `invalid date-time ${dateTime.getText()}`)
            : new Date(time).toISOString();
    }
    if (field.type === 'id' || field.type === 'reference') {
        return compiler.refuse(context, `the value ${context.getText()}`);
    }
    return compiler.refuse(context, `the SOQL value ${context.getText()}`);
}

/** A SOQL string literal's text: quotes removed, backslash escapes applied. */
function unquote(text: string): string {
    const escapes: Readonly<Record<string, string>> = {
        n: '\n',
        r: '\r',
        t: '\t',
        b: '\b',
        f: '\f'
    };
    return text
        .slice(1, -1)
        .replace(/\\(.)/g, (_, character: string) => escapes[character] ?? character);
}

/**
 * `WITH SYSTEM_MODE`, `WITH USER_MODE`, or neither: the class's default, which for API 66.0 and
 * earlier is system mode (Apex Developer Guide, "Enforce User Mode for Database Operations";
 * APEX.md §12).
 */
function accessMode(
    compiler: CompilerApi,
    clause: ApexGrammar.WithClauseContext | undefined
): AccessMode {
    if (!clause) {
        return 'system';
    }
    if (optional(clause.USER_MODE())) {
        return 'user';
    }
    if (optional(clause.SYSTEM_MODE())) {
        return 'system';
    }
    if (optional(clause.SECURITY_ENFORCED())) {
        return 'security-enforced';
    }
    return compiler.refuse(clause, `the clause ${clause.getText()}`);
}

function sortKeys(
    compiler: CompilerApi,
    data: ApexData,
    object: ObjectSchema,
    clause: ApexGrammar.OrderByClauseContext | undefined
): (SortKey & { readonly owner: ObjectSchema })[] {
    return (clause?.fieldOrderList().fieldOrder_list() ?? []).map((order) => {
        const name = optional(order.fieldName());
        if (!name) {
            return compiler.refuse(order, 'ORDER BY a SOQL function');
        }
        const target = resolvePath(compiler, data, object, name);
        const descending = optional(order.DESC()) !== undefined;
        // "By default, null values are sorted first" (SOQL and SOSL Reference, "ORDER BY").
        // [verify in an org: nulls of ORDER BY ... DESC without NULLS LAST]
        const nullsFirst = optional(order.LAST()) === undefined;
        return {
            owner: target.objects.at(-1) ?? object,
            field: target.field,
            path: target.lookups,
            descending,
            nullsFirst
        };
    });
}

/** LIMIT and OFFSET: a number or a bind. */
function rowCount(
    compiler: CompilerApi,
    clause: ApexGrammar.LimitClauseContext | ApexGrammar.OffsetClauseContext | undefined
): ((frame: Frame) => number) | undefined {
    if (!clause) {
        return undefined;
    }
    const literal = optional(clause.IntegerLiteral());
    if (literal) {
        const value = Number(literal.getText());
        return () => value;
    }
    const bound = optional(clause.boundExpression());
    if (!bound) {
        return compiler.refuse(clause, clause.getText());
    }
    const expression = compiler.expression(bound.expression());
    return (frame) => {
        const value = expression.evaluate(frame);
        if (typeof value !== 'number') {
            return compiler.services.raise(
                'QueryException',
                `invalid ${clause.getText()}: ${value === null ? 'null' : typeof value}`
            );
        }
        return value;
    };
}

/**
 * A row as the sObject a query returns: the fields it selected, each parent it walked as a
 * nested sObject (null when the lookup is empty), Id always.
 */
function recordOf(
    data: ApexData,
    object: ObjectSchema,
    row: FieldValues,
    selected: readonly Selected[]
): SObjectValue {
    const record = new SObjectValue(object.name, true);
    const idField = object.fields.find((field) => field.name === 'Id');
    if (idField) {
        put(record, idField, row['Id'] ?? null);
    }
    for (const entry of selected) {
        let target: SObjectValue | null = record;
        let values: FieldValues | undefined = row;
        for (const [index, relationship] of entry.path.entries()) {
            const lookup = entry.lookups[index];
            const parentObject = entry.objects[index];
            if (!target || !lookup || !parentObject) {
                break;
            }
            const key = relationship.toLowerCase();
            const id: Scalar | undefined = values?.[lookup.name];
            values = typeof id === 'string' ? data.transaction().find(id) : undefined;
            const existing = target.fields.get(key);
            if (existing === undefined) {
                const parent = values ? new SObjectValue(parentObject.name, true) : null;
                const parentId = parentObject.fields.find((field) => field.name === 'Id');
                if (parent && values && parentId) {
                    put(parent, parentId, values['Id'] ?? null);
                }
                target.fields.set(key, parent);
                target.names.set(key, relationship);
                target = parent;
            } else {
                target = existing as SObjectValue | null;
            }
        }
        if (target && values) {
            put(target, entry.field, values[entry.field.name] ?? null);
        }
    }
    return record;
}

function put(record: SObjectValue, field: FieldSchema, value: Scalar): void {
    const key = field.name.toLowerCase();
    record.fields.set(key, toApexValue(field, value));
    record.names.set(key, field.name);
}
