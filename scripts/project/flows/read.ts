import { child, type XmlElement } from '../../xml/parse';
import { childPath } from '../xmlPath';
import type { FlowPlace, FlowText, FlowValueModel } from './types';

/** Reading the parts of flow and FlowTest files, with their places. */

/** Where a child element is. */
export function placeOf(parent: XmlElement, parentPath: string, element: XmlElement): FlowPlace {
    return { line: element.line, path: childPath(parentPath, parent, element) };
}

/** A leaf child's text, trimmed: a name, a reference, an object or field, an enumeration value. */
export function textOf(parent: XmlElement, parentPath: string, name: string): FlowText | undefined {
    const leaf = child(parent, name);
    return leaf ? { text: leaf.text.trim(), ...placeOf(parent, parentPath, leaf) } : undefined;
}

/** A leaf child's text as written: prose, formulas, text. */
export function proseOf(
    parent: XmlElement,
    parentPath: string,
    name: string
): FlowText | undefined {
    const leaf = child(parent, name);
    return leaf ? { text: leaf.text, ...placeOf(parent, parentPath, leaf) } : undefined;
}

/** Every leaf child with one of these names, trimmed, empty ones left out, in document order. */
export function textsOf(
    parent: XmlElement,
    parentPath: string,
    names: ReadonlySet<string>
): FlowText[] {
    return parent.children
        .filter((leaf) => names.has(leaf.name))
        .map((leaf) => ({ text: leaf.text.trim(), ...placeOf(parent, parentPath, leaf) }))
        .filter((leaf) => leaf.text !== '');
}

/** A value child (FlowElementReferenceOrValue, FlowTestReferenceOrValue) with its holders as written. */
export function valueOf(
    parent: XmlElement,
    parentPath: string,
    name: string
): FlowValueModel | undefined {
    const element = child(parent, name);
    if (!element) {
        return undefined;
    }
    const place = placeOf(parent, parentPath, element);
    return {
        ...place,
        holders: element.children.map((holder) => ({
            kind: holder.name,
            text: holder.text,
            ...placeOf(element, place.path, holder)
        }))
    };
}

/** Optional parts, left out when absent (the model never holds an undefined property). */
export function present<T extends Record<string, unknown>>(
    parts: T
): { [K in keyof T]?: Exclude<T[K], undefined> } {
    return Object.fromEntries(Object.entries(parts).filter(([, value]) => value !== undefined)) as {
        [K in keyof T]?: Exclude<T[K], undefined>;
    };
}
