import type { ExternalCredentialHeader } from '../../project/security';
import { UnsupportedError } from '../apex/errors';

/**
 * The value of an external credential's custom header: its formula, "evaluated as a formula"
 * (Salesforce Help, "Create and Edit Custom Headers"). The embedded org evaluates exactly what
 * the package's headers use: a formula written whole as `{!...}`, of text literals in single
 * quotes, `$Credential.<External Credential>.<Parameter>` (the principal's authentication
 * parameter, Salesforce Help, "Use Named Credential Formula Functions in Custom Headers":
 * `$Credential.myExternalCredential.Username & ':' & $Credential.myExternalCredential.Password`)
 * and `&`, which joins text. Anything else, the formula functions of that page included, is
 * refused at the header's line in the external credential file.
 */

/** What a formula evaluates to: its text, or the first parameter the principal lacks. */
export type FormulaValue =
    | { readonly kind: 'value'; readonly value: string }
    | { readonly kind: 'missing'; readonly parameter: string };

type Term =
    | { readonly kind: 'text'; readonly text: string }
    | { readonly kind: 'parameter'; readonly name: string };

const WHOLE_FORMULA = /^\{!([\s\S]*)\}$/;
/** `$Credential.` then the external credential's and the parameter's API names. */
const CREDENTIAL_REFERENCE = /^\$Credential\.([A-Za-z]\w*)\.([A-Za-z]\w*)(?![\w.(])/;
/** A text literal: backslash escapes are not modelled, so a literal holds none. */
const TEXT_LITERAL = /^'([^'\\]*)'/;

/**
 * Evaluates the formula of `header`, a custom header of `externalCredential`, with the
 * principal's parameters from `parameter`. Parameter names are compared without regard to
 * case, as API names are [verify in an org]. The values never appear in an error: they are the
 * principal's secrets.
 */
export function evaluateHeaderFormula(
    header: ExternalCredentialHeader,
    externalCredential: string,
    parameter: (name: string) => string | undefined
): FormulaValue {
    const terms = parseFormula(header, externalCredential);
    let value = '';
    for (const term of terms) {
        if (term.kind === 'text') {
            value += term.text;
            continue;
        }
        const found = parameter(term.name);
        if (found === undefined) {
            return { kind: 'missing', parameter: term.name };
        }
        value += found;
    }
    return { kind: 'value', value };
}

function parseFormula(header: ExternalCredentialHeader, externalCredential: string): Term[] {
    const refuse = (what: string): UnsupportedError =>
        new UnsupportedError(
            header,
            `${what} in the formula of the custom header ${header.name} of the external credential ${externalCredential}`
        );
    const whole = WHOLE_FORMULA.exec(header.formula.trim());
    if (!whole) {
        throw refuse(`text outside {!...}`);
    }
    const terms: Term[] = [];
    let rest = (whole[1] ?? '').trimStart();
    for (;;) {
        const text = TEXT_LITERAL.exec(rest);
        const reference = text ? null : CREDENTIAL_REFERENCE.exec(rest);
        if (text) {
            terms.push({ kind: 'text', text: text[1] ?? '' });
            rest = rest.slice(text[0].length).trimStart();
        } else if (reference) {
            const [written, credential = '', name = ''] = reference;
            if (credential.toLowerCase() !== externalCredential.toLowerCase()) {
                // [verify in an org]: whether a header may read another external credential's
                // parameters; the embedded org reads only the principal's own.
                throw refuse(`${written}, a parameter of another external credential,`);
            }
            terms.push({ kind: 'parameter', name });
            rest = rest.slice(written.length).trimStart();
        } else if (rest.startsWith("'")) {
            throw refuse('a text literal with a backslash escape or without its closing quote');
        } else {
            throw refuse(rest === '' ? 'an empty operand' : `"${unsupportedToken(rest)}"`);
        }
        if (rest === '') {
            return terms;
        }
        if (!rest.startsWith('&')) {
            throw refuse(`"${unsupportedToken(rest)}"`);
        }
        rest = rest.slice(1).trimStart();
    }
}

/** The word or character where the formula leaves what is modelled, to name it. */
function unsupportedToken(rest: string): string {
    return /^[$\w.]+\(?/.exec(rest)?.[0] ?? rest.charAt(0);
}
