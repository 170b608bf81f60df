import { ApexErrorListener, ApexParser, ApexParserFactory } from './grammar';
import { positionOf } from './tree';
import type { ApexSyntaxError, ParsedApex, ParsedSoql } from './types';

/** Gathers the lexer's and the parser's syntax errors, rather than printing them. */
class SyntaxErrors extends ApexErrorListener {
    readonly errors: ApexSyntaxError[] = [];

    override apexSyntaxError(line: number, column: number, message: string): void {
        this.errors.push({ line, column: column + 1, message });
    }
}

/**
 * Parses an Apex class, or a trigger when the file name ends in `.trigger`, with the grammar of
 * `@apexdevtools/apex-parser`. A syntax error does not throw: the parser recovers, the tree holds
 * what it could read, and `syntaxErrors` says where it could not.
 *
 * The grammar's lexer is case-insensitive, as Apex is (the package's CaseInsensitiveInputStream
 * is no longer needed since its 5.0): names keep the case they are written in.
 */
export function parseApex(text: string, file: string): ParsedApex {
    const { parser, errors: syntaxErrors } = createParser(text);
    return /\.trigger$/i.test(file)
        ? { kind: 'trigger', file, text, tree: parser.triggerUnit(), syntaxErrors }
        : { kind: 'class', file, text, tree: parser.compilationUnit(), syntaxErrors };
}

/**
 * Parses a SOQL query as a program hands it to `Database.query` (no brackets, binds written
 * `:name`) with the grammar's `query` rule. Text after the query is a syntax error too.
 */
export function parseSoql(text: string): ParsedSoql {
    const { parser, errors } = createParser(text);
    const tree = parser.query();
    const next = parser.getCurrentToken();
    if (next.type !== ApexParser.EOF) {
        errors.push({
            ...positionOf(next),
            message: `extraneous input '${next.text}' after the query`
        });
    }
    return { text, tree, syntaxErrors: errors };
}

/** A parser of Apex, and the syntax errors it finds, filled as it parses. */
function createParser(text: string): { parser: ApexParser; errors: ApexSyntaxError[] } {
    const listener = new SyntaxErrors();
    const { parser } = ApexParserFactory.createLexerAndParser(text, listener);
    return { parser, errors: listener.errors };
}
