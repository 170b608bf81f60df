import { ApexClass, EnumValue } from '../model';

const PLATFORM = { file: '(platform)', line: 0 };

/**
 * The platform's enums that Apex code names (RG): System.RoundingMode for Decimal rounding,
 * System.LoggingLevel for System.debug, System.ParentJobResult for finalizers.
 */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
    RoundingMode: [
        'CEILING',
        'DOWN',
        'FLOOR',
        'HALF_DOWN',
        'HALF_EVEN',
        'HALF_UP',
        'UNNECESSARY',
        'UP'
    ],
    LoggingLevel: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'],
    ParentJobResult: ['SUCCESS', 'UNHANDLED_EXCEPTION']
};

/**
 * The platform enums, by simple and by qualified name in lower case: the core's and those the
 * caller adds (the embedded org's StatusCode, from the catalogue).
 */
export function createPlatformEnums(
    extra: Readonly<Record<string, readonly string[]>> = {}
): Map<string, ApexClass> {
    const byName = new Map<string, ApexClass>();
    for (const [key, values] of Object.entries({ ...ENUMS, ...extra })) {
        // `Name` is System.Name; `Schema.Name` names its namespace.
        const [namespace, name] = key.includes('.') ? key.split('.') : ['System', key];
        const fullName = `${namespace ?? 'System'}.${name ?? key}`;
        const cls = new ApexClass(fullName, 'enum', PLATFORM, undefined, true);
        values.forEach((value, ordinal) => cls.enumValues.push(new EnumValue(cls, value, ordinal)));
        byName.set((name ?? key).toLowerCase(), cls);
        byName.set(fullName.toLowerCase(), cls);
    }
    return byName;
}
