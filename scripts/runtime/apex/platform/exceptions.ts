import { T } from '../types';
import { ApexClass, type ApexType, type MethodInfo, ObjectValue, type Value } from '../model';

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

/** Creates Exception and the built-in exceptions, by simple name and by `System.` name. */
export function createExceptionClasses(): { root: ApexClass; byName: Map<string, ApexClass> } {
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
    return { root, byName };
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
