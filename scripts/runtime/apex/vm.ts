import { ApexGrammar, optional, parseApex } from '../../project/apex';
import type { CompilerExtensions } from './compiler/api';
import { MethodCompiler, type CompiledBody } from './compiler/compiler';
import type { CoverageRecorder } from './coverage';
import { apexEquals, type EqualityHooks } from './equality';
import { ApexCompileError, ApexLimitError, ApexThrow, UnsupportedError } from './errors';
import { Frame, RETURN, type Stmt } from './frame';
import { ClassLoader } from './loader';
import { createPlatformEnums } from './platform/enums';
import { createPlatformInterfaces } from './platform/interfaces';
import { createExceptionClasses, type ExceptionDeclaration } from './platform/exceptions';
import { PlatformRegistry } from './platform/registry';
import type { PlatformMethod } from './services';
import { toText, type RenderHooks } from './render';
import type { ApexServices, SObjectFieldType } from './services';
import { T, sameType } from './types';
import {
    type ApexClass,
    type ApexType,
    type EnumValue,
    type ExceptionState,
    type FieldInfo,
    type MethodInfo,
    ObjectValue,
    PRIMITIVES,
    type SourcePlace,
    type Value
} from './model';

/** A source file of the project: its path from the project root and its text. */
export interface ApexSource {
    readonly file: string;
    readonly text: string;
}

/** The sObject types the VM can name: the embedded org's schema. */
export interface SObjectCatalogue {
    objectName(name: string): string | undefined;
    field(object: string, field: string): SObjectFieldType | undefined;
}

export interface VmOptions {
    readonly sources: readonly ApexSource[];
    /** Receives each debug-log line (`USER_DEBUG|[5]|DEBUG|hello`). */
    readonly log: (line: string) => void;
    readonly sobjects: SObjectCatalogue;
    /** The platform classes the runtime implements. */
    readonly platform: (registry: PlatformRegistry, services: ApexServices) => void;
    readonly extensions: CompilerExtensions;
    /** Platform exceptions beyond the core's (System.AuraHandledException, ...). */
    readonly exceptions?: readonly ExceptionDeclaration[];
    /** Platform enums beyond the core's, by simple name (`StatusCode`), with their values. */
    readonly enums?: Readonly<Record<string, readonly string[]>>;
    /**
     * Whether a type name the runtime does not implement is a platform type (from the
     * catalogue): it is refused as not supported rather than as an invalid type.
     */
    readonly isPlatformType?: (names: readonly string[]) => boolean;
    /** Records the lines that run, for test coverage; a run without it pays nothing. */
    readonly coverage?: CoverageRecorder;
}

/** A class whose declaration the embedded org does not support stops the run where it is used. */
function available(cls: ApexClass): void {
    if (cls.unavailable) {
        throw cls.unavailable;
    }
}

/** The deepest chain of calls Apex allows (DG "Execution Governors and Limits"). */
const MAX_STACK_DEPTH = 1000;

const SYNTAX_LIMIT = 3;

/**
 * The Apex virtual machine of the embedded org: the project's classes, loaded from source and
 * compiled to closures method by method when they first run, their static state for the running
 * transaction, and the calls between them.
 */
export class ApexVm implements ApexServices {
    public readonly platform = new PlatformRegistry();
    public readonly exceptionRoot: ApexClass;
    public readonly coverage: CoverageRecorder | undefined;
    private readonly classes = new Map<string, ApexClass>();
    private readonly exceptions: Map<string, ApexClass>;
    /** The platform's exception classes and enums, by simple and qualified lower-case name. */
    private readonly builtins: Map<string, ApexClass>;
    private readonly compiled = new Map<MethodInfo | FieldInfo | ApexClass, CompiledBody>();
    private readonly overrides = new Map<ApexClass, Map<MethodInfo, MethodInfo>>();
    private statesByClass = new Map<ApexClass, { slots: Value[]; ready: boolean }>();
    private readonly stack: Frame[] = [];
    private identity = new WeakMap<object, number>();
    private nextIdentity = 1;

    public readonly renderHooks: RenderHooks = {
        toString: (value) => {
            const method = this.ownMethod(value.type, 'toString', 0);
            return method ? toText(this.invoke(method, value, []), this.renderHooks) : undefined;
        },
        // A platform value prints through its class's toString() when the runtime implements one.
        platform: (value) => {
            const method = this.platform
                .find(value.className.toLowerCase())
                ?.instanceMethods?.find(
                    (candidate) =>
                        candidate.name === 'toString' && candidate.parameters.length === 0
                );
            if (!method) {
                return value.className;
            }
            const frame = this.currentFrame();
            return toText(
                method.invoke(value, [], {
                    vm: this,
                    place: this.place(frame.line, frame.cls?.place.file ?? ''),
                    frame,
                    argumentTypes: [],
                    receiverType: undefined
                }),
                this.renderHooks
            );
        }
    };

    public readonly equalityHooks: EqualityHooks = {
        objectEquals: (left, right) => {
            const method = this.ownMethod(left.type, 'equals', 1);
            return method ? this.invoke(method, left, [right]) === true : undefined;
        },
        objectHash: (value) => {
            const method = this.ownMethod(value.type, 'hashCode', 0);
            return method ? (this.invoke(method, value, []) as number) : undefined;
        }
    };

    public constructor(private readonly options: VmOptions) {
        const { root, byName } = createExceptionClasses(options.exceptions);
        this.exceptionRoot = root;
        this.coverage = options.coverage;
        this.exceptions = byName;
        this.builtins = new Map([
            ...byName,
            ...createPlatformEnums(options.enums),
            ...createPlatformInterfaces()
        ]);
        options.platform(this.platform, this);
        this.load(options.sources);
    }

    private load(sources: readonly ApexSource[]): void {
        const loader = new ClassLoader();
        for (const source of sources) {
            const parsed = parseApex(source.text, source.file);
            if (parsed.kind !== 'class') {
                throw new UnsupportedError({ file: source.file, line: 1 }, 'an Apex trigger');
            }
            if (parsed.syntaxErrors.length > 0) {
                const first = parsed.syntaxErrors[0];
                throw new ApexCompileError(
                    { file: source.file, line: first?.line ?? 1 },
                    `${parsed.syntaxErrors.length > SYNTAX_LIMIT ? `${parsed.syntaxErrors.length} syntax errors, the first: ` : ''}${first?.message ?? 'syntax error'}`
                );
            }
            const cls = loader.declare(parsed.tree, source.file);
            if (cls) {
                this.classes.set(cls.name.toLowerCase(), cls);
            }
        }
        loader.complete(
            (typeRef, context) => this.resolveType(typeRef, context, context.place.file),
            this.exceptionRoot
        );
    }

    /** A class of the project by name, for the drivers (tests, anonymous Apex). */
    public classNamed(name: string): ApexClass | undefined {
        return this.classes.get(name.toLowerCase());
    }

    public get projectClasses(): readonly ApexClass[] {
        return [...this.classes.values()];
    }

    // ------------------------------------------------------------------ transactions

    /** Forgets every static variable: a new transaction starts (DG: statics live for one). */
    public newTransaction(): void {
        this.statesByClass = new Map();
    }

    /** Runs anonymous Apex in the current transaction. */
    public runAnonymous(text: string, file: string): void {
        const parsed = parseApexAnonymous(text);
        if (parsed.errors.length > 0) {
            const first = parsed.errors[0];
            throw new ApexCompileError(
                { file, line: first?.line ?? 1 },
                first?.message ?? 'syntax error'
            );
        }
        const compiler = new MethodCompiler(
            this,
            this.options.extensions,
            undefined,
            true,
            file,
            T.void
        );
        const body = compiler.anonymous(parsed.tree);
        const frame = new Frame(undefined, undefined, null, compiler.frameSize);
        this.withFrame(frame, () => body(frame));
    }

    // ------------------------------------------------------------------ types

    public resolveType(
        typeRef: ApexGrammar.TypeRefContext,
        context: ApexClass | undefined,
        file: string
    ): ApexType {
        const names = typeRef.typeName_list();
        const place = { file, line: typeRef.start.line };
        let type: ApexType | undefined;
        const [first] = names;
        const args = first
            ? (optional(first.typeArguments())?.typeList().typeRef_list() ?? [])
            : [];
        if (
            names.length === 1 &&
            first &&
            (optional(first.LIST()) || optional(first.SET()) || optional(first.MAP()))
        ) {
            const resolved = args.map((arg) => this.resolveType(arg, context, file));
            const [a, b] = resolved;
            if (optional(first.MAP()) && a && b && resolved.length === 2) {
                type = T.map(a, b);
            } else if (a && resolved.length === 1) {
                type = optional(first.LIST()) ? T.list(a) : T.set(a);
            } else {
                throw new ApexCompileError(place, `Invalid type: ${typeRef.getText()}`);
            }
        } else {
            if (names.some((name) => optional(name.typeArguments()))) {
                throw new UnsupportedError(place, `the generic type ${typeRef.getText()}`);
            }
            type = this.findType(
                names.map((name) => name.getText()),
                context
            );
        }
        if (!type) {
            const written = names.map((name) => name.getText());
            if (this.isPlatformType(written)) {
                throw new UnsupportedError(place, `the platform type ${written.join('.')}`);
            }
            throw new ApexCompileError(place, `Invalid type: ${written.join('.')}`);
        }
        const dimensions = typeRef.arraySubscripts().LBRACK_list().length;
        for (let index = 0; index < dimensions; index++) {
            type = T.list(type);
        }
        return type;
    }

    public findType(
        names: readonly string[],
        context: ApexClass | undefined
    ): ApexType | undefined {
        const lower = names.map((name) => name.toLowerCase());
        const [first, ...rest] = lower;
        if (first === undefined) {
            return undefined;
        }
        if (rest.length === 0) {
            const primitive = PRIMITIVES.find((name) => name.toLowerCase() === first);
            if (primitive) {
                return { kind: 'primitive', name: primitive };
            }
            if (first === 'sobject') {
                return T.sobject;
            }
        }
        const cls = this.findClass(lower, context);
        if (cls) {
            return { kind: 'class', cls };
        }
        const joined = lower.join('.');
        const builtin = this.builtins.get(joined);
        if (builtin) {
            return { kind: 'class', cls: builtin };
        }
        if (rest.length === 0 || (first === 'schema' && rest.length === 1)) {
            const sobject = this.options.sobjects.objectName(rest[0] ?? first);
            if (sobject) {
                return { kind: 'sobject', name: sobject };
            }
        }
        const platformClass = this.platform.find(joined);
        if (
            (platformClass && platformClass.constructors !== undefined) ||
            platformClass?.instanceMethods !== undefined
        ) {
            return T.platform(platformClass.name);
        }
        return undefined;
    }

    /** A class of the project: an inner class seen from `context`, then a top-level class. */
    private findClass(
        names: readonly string[],
        context: ApexClass | undefined
    ): ApexClass | undefined {
        const [first, ...rest] = names;
        if (first === undefined) {
            return undefined;
        }
        let found: ApexClass | undefined;
        for (let scope = context; scope && !found; scope = scope.outer) {
            for (
                let owner: ApexClass | undefined = scope;
                owner && !found;
                owner = owner.superclass
            ) {
                found = owner.inner.get(first);
            }
        }
        found ??= this.classes.get(first);
        for (const name of rest) {
            found = found?.inner.get(name);
        }
        return found;
    }

    public isPlatformType(names: readonly string[]): boolean {
        return this.options.isPlatformType?.(names) ?? false;
    }

    public sobjectName(name: string): string | undefined {
        return this.options.sobjects.objectName(name);
    }

    public sobjectField(sobject: string, field: string): SObjectFieldType | undefined {
        return this.options.sobjects.field(sobject, field);
    }

    // ------------------------------------------------------------------ calls

    public currentFrame(): Frame {
        const frame = this.stack[this.stack.length - 1];
        if (!frame) {
            throw new Error('No Apex is running.');
        }
        return frame;
    }

    public place(line: number, file: string): SourcePlace {
        return { file, line };
    }

    public debug(line: number, text: string): void {
        this.options.log(`USER_DEBUG|[${line}]|DEBUG|${text}`);
    }

    private withFrame<R>(frame: Frame, run: () => R): R {
        if (this.stack.length >= MAX_STACK_DEPTH) {
            throw new ApexLimitError(`Maximum stack depth reached: ${MAX_STACK_DEPTH + 1}`);
        }
        this.stack.push(frame);
        try {
            return run();
        } finally {
            this.stack.pop();
        }
    }

    /** The method that runs for a call of `method` on an instance of `cls`: its override, if any. */
    private dispatch(method: MethodInfo, cls: ApexClass): MethodInfo {
        if (method.isStatic || method.visibility === 'private' || method.declaringClass === cls) {
            return method;
        }
        let cache = this.overrides.get(cls);
        if (!cache) {
            cache = new Map();
            this.overrides.set(cls, cache);
        }
        let target = cache.get(method);
        if (!target) {
            target = method;
            for (let owner: ApexClass | undefined = cls; owner; owner = owner.superclass) {
                const own = owner.methods
                    .get(method.name.toLowerCase())
                    ?.find(
                        (candidate) =>
                            !candidate.isStatic &&
                            !candidate.isAbstract &&
                            sameParameters(candidate, method)
                    );
                if (own) {
                    target = own;
                    break;
                }
            }
            cache.set(method, target);
        }
        return target;
    }

    public invoke(method: MethodInfo, self: ObjectValue | null, args: readonly Value[]): Value {
        available(method.declaringClass);
        const target = self ? this.dispatch(method, self.type) : method;
        if (target.native) {
            return target.native(self, args);
        }
        if (!target.body) {
            return this.raise(
                'UnexpectedException',
                `${target.declaringClass.name}.${target.name} has no body`
            );
        }
        const compiled = this.compileMethod(target);
        const frame = new Frame(target.declaringClass, target, self, compiled.frameSize);
        args.forEach((arg, index) => {
            frame.locals[index] = arg;
        });
        return this.withFrame(frame, () => {
            compiled.body(frame);
            return frame.ret;
        });
    }

    private compileMethod(method: MethodInfo): CompiledBody {
        let compiled = this.compiled.get(method);
        if (!compiled) {
            const cls = method.declaringClass;
            const compiler = new MethodCompiler(
                this,
                this.options.extensions,
                cls,
                method.isStatic,
                method.place.file,
                method.returnType
            );
            for (const parameter of method.parameters) {
                compiler.declareParameter(parameter.name, parameter.type, method.place);
            }
            const body: Stmt = method.body ? compiler.block(method.body) : () => RETURN;
            compiled = { frameSize: compiler.frameSize, body };
            this.compiled.set(method, compiled);
        }
        return compiled;
    }

    public instantiate(
        cls: ApexClass,
        constructor: MethodInfo | undefined,
        args: readonly Value[]
    ): ObjectValue {
        available(cls);
        const instance = new ObjectValue(cls, cls.instanceFields.length);
        if (cls.isException) {
            instance.exception = {
                message: null,
                cause: null,
                stack: this.stack.map((frame) => frame.describe()).reverse(),
                line: this.stack[this.stack.length - 1]?.line ?? 0
            };
        }
        this.runConstructor(cls, constructor, instance, args);
        return instance;
    }

    /**
     * Runs a constructor on an instance as Java does: an explicit this(...) first delegates;
     * otherwise the superclass's constructor (the explicit super(...) or the one without
     * parameters), then this class's field initializers and initializer blocks, then the body.
     */
    public runConstructor(
        cls: ApexClass,
        constructor: MethodInfo | undefined,
        self: ObjectValue,
        args: readonly Value[]
    ): void {
        if (constructor?.native) {
            this.initializeSuper(cls, self, true);
            this.initializeFields(cls, self);
            constructor.native(self, args);
            return;
        }
        const body = constructor?.body;
        const statements = body?.statement_list() ?? [];
        const firstCall = explicitConstructorCall(statements[0]);
        if (firstCall !== 'this') {
            if (firstCall !== 'super') {
                this.initializeSuper(cls, self, false);
            }
        }
        if (!constructor) {
            this.initializeFields(cls, self);
            return;
        }
        const compiled = this.compileConstructor(constructor, cls, firstCall);
        const frame = new Frame(cls, constructor, self, compiled.frameSize);
        args.forEach((arg, index) => {
            frame.locals[index] = arg;
        });
        this.withFrame(frame, () => compiled.body(frame));
    }

    /** A constructor's body, with this class's initializers run after its super(...) call. */
    private compileConstructor(
        constructor: MethodInfo,
        cls: ApexClass,
        firstCall: 'this' | 'super' | undefined
    ): CompiledBody {
        let compiled = this.compiled.get(constructor);
        if (!compiled) {
            const compiler = new MethodCompiler(
                this,
                this.options.extensions,
                cls,
                false,
                constructor.place.file,
                T.void
            );
            for (const parameter of constructor.parameters) {
                compiler.declareParameter(parameter.name, parameter.type, constructor.place);
            }
            const block = constructor.body;
            const statements = block
                ? block.statement_list().map((statement) => compiler.statement(statement))
                : [];
            const initialize =
                firstCall === 'this'
                    ? undefined
                    : (frame: Frame) => {
                          this.initializeFields(cls, frame.self as ObjectValue);
                      };
            const prefix = firstCall === 'super' ? 1 : 0;
            compiled = {
                frameSize: compiler.frameSize,
                body: (frame) => {
                    for (let index = 0; index < prefix; index++) {
                        statements[index]?.(frame);
                    }
                    initialize?.(frame);
                    for (let index = prefix; index < statements.length; index++) {
                        if (statements[index]?.(frame) === RETURN) {
                            break;
                        }
                    }
                    return RETURN;
                }
            };
            this.compiled.set(constructor, compiled);
        }
        return compiled;
    }

    /** The superclass's part of a new instance, by its constructor without parameters. */
    private initializeSuper(cls: ApexClass, self: ObjectValue, nativeConstructor: boolean): void {
        const superclass = cls.superclass;
        if (!superclass || (nativeConstructor && superclass.builtin)) {
            return;
        }
        if (superclass.builtin) {
            return;
        }
        const constructor = superclass.constructors.find(
            (candidate) => candidate.parameters.length === 0
        );
        if (!constructor && superclass.constructors.length > 0) {
            this.raise(
                'UnexpectedException',
                `${superclass.name} has no constructor without parameters`
            );
        }
        this.runConstructor(superclass, constructor, self, []);
    }

    /** This class's own field initializers and instance initializer blocks, in source order. */
    private initializeFields(cls: ApexClass, self: ObjectValue): void {
        const compiled = this.compileInitializers(cls, false);
        const frame = new Frame(cls, undefined, self, compiled.frameSize);
        this.withFrame(frame, () => compiled.body(frame));
    }

    private compileInitializers(cls: ApexClass, isStatic: boolean): CompiledBody {
        const key = isStatic ? cls : (cls.instanceFields as unknown as ApexClass);
        let compiled = this.compiled.get(key);
        if (!compiled) {
            const compiler = new MethodCompiler(
                this,
                this.options.extensions,
                cls,
                isStatic,
                cls.place.file,
                T.void
            );
            const fields = (isStatic ? cls.staticFields : cls.instanceFields).filter(
                (field) => field.declaringClass === cls && field.initializer
            );
            const steps = fields.map((field) => {
                const initializer = field.initializer as ApexGrammar.ExpressionContext;
                const value = compiler.convertTo(
                    compiler.expression(initializer),
                    field.type,
                    initializer
                );
                const slot = field.slot;
                const line = field.place.line;
                const count = this.coverage?.initializer(cls.place.file, initializer);
                return isStatic
                    ? (frame: Frame) => {
                          count?.();
                          frame.line = line;
                          this.stateOf(cls).slots[slot] = value(frame);
                      }
                    : (frame: Frame) => {
                          count?.();
                          frame.line = line;
                          (frame.self as ObjectValue).fields[slot] = value(frame);
                      };
            });
            const blocks = (isStatic ? cls.staticBlocks : cls.instanceBlocks).map((block) =>
                compiler.block(block)
            );
            compiled = {
                frameSize: compiler.frameSize,
                body: (frame) => {
                    steps.forEach((step) => {
                        step(frame);
                    });
                    blocks.forEach((block) => block(frame));
                    return RETURN;
                }
            };
            this.compiled.set(key, compiled);
        }
        return compiled;
    }

    private stateOf(cls: ApexClass): { slots: Value[]; ready: boolean } {
        let state = this.statesByClass.get(cls);
        if (!state) {
            state = { slots: new Array<Value>(cls.staticFields.length).fill(null), ready: false };
            this.statesByClass.set(cls, state);
        }
        return state;
    }

    public statics(cls: ApexClass): Value[] {
        available(cls);
        const state = this.stateOf(cls);
        if (!state.ready) {
            state.ready = true;
            const compiled = this.compileInitializers(cls, true);
            const frame = new Frame(cls, undefined, null, compiled.frameSize);
            this.withFrame(frame, () => compiled.body(frame));
        }
        return state.slots;
    }

    public readProperty(property: FieldInfo, self: ObjectValue | null): Value {
        const getter = property.property?.getter;
        if (!getter?.body) {
            return property.isStatic
                ? (this.statics(property.declaringClass)[property.slot] ?? null)
                : (self?.fields[property.slot] ?? null);
        }
        const compiled = this.compileAccessor(property, 'get');
        const frame = new Frame(property.declaringClass, undefined, self, compiled.frameSize);
        return this.withFrame(frame, () => {
            compiled.body(frame);
            return frame.ret;
        });
    }

    public writeProperty(property: FieldInfo, self: ObjectValue | null, value: Value): void {
        const setter = property.property?.setter;
        if (!setter?.body) {
            if (property.isStatic) {
                this.statics(property.declaringClass)[property.slot] = value;
            } else if (self) {
                self.fields[property.slot] = value;
            }
            return;
        }
        const compiled = this.compileAccessor(property, 'set');
        const frame = new Frame(property.declaringClass, undefined, self, compiled.frameSize);
        frame.locals[0] = value;
        this.withFrame(frame, () => compiled.body(frame));
    }

    private readonly accessors = new Map<string, CompiledBody>();

    private compileAccessor(property: FieldInfo, kind: 'get' | 'set'): CompiledBody {
        const key = `${property.declaringClass.name}.${property.name}.${kind}`;
        let compiled = this.accessors.get(key);
        if (!compiled) {
            const compiler = new MethodCompiler(
                this,
                this.options.extensions,
                property.declaringClass,
                property.isStatic,
                property.place.file,
                kind === 'get' ? property.type : T.void,
                property
            );
            if (kind === 'set') {
                compiler.declareParameter('value', property.type, property.place);
            }
            const block =
                kind === 'get' ? property.property?.getter?.body : property.property?.setter?.body;
            const body: Stmt = block ? compiler.block(block) : () => RETURN;
            compiled = { frameSize: compiler.frameSize, body };
            this.accessors.set(key, compiled);
        }
        return compiled;
    }

    /** A method declared by the class itself or a superclass of the project (not the platform's). */
    private ownMethod(cls: ApexClass, name: string, arity: number): MethodInfo | undefined {
        return cls
            .findMethods(name)
            .find(
                (method) =>
                    !method.isStatic &&
                    method.body !== undefined &&
                    method.parameters.length === arity
            );
    }

    public objectMethod(name: string, args: readonly ApexType[]): PlatformMethod | undefined {
        switch (name.toLowerCase()) {
            case 'equals':
                return args.length === 1
                    ? {
                          name: 'equals',
                          parameters: [T.object],
                          returns: T.boolean,
                          invoke: (self, [other]) =>
                              apexEquals(self, other ?? null, this.equalityHooks)
                      }
                    : undefined;
            case 'hashcode':
                return args.length === 0
                    ? {
                          name: 'hashCode',
                          parameters: [],
                          returns: T.integer,
                          invoke: (self) => this.identityOf(self as object)
                      }
                    : undefined;
            case 'tostring':
                return args.length === 0
                    ? {
                          name: 'toString',
                          parameters: [],
                          returns: T.string,
                          invoke: (self) => toText(self, this.renderHooks)
                      }
                    : undefined;
            default:
                return undefined;
        }
    }

    private identityOf(value: object): number {
        let id = this.identity.get(value);
        if (id === undefined) {
            id = this.nextIdentity++;
            this.identity.set(value, id);
        }
        return id;
    }

    // ------------------------------------------------------------------ exceptions

    public exceptionClass(name: string): ApexClass | undefined {
        return this.exceptions.get(name.toLowerCase());
    }

    public raise(
        exceptionName: string,
        message: string,
        detail?: Pick<ExceptionState, 'dml'>
    ): never {
        throw new ApexThrow(this.exception(exceptionName, message, detail));
    }

    /**
     * A platform exception with its message, not thrown: what the platform hands to code that
     * did not catch it, such as a finalizer's context.
     */
    public exception(
        exceptionName: string,
        message: string,
        detail?: Pick<ExceptionState, 'dml'>
    ): ObjectValue {
        const cls = this.exceptions.get(exceptionName.toLowerCase());
        if (!cls) {
            throw new Error(`The platform has no exception ${exceptionName}.`);
        }
        const exception = this.instantiate(cls, undefined, []);
        if (exception.exception) {
            exception.exception.message = message;
            if (detail?.dml) {
                exception.exception.dml = detail.dml;
            }
        }
        return exception;
    }

    public enumValue(enumName: string, value: string): EnumValue {
        const found = this.builtins
            .get(enumName.toLowerCase())
            ?.enumValues.find((candidate) => candidate.name === value);
        if (!found) {
            throw new Error(`The platform enum ${enumName} has no value ${value}.`);
        }
        return found;
    }
}

/** Whether two methods take the same parameter types (an override's signature). */
function sameParameters(a: MethodInfo, b: MethodInfo): boolean {
    return (
        a.parameters.length === b.parameters.length &&
        a.parameters.every((parameter, index) => {
            const other = b.parameters[index];
            return other !== undefined && sameType(parameter.type, other.type);
        })
    );
}

/** Whether a constructor's first statement is `this(...)` or `super(...)`. */
function explicitConstructorCall(
    statement: ApexGrammar.StatementContext | undefined
): 'this' | 'super' | undefined {
    const expression = statement
        ? optional(statement.expressionStatement())?.expression()
        : undefined;
    if (expression instanceof ApexGrammar.MethodCallExpressionContext) {
        const call = expression.methodCall();
        if (optional(call.THIS())) {
            return 'this';
        }
        if (optional(call.SUPER())) {
            return 'super';
        }
    }
    return undefined;
}

/** Parses anonymous Apex with the grammar's anonymousUnit rule. */
function parseApexAnonymous(text: string): {
    tree: ApexGrammar.AnonymousBlockContext;
    errors: { line: number; message: string }[];
} {
    const errors: { line: number; message: string }[] = [];
    class Listener extends ApexGrammar.ApexErrorListener {
        override apexSyntaxError(line: number, _column: number, message: string): void {
            errors.push({ line, message });
        }
    }
    const { parser } = ApexGrammar.ApexParserFactory.createLexerAndParser(text, new Listener());
    return { tree: parser.anonymousUnit().anonymousBlock(), errors };
}
