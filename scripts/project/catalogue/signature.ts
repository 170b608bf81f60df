/**
 * Field and method types of a class file, read from their descriptors (JVMS 4.3) or, where the
 * class file has one, their generic `Signature` (JVMS 4.7.9.1): the descriptor of
 * `List<Contact> Contacts` says only `List`. Descriptors are signatures without type arguments,
 * so one parser reads both. Errors are thrown as plain messages; the caller names the entry.
 */

export type JvmType =
    | { readonly kind: 'class'; readonly name: string; readonly arguments: readonly JvmType[] }
    | { readonly kind: 'variable'; readonly name: string }
    | { readonly kind: 'array'; readonly element: JvmType }
    | { readonly kind: 'primitive'; readonly code: string }
    | { readonly kind: 'void' };

export interface MethodType {
    readonly parameters: readonly JvmType[];
    readonly result: JvmType;
}

export interface ClassType {
    readonly typeParameters: readonly string[];
    readonly superclass: JvmType;
    readonly interfaces: readonly JvmType[];
}

export class SignatureError extends Error {
    public constructor(signature: string, problem: string) {
        super(`the type signature "${signature}" ${problem}`);
        this.name = 'SignatureError';
    }
}

/** The type of a field: `Lcom/nawforce/runforce/System/String;`. */
export function parseFieldType(signature: string): JvmType {
    const parser = new Parser(signature);
    const type = parser.javaType();
    parser.end();
    return type;
}

/** The parameters and result of a method: `(Ljava/lang/Object;)V`. */
export function parseMethodType(signature: string): MethodType {
    const parser = new Parser(signature);
    if (parser.peek() === '<') {
        parser.typeParameters();
    }
    parser.expect('(');
    const parameters: JvmType[] = [];
    while (parser.peek() !== ')') {
        parameters.push(parser.javaType());
    }
    parser.expect(')');
    const result = parser.peek() === 'V' ? parser.voidType() : parser.javaType();
    // Throws clauses (`^L...;`) say nothing Apex needs.
    while (parser.peek() === '^') {
        parser.expect('^');
        parser.referenceType();
    }
    parser.end();
    return { parameters, result };
}

/** A class's type parameters, superclass and interfaces: `<T:Ljava/lang/Object;>L...;`. */
export function parseClassType(signature: string): ClassType {
    const parser = new Parser(signature);
    const typeParameters = parser.peek() === '<' ? parser.typeParameters() : [];
    const superclass = parser.referenceType();
    const interfaces: JvmType[] = [];
    while (!parser.atEnd()) {
        interfaces.push(parser.referenceType());
    }
    return { typeParameters, superclass, interfaces };
}

const PRIMITIVES = 'BCDFIJSZ';

class Parser {
    private offset = 0;

    public constructor(private readonly text: string) {}

    public peek(): string | undefined {
        return this.text[this.offset];
    }

    public atEnd(): boolean {
        return this.offset >= this.text.length;
    }

    public end(): void {
        if (!this.atEnd()) {
            this.fail(`has "${this.text.slice(this.offset)}" after its end`);
        }
    }

    public expect(character: string): void {
        if (this.peek() !== character) {
            this.fail(`lacks "${character}" at character ${this.offset + 1}`);
        }
        this.offset++;
    }

    public voidType(): JvmType {
        this.expect('V');
        return { kind: 'void' };
    }

    public javaType(): JvmType {
        const next = this.peek();
        if (next !== undefined && PRIMITIVES.includes(next)) {
            this.offset++;
            return { kind: 'primitive', code: next };
        }
        return this.referenceType();
    }

    public referenceType(): JvmType {
        switch (this.peek()) {
            case 'L':
                return this.classType();
            case 'T': {
                this.offset++;
                const name = this.identifier(';');
                this.expect(';');
                return { kind: 'variable', name };
            }
            case '[':
                this.offset++;
                return { kind: 'array', element: this.javaType() };
            default:
                return this.fail(`has no type at character ${this.offset + 1}`);
        }
    }

    /** `<T:Ljava/lang/Object;K:...>`: the names; their bounds are always Object in the jars. */
    public typeParameters(): string[] {
        this.expect('<');
        const names: string[] = [];
        while (this.peek() !== '>') {
            names.push(this.identifier(':'));
            this.expect(':');
            if (this.peek() !== ':') {
                this.referenceType();
            }
            while (this.peek() === ':') {
                this.offset++;
                this.referenceType();
            }
        }
        this.expect('>');
        return names;
    }

    private classType(): JvmType {
        this.expect('L');
        let name = this.identifier(';<.');
        let typeArguments = this.typeArguments();
        // An inner class of a generic class: `Lp/Outer<TT;>.Inner;` names p/Outer$Inner.
        while (this.peek() === '.') {
            this.offset++;
            name = `${name}$${this.identifier(';<.')}`;
            typeArguments = this.typeArguments();
        }
        this.expect(';');
        return { kind: 'class', name, arguments: typeArguments };
    }

    private typeArguments(): JvmType[] {
        if (this.peek() !== '<') {
            return [];
        }
        this.offset++;
        const typeArguments: JvmType[] = [];
        while (this.peek() !== '>') {
            if (this.peek() === '*' || this.peek() === '+' || this.peek() === '-') {
                this.fail('has a wildcard type argument, which Apex has no equivalent for');
            }
            typeArguments.push(this.referenceType());
        }
        this.expect('>');
        return typeArguments;
    }

    private identifier(terminators: string): string {
        const start = this.offset;
        while (!this.atEnd() && !terminators.includes(this.peek() ?? '')) {
            this.offset++;
        }
        if (this.offset === start || this.atEnd()) {
            this.fail(`has no name at character ${start + 1}`);
        }
        return this.text.slice(start, this.offset);
    }

    private fail(problem: string): never {
        throw new SignatureError(this.text, problem);
    }
}
