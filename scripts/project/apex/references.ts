import {
    DotExpressionContext,
    IdPrimaryContext,
    LiteralPrimaryContext,
    PrimaryExpressionContext,
    SoqlLiteralContext,
    UpsertStatementContext,
    type ApexParseTree,
    type DotMethodCallContext,
    type ExpressionContext
} from './grammar';
import { inlineQuery, dynamicQuery } from './soql';
import { nameOf, optional, walk } from './tree';
import type { ApexName, FieldReference, LabelReference, SoqlQuery } from './types';

/** The Database methods whose first argument is a query. */
const QUERY_METHODS = new Set(
    [
        'query',
        'queryWithBinds',
        'countQuery',
        'countQueryWithBinds',
        'getQueryLocator',
        'getQueryLocatorWithBinds'
    ].map((method) => method.toLowerCase())
);

export interface CodeReadings {
    readonly queries: SoqlQuery[];
    readonly fieldReferences: FieldReference[];
    readonly labels: LabelReference[];
}

/**
 * The queries, static field references and labels of a tree, in source order. Comments and
 * the contents of strings are not code: only a string passed to a Database query method is read,
 * as SOQL.
 */
export function readCode(tree: ApexParseTree): CodeReadings {
    const readings: CodeReadings = { queries: [], fieldReferences: [], labels: [] };
    walk(tree, (node) => {
        if (node instanceof SoqlLiteralContext) {
            const query = inlineQuery(node);
            if (query) {
                readings.queries.push(query);
            }
        } else if (node instanceof DotExpressionContext && !continuesChain(node)) {
            readChain(node, readings);
        } else if (node instanceof UpsertStatementContext) {
            // `upsert links Link__c.Uri__c;` names the external ID field.
            const key = optional(node.qualifiedName());
            const reference = key && fieldReference(key.id_list().map((id) => nameOf(id)));
            if (reference) {
                readings.fieldReferences.push(reference);
            }
        }
        return true;
    });
    return readings;
}

/** A link of a chain such as `Schema.SObjectType.User.fields.Name.getDescribe()`. */
interface Link extends ApexName {
    readonly call?: DotMethodCallContext;
    /** Reached with `?.`. */
    readonly safe: boolean;
}

function plainName({ name, line, column }: ApexName): ApexName {
    return { name, line, column };
}

/** Whether a dot expression is the left part of a longer one, read with it. */
function continuesChain(node: DotExpressionContext): boolean {
    const parent = node.parentCtx;
    return parent instanceof DotExpressionContext && optional(parent.expression()) === node;
}

/**
 * Reads a whole chain of dots from its start, when it starts with a name: the names before the
 * first call or `?.` are a static reference (a field, a label) or a variable's fields; the first
 * call may be a Database query method.
 */
function readChain(node: DotExpressionContext, readings: CodeReadings): void {
    const links: Link[] = [];
    let base: ExpressionContext | undefined = node;
    while (base instanceof DotExpressionContext) {
        const call = optional(base.dotMethodCall());
        links.unshift({
            ...nameOf(call ? call.anyId() : base.anyId()),
            ...(call ? { call } : {}),
            safe: optional(base.QUESTIONDOT()) !== undefined
        });
        base = optional(base.expression());
    }
    const primary = base instanceof PrimaryExpressionContext ? optional(base.primary()) : undefined;
    if (!(primary instanceof IdPrimaryContext)) {
        return;
    }
    const stop = links.findIndex((link) => link.call !== undefined || link.safe);
    const names = [
        nameOf(primary.id()),
        ...(stop === -1 ? links : links.slice(0, stop)).map(plainName)
    ];
    const reference = fieldReference(names);
    if (reference) {
        readings.fieldReferences.push(reference);
    }
    const label = labelReference(names);
    if (label) {
        readings.labels.push(label);
    }
    const call = stop === -1 ? undefined : links[stop];
    if (call?.call && !call.safe && isDatabase(names)) {
        const query = databaseQuery(call.call);
        if (query) {
            readings.queries.push(query);
        }
    }
}

/**
 * `[Schema.][SObjectType.]Object.[fields.]Field__c`: the names at the start of a chain that
 * name a custom field of an object or of a variable.
 */
function fieldReference(names: readonly ApexName[]): FieldReference | undefined {
    let index = 0;
    let qualified = false;
    if (is(names[index], 'Schema')) {
        index += 1;
        qualified = true;
    }
    if (is(names[index], 'SObjectType')) {
        index += 1;
        qualified = true;
    }
    const object = names[index];
    const afterFields = is(names[index + 1], 'fields') ? names[index + 2] : undefined;
    const field = afterFields ?? names[index + 1];
    if (!object || !field || !/__c$/i.test(field.name)) {
        return undefined;
    }
    return { object, field, qualified };
}

/** `System.Label.Name`, `Label.Name` and `Label.namespace.Name`. */
function labelReference(names: readonly ApexName[]): LabelReference | undefined {
    const qualified = is(names[0], 'System');
    const rest = names.slice(qualified ? 1 : 0);
    if (!is(rest[0], 'Label')) {
        return undefined;
    }
    const [, first, second, ...more] = rest;
    if (!first || more.length > 0) {
        return undefined;
    }
    return second ? { ...second, namespace: first.name, qualified } : { ...first, qualified };
}

function isDatabase(names: readonly ApexName[]): boolean {
    return (
        (names.length === 1 && is(names[0], 'Database')) ||
        (names.length === 2 && is(names[0], 'System') && is(names[1], 'Database'))
    );
}

/** The query of `Database.query('SELECT ...')` and its kin, when it is one string literal. */
function databaseQuery(call: DotMethodCallContext): SoqlQuery | undefined {
    const method = nameOf(call.anyId()).name;
    if (!QUERY_METHODS.has(method.toLowerCase())) {
        return undefined;
    }
    const argument = optional(call.expressionList())?.expression(0);
    const primary =
        argument instanceof PrimaryExpressionContext ? optional(argument.primary()) : undefined;
    const literal =
        primary instanceof LiteralPrimaryContext ? optional(primary.literal()) : undefined;
    const token = optional(literal?.StringLiteral()) ?? optional(literal?.MultilineStringLiteral());
    return token ? dynamicQuery(token.symbol, method) : undefined;
}

function is(name: ApexName | undefined, expected: string): boolean {
    return name?.name.toLowerCase() === expected.toLowerCase();
}
