import { T } from '../types';
import {
    ApexClass,
    type ApexType,
    type DmlRowError,
    IdValue,
    ListValue,
    type MethodInfo,
    ObjectValue,
    type Value
} from '../model';

/**
 * The platform's exception classes (System namespace; RG "Exception Class and Built-In
 * Exceptions"): Exception at the root, every built-in one directly under it, each with the
 * methods every exception has. Their names print with the namespace (`System.MathException`).
 */
export const BUILT_IN_EXCEPTIONS = [
    'AssertException',
    'AsyncException',
    'CalloutException',
    'DmlException',
    'EmailException',
    'FinalException',
    'HandledException',
    'IllegalArgumentException',
    'InvalidParameterValueException',
    'JSONException',
    'LimitException',
    'ListException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NoSuchElementException',
    'NullPointerException',
    'QueryException',
    'RequiredFeatureMissingException',
    'SObjectException',
    'SearchException',
    'SecurityException',
    'SerializationException',
    'StringException',
    'TypeException',
    'UnexpectedException',
    'UnsupportedOperationException',
    'XmlException'
] as const;

const PLATFORM: { file: string; line: number } = { file: '(platform)', line: 0 };

function native(
    owner: ApexClass,
    name: string,
    parameters: readonly ApexType[],
    returnType: ApexType,
    body: (self: ObjectValue, args: readonly Value[]) => Value
): MethodInfo {
    return {
        name,
        parameters: parameters.map((type, index) => ({ name: `p${index}`, type })),
        returnType,
        isStatic: false,
        isAbstract: false,
        isVirtual: true,
        isOverride: false,
        visibility: 'global',
        annotations: new Set(),
        declaringClass: owner,
        native: (self, args) => body(self as ObjectValue, args),
        place: PLATFORM
    };
}

/** A platform exception beyond the core's: its qualified name and its superclass's. */
export interface ExceptionDeclaration {
    readonly name: string;
    readonly superclass: string;
}

/**
 * Creates Exception and the built-in exceptions, by simple name and by `System.` name, then the
 * caller's (the catalogue's other exceptions), each under its superclass.
 */
export function createExceptionClasses(extra: readonly ExceptionDeclaration[] = []): {
    root: ApexClass;
    byName: Map<string, ApexClass>;
} {
    const root = new ApexClass('System.Exception', 'class', PLATFORM, undefined, true);
    root.isVirtual = true;
    const rootType: ApexType = { kind: 'class', cls: root };
    const state = (self: ObjectValue) => {
        if (!self.exception) {
            self.exception = { message: null, cause: null, stack: [], line: 0 };
        }
        return self.exception;
    };
    root.addMethod(native(root, 'getMessage', [], T.string, (self) => state(self).message));
    root.addMethod(
        native(root, 'setMessage', [T.string], T.void, (self, [message]) => {
            state(self).message = (message as string | null) ?? null;
            return null;
        })
    );
    root.addMethod(native(root, 'getCause', [], rootType, (self) => state(self).cause));
    root.addMethod(
        native(root, 'initCause', [rootType], rootType, (self, [cause]) => {
            state(self).cause = cause as ObjectValue | null;
            return self;
        })
    );
    root.addMethod(native(root, 'getLineNumber', [], T.integer, (self) => state(self).line));
    root.addMethod(
        native(root, 'getStackTraceString', [], T.string, (self) => state(self).stack.join('\n'))
    );
    root.addMethod(native(root, 'getTypeName', [], T.string, (self) => self.type.name));
    const byName = new Map<string, ApexClass>([
        ['exception', root],
        ['system.exception', root]
    ]);
    for (const name of BUILT_IN_EXCEPTIONS) {
        const cls = new ApexClass(`System.${name}`, 'class', PLATFORM, undefined, true);
        cls.superclass = root;
        cls.isVirtual = true;
        addExceptionConstructors(cls, root);
        byName.set(name.toLowerCase(), cls);
        byName.set(`system.${name.toLowerCase()}`, cls);
    }
    let pending = extra.filter((declaration) => !byName.has(declaration.name.toLowerCase()));
    while (pending.length > 0) {
        const waiting = pending.filter((declaration) => {
            const parent = byName.get(declaration.superclass.toLowerCase());
            if (!parent) {
                return true;
            }
            const cls = new ApexClass(declaration.name, 'class', PLATFORM, undefined, true);
            cls.superclass = parent;
            cls.isVirtual = true;
            addExceptionConstructors(cls, root);
            byName.set(declaration.name.toLowerCase(), cls);
            if (declaration.name.startsWith('System.')) {
                byName.set(declaration.name.slice('System.'.length).toLowerCase(), cls);
            }
            return false;
        });
        if (waiting.length === pending.length) {
            break;
        }
        pending = waiting;
    }
    const dml = byName.get('dmlexception');
    if (dml) {
        addDmlMethods(dml);
    }
    return { root, byName };
}

/**
 * DmlException's methods on its failed rows (RG "DmlException Class"): how many rows failed and,
 * for the i-th, its message, fields, status code, Id and position in the operation.
 */
function addDmlMethods(cls: ApexClass): void {
    const row = (self: ObjectValue, index: Value): DmlRowError | undefined =>
        self.exception?.dml?.[index as number];
    cls.addMethod(
        native(cls, 'getNumDml', [], T.integer, (self) => self.exception?.dml?.length ?? 0)
    );
    cls.addMethod(
        native(
            cls,
            'getDmlMessage',
            [T.integer],
            T.string,
            (self, [index = null]) => row(self, index)?.message ?? null
        )
    );
    cls.addMethod(
        native(
            cls,
            'getDmlFieldNames',
            [T.integer],
            T.list(T.string),
            (self, [index = null]) => new ListValue(T.string, [...(row(self, index)?.fields ?? [])])
        )
    );
    cls.addMethod(
        native(
            cls,
            'getDmlStatusCode',
            [T.integer],
            T.string,
            (self, [index = null]) => row(self, index)?.statusCode ?? null
        )
    );
    cls.addMethod(
        native(cls, 'getDmlId', [T.integer], T.id, (self, [index = null]) => {
            const id = row(self, index)?.id;
            return id ? new IdValue(id) : null;
        })
    );
    cls.addMethod(
        native(
            cls,
            'getDmlIndex',
            [T.integer],
            T.integer,
            (self, [index = null]) => row(self, index)?.index ?? null
        )
    );
}

/**
 * A custom exception "inherits" four constructors (DG "Create Custom Exceptions"), as the
 * built-in ones have them: none, a message, a cause, a message and a cause. They are native: the
 * VM keeps the message and the cause in the exception's state.
 */
export function addExceptionConstructors(cls: ApexClass, root: ApexClass): void {
    const cause: ApexType = { kind: 'class', cls: root };
    for (const parameters of [[], [T.string], [cause], [T.string, cause]]) {
        cls.constructors.push({
            ...native(cls, cls.simpleName, parameters, T.void, (self, args) => {
                const message = args.find((arg) => typeof arg === 'string');
                const given = args.find((arg) => arg instanceof ObjectValue);
                self.exception = {
                    message:
                        message ??
                        (given instanceof ObjectValue
                            ? given.type.name + ': ' + (given.exception?.message ?? '')
                            : null),
                    cause: given ?? null,
                    stack: self.exception?.stack ?? [],
                    line: self.exception?.line ?? 0
                };
                return null;
            }),
            isVirtual: false
        });
    }
}
