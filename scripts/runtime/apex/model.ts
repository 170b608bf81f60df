import { Big, type BigDecimal } from 'bigdecimal.js';
import type { ApexGrammar } from '../../project/apex';

/*
 * The interpreter's data model: static types, the classes of the project and of the platform,
 * and the values Apex code handles. They refer to one another (a class's fields have types, a
 * type may be a class, an enum value belongs to its class), so they live together.
 */

/** Apex's primitive types (DG "Primitive Data Types"), plus Object, their supertype. */
export const PRIMITIVES = [
    'Integer',
    'Long',
    'Double',
    'Decimal',
    'String',
    'Boolean',
    'Id',
    'Date',
    'Datetime',
    'Time',
    'Blob',
    'Object'
] as const;
export type PrimitiveName = (typeof PRIMITIVES)[number];

/**
 * A static type, as the interpreter's compiler knows it: Apex resolves operators, overloads and
 * conversions from the declared types, so every compiled expression carries one.
 */
export type ApexType =
    | { readonly kind: 'primitive'; readonly name: PrimitiveName }
    | { readonly kind: 'void' }
    /** The type of the `null` literal: assignable to anything. */
    | { readonly kind: 'null' }
    | { readonly kind: 'list'; readonly element: ApexType }
    | { readonly kind: 'set'; readonly element: ApexType }
    | { readonly kind: 'map'; readonly key: ApexType; readonly value: ApexType }
    /** An sObject type; `name` undefined for the generic `SObject`. */
    | { readonly kind: 'sobject'; readonly name?: string }
    /** A class, interface, enum or exception of the project or of the platform's exceptions. */
    | { readonly kind: 'class'; readonly cls: ApexClass }
    /** A platform class the runtime implements natively, by its full name (`System.HttpRequest`). */
    | { readonly kind: 'platform'; readonly name: string };

type Block = ApexGrammar.BlockContext;
type Expression = ApexGrammar.ExpressionContext;

/** Where a declaration is: its file (from the project root) and line. */
export interface SourcePlace {
    readonly file: string;
    readonly line: number;
}

export type Visibility = 'private' | 'protected' | 'public' | 'global';

/** A field or a property of a class. */
export interface FieldInfo {
    readonly name: string;
    readonly type: ApexType;
    readonly isStatic: boolean;
    readonly isFinal: boolean;
    readonly visibility: Visibility;
    readonly declaringClass: ApexClass;
    /** The field's place among the instance's (or the class's static) slots. */
    readonly slot: number;
    readonly initializer?: Expression;
    /** A property's accessors; a field has none. `get;` and `set;` alone are automatic. */
    readonly property?: {
        readonly getter?: { readonly body?: Block };
        readonly setter?: { readonly body?: Block };
    };
    readonly place: SourcePlace;
}

export interface Parameter {
    readonly name: string;
    readonly type: ApexType;
}

/** Native code for a platform member: the receiver (null for static) and the arguments. */
export type NativeMethod = (receiver: Value, args: readonly Value[]) => Value;

/** A method or constructor of a class: its source, or native code for the platform's. */
export interface MethodInfo {
    readonly name: string;
    readonly parameters: readonly Parameter[];
    readonly returnType: ApexType;
    readonly isStatic: boolean;
    readonly isAbstract: boolean;
    readonly isVirtual: boolean;
    readonly isOverride: boolean;
    readonly visibility: Visibility;
    /**
     * Annotation names in lower case: `istest`, `testsetup`, `auraenabled`, ...; with their
     * parameters too, as `istest.seealldata=true`.
     */
    readonly annotations: ReadonlySet<string>;
    readonly declaringClass: ApexClass;
    readonly body?: Block;
    readonly native?: NativeMethod;
    readonly place: SourcePlace;
}

export type ClassKind = 'class' | 'interface' | 'enum';
export type Sharing = 'with' | 'without' | 'inherited' | undefined;

/**
 * A class, interface or enum: of the project (inner ones included), or one of the platform's
 * exception classes. Declarations are filled by the loader; method bodies are compiled when a
 * method first runs.
 */
export class ApexClass {
    public superclass: ApexClass | undefined;
    public readonly interfaces: ApexClass[] = [];
    public readonly inner = new Map<string, ApexClass>();
    /** Instance fields and properties, the superclass's first: their slots are the instance's. */
    public readonly instanceFields: FieldInfo[] = [];
    public readonly staticFields: FieldInfo[] = [];
    /** Methods by lower-case name, each with its overloads, declared here (not inherited). */
    public readonly methods = new Map<string, MethodInfo[]>();
    public readonly constructors: MethodInfo[] = [];
    public readonly enumValues: EnumValue[] = [];
    /** Static initializer blocks and instance initializer blocks, in source order. */
    public readonly staticBlocks: Block[] = [];
    public readonly instanceBlocks: Block[] = [];
    public isAbstract = false;
    public isVirtual = false;
    public sharing: Sharing;
    public readonly annotations = new Set<string>();
    /**
     * Why the class cannot run: its declaration uses what the embedded org does not support
     * (a platform interface such as Database.Batchable) or a type it cannot resolve. The other
     * classes still run; using this one stops the run with this error.
     */
    public unavailable: Error | undefined;

    public constructor(
        /** As Apex names it: `MyClass`, `MyClass.Inner`, `System.MathException`. */
        public readonly name: string,
        public readonly kind: ClassKind,
        public readonly place: SourcePlace,
        public readonly outer?: ApexClass,
        /** True for the platform's exception classes. */
        public readonly builtin = false
    ) {}

    /** The name without its outer class: `Inner` for `MyClass.Inner`. */
    public get simpleName(): string {
        return this.name.slice(this.name.lastIndexOf('.') + 1);
    }

    /** This class or one of its superclasses or interfaces, at any depth, is `other`. */
    public isSubtypeOf(other: ApexClass): boolean {
        if (this === other) {
            return true;
        }
        if (this.superclass?.isSubtypeOf(other)) {
            return true;
        }
        return this.interfaces.some((candidate) => candidate.isSubtypeOf(other));
    }

    /** An exception class: `Exception` itself or any class that extends it. */
    public get isException(): boolean {
        return (
            (this.builtin && this.simpleName === 'Exception') ||
            (this.superclass?.isException ?? false)
        );
    }

    /** The method overloads of this name, this class's first, then its superclasses'. */
    public findMethods(name: string): MethodInfo[] {
        const own = this.methods.get(name.toLowerCase()) ?? [];
        const inherited = this.superclass?.findMethods(name) ?? [];
        const fromInterfaces =
            this.kind === 'interface' || this.isAbstract
                ? this.interfaces.flatMap((candidate) => candidate.findMethods(name))
                : [];
        return [...own, ...inherited, ...fromInterfaces];
    }

    public findField(name: string): FieldInfo | undefined {
        const lower = name.toLowerCase();
        return (
            this.instanceFields.find((field) => field.name.toLowerCase() === lower) ??
            this.staticFields.find((field) => field.name.toLowerCase() === lower) ??
            this.superclass?.findField(name)
        );
    }

    public addMethod(method: MethodInfo): void {
        const key = method.name.toLowerCase();
        this.methods.set(key, [...(this.methods.get(key) ?? []), method]);
    }
}

/**
 * How Apex values live in the interpreter. The choice keeps every value's runtime type readable
 * (`instanceof`, casts and `System.debug` need it) and the hot path cheap:
 *
 * | Apex      | JavaScript                                    |
 * |-----------|-----------------------------------------------|
 * | null      | null                                          |
 * | Boolean   | boolean                                       |
 * | Integer   | number, always a 32-bit integer               |
 * | Long      | bigint, always within 64 bits                 |
 * | Double    | DoubleValue (a number that prints as Java's)  |
 * | Decimal   | BigDecimal (bigdecimal.js, Java's semantics)  |
 * | String    | string                                        |
 * | Id        | IdValue (18 characters)                       |
 * | Date, Datetime, Time, Blob | DateValue, DatetimeValue, TimeValue, BlobValue |
 * | sObject   | SObjectValue                                  |
 * | List, Set, Map | ListValue, SetValue, MapValue            |
 * | a class's instance, an enum value | ObjectValue, EnumValue  |
 * | a platform object (HttpRequest, ...) | PlatformValue      |
 */
export type Value =
    | null
    | boolean
    | number
    | bigint
    | string
    | BigDecimal
    | DoubleValue
    | IdValue
    | DateValue
    | DatetimeValue
    | TimeValue
    | BlobValue
    | SObjectValue
    | ListValue
    | SetValue
    | MapValue
    | ObjectValue
    | EnumValue
    | TypeValue
    | PlatformValue;

export { Big };
export type { BigDecimal };

/** A Double: its own class, so that `Object o = 1.5` remembers it is no Decimal. */
export class DoubleValue {
    public constructor(public readonly value: number) {}
}

/** An Id: always 18 characters, the form Apex holds (a 15-character value gains its suffix). */
export class IdValue {
    public constructor(public readonly value: string) {}
}

/** A Date: year, month (1-12) and day, with no time zone. */
export class DateValue {
    public constructor(
        public readonly year: number,
        public readonly month: number,
        public readonly day: number
    ) {}
}

/** A Datetime: milliseconds since 1970-01-01T00:00:00Z. */
export class DatetimeValue {
    public constructor(public readonly epochMillis: number) {}
}

/** A Time: milliseconds since midnight. */
export class TimeValue {
    public constructor(public readonly millis: number) {}
}

export class BlobValue {
    public constructor(public readonly bytes: Buffer) {}
}

/**
 * An sObject: its type and the fields set on it, by lower-case API name, in the order they were
 * set (which is how Apex prints them). `names` keeps each field's spelling.
 */
export class SObjectValue {
    public readonly fields = new Map<string, Value>();
    public readonly names = new Map<string, string>();

    public constructor(
        public readonly type: string,
        /**
         * A record a query returned: reading a field it did not select throws SObjectException
         * (DG "Exceptions": "SObject row was retrieved via SOQL without querying the requested
         * field"); a record built in Apex reads such a field as null.
         */
        public readonly fromQuery = false
    ) {}
}

/** The element type of `List<T>` and `T[]` is the list's own, checked on assignment. */
export class ListValue {
    public constructor(
        public readonly elementType: ApexType,
        public readonly items: Value[] = []
    ) {}
}

/**
 * A Set keeps its elements by key (see keyOf in equality.ts): String keys are case-sensitive,
 * Ids are compared in their 18-character form, sObjects and collections by value.
 */
export class SetValue {
    public readonly items = new Map<unknown, Value>();

    public constructor(public readonly elementType: ApexType) {}
}

/** A Map keeps its entries by key, as a Set does, in insertion order. */
export class MapValue {
    public readonly entries = new Map<unknown, { key: Value; value: Value }>();

    public constructor(
        public readonly keyType: ApexType,
        public readonly valueType: ApexType
    ) {}
}

/** An instance of a class of the project (exceptions included): its fields by slot. */
export class ObjectValue {
    public readonly fields: Value[];
    /** For exceptions: the platform's part (message, cause, where it was thrown). */
    public exception: ExceptionState | undefined;

    public constructor(
        public readonly type: ApexClass,
        slots: number
    ) {
        this.fields = new Array<Value>(slots).fill(null);
    }
}

export interface ExceptionState {
    message: string | null;
    cause: ObjectValue | null;
    /** Frames from the throw up, as `Class.X.method: line N, column M`. */
    stack: readonly string[];
    line: number;
    /** A DmlException's failed rows, read by getNumDml(), getDmlMessage(i), ... */
    dml?: readonly DmlRowError[];
}

/** One failed row of a DML operation, as DmlException and Database.Error report it. */
export interface DmlRowError {
    /** The row's position in the operation. */
    readonly index: number;
    readonly id: string | null;
    readonly statusCode: string;
    readonly message: string;
    readonly fields: readonly string[];
}

export class EnumValue {
    public constructor(
        public readonly type: ApexClass,
        public readonly name: string,
        public readonly ordinal: number
    ) {}
}

/** A `System.Type`, as `Foo.class` or `Type.forName` give it. */
export class TypeValue {
    public constructor(public readonly type: ApexType) {}
}

/**
 * An object of a platform class the runtime implements (HttpRequest, Database.SaveResult, ...):
 * its class name and its state, which only that class's methods read.
 */
export class PlatformValue {
    public constructor(
        public readonly className: string,
        public readonly state: Record<string, unknown>
    ) {}
}

/** Integer arithmetic wraps around silently, as on the platform (DG "Overflow and Underflow"). */
export const toInteger = (value: number): number => value | 0;

/** Long arithmetic wraps around within 64 bits. */
export const toLong = (value: bigint): bigint => BigInt.asIntN(64, value);
