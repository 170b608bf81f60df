import type { CallSite, ParameterType, PlatformMethod } from '../services';
import type { ApexType, Value } from '../model';

/** A platform method in one line: name, parameters, result and what it does. */
export function method(
    name: string,
    parameters: readonly ParameterType[],
    returns: PlatformMethod['returns'],
    invoke: (receiver: Value, args: readonly Value[], site: CallSite) => Value
): PlatformMethod {
    return { name, parameters, returns, invoke };
}

/** The element type of a List or Set receiver, the value type of a Map's. */
export function elementType(receiver: ApexType | undefined): ApexType {
    if (receiver?.kind === 'list' || receiver?.kind === 'set') {
        return receiver.element;
    }
    if (receiver?.kind === 'map') {
        return receiver.value;
    }
    return { kind: 'primitive', name: 'Object' };
}

/** Throws the NullPointerException an argument that must not be null gets. */
export function required<T extends Value>(value: T | null, site: CallSite): T {
    if (value === null) {
        return site.vm.raise('NullPointerException', 'Argument cannot be null.');
    }
    return value;
}
