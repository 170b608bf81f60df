import type { ParameterType, PlatformMethod } from '../services';
import { isAssignable, numericRank, sameType } from '../types';
import type { ApexType, MethodInfo } from '../model';

/**
 * How well an argument of static type `argument` fits a parameter: 0 for the same type, more for
 * a conversion, undefined when it does not fit. Apex picks the overload whose parameters fit the
 * arguments most closely, as Java does.
 */
function distance(argument: ApexType, parameter: ParameterType): number | undefined {
    if (parameter === 'any') {
        return 3;
    }
    if (sameType(argument, parameter)) {
        return 0;
    }
    if (argument.kind === 'null') {
        return 1;
    }
    const from = numericRank(argument);
    const to = numericRank(parameter);
    if (from !== undefined && to !== undefined) {
        return from <= to ? to - from : undefined;
    }
    if (
        argument.kind === 'primitive' &&
        argument.name === 'String' &&
        parameter.kind === 'primitive' &&
        parameter.name === 'Id'
    ) {
        return 2;
    }
    if (!isAssignable(argument, parameter)) {
        return undefined;
    }
    return parameter.kind === 'primitive' && parameter.name === 'Object' ? 4 : 1;
}

function score(
    parameters: readonly ParameterType[],
    args: readonly ApexType[]
): number | undefined {
    if (parameters.length !== args.length) {
        return undefined;
    }
    let total = 0;
    for (const [index, parameter] of parameters.entries()) {
        const argument = args[index];
        const fit = argument === undefined ? undefined : distance(argument, parameter);
        if (fit === undefined) {
            return undefined;
        }
        total += fit;
    }
    return total;
}

/** The overload that fits the arguments best, or undefined when none does. */
export function pickMethod(
    candidates: readonly MethodInfo[],
    args: readonly ApexType[]
): MethodInfo | undefined {
    return best(candidates, (method) =>
        score(
            method.parameters.map((parameter) => parameter.type),
            args
        )
    );
}

export function pickPlatformMethod(
    candidates: readonly PlatformMethod[],
    args: readonly ApexType[]
): PlatformMethod | undefined {
    return best(candidates, (method) => score(method.parameters, args));
}

function best<M>(candidates: readonly M[], fit: (method: M) => number | undefined): M | undefined {
    let chosen: { method: M; score: number } | undefined;
    for (const method of candidates) {
        const value = fit(method);
        if (value !== undefined && (chosen === undefined || value < chosen.score)) {
            chosen = { method, score: value };
        }
    }
    return chosen?.method;
}
