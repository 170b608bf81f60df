import { outlineApex, parseApex, type ApexOutline } from '..';

/** The outline of Apex that must parse without a syntax error. */
export function outlineOf(text: string, file = 'Snippet.cls'): ApexOutline {
    const parsed = parseApex(text, file);
    expect(parsed.syntaxErrors).toEqual([]);
    return outlineApex(parsed);
}

/** A class whose one method has these statements, starting on the class's first line. */
export function inMethod(statements: string): string {
    return `public class Snippet { void run() { ${statements}\n} }`;
}
