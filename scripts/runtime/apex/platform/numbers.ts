import { Big, RoundingMode, type BigDecimal } from 'bigdecimal.js';
import { asDecimal } from '../equality';
import { formatDouble } from '../render';
import { T } from '../types';
import { method, required } from './define';
import type { CallSite, PlatformClass } from '../services';
import { DoubleValue, EnumValue, toInteger, toLong, type Value } from '../model';

/**
 * Integer, Long, Decimal, Double and Boolean (RG "Integer Class", "Decimal Class", ...): their
 * valueOf conversions and the methods of their values.
 */

const INTEGER = /^[+-]?\d+$/;

function parseInteger(text: string, site: CallSite, type: 'integer' | 'long'): number | bigint {
    const trimmed = text.trim();
    if (!INTEGER.test(trimmed)) {
        return site.vm.raise('TypeException', `Invalid ${type}: ${text}`);
    }
    const value = BigInt(trimmed);
    if (type === 'integer') {
        if (value > 2147483647n || value < -2147483648n) {
            return site.vm.raise('TypeException', `Invalid integer: ${text}`);
        }
        return Number(value);
    }
    return toLong(value);
}

function parseDecimal(text: string, site: CallSite): BigDecimal {
    try {
        return Big(text.trim());
    } catch {
        return site.vm.raise('TypeException', `Invalid decimal: ${text}`);
    }
}

const decimal = (value: Value | undefined): BigDecimal => asDecimal(value ?? null) as BigDecimal;

/** The rounding modes of System.RoundingMode, as bigdecimal.js names them. */
const ROUNDING: Readonly<Record<string, RoundingMode>> = {
    CEILING: RoundingMode.CEILING,
    DOWN: RoundingMode.DOWN,
    FLOOR: RoundingMode.FLOOR,
    HALF_DOWN: RoundingMode.HALF_DOWN,
    HALF_EVEN: RoundingMode.HALF_EVEN,
    HALF_UP: RoundingMode.HALF_UP,
    UNNECESSARY: RoundingMode.UNNECESSARY,
    UP: RoundingMode.UP
};

const rounding = (mode: Value | undefined): RoundingMode =>
    mode instanceof EnumValue
        ? (ROUNDING[mode.name] ?? RoundingMode.HALF_EVEN)
        : RoundingMode.HALF_EVEN;

/** Decimal.format(): grouped digits in the user's locale (en_US in the embedded org). */
function grouped(value: BigDecimal): string {
    const [whole = '', fraction] = value.toPlainString().split('.');
    const negative = whole.startsWith('-');
    const digits = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    return `${negative ? '-' : ''}${digits}${fraction ? `.${fraction}` : ''}`;
}

export const integerClass: PlatformClass = {
    name: 'System.Integer',
    names: ['integer', 'system.integer'],
    staticMethods: [
        method('valueOf', [T.string], T.integer, (_self, [text = null], site) =>
            text === null ? null : parseInteger(text as string, site, 'integer')
        ),
        method('valueOf', ['any'], T.integer, (_self, [value = null], site) => {
            if (value === null || typeof value === 'number') {
                return value;
            }
            if (typeof value === 'string') {
                return parseInteger(value, site, 'integer');
            }
            return site.vm.raise('TypeException', 'Invalid conversion to Integer');
        })
    ],
    staticProperties: [],
    instanceMethods: [
        method('format', [], T.string, (self) => grouped(Big(self as number))),
        method('intValue', [], T.integer, (self) => self),
        method('longValue', [], T.long, (self) => BigInt(self as number)),
        method('doubleValue', [], T.double, (self) => new DoubleValue(self as number))
    ]
};

export const longClass: PlatformClass = {
    name: 'System.Long',
    names: ['long', 'system.long'],
    staticMethods: [
        method('valueOf', [T.string], T.long, (_self, [text = null], site) =>
            text === null ? null : parseInteger(text as string, site, 'long')
        )
    ],
    instanceMethods: [
        method('format', [], T.string, (self) => grouped(Big(self as bigint))),
        method('intValue', [], T.integer, (self) =>
            toInteger(Number(BigInt.asIntN(32, self as bigint)))
        ),
        method('longValue', [], T.long, (self) => self)
    ]
};

export const decimalClass: PlatformClass = {
    name: 'System.Decimal',
    names: ['decimal', 'system.decimal'],
    staticMethods: [
        method('valueOf', [T.string], T.decimal, (_self, [text = null], site) =>
            text === null ? null : parseDecimal(text as string, site)
        ),
        method('valueOf', [T.long], T.decimal, (_self, [value = null]) =>
            value === null ? null : Big(value as bigint)
        ),
        method('valueOf', [T.double], T.decimal, (_self, [value = null]) =>
            value === null
                ? null
                : Big(formatDouble((value as DoubleValue).value).replace(/E/, 'e'))
        )
    ],
    instanceMethods: [
        method('setScale', [T.integer], T.decimal, (self, [scale]) =>
            decimal(self).setScale(scale as number, RoundingMode.HALF_EVEN)
        ),
        method('setScale', [T.integer, 'any'], T.decimal, (self, [scale, mode]) =>
            decimal(self).setScale(scale as number, rounding(mode))
        ),
        method('scale', [], T.integer, (self) => decimal(self).scale()),
        method('precision', [], T.integer, (self) => decimal(self).precision()),
        method('round', [], T.long, (self) =>
            decimal(self).setScale(0, RoundingMode.HALF_EVEN).toBigInt()
        ),
        method('round', ['any'], T.long, (self, [mode]) =>
            decimal(self).setScale(0, rounding(mode)).toBigInt()
        ),
        method('stripTrailingZeros', [], T.decimal, (self) => decimal(self).stripTrailingZeros()),
        method('toPlainString', [], T.string, (self) => decimal(self).toPlainString()),
        method('abs', [], T.decimal, (self) => decimal(self).abs()),
        method('intValue', [], T.integer, (self) =>
            toInteger(Number(BigInt.asIntN(32, decimal(self).toBigInt())))
        ),
        method('longValue', [], T.long, (self) => toLong(decimal(self).toBigInt())),
        method('doubleValue', [], T.double, (self) => new DoubleValue(decimal(self).numberValue())),
        method('format', [], T.string, (self) => grouped(decimal(self))),
        method('divide', [T.decimal, T.integer], T.decimal, (self, [divisor, scale], site) => {
            const by = decimal(required(divisor ?? null, site));
            return by.signum() === 0
                ? site.vm.raise('MathException', 'Divide by 0')
                : decimal(self).divide(by, scale as number, RoundingMode.HALF_EVEN);
        }),
        method(
            'divide',
            [T.decimal, T.integer, 'any'],
            T.decimal,
            (self, [divisor, scale, mode], site) => {
                const by = decimal(required(divisor ?? null, site));
                return by.signum() === 0
                    ? site.vm.raise('MathException', 'Divide by 0')
                    : decimal(self).divide(by, scale as number, rounding(mode));
            }
        )
    ]
};

export const doubleClass: PlatformClass = {
    name: 'System.Double',
    names: ['double', 'system.double'],
    staticMethods: [
        method('valueOf', [T.string], T.double, (_self, [text = null], site) => {
            if (text === null) {
                return null;
            }
            const value = Number((text as string).trim());
            return Number.isNaN(value)
                ? site.vm.raise('TypeException', `Invalid double: ${text as string}`)
                : new DoubleValue(value);
        })
    ],
    instanceMethods: [
        method('intValue', [], T.integer, (self) =>
            toInteger(Math.trunc((self as DoubleValue).value))
        ),
        method('longValue', [], T.long, (self) =>
            toLong(BigInt(Math.trunc((self as DoubleValue).value)))
        ),
        method('round', [], T.long, (self) => BigInt(Math.round((self as DoubleValue).value)))
    ]
};

export const booleanClass: PlatformClass = {
    name: 'System.Boolean',
    names: ['boolean', 'system.boolean'],
    staticMethods: [
        method('valueOf', ['any'], T.boolean, (_self, [value = null]) =>
            value === null
                ? null
                : typeof value === 'boolean'
                  ? value
                  : typeof value === 'string' && value.toLowerCase() === 'true'
        )
    ]
};
