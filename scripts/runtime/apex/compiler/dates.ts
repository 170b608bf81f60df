import { Big } from 'bigdecimal.js';
import { asDecimal } from '../equality';
import type { Expr } from '../frame';
import { isPrimitive } from '../types';
import type { CompilerApi } from './api';
import { DatetimeValue, DateValue, type Value } from '../model';

const DAY = 86_400_000;

/**
 * `date ± Integer` adds days; `datetime ± number` adds days, a fraction being part of a day
 * (DG "Primitive Data Types"). There is no Date − Date.
 */
export function dateArithmetic(
    compiler: CompilerApi,
    operator: '+' | '-',
    left: Expr,
    right: Expr
): Expr {
    const sign = operator === '+' ? 1 : -1;
    const services = compiler.services;
    const days = (frame: Parameters<Expr['evaluate']>[0]): number => {
        const value = right.evaluate(frame);
        if (value === null) {
            return services.raise('NullPointerException', 'Attempt to de-reference a null object');
        }
        return (asDecimal(value) ?? Big(0)).numberValue();
    };
    if (isPrimitive(left.type, 'Date')) {
        return {
            type: left.type,
            evaluate: (frame): Value => {
                const date = left.evaluate(frame) as DateValue | null;
                if (date === null) {
                    return services.raise(
                        'NullPointerException',
                        'Attempt to de-reference a null object'
                    );
                }
                const shifted = new Date(
                    Date.UTC(date.year, date.month - 1, date.day) +
                        sign * Math.trunc(days(frame)) * DAY
                );
                return new DateValue(
                    shifted.getUTCFullYear(),
                    shifted.getUTCMonth() + 1,
                    shifted.getUTCDate()
                );
            }
        };
    }
    return {
        type: left.type,
        evaluate: (frame): Value => {
            const datetime = left.evaluate(frame) as DatetimeValue | null;
            if (datetime === null) {
                return services.raise(
                    'NullPointerException',
                    'Attempt to de-reference a null object'
                );
            }
            return new DatetimeValue(datetime.epochMillis + sign * Math.round(days(frame) * DAY));
        }
    };
}
