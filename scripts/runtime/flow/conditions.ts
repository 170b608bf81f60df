import type { Scalar } from '../types';
import { isRecord } from './values';
import type { ConditionOperator, FlowValue } from './types';

/** How decisions compare text. The platform's behaviour is not documented. [verify in an org] */
export interface ComparisonOptions {
    readonly caseSensitiveText: boolean;
}

function scalarOf(value: FlowValue): Scalar {
    if (isRecord(value)) {
        return value.fields['Id'] ?? null;
    }
    if (Array.isArray(value)) {
        return null;
    }
    return value === '' ? null : value;
}

function text(value: Scalar, options: ComparisonOptions): string {
    const string = String(value);
    return options.caseSensitiveText ? string : string.toLowerCase();
}

/**
 * Equality in decisions: null and empty text are the same (FlowTests write `''` for blank);
 * records compare by Id; a null checkbox is not false. [verify in an org]
 */
export function valuesEqual(
    left: FlowValue,
    right: FlowValue,
    options: ComparisonOptions
): boolean {
    if (Array.isArray(left) && Array.isArray(right)) {
        return (
            left.length === right.length &&
            left.every((item, index) => valuesEqual(item, right[index] ?? null, options))
        );
    }
    const a = scalarOf(left);
    const b = scalarOf(right);
    if (a === null || b === null) {
        return a === b;
    }
    if (typeof a === 'string' || typeof b === 'string') {
        return text(a, options) === text(b, options);
    }
    return a === b;
}

function blank(value: FlowValue): boolean {
    if (Array.isArray(value)) {
        return value.length === 0;
    }
    return value === null || (typeof value === 'string' && value.trim() === '');
}

function order(left: Scalar, right: Scalar, options: ComparisonOptions): number | undefined {
    if (left === null || right === null) {
        return undefined;
    }
    if (typeof left === 'number' && typeof right === 'number') {
        return left - right;
    }
    const a = text(left, options);
    const b = text(right, options);
    return a === b ? 0 : a < b ? -1 : 1;
}

/**
 * A decision condition's operator on resolved values. IsChanged and WasVisited need the
 * interview and are answered by the caller. IsNull is true only for null: an empty collection
 * is not null; IsBlank also takes empty or whitespace text and empty collections (API 61+).
 */
export function compareValues(
    operator: Exclude<ConditionOperator, 'IsChanged' | 'WasVisited'>,
    left: FlowValue,
    right: FlowValue,
    options: ComparisonOptions
): boolean {
    const expectTrue = right === true;
    switch (operator) {
        case 'IsNull':
            return (left === null) === expectTrue;
        case 'IsBlank':
            return blank(left) === expectTrue;
        case 'IsEmpty':
            return (left === null || (Array.isArray(left) && left.length === 0)) === expectTrue;
        case 'EqualTo':
            return valuesEqual(left, right, options);
        case 'NotEqualTo':
            return !valuesEqual(left, right, options);
        case 'In':
        case 'NotIn': {
            const found =
                Array.isArray(right) && right.some((item) => valuesEqual(left, item, options));
            return operator === 'In' ? found : !found;
        }
        case 'Contains':
            if (Array.isArray(left)) {
                return left.some((item) => valuesEqual(item, right, options));
            }
            break;
        default:
            break;
    }
    const a = scalarOf(left);
    const b = scalarOf(right);
    if (operator === 'StartsWith' || operator === 'EndsWith' || operator === 'Contains') {
        if (a === null) {
            return false;
        }
        const whole = text(a, options);
        const part = b === null ? '' : text(b, options);
        return operator === 'StartsWith'
            ? whole.startsWith(part)
            : operator === 'EndsWith'
              ? whole.endsWith(part)
              : whole.includes(part);
    }
    const sign = order(a, b, options);
    if (sign === undefined) {
        return false;
    }
    switch (operator) {
        case 'GreaterThan':
            return sign > 0;
        case 'LessThan':
            return sign < 0;
        case 'GreaterThanOrEqualTo':
            return sign >= 0;
        default:
            return sign <= 0;
    }
}
