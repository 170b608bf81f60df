import type { ApexType, PrimitiveName } from './model';

const primitive = (name: PrimitiveName): ApexType => ({ kind: 'primitive', name });

export const T = {
    integer: primitive('Integer'),
    long: primitive('Long'),
    double: primitive('Double'),
    decimal: primitive('Decimal'),
    string: primitive('String'),
    boolean: primitive('Boolean'),
    id: primitive('Id'),
    date: primitive('Date'),
    datetime: primitive('Datetime'),
    time: primitive('Time'),
    blob: primitive('Blob'),
    object: primitive('Object'),
    void: { kind: 'void' } as ApexType,
    null: { kind: 'null' } as ApexType,
    sobject: { kind: 'sobject' } as ApexType,
    list: (element: ApexType) => ({ kind: 'list', element }) as const,
    set: (element: ApexType) => ({ kind: 'set', element }) as const,
    map: (key: ApexType, value: ApexType) => ({ kind: 'map', key, value }) as const,
    platform: (name: string): ApexType => ({ kind: 'platform', name })
} as const;

export const isPrimitive = (type: ApexType, name: PrimitiveName): boolean =>
    type.kind === 'primitive' && type.name === name;

/** Integer, Long, Double and Decimal, in the order of implicit widening (DG "Rules of Conversion"). */
const NUMERIC_RANK: Readonly<Partial<Record<PrimitiveName, number>>> = {
    Integer: 0,
    Long: 1,
    Double: 2,
    Decimal: 3
};

export function numericRank(type: ApexType): number | undefined {
    return type.kind === 'primitive' ? NUMERIC_RANK[type.name] : undefined;
}

/** The wider of two numeric types: "if a Double is used, the result is a Double" (DG ops). */
export function widerNumeric(a: ApexType, b: ApexType): ApexType | undefined {
    const left = numericRank(a);
    const right = numericRank(b);
    if (left === undefined || right === undefined) {
        return undefined;
    }
    return left >= right ? a : b;
}

/** The name Apex gives a type in its messages: `List<String>`, `Map<Id,Account>`, `MyClass.Inner`. */
export function typeName(type: ApexType): string {
    switch (type.kind) {
        case 'primitive':
            return type.name;
        case 'void':
            return 'void';
        case 'null':
            return 'null';
        case 'list':
            return `List<${typeName(type.element)}>`;
        case 'set':
            return `Set<${typeName(type.element)}>`;
        case 'map':
            return `Map<${typeName(type.key)},${typeName(type.value)}>`;
        case 'sobject':
            return type.name ?? 'SObject';
        case 'class':
            return type.cls.name;
        case 'platform':
            return type.name.replace(/^System\./, '');
    }
}

export function sameType(a: ApexType, b: ApexType): boolean {
    if (a.kind !== b.kind) {
        return false;
    }
    switch (a.kind) {
        case 'primitive':
            return a.name === (b as typeof a).name;
        case 'list':
        case 'set':
            return sameType(a.element, (b as typeof a).element);
        case 'map':
            return sameType(a.key, (b as typeof a).key) && sameType(a.value, (b as typeof a).value);
        case 'sobject':
            return (a.name ?? '').toLowerCase() === ((b as typeof a).name ?? '').toLowerCase();
        case 'class':
            return a.cls === (b as typeof a).cls;
        case 'platform':
            return a.name === (b as typeof a).name;
        default:
            return true;
    }
}

/**
 * Whether a value of static type `from` may be assigned to `to` without a cast: the same type,
 * null, anything to Object, implicit numeric widening, Id to String, a subclass to its
 * superclass or interface, a concrete sObject to SObject, and `List<T>` to `List<U>` when T
 * assigns to U (DG lists: "List<T> is a subtype of List<U>").
 */
export function isAssignable(from: ApexType, to: ApexType): boolean {
    if (from.kind === 'null' || isPrimitive(to, 'Object') || sameType(from, to)) {
        return true;
    }
    const fromRank = numericRank(from);
    const toRank = numericRank(to);
    if (fromRank !== undefined && toRank !== undefined) {
        return fromRank <= toRank;
    }
    if (isPrimitive(from, 'Id') && isPrimitive(to, 'String')) {
        return true;
    }
    if (isPrimitive(from, 'Date') && isPrimitive(to, 'Datetime')) {
        return true;
    }
    if (from.kind === 'sobject' && to.kind === 'sobject') {
        return to.name === undefined;
    }
    if (from.kind === 'class' && to.kind === 'class') {
        return from.cls.isSubtypeOf(to.cls);
    }
    if (from.kind === 'list' && to.kind === 'list') {
        return isAssignable(from.element, to.element);
    }
    if (from.kind === 'set' && to.kind === 'set') {
        return isAssignable(from.element, to.element);
    }
    if (from.kind === 'map' && to.kind === 'map') {
        return sameType(from.key, to.key) && isAssignable(from.value, to.value);
    }
    return false;
}
