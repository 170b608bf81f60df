import { childText, children, type XmlElement } from '../../xml/parse';
import { atElement, finding, unresolvedReference } from '../finding';
import { messages } from '../messages';
import {
    childPath,
    flowModels,
    objectModel,
    type FieldCheck,
    type FlowModel,
    metadataSchema,
    type ObjectModel
} from '../model';
import type { Finding, Rule } from '../types';

const ID = 'flow-references';

/** Flow elements that read or write records of an object, with their field-naming children. */
const RECORD_ELEMENTS = [
    'recordLookups',
    'recordUpdates',
    'recordCreates',
    'recordDeletes',
    'dynamicChoiceSets'
];
const FIELD_LISTS = ['queriedFields'];
const FIELD_LEAVES = ['sortField', 'displayField', 'valueField'];
const FIELD_ITEMS = ['filters', 'inputAssignments', 'outputAssignments'];

/**
 * Every object, field and name a flow refers to exists: the start object, record elements'
 * objects and fields, `$Record.Field`, record variables' and loops' fields, and every reference
 * to an element, resource or global variable.
 */
export const flowReferencesRule: Rule = {
    id: ID,
    description:
        'Every object, field, element, resource and global variable a flow refers to exists.',
    preload: metadataSchema,
    check(project) {
        const objects = project.memo(objectModel);
        const findings: Finding[] = [];
        for (const [file, flow] of project.memo(flowModels)) {
            new FlowReferenceChecker(file, flow, objects, findings).check();
        }
        return findings;
    }
};

class FlowReferenceChecker {
    public constructor(
        private readonly file: string,
        private readonly flow: FlowModel,
        private readonly objects: ObjectModel,
        private readonly findings: Finding[]
    ) {}

    public check(): void {
        const { root, start, startObject } = this.flow;
        if (start && startObject) {
            const startPath = 'Flow.start';
            this.checkObject(start, startPath, startObject);
            this.checkFieldItems(start, startPath, startObject, ['filters']);
            for (const scheduledPath of children(start, 'scheduledPaths')) {
                this.checkFieldLeaves(
                    scheduledPath,
                    childPath(startPath, start, scheduledPath),
                    startObject,
                    ['recordField']
                );
            }
        }
        for (const element of root.children) {
            const path = childPath('Flow', root, element);
            if (RECORD_ELEMENTS.includes(element.name)) {
                this.checkRecordElement(element, path);
            } else if (element.name === 'variables') {
                const objectType = childText(element, 'objectType')?.trim();
                if (objectType) {
                    this.checkObject(element, path, objectType);
                }
            }
        }
        for (const { reference, element, path } of this.flow.references) {
            const problem = this.flow.resolve(reference, this.objects);
            if (problem) {
                this.findings.push(
                    unresolvedReference(ID, reference, problem, atElement(this.file, element, path))
                );
            }
        }
    }

    private checkRecordElement(element: XmlElement, path: string): void {
        const object = childText(element, 'object')?.trim();
        if (object && this.checkObject(element, path, object)) {
            this.checkFieldItems(element, path, object, FIELD_ITEMS);
            this.checkFieldLeaves(element, path, object, [...FIELD_LISTS, ...FIELD_LEAVES]);
        }
        const picklistObject = childText(element, 'picklistObject')?.trim();
        if (picklistObject && this.checkObject(element, path, picklistObject)) {
            this.checkFieldLeaves(element, path, picklistObject, ['picklistField']);
        }
    }

    /** Reports an unknown object; returns whether its fields can be checked. */
    private checkObject(element: XmlElement, path: string, object: string): boolean {
        const check = this.objects.checkObject(object);
        this.reportField(element, path, check);
        return check.status === 'ok';
    }

    private checkFieldItems(
        element: XmlElement,
        path: string,
        object: string,
        itemNames: readonly string[]
    ): void {
        for (const item of element.children.filter((candidate) =>
            itemNames.includes(candidate.name)
        )) {
            this.checkFieldLeaves(item, childPath(path, element, item), object, ['field']);
        }
    }

    private checkFieldLeaves(
        element: XmlElement,
        path: string,
        object: string,
        leafNames: readonly string[]
    ): void {
        for (const leaf of element.children.filter((candidate) =>
            leafNames.includes(candidate.name)
        )) {
            const field = leaf.text.trim();
            if (field) {
                this.reportField(
                    leaf,
                    childPath(path, element, leaf),
                    this.objects.checkField(object, field)
                );
            }
        }
    }

    private reportField(element: XmlElement, path: string, check: FieldCheck): void {
        if (check.status === 'unknown-object' || check.status === 'unknown-field') {
            this.findings.push(
                finding(
                    ID,
                    'error',
                    messages.objects.unknown(check),
                    atElement(this.file, element, path)
                )
            );
        }
    }
}
