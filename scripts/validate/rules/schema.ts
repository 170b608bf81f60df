import type { ComplexTypeSchema, ElementSchema, MetadataSchema } from '../../schema';
import type { XmlElement } from '../../xml/parse';
import { METADATA_NAMESPACE } from '../../xml/write';
import { configuredSeverity } from '../settings';
import { atElement, finding } from '../finding';
import { messages } from '../messages';
import { childPath, closestName, metadataSchema } from '../model';
import type { Component } from '../../project';
import type { Finding, Rule, Severity } from '../types';

const ID = 'schema';

/**
 * The Tooling API's namespace, which files retrieved through it (and some public samples that
 * deploy in their CI) declare; the Metadata API deploys them as it does its own.
 */
const TOOLING_NAMESPACE = 'urn:metadata.tooling.soap.sforce.com';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = new Set(['true', 'false', '1', '0']);

/**
 * Every metadata file follows the Metadata API schema of @salesforce/types: root element, known
 * elements in schema order, repeated ones contiguous, required ones present, enum values allowed.
 */
export const schemaRule: Rule = {
    id: ID,
    description:
        'Every -meta.xml file follows the Metadata API schema: root element, known elements in schema order, required elements, enum and scalar values.',
    preload: metadataSchema,
    check(project) {
        const schema = metadataSchema();
        // @salesforce/types lags the API: it lacks elements the API accepts
        // (CustomField.displayLocationInDecimal, FlowActionCall.versionSegment that Flow Builder
        // writes) and enum values (SiteType ChatterNetwork), and requires elements files that
        // deploy leave out (GenAiPluginInstructionDef.sortOrder). What it does not declare is a
        // warning unless the project makes it an error.
        const { severity: gapSeverity, problem } = configuredSeverity(
            project,
            ID,
            'schemaGapSeverity',
            'warning'
        );
        const findings: Finding[] = problem ? [problem] : [];
        for (const [file, component] of project.components.components) {
            const root = component.xml === file ? project.xmlRoot(file) : undefined;
            if (!root) {
                continue;
            }
            const typeName = expectedRoot(component);
            if (root.name !== typeName) {
                findings.push(
                    finding(
                        ID,
                        'error',
                        messages.schema.wrongRoot(root.name, typeName),
                        atElement(file, root)
                    )
                );
                continue;
            }
            const type = schema.complexType(typeName);
            if (!type) {
                continue;
            }
            if (
                root.attributes.xmlns !== METADATA_NAMESPACE &&
                root.attributes.xmlns !== TOOLING_NAMESPACE
            ) {
                findings.push(
                    finding(
                        ID,
                        'error',
                        messages.schema.namespace(root.name, METADATA_NAMESPACE),
                        atElement(file, root, root.name)
                    )
                );
            }
            const checksOrder = !ORDER_NOT_ENFORCED.has(typeName);
            new SchemaChecker(schema, file, findings, checksOrder, gapSeverity).checkChildren(
                root,
                type,
                root.name
            );
        }
        return findings;
    }
};

/**
 * Types whose files the platform reads in any order: Salesforce's documentation writes a
 * Lightning component's <targets> before <targetConfigs>, and the sf CLI's template writes a
 * static resource's <contentType> before <cacheControl>. Their order is not checked, so that
 * files written the documented way pass; everything else about them is.
 */
const ORDER_NOT_ENFORCED = new Set(['LightningComponentBundle', 'StaticResource']);

/**
 * The root element a component's file must have: its type, except for settings, whose files
 * (`Account.settings-meta.xml`) hold `<AccountSettings>`.
 */
function expectedRoot(component: Component): string {
    return component.type === 'Settings' ? `${component.fullName}Settings` : component.type;
}

/** A known child element with its position in its parent's schema sequence. */
interface PlacedElement {
    readonly child: XmlElement;
    readonly position: number;
    readonly path: string;
}

class SchemaChecker {
    public constructor(
        private readonly schema: MetadataSchema,
        private readonly file: string,
        private readonly findings: Finding[],
        private readonly checksOrder: boolean,
        private readonly gapSeverity: Severity
    ) {}

    public checkChildren(element: XmlElement, type: ComplexTypeSchema, path: string): void {
        const positions = new Map(type.elements.map((entry, index) => [entry.name, index]));
        const names = type.elements.map((entry) => entry.name);
        const placed: PlacedElement[] = [];
        const seen = new Set<string>();
        for (const child of element.children) {
            const childAt = childPath(path, element, child);
            const position = positions.get(child.name);
            const declaration = position === undefined ? undefined : type.elements[position];
            if (position === undefined || !declaration) {
                const suggestion = closestName(child.name, names);
                this.report(
                    child,
                    childAt,
                    messages.schema.unknownElement(child.name, type.name, suggestion),
                    this.gapSeverity
                );
                continue;
            }
            if (seen.has(child.name) && !declaration.repeated) {
                this.report(child, childAt, messages.schema.repeated(child.name, type.name));
            } else {
                placed.push({ child, position, path: childAt });
            }
            seen.add(child.name);
            this.checkValue(child, declaration, childAt);
        }
        if (this.checksOrder) {
            this.checkOrder(placed, type);
        }
        for (const declaration of type.elements) {
            if (declaration.required && !seen.has(declaration.name)) {
                this.report(
                    element,
                    path,
                    messages.schema.missingRequired(declaration.name, type.name),
                    this.gapSeverity
                );
            }
        }
    }

    /**
     * Reports only the elements out of place: those outside the longest run in schema order.
     * They are warnings: the Metadata API deploys source files whose elements depart from the
     * WSDL's sequence (source-deploy-retrieve and the sf CLI do not reorder them), so the order is
     * formatting, not a reason to fail.
     */
    private checkOrder(placed: readonly PlacedElement[], type: ComplexTypeSchema): void {
        const ordered = longestOrdered(placed.map((entry) => entry.position));
        const inOrder = placed.filter((_, index) => ordered.has(index));
        placed.forEach((entry, index) => {
            if (ordered.has(index)) {
                return;
            }
            const { child } = entry;
            if (inOrder.some((other) => other.child.name === child.name)) {
                this.report(
                    child,
                    entry.path,
                    messages.schema.notContiguous(child.name),
                    'warning'
                );
                return;
            }
            const after = inOrder.filter((other) => other.position < entry.position).pop();
            const before = inOrder.find((other) => other.position > entry.position);
            const anchor = after
                ? { after: after.child.name }
                : { before: before?.child.name ?? child.name };
            this.report(
                child,
                entry.path,
                messages.schema.outOfOrder(child.name, anchor, type.name),
                'warning'
            );
        });
    }

    private checkValue(element: XmlElement, declaration: ElementSchema, path: string): void {
        const { type } = declaration;
        const hasChildren = element.children.length > 0;
        const text = element.text.trim();
        if (element.attributes['xsi:nil'] === 'true') {
            // Nil is no value, of a complex type as of a simple one (XML Schema Part 1,
            // "xsi:nil"): retrieves write <objectMapping xsi:nil="true"/> in duplicate rules.
            return;
        }
        if (type.kind === 'complex') {
            const complex = this.schema.complexType(type.name);
            if (!complex) {
                return;
            }
            if (!hasChildren && text !== '') {
                this.report(element, path, messages.schema.textInComplex(element.name, type.name));
                return;
            }
            this.checkChildren(element, complex, path);
            return;
        }
        if (type.kind === 'primitive' && type.name === 'string') {
            // Strings may hold markup: a Lightning component's targetConfigs is typed as a string.
            return;
        }
        if (hasChildren) {
            this.report(element, path, messages.schema.childrenInValue(element.name));
            return;
        }
        if (type.kind === 'enum') {
            if (text === '' && !declaration.required) {
                this.report(
                    element,
                    path,
                    messages.schema.emptyEnum(element.name, type.name),
                    'warning'
                );
            } else if (!type.values.includes(text)) {
                this.report(
                    element,
                    path,
                    messages.schema.enumValue(element.name, text, type.name, type.values),
                    this.gapSeverity
                );
            }
        } else if (type.name === 'boolean' && !BOOLEAN.has(text)) {
            this.report(element, path, messages.schema.booleanValue(element.name, text));
        } else if (type.name === 'number' && !NUMBER.test(text)) {
            this.report(element, path, messages.schema.numberValue(element.name, text));
        }
    }

    private report(
        element: XmlElement,
        path: string,
        text: { message: string; fix: string },
        severity: Severity = 'error'
    ): void {
        this.findings.push(finding(ID, severity, text, atElement(this.file, element, path)));
    }
}

/** Indices of a longest non-decreasing subsequence: the elements already in schema order. */
function longestOrdered(positions: readonly number[]): Set<number> {
    const length: number[] = [];
    const previous: number[] = [];
    let best = -1;
    positions.forEach((position, index) => {
        length[index] = 1;
        previous[index] = -1;
        for (let before = 0; before < index; before++) {
            const candidate = (length[before] ?? 0) + 1;
            if ((positions[before] ?? 0) <= position && candidate > (length[index] ?? 0)) {
                length[index] = candidate;
                previous[index] = before;
            }
        }
        if (best < 0 || (length[index] ?? 0) > (length[best] ?? 0)) {
            best = index;
        }
    });
    const indices = new Set<number>();
    for (let index = best; index >= 0; index = previous[index] ?? -1) {
        indices.add(index);
    }
    return indices;
}
