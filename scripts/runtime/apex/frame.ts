import type { ApexClass, ApexType, MethodInfo, ObjectValue, Value } from './model';

/** How a statement ended: normally (0), or with break, continue or return. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Completion = typeof NORMAL | typeof BREAK | typeof CONTINUE | typeof RETURN;
/**
 * The four, for a module to copy into constants of its own: tsx runs the runtime as CommonJS,
 * where each read of an imported binding is a getter call, which a closure run for every
 * statement should not pay.
 */
export const COMPLETIONS = { NORMAL, BREAK, CONTINUE, RETURN } as const;

/** One call of a method (or of anonymous Apex): its locals by slot, `this`, its line. */
export class Frame {
    public readonly locals: Value[];
    /** The value a `return` statement gave. */
    public ret: Value = null;
    /** The line running now, for stack traces and exception line numbers. */
    public line = 0;

    public constructor(
        /** The class whose code runs, for the stack trace; undefined for anonymous Apex. */
        public readonly cls: ApexClass | undefined,
        public readonly method: MethodInfo | undefined,
        public readonly self: ObjectValue | null,
        size: number
    ) {
        this.locals = new Array<Value>(size).fill(null);
    }

    /** `Class.MyClass.myMethod: line 22, column 1`, as getStackTraceString() prints a frame. */
    public describe(): string {
        if (!this.cls) {
            return `AnonymousBlock: line ${this.line}, column 1`;
        }
        const member = this.method?.name ?? '<init>';
        return `Class.${this.cls.name}.${member}: line ${this.line}, column 1`;
    }
}

/** A compiled expression: its static type and the code that computes it. */
export interface Expr {
    readonly type: ApexType;
    readonly evaluate: (frame: Frame) => Value;
    /** For an expression that can be assigned to (a variable, a field, an element). */
    readonly assign?: (frame: Frame, value: Value) => void;
    /** The compile error of assigning to it, for a field no Apex may set. */
    readonly unassignable?: string;
    /** A name that stands for a type (`Integer`, `MyClass`, `Account`) rather than a value. */
    readonly typeReference?: ApexType;
    /** A namespace such as `System` or `Database`, before its class is named. */
    readonly namespace?: string;
    /**
     * An inline query used where one record is expected: assigned to an sObject variable or
     * read with `.Field` (DG "Working with SOQL Query Results"). `safe` (`?.`) reads no row as
     * null instead of throwing.
     */
    readonly single?: (safe: boolean) => Expr;
    /**
     * A Boolean expression that is never null (a comparison): its value without the null
     * check a condition otherwise makes.
     */
    readonly test?: (frame: Frame) => boolean;
    /** A local variable or parameter: its slot, for closures that read it in place. */
    readonly local?: number;
    /** A literal: its value, for closures that use it in place. */
    readonly constant?: Value;
}

/** A compiled statement. */
export type Stmt = (frame: Frame) => Completion;
