/** A name found in Apex source, with its offset in the file. */
export interface SourceName {
    readonly name: string;
    readonly offset: number;
}

/** The object and fields a SOQL query names. */
export interface SoqlQuery {
    readonly object: SourceName;
    readonly fields: readonly SourceName[];
}

/** A static field reference such as `User.Calendly_Link__c` or `Schema.SObjectType.User.fields.X__c`. */
export interface FieldReference {
    readonly object: SourceName;
    readonly field: SourceName;
    /** Written with `Schema.` or `SObjectType.`: surely a type, not a variable of the same name. */
    readonly qualified: boolean;
}

/**
 * Apex source prepared for scanning: `withoutComments` has comments blanked; `code` also has
 * the contents of string literals blanked. Offsets are those of the original text.
 */
export interface ApexSource {
    readonly withoutComments: string;
    readonly code: string;
}

export function prepareApex(text: string): ApexSource {
    let withoutComments = '';
    let code = '';
    let index = 0;
    const blank = (piece: string): string => piece.replace(/[^\n]/g, ' ');
    while (index < text.length) {
        const pair = text.slice(index, index + 2);
        if (pair === '//' || pair === '/*') {
            const end = pair === '//' ? text.indexOf('\n', index) : text.indexOf('*/', index + 2);
            const stop = end === -1 ? text.length : pair === '//' ? end : end + 2;
            const comment = blank(text.slice(index, stop));
            withoutComments += comment;
            code += comment;
            index = stop;
        } else if (text[index] === "'") {
            let end = index + 1;
            while (end < text.length && text[end] !== "'" && text[end] !== '\n') {
                end += text[end] === '\\' ? 2 : 1;
            }
            const closed = text[end] === "'";
            const literal = text.slice(index, closed ? end + 1 : end);
            withoutComments += literal;
            code += `'${blank(literal.slice(1, closed ? -1 : undefined))}${closed ? "'" : ''}`;
            index += literal.length;
        } else {
            const char = text.charAt(index);
            withoutComments += char;
            code += char;
            index += 1;
        }
    }
    return { withoutComments, code };
}

/** The queries of a class: `[SELECT ...]` and literal `Database.query('SELECT ...')`. */
export function findQueries(source: ApexSource): SoqlQuery[] {
    const queries: SoqlQuery[] = [];
    for (const match of source.code.matchAll(/\[\s*SELECT\b/gi)) {
        const start = match.index + 1;
        const end = closing(source.code, match.index, '[', ']');
        const query = parseSoql(source.code.slice(start, end), start);
        if (query) {
            queries.push(query);
        }
    }
    const literal =
        /Database\s*\.\s*(?:query|queryWithBinds|countQuery|getQueryLocator)\s*\(\s*'((?:[^'\\\n]|\\.)*)'\s*[,)]/gi;
    for (const match of source.withoutComments.matchAll(literal)) {
        const body = match[1] ?? '';
        const start = match.index + match[0].indexOf("'") + 1;
        // Escapes keep their length so that offsets stay those of the file.
        const unquoted = prepareApex(body.replace(/\\'/g, "'\\")).code.replace(/\\/g, ' ');
        const query = parseSoql(unquoted, start);
        if (query) {
            queries.push(query);
        }
    }
    return queries;
}

/** Static references to fields of the given objects: `User.Calendly_Link__c`. */
export function findFieldReferences(source: ApexSource): FieldReference[] {
    const pattern =
        /(?<![\w.])(Schema\s*\.\s*)?(SObjectType\s*\.\s*)?([A-Za-z]\w*)\s*\.\s*(?:fields\s*\.\s*)?([A-Za-z]\w*__c)\b/g;
    const references: FieldReference[] = [];
    for (const match of source.code.matchAll(pattern)) {
        const object = match[3] ?? '';
        const field = match[4] ?? '';
        const objectOffset =
            match.index +
            match[0].indexOf(object, (match[1] ?? '').length + (match[2] ?? '').length);
        references.push({
            object: { name: object, offset: objectOffset },
            field: { name: field, offset: match.index + match[0].lastIndexOf(field) },
            qualified: match[1] !== undefined || match[2] !== undefined
        });
    }
    return references;
}

/** 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
    let line = 1;
    for (
        let index = text.indexOf('\n');
        index !== -1 && index < offset;
        index = text.indexOf('\n', index + 1)
    ) {
        line += 1;
    }
    return line;
}

const CLAUSE_END = /\b(WITH|GROUP\s+BY|ORDER\s+BY|LIMIT|OFFSET|FOR|HAVING)\b/i;
const CONDITION =
    /(^|[^:\w.])([A-Za-z_][\w.]*)\s*(?:=|!=|<>|<=|>=|<|>|\bLIKE\b|\bNOT\s+IN\b|\bIN\b|\bINCLUDES\b|\bEXCLUDES\b)/gi;
const KEYWORDS = new Set([
    'and',
    'or',
    'not',
    'null',
    'true',
    'false',
    'asc',
    'desc',
    'nulls',
    'first',
    'last'
]);

/**
 * The object and the fields of a query's SELECT list, WHERE conditions, ORDER BY and GROUP BY,
 * ignoring subqueries (they are about other objects). The text has its strings blanked.
 */
function parseSoql(text: string, offset: number): SoqlQuery | undefined {
    const query = blankSubqueries(text);
    const head = /^\s*SELECT\s+([\s\S]*?)\s+FROM\s+([A-Za-z]\w*)/i.exec(query);
    const list = head?.[1];
    const object = head?.[2];
    if (!head || list === undefined || object === undefined) {
        return undefined;
    }
    const fields: SourceName[] = [];
    const add = (name: string, at: number): void => {
        if (!KEYWORDS.has(name.toLowerCase()) && !/^\d/.test(name)) {
            fields.push({ name, offset: offset + at });
        }
    };
    const listStart = head[0].indexOf(list);
    for (const item of splitTopLevel(list)) {
        const itemText = item.text.trim();
        if (/^(TYPEOF|FIELDS)\b/i.test(itemText) || itemText === '') {
            continue;
        }
        const name = fieldOf(itemText);
        if (name) {
            add(name, listStart + item.offset + item.text.indexOf(name));
        }
    }
    const afterFrom = head[0].length;
    const rest = query.slice(afterFrom);
    const where = /\bWHERE\b/i.exec(rest);
    if (where) {
        const clauseStart = where.index + where[0].length;
        const clause = rest.slice(clauseStart);
        const clauseEnd = CLAUSE_END.exec(clause)?.index ?? clause.length;
        for (const match of clause.slice(0, clauseEnd).matchAll(CONDITION)) {
            const name = match[2] ?? '';
            add(name, afterFrom + clauseStart + match.index + (match[1] ?? '').length);
        }
    }
    for (const clause of rest.matchAll(/\b(?:ORDER|GROUP)\s+BY\s+/gi)) {
        const clauseStart = clause.index + clause[0].length;
        const body = rest.slice(clauseStart);
        const end = /\b(LIMIT|OFFSET|FOR|HAVING|ORDER\s+BY)\b/i.exec(body)?.index ?? body.length;
        for (const item of splitTopLevel(body.slice(0, end))) {
            const name = fieldOf(item.text.trim());
            if (name) {
                add(name, afterFrom + clauseStart + item.offset + item.text.indexOf(name));
            }
        }
    }
    return { object: { name: object, offset: offset + head[0].lastIndexOf(object) }, fields };
}

/**
 * The field an item of a SELECT, ORDER BY or GROUP BY list names: `Email`, `Owner.Email`, the
 * argument of `toLabel(Status__c)` or `CALENDAR_YEAR(CreatedDate)`, none for `COUNT()`.
 */
function fieldOf(item: string): string | undefined {
    const call = /^\w+\s*\(([^()]*)\)/.exec(item);
    if (call) {
        const argument = call[1]?.trim() ?? '';
        return /^[\w.]+$/.test(argument) ? argument : undefined;
    }
    return /^[\w.]+/.exec(item)?.[0];
}

function blankSubqueries(text: string): string {
    let result = text;
    for (const match of text.matchAll(/\(\s*SELECT\b/gi)) {
        const end = closing(text, match.index, '(', ')');
        result = result.slice(0, match.index) + ' '.repeat(end - match.index) + result.slice(end);
    }
    return result;
}

/** The offset of the bracket closing the one at `open` (or the end of the text). */
function closing(text: string, open: number, opening: string, closer: string): number {
    let depth = 0;
    for (let index = open; index < text.length; index++) {
        if (text[index] === opening) {
            depth += 1;
        } else if (text[index] === closer) {
            depth -= 1;
            if (depth === 0) {
                return index;
            }
        }
    }
    return text.length;
}

function splitTopLevel(text: string): { text: string; offset: number }[] {
    const items: { text: string; offset: number }[] = [];
    let depth = 0;
    let start = 0;
    for (let index = 0; index <= text.length; index++) {
        const char = text[index];
        if (char === '(') {
            depth += 1;
        } else if (char === ')') {
            depth -= 1;
        } else if ((char === ',' && depth === 0) || index === text.length) {
            items.push({ text: text.slice(start, index), offset: start });
            start = index + 1;
        }
    }
    return items;
}
