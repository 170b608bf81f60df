import {
    ApexParser,
    BoundExpressionContext,
    FieldNameContext,
    FromNameListContext,
    GroupByClauseContext,
    SoqlIdContext,
    LogicalExpressionContext,
    OrderByClauseContext,
    SelectListContext,
    SubFieldListContext,
    SubQueryContext,
    TypeOfContext,
    UsingScopeContext,
    WhereClauseContext,
    WithClauseContext,
    type ApexParseTree,
    type ApexToken,
    type FieldOrderContext,
    type QueryContext,
    type SoqlLiteralContext
} from './grammar';
import { parseSoql } from './parse';
import { childrenOf, isRule, optional, positionOf, sourceOf } from './tree';
import type {
    ApexName,
    ApexSyntaxError,
    SoqlAlias,
    SoqlBind,
    SoqlClause,
    SoqlField,
    SoqlOrdering,
    SoqlQuery,
    SoqlSelect,
    SoqlSubquery,
    SourcePosition
} from './types';

const ACCESS_MODES = ['USER_MODE', 'SYSTEM_MODE', 'SECURITY_ENFORCED'] as const;

/** Where a token of the query is in the file. */
type Locate = (token: ApexToken) => SourcePosition;

/** An inline query, `[SELECT ...]`. */
export function inlineQuery(literal: SoqlLiteralContext): SoqlQuery | undefined {
    const query = optional(literal.query());
    return query ? { kind: 'inline', ...queryOf(query, positionOf), syntaxErrors: [] } : undefined;
}

/**
 * A query written as a string literal and passed to a Database method: the literal's text,
 * unescaped, parsed with the grammar's `query` rule, its positions mapped back into the file.
 * Not a query (no SELECT at its start): undefined.
 */
export function dynamicQuery(literal: ApexToken, method: string): SoqlQuery | undefined {
    const decoded = decodeStringLiteral(literal);
    if (!/^\s*select\b/i.test(decoded.text)) {
        return undefined;
    }
    const parsed = parseSoql(decoded.text);
    const syntaxErrors: ApexSyntaxError[] = parsed.syntaxErrors.map((error) => ({
        ...decoded.atLineColumn(error),
        message: error.message
    }));
    return {
        kind: 'dynamic',
        method,
        ...queryOf(parsed.tree, (token) => decoded.at(token.start)),
        syntaxErrors
    };
}

function queryOf(
    context: QueryContext,
    locate: Locate
): Omit<SoqlQuery, 'kind' | 'method' | 'syntaxErrors'> {
    const withClause = optional(context.withClause());
    const withWord = withClause ? childrenOf(withClause)[1]?.getText().toUpperCase() : undefined;
    const accessMode = ACCESS_MODES.find((mode) => mode === withWord);
    const forWords = optional(context.forClauses());
    const forClauses = (forWords ? childrenOf(forWords) : [])
        .map((word) => word.getText().toUpperCase())
        .filter((word): word is SoqlQuery['forClauses'][number] => word !== 'FOR');
    return {
        ...selectOf(context, locate),
        ...(accessMode ? { accessMode } : {}),
        forClauses
    };
}

/**
 * What a SELECT reads: its object, the fields of its SELECT list, WHERE, GROUP BY, HAVING and
 * ORDER BY (not those of TYPEOF, which are of other objects), its binds and its subqueries.
 */
function selectOf(context: QueryContext | SubQueryContext, locate: Locate): SoqlSelect {
    const fields: SoqlField[] = [];
    const binds: SoqlBind[] = [];
    const subqueries: SoqlSubquery[] = [];
    const name = (node: FieldNameContext): ApexName => ({
        name: node.getText(),
        ...locate(node.start)
    });
    const visit = (node: ApexParseTree, clause: SoqlClause | undefined): void => {
        if (!isRule(node) || node instanceof TypeOfContext) {
            return;
        }
        if (node instanceof SubQueryContext) {
            const kind = clause === 'select' ? 'relationship' : 'semi-join';
            subqueries.push({ kind, ...selectOf(node, locate) });
        } else if (node instanceof BoundExpressionContext) {
            binds.push({ expression: sourceOf(node.expression()), ...locate(node.start) });
        } else if (node instanceof FieldNameContext) {
            if (clause) {
                fields.push({ ...name(node), clause });
            }
        } else {
            const inner = clauseOf(node) ?? clause;
            for (const child of childrenOf(node)) {
                visit(child, inner === 'none' ? undefined : inner);
            }
        }
    };
    for (const child of childrenOf(context)) {
        visit(child, undefined);
    }
    const fromList = optional(context.fromNameList());
    const from = optional(fromList?.fieldName(0));
    return {
        ...locate(context.start),
        from: from ? name(from) : { name: '', ...locate(context.start) },
        aliases: fromList ? aliasesOf(fromList) : [],
        fields,
        binds,
        orderBy: (optional(context.orderByClause())?.fieldOrderList().fieldOrder_list() ?? []).map(
            orderingOf
        ),
        subqueries
    };
}

/**
 * The aliases of a FROM clause: the first names the queried object, each later one a
 * relationship path that starts with an earlier alias (`FROM Contact c, c.Account a`).
 */
function aliasesOf(list: FromNameListContext): SoqlAlias[] {
    const aliases: SoqlAlias[] = [];
    let named: string | undefined;
    let first = true;
    for (const child of childrenOf(list)) {
        if (child instanceof FieldNameContext) {
            named = child.getText();
        } else if (child instanceof SoqlIdContext && named !== undefined) {
            aliases.push({
                alias: child.getText().toLowerCase(),
                path: first ? '' : resolveAlias(aliases, named)
            });
            first = false;
            named = undefined;
        } else if (named !== undefined && child.getText() === ',') {
            first = false;
            named = undefined;
        }
    }
    return aliases;
}

/** A field path with its leading alias, if any, replaced by the path the alias stands for. */
export function resolveAlias(aliases: readonly SoqlAlias[], field: string): string {
    const dot = field.indexOf('.');
    if (dot < 0) {
        return field;
    }
    const head = field.slice(0, dot).toLowerCase();
    const found = aliases.find((entry) => entry.alias === head);
    if (!found) {
        return field;
    }
    const rest = field.slice(dot + 1);
    return found.path === '' ? rest : `${found.path}.${rest}`;
}

/** The clause whose fields lie below a context; `none` for clauses that name no field. */
function clauseOf(node: ApexParseTree): SoqlClause | 'none' | undefined {
    if (node instanceof SelectListContext || node instanceof SubFieldListContext) {
        return 'select';
    }
    if (node instanceof WhereClauseContext) {
        return 'where';
    }
    if (node instanceof GroupByClauseContext) {
        return 'groupBy';
    }
    if (
        node instanceof LogicalExpressionContext &&
        node.parentCtx instanceof GroupByClauseContext
    ) {
        return 'having';
    }
    if (node instanceof OrderByClauseContext) {
        return 'orderBy';
    }
    if (
        node instanceof FromNameListContext ||
        node instanceof WithClauseContext ||
        node instanceof UsingScopeContext
    ) {
        return 'none';
    }
    return undefined;
}

function orderingOf(context: FieldOrderContext): SoqlOrdering {
    const field = optional(context.fieldName());
    const direction = optional(context.ASC()) ?? optional(context.DESC());
    const nulls = optional(context.FIRST()) ?? optional(context.LAST());
    return {
        expression: field ? field.getText() : sourceOf(context.soqlFunction()),
        ...(direction ? { direction: direction.getText().toUpperCase() as 'ASC' | 'DESC' } : {}),
        ...(nulls ? { nulls: nulls.getText().toUpperCase() as 'FIRST' | 'LAST' } : {})
    };
}

/** A string literal's value, with where each of its characters is written in the file. */
interface DecodedLiteral {
    readonly text: string;
    /** The place of the character at a code point index of `text`; past the end, the quote. */
    at(index: number): SourcePosition;
    /** The place of a line and column of `text`. */
    atLineColumn(position: SourcePosition): SourcePosition;
}

const ESCAPES: Readonly<Record<string, string>> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r' };

/**
 * Unescapes a string literal (`'...'`, or the multi-line `'''...'''`), keeping for each character
 * of the value the place of what it was written as: `\'` is one quote, written where the
 * backslash is.
 */
function decodeStringLiteral(token: ApexToken): DecodedLiteral {
    const chars = Array.from(token.text);
    const quotes = token.type === ApexParser.MultilineStringLiteral ? 3 : 1;
    let line = token.line;
    let column = token.column + 1;
    const advance = (char: string | undefined): void => {
        if (char === '\n') {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    };
    chars.slice(0, quotes).forEach(advance);
    let text = '';
    const places: SourcePosition[] = [];
    const lineStarts = [0];
    for (let index = quotes; index < chars.length - quotes;) {
        const place = { line, column };
        const char = chars[index] ?? '';
        const next = chars[index + 1] ?? '';
        let value = char;
        let length = 1;
        if (char === '\\' && next === 'u') {
            value = String.fromCharCode(parseInt(chars.slice(index + 2, index + 6).join(''), 16));
            length = 6;
        } else if (char === '\\') {
            value = ESCAPES[next] ?? next;
            length = 2;
        }
        chars.slice(index, index + length).forEach(advance);
        index += length;
        places.push(place);
        text += value;
        if (value === '\n') {
            lineStarts.push(places.length);
        }
    }
    const end = { line, column };
    const at = (index: number): SourcePosition => places[index] ?? end;
    return {
        text,
        at,
        atLineColumn: (position) => at((lineStarts[position.line - 1] ?? 0) + position.column - 1)
    };
}
