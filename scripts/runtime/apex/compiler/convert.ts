import { MC, RoundingMode } from 'bigdecimal.js';
import { decimalOf, isIdText, toId18 } from '../runtimeTypes';
import type { ApexServices } from '../services';
import { isAssignable, numericRank } from '../types';
import {
    type ApexType,
    type BigDecimal,
    DatetimeValue,
    DateValue,
    DoubleValue,
    IdValue,
    toInteger,
    toLong,
    type Value
} from '../model';

/** A conversion of a value from one static type to another, or the identity. */
export type Converter = ((value: Value) => Value) | undefined;

/** The 18-character Id a String holds, or a StringException "Invalid id" (APEX.md §2). */
export function toIdValue(text: string, services: ApexServices): IdValue {
    if (!isIdText(text)) {
        services.raise('StringException', `Invalid id: ${text}`);
    }
    return new IdValue(toId18(text));
}

/**
 * The implicit conversion Apex applies when a value of static type `from` is assigned to `to`
 * (DG "Rules of Conversion"): numeric widening (Integer → Long → Double → Decimal), Id → String,
 * String → Id (checked at run time), Date → Datetime. Undefined when nothing changes; 'refused'
 * when the assignment does not compile.
 */
export function converter(
    from: ApexType,
    to: ApexType,
    services: ApexServices
): Converter | 'refused' {
    if (from.kind === 'primitive' && to.kind === 'primitive' && from.name !== to.name) {
        const fromRank = numericRank(from);
        const toRank = numericRank(to);
        if (fromRank !== undefined && toRank !== undefined && fromRank < toRank) {
            switch (to.name) {
                case 'Long':
                    return (value) => (value === null ? null : BigInt(value as number));
                case 'Double':
                    return (value) =>
                        value === null
                            ? null
                            : new DoubleValue(
                                  typeof value === 'bigint' ? Number(value) : (value as number)
                              );
                default:
                    return (value) => (value === null ? null : decimalOf(value));
            }
        }
        if (from.name === 'Id' && to.name === 'String') {
            return (value) => (value === null ? null : (value as IdValue).value);
        }
        if (from.name === 'String' && to.name === 'Id') {
            return (value) => (value === null ? null : toIdValue(value as string, services));
        }
        if (from.name === 'Date' && to.name === 'Datetime') {
            return (value) =>
                value === null
                    ? null
                    : new DatetimeValue(
                          Date.UTC(
                              (value as DateValue).year,
                              (value as DateValue).month - 1,
                              (value as DateValue).day
                          )
                      );
        }
    }
    return isAssignable(from, to) ? undefined : 'refused';
}

/** The precision a Decimal division rounds to when its quotient does not end. [verify in an org] */
const DIVISION_CONTEXT = MC(32, RoundingMode.HALF_EVEN);

/** Integer, Long, Double or Decimal arithmetic on two values already widened to `type`. */
export function arithmetic(
    operator: '+' | '-' | '*' | '/' | '%',
    type: ApexType,
    services: ApexServices
): (left: Value, right: Value) => Value {
    const name = type.kind === 'primitive' ? type.name : 'Decimal';
    const zero = (): never => services.raise('MathException', 'Divide by 0');
    switch (name) {
        case 'Integer':
            switch (operator) {
                case '+':
                    return (a, b) => toInteger((a as number) + (b as number));
                case '-':
                    return (a, b) => toInteger((a as number) - (b as number));
                case '*':
                    return (a, b) => Math.imul(a as number, b as number);
                case '/':
                    return (a, b) =>
                        (b as number) === 0 ? zero() : toInteger((a as number) / (b as number));
                default:
                    return (a, b) =>
                        (b as number) === 0 ? zero() : toInteger((a as number) % (b as number));
            }
        case 'Long':
            switch (operator) {
                case '+':
                    return (a, b) => toLong((a as bigint) + (b as bigint));
                case '-':
                    return (a, b) => toLong((a as bigint) - (b as bigint));
                case '*':
                    return (a, b) => toLong((a as bigint) * (b as bigint));
                case '/':
                    return (a, b) =>
                        (b as bigint) === 0n ? zero() : toLong((a as bigint) / (b as bigint));
                default:
                    return (a, b) =>
                        (b as bigint) === 0n ? zero() : toLong((a as bigint) % (b as bigint));
            }
        case 'Double': {
            const apply: Record<string, (a: number, b: number) => number> = {
                '+': (a, b) => a + b,
                '-': (a, b) => a - b,
                '*': (a, b) => a * b,
                '/': (a, b) => a / b,
                '%': (a, b) => a % b
            };
            const op = apply[operator] ?? ((a: number) => a);
            return (a, b) =>
                new DoubleValue(op((a as DoubleValue).value, (b as DoubleValue).value));
        }
        default:
            switch (operator) {
                case '+':
                    return (a, b) => (a as BigDecimal).add(b as BigDecimal);
                case '-':
                    return (a, b) => (a as BigDecimal).subtract(b as BigDecimal);
                case '*':
                    return (a, b) => (a as BigDecimal).multiply(b as BigDecimal);
                case '/':
                    return (a, b) => {
                        const divisor = b as BigDecimal;
                        if (divisor.signum() === 0) {
                            return zero();
                        }
                        try {
                            return (a as BigDecimal).divide(divisor);
                        } catch {
                            // A quotient that does not end (1/3) is rounded.
                            return (a as BigDecimal).divideWithMathContext(
                                divisor,
                                DIVISION_CONTEXT
                            );
                        }
                    };
                default:
                    return (a, b) =>
                        (b as BigDecimal).signum() === 0
                            ? zero()
                            : (a as BigDecimal).remainder(b as BigDecimal);
            }
    }
}

/** Converts a numeric value to another numeric type (the wider one of an operation). */
export function widen(value: Value, to: ApexType): Value {
    if (value === null || to.kind !== 'primitive') {
        return value;
    }
    switch (to.name) {
        case 'Long':
            return typeof value === 'number' ? BigInt(value) : value;
        case 'Double':
            return value instanceof DoubleValue
                ? value
                : new DoubleValue(typeof value === 'bigint' ? Number(value) : (value as number));
        case 'Decimal':
            return decimalOf(value);
        default:
            return value;
    }
}
