import type { ApexAnnotation, ApexModifiers } from './types';

/** Whether two Apex names are the same name: Apex compares names case-insensitively. */
export function sameName(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}

/** Whether a declaration has a keyword modifier: `static`, `with sharing`. */
export function hasModifier(declaration: ApexModifiers, modifier: string): boolean {
    const wanted = modifier.split(/\s+/).join(' ');
    return declaration.modifiers.some((written) => sameName(written, wanted));
}

/** A declaration's annotation of the given name (`AuraEnabled`), if it has it. */
export function findAnnotation(
    declaration: ApexModifiers,
    name: string
): ApexAnnotation | undefined {
    return declaration.annotations.find((annotation) => sameName(annotation.name, name));
}
