import type { MetadataSchema } from '../../schema';
import { child, childText, children, type XmlElement } from '../../xml/parse';
import { childPath, walkTyped } from '../xmlPath';
import { mergeFields } from './globals';
import { placeOf, present, proseOf, textOf, textsOf, valueOf } from './read';
import type {
    FlowChild,
    FlowConditionModel,
    FlowConnectorModel,
    FlowElementModel,
    FlowInputAssignmentModel,
    FlowName,
    FlowRecordFilterModel,
    FlowRecordUse,
    FlowReference,
    FlowResourceModel,
    FlowStartModel,
    FlowText,
    FlowUnknownModel
} from './types';
import {
    FIELD_ITEMS,
    FIELD_LEAVES,
    FLOW_NODE_KINDS,
    FLOW_PROPERTY_KINDS,
    FLOW_RESOURCE_KINDS,
    PROSE_LEAVES,
    RECORD_KINDS,
    REFERENCE_LEAVES,
    UNNAMED_SETTINGS,
    type FlowNodeKind,
    type FlowResourceKind
} from './vocabulary';

const NODE_KINDS: ReadonlySet<string> = new Set(FLOW_NODE_KINDS);
const RESOURCE_KINDS: ReadonlySet<string> = new Set(FLOW_RESOURCE_KINDS);
const PROPERTY_KINDS: ReadonlySet<string> = new Set(FLOW_PROPERTY_KINDS);
const UNNAMED: ReadonlySet<string> = new Set(UNNAMED_SETTINGS);
const RECORDS: ReadonlySet<string> = new Set(RECORD_KINDS);
const FIELD_ITEM_NAMES: ReadonlySet<string> = new Set(FIELD_ITEMS);
const FIELD_LEAF_NAMES: ReadonlySet<string> = new Set(FIELD_LEAVES);
const REFERENCES: ReadonlySet<string> = new Set(REFERENCE_LEAVES);
const PROSE: ReadonlySet<string> = new Set(PROSE_LEAVES);
const FIELD: ReadonlySet<string> = new Set(['field']);
const PICKLIST_FIELD: ReadonlySet<string> = new Set(['picklistField']);

const isNodeKind = (tag: string): tag is FlowNodeKind => NODE_KINDS.has(tag);
const isResourceKind = (tag: string): tag is FlowResourceKind => RESOURCE_KINDS.has(tag);

/** An element whose tag is one of a list's. */
type Tagged<Tag extends string> = XmlElement & { readonly name: Tag };
const isNode = (element: XmlElement): element is Tagged<FlowNodeKind> => isNodeKind(element.name);
const isResource = (element: XmlElement): element is Tagged<FlowResourceKind> =>
    isResourceKind(element.name);

/** The flow API name of a flow file: its file name without the suffix. */
export function flowApiName(file: string): string {
    return (file.split('/').pop() ?? file).replace(/\.flow-meta\.xml$/, '');
}

/**
 * One flow, read once from its metadata XML: what it is (process type, status, template, trigger
 * order), how it starts, its elements and resources with their parts, and, across the whole
 * file, every name, every reference to a name and every connector, each with its place. The
 * validator checks it; the embedded org compiles what it runs from it.
 *
 * The schema (Salesforce's Metadata API types) finds connectors, named parts and reference
 * elements wherever they sit, in elements the model does not read part by part too.
 */
export class FlowModel {
    /** The flow's API name, from its file name. */
    public readonly apiName: string;
    /** The line of `<Flow>`. */
    public readonly line: number;
    public readonly apiVersion: string | undefined;
    /** As written. */
    public readonly label: string | undefined;
    public readonly description: string | undefined;
    public readonly processType: string | undefined;
    public readonly status: string | undefined;
    public readonly isTemplate: boolean;
    public readonly triggerOrder: number | undefined;
    public readonly runInMode: string | undefined;
    public readonly interviewLabel: string | undefined;
    public readonly start: FlowStartModel | undefined;
    /** The first element of a flow saved before `<start>` existed. */
    public readonly startElementReference: FlowText | undefined;
    /** Every child of `<Flow>`, in document order. */
    public readonly children: readonly FlowChild[];
    /** The elements on the canvas (start aside), in document order. */
    public readonly elements: readonly FlowElementModel[];
    public readonly resources: readonly FlowResourceModel[];
    /** Children of `<Flow>` that Flow does not have. */
    public readonly unknown: readonly FlowUnknownModel[];
    /** Everything a reference can name, by lower-case name (a later element wins a clash). */
    public readonly names: ReadonlyMap<string, FlowName>;
    /** The elements a connector can target, by lower-case name. */
    public readonly nodes: ReadonlyMap<string, FlowName>;
    /** Every reference to a name: reference elements and merge fields, builder settings aside. */
    public readonly references: readonly FlowReference[];
    /** Every connector with a target, the start's, outcomes' and paths' included. */
    public readonly connections: readonly FlowConnectorModel[];

    /**
     * Reads the flow whose `<Flow>` element is root; file is its path from the project root
     * (the API name comes from it).
     */
    public constructor(
        root: XmlElement,
        public readonly file: string,
        schema: MetadataSchema
    ) {
        const reader = new FlowReader(schema, root);
        const text = (name: string): string | undefined => childText(root, name)?.trim();
        const triggerOrder = text('triggerOrder');
        const startElement = child(root, 'start');
        this.apiName = flowApiName(file);
        this.line = root.line;
        this.apiVersion = text('apiVersion');
        this.label = childText(root, 'label');
        this.description = childText(root, 'description');
        this.processType = text('processType');
        this.status = text('status');
        this.isTemplate = text('isTemplate') === 'true';
        this.triggerOrder = triggerOrder ? Number(triggerOrder) : undefined;
        this.runInMode = text('runInMode');
        this.interviewLabel = childText(root, 'interviewLabel');
        this.start = startElement ? reader.start(startElement) : undefined;
        this.startElementReference = textOf(root, 'Flow', 'startElementReference');
        this.children = root.children.map((element) => reader.outline(element));
        this.elements = root.children.filter(isNode).map((element) => reader.element(element));
        this.resources = root.children
            .filter(isResource)
            .map((element) => reader.resource(element));
        this.unknown = this.children
            .filter((entry) => entry.category === 'unknown')
            .map(({ tag, line, path }) => ({ tag, line, path }));
        reader.walk();
        this.names = reader.names;
        this.nodes = reader.nodes;
        this.references = reader.references;
        this.connections = reader.connections;
    }

    /** The element with this name, whatever its case. */
    public element(name: string): FlowElementModel | undefined {
        const lower = name.toLowerCase();
        return this.elements.find((element) => element.name?.text.toLowerCase() === lower);
    }

    /** The flow's first elements: the start's connector, or the legacy startElementReference. */
    public startTargets(): string[] {
        const targets = this.connections
            .filter((connection) => connection.from === 'start')
            .map((connection) => connection.target);
        const legacy = this.startElementReference?.text;
        return legacy ? [...targets, legacy] : targets;
    }

    /** The object whose records a name holds: Get Records output, record variables, loops over them. */
    public recordObject(name: string, seen = new Set<string>()): string | undefined {
        const key = name.toLowerCase();
        const entry = this.names.get(key);
        if (!entry?.records || seen.has(key)) {
            return undefined;
        }
        seen.add(key);
        return 'object' in entry.records
            ? entry.records.object
            : this.recordObject(entry.records.collection.split('.')[0] ?? '', seen);
    }
}

/** Reads the parts of a flow; `walk` collects names, references and connectors across the file. */
class FlowReader {
    public readonly names = new Map<string, FlowName>();
    public readonly nodes = new Map<string, FlowName>();
    public readonly references: FlowReference[] = [];
    public readonly connections: FlowConnectorModel[] = [];

    public constructor(
        private readonly schema: MetadataSchema,
        private readonly root: XmlElement
    ) {}

    public outline(element: XmlElement): FlowChild {
        const name = childText(element, 'name')?.trim();
        const tag = element.name;
        return {
            tag,
            ...(name === undefined ? {} : { name }),
            line: element.line,
            path: childPath('Flow', this.root, element),
            category:
                tag === 'start'
                    ? 'start'
                    : isNodeKind(tag)
                      ? 'element'
                      : isResourceKind(tag)
                        ? 'resource'
                        : PROPERTY_KINDS.has(tag)
                          ? 'property'
                          : 'unknown'
        };
    }

    private flag(parent: XmlElement, name: string): boolean {
        return childText(parent, name)?.trim() === 'true';
    }

    /** The name, label and description every element, resource and named part has. */
    private part(
        element: XmlElement,
        path: string
    ): { name?: FlowText; label?: string; description?: string } {
        const name = textOf(element, path, 'name');
        const label = childText(element, 'label');
        const description = childText(element, 'description');
        return {
            ...(name ? { name } : {}),
            ...(label === undefined ? {} : { label }),
            ...(description === undefined ? {} : { description })
        };
    }

    private connector(
        parent: XmlElement,
        parentPath: string,
        name: string,
        from: string
    ): FlowConnectorModel | undefined {
        const element = child(parent, name);
        const target = element ? childText(element, 'targetReference')?.trim() : undefined;
        return element && target
            ? {
                  kind: name,
                  from,
                  target,
                  line: element.line,
                  path: childPath(parentPath, parent, element)
              }
            : undefined;
    }

    private filters(element: XmlElement, path: string): FlowRecordFilterModel[] {
        return children(element, 'filters').map((filter) => {
            const place = placeOf(element, path, filter);
            return {
                ...place,
                ...present({
                    field: textOf(filter, place.path, 'field'),
                    operator: textOf(filter, place.path, 'operator')
                }),
                ...present({ value: valueOf(filter, place.path, 'value') })
            };
        });
    }

    private conditions(element: XmlElement, path: string): FlowConditionModel[] {
        return children(element, 'conditions').map((condition) => {
            const place = placeOf(element, path, condition);
            return {
                ...place,
                ...present({
                    leftValueReference: textOf(condition, place.path, 'leftValueReference'),
                    operator: textOf(condition, place.path, 'operator')
                }),
                ...present({ rightValue: valueOf(condition, place.path, 'rightValue') })
            };
        });
    }

    private inputAssignments(element: XmlElement, path: string): FlowInputAssignmentModel[] {
        return children(element, 'inputAssignments').map((assignment) => {
            const place = placeOf(element, path, assignment);
            return {
                ...place,
                ...present({ field: textOf(assignment, place.path, 'field') }),
                ...present({ value: valueOf(assignment, place.path, 'value') })
            };
        });
    }

    /** The object a record element or dynamic choice set names, and the fields it names on it. */
    private records(element: XmlElement, path: string): FlowRecordUse {
        return {
            ...present({
                object: textOf(element, path, 'object'),
                picklistObject: textOf(element, path, 'picklistObject')
            }),
            fields: [
                ...element.children
                    .filter((item) => FIELD_ITEM_NAMES.has(item.name))
                    .flatMap((item) => textsOf(item, childPath(path, element, item), FIELD)),
                ...textsOf(element, path, FIELD_LEAF_NAMES)
            ],
            picklistFields: textsOf(element, path, PICKLIST_FIELD)
        };
    }

    public start(element: XmlElement): FlowStartModel {
        const path = childPath('Flow', this.root, element);
        return {
            line: element.line,
            path,
            ...present({
                object: textOf(element, path, 'object'),
                triggerType: textOf(element, path, 'triggerType'),
                recordTriggerType: textOf(element, path, 'recordTriggerType'),
                filterLogic: childText(element, 'filterLogic'),
                filterFormula: proseOf(element, path, 'filterFormula'),
                connector: this.connector(element, path, 'connector', 'start')
            }),
            filters: this.filters(element, path),
            doesRequireRecordChangedToMeetCriteria: this.flag(
                element,
                'doesRequireRecordChangedToMeetCriteria'
            ),
            scheduledPaths: children(element, 'scheduledPaths').map((scheduledPath) => {
                const place = placeOf(element, path, scheduledPath);
                return {
                    ...place,
                    ...this.part(scheduledPath, place.path),
                    ...present({
                        connector: this.connector(scheduledPath, place.path, 'connector', 'start'),
                        recordField: textOf(scheduledPath, place.path, 'recordField')
                    })
                };
            })
        };
    }

    public element(element: Tagged<FlowNodeKind>): FlowElementModel {
        const path = childPath('Flow', this.root, element);
        const from = childText(element, 'name')?.trim() ?? element.name;
        const text = (name: string): FlowText | undefined => textOf(element, path, name);
        const connector = (name: string): FlowConnectorModel | undefined =>
            this.connector(element, path, name, from);
        const base = {
            line: element.line,
            path,
            ...this.part(element, path),
            ...present({ connector: connector('connector') }),
            ...(RECORDS.has(element.name) ? { records: this.records(element, path) } : {})
        };
        const data = {
            ...base,
            ...present({
                faultConnector: connector('faultConnector'),
                object: text('object'),
                inputReference: text('inputReference')
            })
        };
        const kind = element.name;
        switch (kind) {
            case 'decisions':
                return {
                    ...base,
                    kind,
                    rules: children(element, 'rules').map((rule) => {
                        const place = placeOf(element, path, rule);
                        return {
                            ...place,
                            ...this.part(rule, place.path),
                            ...present({
                                conditionLogic: childText(rule, 'conditionLogic'),
                                connector: this.connector(rule, place.path, 'connector', from)
                            }),
                            conditions: this.conditions(rule, place.path),
                            doesRequireRecordChangedToMeetCriteria: this.flag(
                                rule,
                                'doesRequireRecordChangedToMeetCriteria'
                            )
                        };
                    }),
                    ...present({
                        defaultConnector: connector('defaultConnector'),
                        defaultConnectorLabel: childText(element, 'defaultConnectorLabel')
                    })
                };
            case 'assignments':
                return {
                    ...base,
                    kind,
                    assignmentItems: children(element, 'assignmentItems').map((item) => {
                        const place = placeOf(element, path, item);
                        return {
                            ...place,
                            ...present({
                                assignToReference: textOf(item, place.path, 'assignToReference'),
                                operator: textOf(item, place.path, 'operator')
                            }),
                            ...present({ value: valueOf(item, place.path, 'value') })
                        };
                    })
                };
            case 'loops':
                return {
                    ...base,
                    kind,
                    ...present({
                        collectionReference: text('collectionReference'),
                        assignNextValueToReference: text('assignNextValueToReference'),
                        iterationOrder: text('iterationOrder')?.text,
                        nextValueConnector: connector('nextValueConnector'),
                        noMoreValuesConnector: connector('noMoreValuesConnector')
                    })
                };
            case 'customErrors':
                return {
                    ...base,
                    kind,
                    customErrorMessages: children(element, 'customErrorMessages').map((message) => {
                        const place = placeOf(element, path, message);
                        return {
                            ...place,
                            ...present({
                                errorMessage: proseOf(message, place.path, 'errorMessage'),
                                fieldSelection: childText(message, 'fieldSelection')
                            }),
                            isFieldError: this.flag(message, 'isFieldError')
                        };
                    })
                };
            case 'recordLookups': {
                const limit = text('limit')?.text;
                return {
                    ...data,
                    kind,
                    ...present({
                        filterLogic: childText(element, 'filterLogic'),
                        sortField: text('sortField'),
                        sortOrder: text('sortOrder')?.text,
                        limit: limit ? Number(limit) : undefined,
                        outputReference: text('outputReference')
                    }),
                    filters: this.filters(element, path),
                    queriedFields: children(element, 'queriedFields').map((field) => ({
                        text: field.text.trim(),
                        line: field.line,
                        path: childPath(path, element, field)
                    })),
                    getFirstRecordOnly: this.flag(element, 'getFirstRecordOnly'),
                    storeOutputAutomatically: this.flag(element, 'storeOutputAutomatically'),
                    assignNullValuesIfNoRecordsFound: this.flag(
                        element,
                        'assignNullValuesIfNoRecordsFound'
                    ),
                    outputAssignments: children(element, 'outputAssignments').map((assignment) => {
                        const place = placeOf(element, path, assignment);
                        return {
                            ...place,
                            ...present({
                                field: textOf(assignment, place.path, 'field'),
                                assignToReference: textOf(
                                    assignment,
                                    place.path,
                                    'assignToReference'
                                )
                            })
                        };
                    })
                };
            }
            case 'recordUpdates':
                return {
                    ...data,
                    kind,
                    ...present({ filterLogic: childText(element, 'filterLogic') }),
                    filters: this.filters(element, path),
                    inputAssignments: this.inputAssignments(element, path)
                };
            case 'recordCreates':
                return {
                    ...data,
                    kind,
                    ...present({
                        assignRecordIdToReference: text('assignRecordIdToReference')
                    }),
                    inputAssignments: this.inputAssignments(element, path),
                    storeOutputAutomatically: this.flag(element, 'storeOutputAutomatically')
                };
            case 'recordDeletes':
                return {
                    ...data,
                    kind,
                    ...present({ filterLogic: childText(element, 'filterLogic') }),
                    filters: this.filters(element, path)
                };
            default:
                return { ...base, kind };
        }
    }

    public resource(element: Tagged<FlowResourceKind>): FlowResourceModel {
        const path = childPath('Flow', this.root, element);
        const text = (name: string): FlowText | undefined => textOf(element, path, name);
        const base = { line: element.line, path, ...this.part(element, path) };
        const kind = element.name;
        switch (kind) {
            case 'variables':
                return {
                    ...base,
                    kind,
                    ...present({
                        dataType: text('dataType'),
                        objectType: text('objectType')
                    }),
                    isCollection: this.flag(element, 'isCollection'),
                    isInput: this.flag(element, 'isInput'),
                    isOutput: this.flag(element, 'isOutput'),
                    ...present({ value: valueOf(element, path, 'value') })
                };
            case 'constants':
                return {
                    ...base,
                    kind,
                    ...present({ dataType: text('dataType') }),
                    ...present({ value: valueOf(element, path, 'value') })
                };
            case 'formulas':
                return {
                    ...base,
                    kind,
                    ...present({
                        dataType: text('dataType'),
                        expression: proseOf(element, path, 'expression')
                    })
                };
            case 'textTemplates':
                return {
                    ...base,
                    kind,
                    ...present({ text: proseOf(element, path, 'text') }),
                    isViewedAsPlainText: this.flag(element, 'isViewedAsPlainText')
                };
            default:
                return {
                    ...base,
                    kind,
                    ...(RECORDS.has(kind) ? { records: this.records(element, path) } : {})
                };
        }
    }

    /**
     * Every name, reference and connector of the file, found by their types in the schema:
     * nodes and resources by name; named parts (outcomes, paths, screen fields...) when no
     * element or resource has their name; references in reference elements and merge fields.
     */
    public walk(): void {
        const flowType = this.schema.complexType('Flow');
        for (const element of this.root.children) {
            const declaration = flowType?.elements.find((entry) => entry.name === element.name);
            const path = childPath('Flow', this.root, element);
            const nameElement = child(element, 'name');
            const name = nameElement?.text.trim();
            if (nameElement && name && !UNNAMED.has(element.name)) {
                const records = this.holds(element);
                const entry: FlowName = {
                    name,
                    kind: element.name,
                    line: element.line,
                    nameLine: nameElement.line,
                    path,
                    ...(records ? { records } : {})
                };
                this.names.set(name.toLowerCase(), entry);
                if (isNodeKind(element.name)) {
                    this.nodes.set(name.toLowerCase(), entry);
                }
            }
            if (element.name === 'processMetadataValues') {
                continue;
            }
            const from = element.name === 'start' ? 'start' : (name ?? element.name);
            if (declaration?.type.kind === 'complex') {
                this.walkElement(declaration.type.name, element, path, from);
            } else {
                this.readLeaf(element, path);
            }
        }
    }

    /** What a top-level name holds when it holds records. */
    private holds(element: XmlElement): FlowName['records'] {
        const text = (name: string): string | undefined => childText(element, name)?.trim();
        switch (element.name) {
            case 'recordLookups': {
                const object = text('object');
                return text('storeOutputAutomatically') === 'true' && object
                    ? { object }
                    : undefined;
            }
            case 'variables': {
                const object = text('objectType');
                return text('dataType') === 'SObject' && object ? { object } : undefined;
            }
            case 'loops':
            case 'collectionProcessors': {
                const collection = text('collectionReference');
                return collection ? { collection } : undefined;
            }
            default:
                return undefined;
        }
    }

    private walkElement(typeName: string, element: XmlElement, path: string, from: string): void {
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
                            this.connections.push({
                                kind: node.name,
                                from,
                                target,
                                line: node.line,
                                path: nodePath
                            });
                        }
                    }
                    const nameElement = child(node, 'name');
                    const name = nameElement?.text.trim();
                    const fields = this.schema.complexType(declaration.type.name)?.elements ?? [];
                    const isNamedPart =
                        fields.some((entry) => entry.name === 'description') &&
                        fields.some((entry) => entry.name === 'name');
                    if (nameElement && name && isNamedPart && !this.names.has(name.toLowerCase())) {
                        this.names.set(name.toLowerCase(), {
                            name,
                            kind: node.name,
                            line: node.line,
                            nameLine: nameElement.line,
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
        if (REFERENCES.has(element.name)) {
            if (text) {
                this.references.push({ reference: text, line: element.line, path });
            }
            return;
        }
        if (PROSE.has(element.name)) {
            return;
        }
        for (const reference of mergeFields(text)) {
            if (reference) {
                this.references.push({ reference, line: element.line, path });
            }
        }
    }
}
