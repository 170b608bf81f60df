import type { ApexGrammar } from '../../project/apex';
import type { CoverageRecorder } from './coverage';
import type { EqualityHooks } from './equality';
import type { Frame } from './frame';
import type { RenderHooks } from './render';
import type {
    ApexClass,
    ApexType,
    EnumValue,
    ExceptionState,
    FieldInfo,
    MethodInfo,
    ObjectValue,
    SourcePlace,
    Value
} from './model';

/** A field of an sObject type as Apex sees it: its API name and Apex type. */
export interface SObjectFieldType {
    readonly name: string;
    readonly type: ApexType;
    /**
     * False for a field no Apex may set: a formula, an auto-number, a system field the platform
     * maintains (CreatedDate, LastModifiedById), a computed field (User.Name).
     */
    readonly writable: boolean;
}

/**
 * What compiled Apex needs from the running VM: types, classes, calls, statics and the
 * platform. The compiler and the platform classes depend on this interface, not on the VM.
 */
export interface ApexServices {
    readonly platform: PlatformLookup;
    /** System.Exception: the root of every exception class. */
    readonly exceptionRoot: ApexClass;
    readonly renderHooks: RenderHooks;
    readonly equalityHooks: EqualityHooks;
    /** Counts the lines that run, for test coverage; undefined when the run does not. */
    readonly coverage: CoverageRecorder | undefined;

    /** The type a type reference names, seen from `context` (its inner classes first). */
    resolveType(
        typeRef: ApexGrammar.TypeRefContext,
        context: ApexClass | undefined,
        file: string
    ): ApexType;
    /** The type a dotted name stands for (`MyClass`, `Outer.Inner`, `Account`), if it names one. */
    findType(names: readonly string[], context: ApexClass | undefined): ApexType | undefined;
    /**
     * Whether a name the project does not define is one of the platform's types or objects, which
     * the runtime refuses as not supported rather than as a type that does not exist.
     */
    isPlatformType(names: readonly string[]): boolean;
    /** The sObject type of this name, canonical, or undefined. */
    sobjectName(name: string): string | undefined;
    /** A field of an sObject type (`Owner` as the relationship is a field too). */
    sobjectField(sobject: string, field: string): SObjectFieldType | undefined;

    /** Runs a method (its override in the receiver's class for an instance method). */
    invoke(method: MethodInfo, self: ObjectValue | null, args: readonly Value[]): Value;
    /** A new instance of a class of the project with the given constructor and arguments. */
    instantiate(
        cls: ApexClass,
        constructor: MethodInfo | undefined,
        args: readonly Value[]
    ): ObjectValue;
    /** The static slots of a class, its static initialization run first when it has not run. */
    statics(cls: ApexClass): Value[];
    /** Runs a constructor (or only the field initializers when there is none) on an instance. */
    runConstructor(
        cls: ApexClass,
        constructor: MethodInfo | undefined,
        self: ObjectValue,
        args: readonly Value[]
    ): void;
    /** Reads a property through its getter. */
    readProperty(property: FieldInfo, self: ObjectValue | null): Value;
    /** Writes a property through its setter. */
    writeProperty(property: FieldInfo, self: ObjectValue | null, value: Value): void;
    /**
     * The methods every object has (equals, hashCode, toString), for a receiver whose class
     * does not declare them; undefined for another name.
     */
    objectMethod(name: string, args: readonly ApexType[]): PlatformMethod | undefined;
    /** Throws an exception of a platform class (`NullPointerException`) with a message. */
    raise(exceptionName: string, message: string, detail?: Pick<ExceptionState, 'dml'>): never;
    /** A platform enum's value (`System.StatusCode.REQUIRED_FIELD_MISSING`). */
    enumValue(enumName: string, value: string): EnumValue;
    /** The frame running now. */
    currentFrame(): Frame;
    /** Writes a debug-log line of the running code. */
    debug(line: number, text: string): void;
    /** The place of the code running now, for messages. */
    place(line: number, file: string): SourcePlace;
}

/** What a platform method knows of the call: the VM, where it is, the caller's frame. */
export interface CallSite {
    readonly vm: ApexServices;
    readonly place: SourcePlace;
    readonly frame: Frame;
    /** The static types of the arguments, for methods whose result depends on them. */
    readonly argumentTypes: readonly ApexType[];
    /** The static type of the receiver (`List<String>`), for generic members. */
    readonly receiverType: ApexType | undefined;
}

/** A parameter: a type, or 'any' for a generic one that the method checks itself. */
export type ParameterType = ApexType | 'any';

/** A method, constructor or static method of a platform class the runtime implements. */
export interface PlatformMethod {
    readonly name: string;
    readonly parameters: readonly ParameterType[];
    /** The result type, fixed or computed from the receiver's and the arguments' types. */
    readonly returns:
        ApexType | ((receiver: ApexType | undefined, args: readonly ApexType[]) => ApexType);
    readonly invoke: (receiver: Value, args: readonly Value[], site: CallSite) => Value;
}

/** A static property such as `Integer.MAX_VALUE` or `System.LoggingLevel.DEBUG`. */
export interface PlatformProperty {
    readonly name: string;
    readonly type: ApexType;
    /** Reads it; `receiver` is the object of an instance property. */
    readonly get: (site: CallSite, receiver?: Value) => Value;
    /** Writes it, for a property Apex may assign (`options.MaximumQueueableStackDepth = 5`). */
    readonly set?: (site: CallSite, receiver: Value | undefined, value: Value) => void;
}

/**
 * A platform class (System.Math, System.HttpRequest, Database.SaveResult, ...) or the members
 * Apex gives a built-in type (String's methods, List's methods): what the runtime implements of
 * it. Anything else of the platform is refused, naming the member.
 */
export interface PlatformClass {
    /** Its full name, `System.Math`; the type of its instances is T.platform(name). */
    readonly name: string;
    /** How code may name it, in lower case: `math`, `system.math`. */
    readonly names: readonly string[];
    readonly staticMethods?: readonly PlatformMethod[];
    readonly instanceMethods?: readonly PlatformMethod[];
    readonly constructors?: readonly PlatformMethod[];
    readonly staticProperties?: readonly PlatformProperty[];
    /** Instance properties read as `x.name` (HttpResponse has none; Exception has none). */
    readonly instanceProperties?: readonly PlatformProperty[];
}

/** Finds the platform classes the runtime implements by any name they can be written with. */
export interface PlatformLookup {
    find(name: string): PlatformClass | undefined;
}
