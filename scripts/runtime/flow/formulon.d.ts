/** The part of formulon's API the runtime uses (the package ships no types). */
declare module 'formulon' {
    export interface FormulonLiteral {
        readonly type: 'literal';
        readonly value: unknown;
        readonly dataType: string;
        readonly options?: Readonly<Record<string, unknown>>;
    }
    export interface FormulonError {
        readonly type: 'error';
        readonly errorType: string;
        readonly message: string;
    }
    export interface FormulonCall {
        readonly type: 'callExpression';
        readonly id: string;
        readonly arguments: readonly FormulonNode[];
    }
    export interface FormulonIdentifier {
        readonly type: 'identifier';
        readonly name: string;
    }
    export type FormulonNode = FormulonLiteral | FormulonCall | FormulonIdentifier | FormulonError;
    export function parse(
        formula: string,
        substitutions?: Readonly<Record<string, FormulonLiteral>>
    ): FormulonLiteral | FormulonError;
    export function ast(formula: string): FormulonNode;
}
