import type { ElementSchema, MetadataSchema } from '../schema';
import type { XmlElement } from '../xml/parse';

/**
 * The path of a child element as messages show it: `decisions[Decide_Link_Change]` when the
 * element has a name, `fieldPermissions[3]` (0-based) when it has siblings of the same name.
 */
export function childPath(parentPath: string, parent: XmlElement, child: XmlElement): string {
    const name = child.children.find((candidate) => candidate.name === 'name')?.text.trim();
    if (name) {
        return `${parentPath}.${child.name}[${name}]`;
    }
    const siblings = parent.children.filter((candidate) => candidate.name === child.name);
    return siblings.length > 1
        ? `${parentPath}.${child.name}[${siblings.indexOf(child)}]`
        : `${parentPath}.${child.name}`;
}

/** An element of a metadata file with the schema entry that declares it. */
export interface TypedElement {
    readonly element: XmlElement;
    readonly path: string;
    /** The declaration in the parent's type; undefined when the parent's type has no such element. */
    readonly declaration: ElementSchema | undefined;
}

/**
 * Visits every descendant of a metadata element (depth first, document order) with its schema
 * declaration, so that callers find elements by type (every FlowConnector) rather than by a
 * hand-kept list of element names.
 */
export function walkTyped(
    schema: MetadataSchema,
    typeName: string,
    element: XmlElement,
    path: string,
    visit: (typed: TypedElement) => void
): void {
    const type = schema.complexType(typeName);
    for (const child of element.children) {
        const declaration = type?.elements.find((candidate) => candidate.name === child.name);
        const typed = { element: child, path: childPath(path, element, child), declaration };
        visit(typed);
        if (declaration?.type.kind === 'complex') {
            walkTyped(schema, declaration.type.name, child, typed.path, visit);
        }
    }
}
