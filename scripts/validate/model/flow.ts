import type { MetadataSchema } from '../../schema';
import { child, childText, type XmlElement } from '../../xml/parse';
import type { FieldCheck, ObjectModel } from './objects';
import { childPath, closestName, walkTyped } from './xmlPath';

/** Something a flow names: an element (node), a resource, or a named part such as an outcome. */
export interface FlowName {
    readonly name: string;
    /** The Flow child it is, or is part of: `recordLookups`, `variables`, `rules`... */
    readonly kind: string;
    readonly element: XmlElement;
    readonly path: string;
}

/** A reference to a name, written in a reference element or as a `{!merge field}` in text. */
export interface FlowReference {
    readonly reference: string;
    readonly element: XmlElement;
    readonly path: string;
}

/** A connector's target, with the element that holds it. */
export interface FlowConnection {
    /** `start`, or the name of the node the connector leaves. */
    readonly from: string;
    readonly target: string;
    readonly element: XmlElement;
    readonly path: string;
}

export type ReferenceProblem =
    | { readonly kind: 'unknown-name'; readonly name: string; readonly suggestion?: string }
    | { readonly kind: 'unknown-global'; readonly name: string }
    | {
          readonly kind: 'unknown-member';
          readonly global: string;
          readonly member: string;
          readonly members: readonly string[];
      }
    | { readonly kind: 'no-record'; readonly global: string }
    | {
          readonly kind: 'field';
          readonly check: Exclude<FieldCheck, { status: 'ok' | 'unverifiable' }>;
      };

/**
 * Global variables of Flow Builder (help: "Global Variables in Flows"). `$User` fields are
 * checked against the object model, `$Flow` and `$GlobalConstant` members against their lists.
 */
export const FLOW_GLOBALS = [
    '$Api',
    '$Client',
    '$CustomMetadata',
    '$Flow',
    '$GlobalConstant',
    '$Label',
    '$Organization',
    '$Permission',
    '$Profile',
    '$Record',
    '$Record__Prior',
    '$Setup',
    '$System',
    '$User',
    '$UserRole'
] as const;

const GLOBAL_MEMBERS: Readonly<Record<string, readonly string[]>> = {
    $Flow: [
        'ActiveStages',
        'CurrentDate',
        'CurrentDateTime',
        'CurrentRecord',
        'CurrentStage',
        'FaultMessage',
        'InterviewGuid',
        'InterviewStartTime'
    ],
    $GlobalConstant: ['True', 'False', 'EmptyString']
};

/** Leaf elements whose whole text is a reference to a name of the flow. */
const REFERENCE_ELEMENTS = new Set([
    'assignNextValueToReference',
    'assignRecordIdToReference',
    'assignToReference',
    'choiceReferences',
    'collectionReference',
    'defaultSelectedChoiceReference',
    'elementReference',
    'inputReference',
    'leftValueReference',
    'outputReference',
    'resumeDateReference'
]);

/** Text that people read, where `{!...}` is prose rather than a merge field. */
const PROSE_ELEMENTS = new Set(['description', 'label']);

/** Flow children that carry a `<name>` but are no resource: builder settings and custom properties. */
const NOT_RESOURCES = new Set(['processMetadataValues', 'customProperties']);

const MERGE_FIELD = /\{!([^{}]+)\}/g;

/** A flow file read for cross-references: its nodes, resources, references and connectors. */
export class FlowModel {
    /** Nodes by lower-case name: the elements a connector can target. */
    public readonly nodes = new Map<string, FlowName>();
    /** Everything a reference can name, by lower-case name. */
    public readonly names = new Map<string, FlowName>();
    public readonly start: XmlElement | undefined;
    /** The object a record-triggered or scheduled flow starts on. */
    public readonly startObject: string | undefined;
    public readonly references: FlowReference[] = [];
    public readonly connections: FlowConnection[] = [];

    public constructor(
        private readonly schema: MetadataSchema,
        public readonly root: XmlElement
    ) {
        this.start = child(root, 'start');
        this.startObject = this.start ? childText(this.start, 'object')?.trim() : undefined;
        const flowType = schema.complexType('Flow');
        for (const element of root.children) {
            const declaration = flowType?.elements.find((entry) => entry.name === element.name);
            const path = childPath('Flow', root, element);
            const name = childText(element, 'name')?.trim();
            const isNode =
                declaration?.type.kind === 'complex' &&
                element.name !== 'start' &&
                schema
                    .complexType(declaration.type.name)
                    ?.elements.some((entry) => entry.name === 'locationX') === true;
            if (name && !NOT_RESOURCES.has(element.name)) {
                const entry = { name, kind: element.name, element, path };
                this.names.set(name.toLowerCase(), entry);
                if (isNode) {
                    this.nodes.set(name.toLowerCase(), entry);
                }
            }
            if (element.name === 'processMetadataValues') {
                continue;
            }
            const from = element.name === 'start' ? 'start' : (name ?? element.name);
            if (declaration?.type.kind === 'complex') {
                this.readElement(declaration.type.name, element, path, from);
            } else {
                this.readLeaf(element, path);
            }
        }
    }

    /** The flow's start: the start element's connectors, or the legacy startElementReference. */
    public startTargets(): string[] {
        const targets = this.connections
            .filter((connection) => connection.from === 'start')
            .map((connection) => connection.target);
        const legacy = childText(this.root, 'startElementReference')?.trim();
        return legacy ? [...targets, legacy] : targets;
    }

    /** The object whose records a name holds: Get Records output, record variables, loops over them. */
    public recordObject(name: string, seen = new Set<string>()): string | undefined {
        const key = name.toLowerCase();
        const entry = this.names.get(key);
        if (!entry || seen.has(key)) {
            return undefined;
        }
        seen.add(key);
        const element = entry.element;
        const text = (childName: string): string | undefined =>
            childText(element, childName)?.trim();
        switch (entry.kind) {
            case 'recordLookups':
                return text('storeOutputAutomatically') === 'true' ? text('object') : undefined;
            case 'variables':
                return text('dataType') === 'SObject' ? text('objectType') : undefined;
            case 'loops':
            case 'collectionProcessors': {
                const collection = text('collectionReference');
                return collection ? this.recordObject(head(collection), seen) : undefined;
            }
            default:
                return undefined;
        }
    }

    /** Whether a reference resolves; a problem describes why not. */
    public resolve(reference: string, objects: ObjectModel): ReferenceProblem | undefined {
        const segments = reference.split('.');
        const first = segments[0] ?? '';
        const rest = segments.slice(1).join('.');
        if (first.startsWith('$')) {
            return this.resolveGlobal(first, rest, objects);
        }
        const entry = this.names.get(first.toLowerCase());
        if (!entry) {
            const suggestion = closestName(
                first,
                [...this.names.values()].map((candidate) => candidate.name)
            );
            return { kind: 'unknown-name', name: first, ...(suggestion ? { suggestion } : {}) };
        }
        const object = rest ? this.recordObject(first) : undefined;
        return object ? fieldProblem(objects.checkField(object, rest)) : undefined;
    }

    private resolveGlobal(
        global: string,
        rest: string,
        objects: ObjectModel
    ): ReferenceProblem | undefined {
        const known = FLOW_GLOBALS.find((name) => name.toLowerCase() === global.toLowerCase());
        if (!known) {
            return { kind: 'unknown-global', name: global };
        }
        const members = GLOBAL_MEMBERS[known];
        const member = rest.split('.')[0] ?? '';
        if (
            members &&
            rest &&
            !members.some((name) => name.toLowerCase() === member.toLowerCase())
        ) {
            return { kind: 'unknown-member', global: known, member, members };
        }
        if (known === '$Record' || known === '$Record__Prior') {
            if (!this.startObject) {
                return { kind: 'no-record', global: known };
            }
            return rest ? fieldProblem(objects.checkField(this.startObject, rest)) : undefined;
        }
        if (known === '$User' && rest) {
            return fieldProblem(objects.checkField('User', rest));
        }
        return undefined;
    }

    private readElement(typeName: string, element: XmlElement, path: string, from: string): void {
        walkTyped(
            this.schema,
            typeName,
            element,
            path,
            ({ element: node, path: nodePath, declaration }) => {
                if (declaration?.type.kind === 'complex') {
                    if (declaration.type.name === 'FlowConnector') {
                        const target = childText(node, 'targetReference')?.trim();
                        if (target) {
                            this.connections.push({ from, target, element: node, path: nodePath });
                        }
                    }
                    const name = childText(node, 'name')?.trim();
                    const fields = this.schema.complexType(declaration.type.name)?.elements ?? [];
                    const isNamedPart =
                        fields.some((entry) => entry.name === 'description') &&
                        fields.some((entry) => entry.name === 'name');
                    if (name && isNamedPart && !this.names.has(name.toLowerCase())) {
                        this.names.set(name.toLowerCase(), {
                            name,
                            kind: node.name,
                            element: node,
                            path: nodePath
                        });
                    }
                    return;
                }
                this.readLeaf(node, nodePath);
            }
        );
    }

    private readLeaf(element: XmlElement, path: string): void {
        if (element.children.length > 0) {
            return;
        }
        const text = element.text.trim();
        if (REFERENCE_ELEMENTS.has(element.name)) {
            if (text) {
                this.references.push({ reference: text, element, path });
            }
            return;
        }
        if (PROSE_ELEMENTS.has(element.name) || !text.includes('{!')) {
            return;
        }
        for (const match of text.matchAll(MERGE_FIELD)) {
            const reference = match[1]?.trim();
            if (reference) {
                this.references.push({ reference, element, path });
            }
        }
    }
}

/**
 * Only unknown fields: an unknown object is reported once, where the flow names it (start,
 * Get Records, variable), not again at every reference through it.
 */
function fieldProblem(check: FieldCheck): ReferenceProblem | undefined {
    return check.status === 'unknown-field' ? { kind: 'field', check } : undefined;
}

/** The name a reference starts with: `Loop_Users` in `Loop_Users.Email`. */
function head(reference: string): string {
    return reference.split('.')[0] ?? reference;
}
