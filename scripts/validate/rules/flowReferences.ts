import type { FlowModel, FlowPlace, FlowRecordUse, FlowText } from '../../project/flows';
import { finding, unresolvedReference, type Location } from '../finding';
import { messages } from '../messages';
import {
    flowModels,
    metadataSchema,
    objectModel,
    resolveReference,
    unknownSeverity,
    type FieldCheck,
    type ObjectModel
} from '../model';
import type { Finding, Rule } from '../types';

const ID = 'flow-references';

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

const nonEmpty = (text: FlowText | undefined): text is FlowText =>
    text !== undefined && text.text !== '';

class FlowReferenceChecker {
    public constructor(
        private readonly file: string,
        private readonly flow: FlowModel,
        private readonly objects: ObjectModel,
        private readonly findings: Finding[]
    ) {}

    public check(): void {
        const { start } = this.flow;
        const startObject = start?.object?.text;
        if (start && startObject) {
            this.checkObject(start, startObject);
            this.checkFields(startObject, [
                ...start.filters.map((filter) => filter.field).filter(nonEmpty),
                ...start.scheduledPaths.map((path) => path.recordField).filter(nonEmpty)
            ]);
        }
        for (const part of [...this.flow.elements, ...this.flow.resources]) {
            if ('records' in part) {
                this.checkRecords(part, part.records);
            }
            if (part.kind === 'variables' && part.objectType?.text) {
                this.checkObject(part, part.objectType.text);
            }
        }
        for (const { reference, line, path } of this.flow.references) {
            const problem = resolveReference(this.flow, reference, this.objects);
            if (problem) {
                this.findings.push(
                    unresolvedReference(ID, reference, problem, this.at({ line, path }))
                );
            }
        }
    }

    private at(place: FlowPlace): Location {
        return { file: this.file, line: place.line, path: place.path };
    }

    private checkRecords(place: FlowPlace, records: FlowRecordUse): void {
        const object = records.object?.text;
        if (object && this.checkObject(place, object)) {
            this.checkFields(object, records.fields);
        }
        const picklistObject = records.picklistObject?.text;
        if (picklistObject && this.checkObject(place, picklistObject)) {
            this.checkFields(picklistObject, records.picklistFields);
        }
    }

    /** Reports an unknown object; returns whether its fields can be checked. */
    private checkObject(place: FlowPlace, object: string): boolean {
        const check = this.objects.checkObject(object);
        this.reportField(place, check);
        return check.status === 'ok';
    }

    private checkFields(object: string, fields: readonly FlowText[]): void {
        for (const field of fields) {
            this.reportField(field, this.objects.checkField(object, field.text));
        }
    }

    private reportField(place: FlowPlace, check: FieldCheck): void {
        if (check.status === 'unknown-object' || check.status === 'unknown-field') {
            this.findings.push(
                finding(ID, unknownSeverity(check), messages.objects.unknown(check), this.at(place))
            );
        }
    }
}
