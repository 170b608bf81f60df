import { enumClass, listClass, mapClass, setClass } from './collections';
import { cryptoClass } from './crypto';
import { dateClass, datetimeClass, timeClass } from './dates';
import { blobClass, encodingUtilClass } from './encoding';
import { idClass } from './ids';
import { jsonClass } from './json';
import { booleanClass, decimalClass, doubleClass, integerClass, longClass } from './numbers';
import { matcherClass, patternClass } from './regex';
import type { PlatformRegistry } from './registry';
import { stringClass } from './strings';
import { assertClass, mathClass, systemClass } from './system';
import { typeClass } from './typeClass';

/** The platform classes the embedded org implements for every Apex program. */
export function registerCorePlatform(registry: PlatformRegistry): void {
    registry.add(
        systemClass,
        assertClass,
        mathClass,
        stringClass,
        integerClass,
        longClass,
        decimalClass,
        doubleClass,
        booleanClass,
        idClass,
        blobClass,
        dateClass,
        datetimeClass,
        timeClass,
        listClass,
        setClass,
        mapClass,
        enumClass,
        jsonClass,
        patternClass,
        matcherClass,
        encodingUtilClass,
        cryptoClass,
        typeClass
    );
}
