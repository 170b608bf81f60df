import { RoundingMode } from 'bigdecimal.js';
import { apexEquals, asDecimal } from '../equality';
import { toText } from '../render';
import { isInstanceOf } from '../runtimeTypes';
import { T } from '../types';
import { method } from './define';
import { toWallClock, userZone } from './timeZone';
import type { CallSite, PlatformClass, PlatformMethod } from '../services';
import {
    type BigDecimal,
    DatetimeValue,
    DateValue,
    DoubleValue,
    toLong,
    TypeValue,
    type Value
} from '../model';

/**
 * System's and Assert's methods that every Apex program leans on: debug output, assertions and
 * the clock. An assertion that fails throws System.AssertException, which Apex code cannot catch
 * (RG Assert: "You can't catch an assertion failure").
 */

const text = (value: Value, site: CallSite): string => toText(value, site.vm.renderHooks, true);

function fail(site: CallSite, detail: string, message: Value): never {
    const suffix = message === null ? '' : `${text(message, site)}: `;
    // "Assertion Failed: <message>: Expected: 1, Actual: 2" [verify in an org: the exact layout]
    return site.vm.raise(
        'AssertException',
        `Assertion Failed: ${suffix}${detail}`.replace(/: $/, '')
    );
}

const expectedActual = (expected: Value, actual: Value, site: CallSite): string =>
    `Expected: ${text(expected, site)}, Actual: ${text(actual, site)}`;

function equalsAssertion(name: string, negate: boolean): PlatformMethod[] {
    const check = (args: readonly Value[], site: CallSite): Value => {
        const [expected = null, actual = null, message = null] = args;
        if (apexEquals(expected, actual, site.vm.equalityHooks) === negate) {
            fail(
                site,
                negate
                    ? `Expected not: ${text(expected, site)}, Actual: ${text(actual, site)}`
                    : expectedActual(expected, actual, site),
                message
            );
        }
        return null;
    };
    return [
        method(name, ['any', 'any'], T.void, (_self, args, site) => check(args, site)),
        method(name, ['any', 'any', 'any'], T.void, (_self, args, site) => check(args, site))
    ];
}

function truthAssertion(name: string, wanted: boolean): PlatformMethod[] {
    const check = (args: readonly Value[], site: CallSite): Value => {
        const [condition = null, message = null] = args;
        if (condition !== wanted) {
            fail(site, `Expected: ${String(wanted)}, Actual: ${text(condition, site)}`, message);
        }
        return null;
    };
    return [
        method(name, [T.boolean], T.void, (_self, args, site) => check(args, site)),
        method(name, [T.boolean, 'any'], T.void, (_self, args, site) => check(args, site))
    ];
}

/** The embedded org's clock: real time, unless a driver sets a fixed one. */
export const clock = { now: (): number => Date.now() };

/** RG System today(): "the current date in the current user's time zone". */
function today(): DateValue {
    const wall = toWallClock(clock.now(), userZone());
    return new DateValue(wall.year, wall.month, wall.day);
}

export const systemClass: PlatformClass = {
    name: 'System.System',
    names: ['system', 'system.system'],
    staticMethods: [
        method('debug', ['any'], T.void, (_self, [value = null], site) => {
            site.vm.debug(site.frame.line, text(value, site));
            return null;
        }),
        method('debug', ['any', 'any'], T.void, (_self, [, value = null], site) => {
            site.vm.debug(site.frame.line, text(value, site));
            return null;
        }),
        method('assert', [T.boolean], T.void, (_self, [condition = null], site) =>
            condition === true ? null : fail(site, '', null)
        ),
        method(
            'assert',
            [T.boolean, 'any'],
            T.void,
            (_self, [condition = null, message = null], site) =>
                condition === true ? null : fail(site, '', message)
        ),
        ...equalsAssertion('assertEquals', false),
        ...equalsAssertion('assertNotEquals', true),
        method('now', [], T.datetime, () => new DatetimeValue(clock.now())),
        method('today', [], T.date, () => today()),
        method('currentTimeMillis', [], T.long, () => BigInt(clock.now()))
    ]
};

export const assertClass: PlatformClass = {
    name: 'System.Assert',
    names: ['assert', 'system.assert'],
    staticMethods: [
        ...equalsAssertion('areEqual', false),
        ...equalsAssertion('areNotEqual', true),
        ...truthAssertion('isTrue', true),
        ...truthAssertion('isFalse', false),
        method('isNull', ['any'], T.void, (_self, [value = null], site) =>
            value === null ? null : fail(site, `Expected: null, Actual: ${text(value, site)}`, null)
        ),
        method('isNull', ['any', 'any'], T.void, (_self, [value = null, message = null], site) =>
            value === null
                ? null
                : fail(site, `Expected: null, Actual: ${text(value, site)}`, message)
        ),
        method('isNotNull', ['any'], T.void, (_self, [value = null], site) =>
            value !== null ? null : fail(site, 'Expected: not null, Actual: null', null)
        ),
        method(
            'isNotNull',
            ['any', 'any'],
            T.void,
            (_self, [value = null, message = null], site) =>
                value !== null ? null : fail(site, 'Expected: not null, Actual: null', message)
        ),
        method('fail', [], T.void, (_self, _args, site) => fail(site, '', null)),
        method('fail', ['any'], T.void, (_self, [message = null], site) => fail(site, '', message)),
        method(
            'isInstanceOfType',
            ['any', T.platform('System.Type')],
            T.void,
            (_self, [value = null, type = null], site) =>
                type instanceof TypeValue && isInstanceOf(value, type.type)
                    ? null
                    : fail(
                          site,
                          `Expected instance of ${text(type, site)}, Actual: ${text(value, site)}`,
                          null
                      )
        ),
        method(
            'isInstanceOfType',
            ['any', T.platform('System.Type'), 'any'],
            T.void,
            (_self, [value = null, type = null, message = null], site) =>
                type instanceof TypeValue && isInstanceOf(value, type.type)
                    ? null
                    : fail(
                          site,
                          `Expected instance of ${text(type, site)}, Actual: ${text(value, site)}`,
                          message
                      )
        )
    ]
};

const number = (value: Value): number =>
    value instanceof DoubleValue
        ? value.value
        : typeof value === 'bigint'
          ? Number(value)
          : typeof value === 'number'
            ? value
            : Number((value as { toString(): string }).toString());

export const mathClass: PlatformClass = {
    name: 'System.Math',
    names: ['math', 'system.math'],
    staticMethods: [
        method('max', [T.integer, T.integer], T.integer, (_self, [a, b]) =>
            Math.max(a as number, b as number)
        ),
        method('min', [T.integer, T.integer], T.integer, (_self, [a, b]) =>
            Math.min(a as number, b as number)
        ),
        method('max', [T.long, T.long], T.long, (_self, [a, b]) =>
            (a as bigint) > (b as bigint) ? (a ?? null) : (b ?? null)
        ),
        method('min', [T.long, T.long], T.long, (_self, [a, b]) =>
            (a as bigint) < (b as bigint) ? (a ?? null) : (b ?? null)
        ),
        method('max', [T.decimal, T.decimal], T.decimal, (_self, [a, b]) =>
            number(a ?? null) >= number(b ?? null) ? (a ?? null) : (b ?? null)
        ),
        method('min', [T.decimal, T.decimal], T.decimal, (_self, [a, b]) =>
            number(a ?? null) <= number(b ?? null) ? (a ?? null) : (b ?? null)
        ),
        method('abs', [T.integer], T.integer, (_self, [a]) => Math.abs(a as number) | 0),
        method('abs', [T.long], T.long, (_self, [a]) =>
            toLong((a as bigint) < 0n ? -(a as bigint) : (a as bigint))
        ),
        method(
            'abs',
            [T.double],
            T.double,
            (_self, [a]) => new DoubleValue(Math.abs(number(a ?? null)))
        ),
        method(
            'max',
            [T.double, T.double],
            T.double,
            (_self, [a, b]) => new DoubleValue(Math.max(number(a ?? null), number(b ?? null)))
        ),
        method(
            'min',
            [T.double, T.double],
            T.double,
            (_self, [a, b]) => new DoubleValue(Math.min(number(a ?? null), number(b ?? null)))
        ),
        method('abs', [T.decimal], T.decimal, (_self, [a]) => (a as { abs(): Value }).abs()),
        // RG Math: ceil and floor of a Decimal are Decimals, of a Double Doubles [verify in an org:
        // the scale of the Decimal result].
        method('ceil', [T.decimal], T.decimal, (_self, [a]) =>
            (asDecimal(a ?? null) as BigDecimal).setScale(0, RoundingMode.CEILING)
        ),
        method(
            'ceil',
            [T.double],
            T.double,
            (_self, [a]) => new DoubleValue(Math.ceil(number(a ?? null)))
        ),
        method('floor', [T.decimal], T.decimal, (_self, [a]) =>
            (asDecimal(a ?? null) as BigDecimal).setScale(0, RoundingMode.FLOOR)
        ),
        method(
            'floor',
            [T.double],
            T.double,
            (_self, [a]) => new DoubleValue(Math.floor(number(a ?? null)))
        ),
        method('random', [], T.double, () => new DoubleValue(Math.random())),
        method('mod', [T.integer, T.integer], T.integer, (_self, [a, b], site) =>
            (b as number) === 0
                ? site.vm.raise('MathException', 'Divide by 0')
                : (a as number) % (b as number)
        ),
        // RG Math mod(longValue1, longValue2): the remainder, with the dividend's sign as Java's %.
        method('mod', [T.long, T.long], T.long, (_self, [a, b], site) =>
            (b as bigint) === 0n
                ? site.vm.raise('MathException', 'Divide by 0')
                : (a as bigint) % (b as bigint)
        ),
        method(
            'pow',
            [T.double, T.double],
            T.double,
            (_self, [a, b]) => new DoubleValue(Math.pow(number(a ?? null), number(b ?? null)))
        ),
        method(
            'sqrt',
            [T.double],
            T.double,
            (_self, [a]) => new DoubleValue(Math.sqrt(number(a ?? null)))
        )
    ]
};
