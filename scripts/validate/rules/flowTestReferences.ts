import {
    valueHolder,
    type FlowPlace,
    type FlowTestConditionModel,
    type FlowTestModel,
    type FlowTestParameterModel,
    type FlowText
} from '../../project/flows';
import { isRecord } from '../../shared/json';
import { finding, unresolvedReference, type Location } from '../finding';
import { messages } from '../messages';
import {
    flowModels,
    flowName,
    flowTestModels,
    metadataSchema,
    objectModel,
    resolveReference,
    unknownSeverity,
    type FlowModel,
    type ObjectModel
} from '../model';
import type { Finding, Rule, Severity } from '../types';

const ID = 'flowtest-references';

const TEST_POINTS = new Set(['Start', 'Finish']);
const RECORD_PARAMETERS = new Set(['InputTriggeringRecordInitial', 'InputTriggeringRecordUpdated']);

/**
 * Every FlowTest tests a flow of the project, its test points and assertions name what the flow
 * has, and its records (`sobjectValue` JSON) are of the flow's object with existing fields.
 */
export const flowTestReferencesRule: Rule = {
    id: ID,
    description:
        'Every FlowTest names a flow of the project, and its records, fields and assertions match that flow.',
    preload: metadataSchema,
    check(project) {
        const objects = project.memo(objectModel);
        const flows = new Map<string, FlowModel | undefined>();
        for (const file of project.filesEndingWith('.flow-meta.xml')) {
            flows.set(flowName(file), project.memo(flowModels).get(file));
        }
        const findings: Finding[] = [];
        for (const test of project.memo(flowTestModels).values()) {
            new FlowTestChecker(test.file, objects, findings).check(test, flows);
        }
        return findings;
    }
};

class FlowTestChecker {
    public constructor(
        private readonly file: string,
        private readonly objects: ObjectModel,
        private readonly findings: Finding[]
    ) {}

    public check(test: FlowTestModel, flows: ReadonlyMap<string, FlowModel | undefined>): void {
        const flowApiName = test.flowApiName;
        const name = flowApiName?.text;
        if (!flowApiName || !name) {
            return;
        }
        if (!flows.has(name)) {
            this.report(flowApiName, messages.flowTest.unknownFlow(name));
            return;
        }
        const flow = flows.get(name);
        for (const testPoint of test.testPoints) {
            const elementName = testPoint.elementApiName;
            const pointName = elementName?.text ?? '';
            if (
                elementName &&
                flow &&
                !TEST_POINTS.has(pointName) &&
                !flow.nodes.has(pointName.toLowerCase())
            ) {
                this.report(elementName, messages.flowTest.unknownTestPoint(pointName, name));
            }
            for (const parameter of testPoint.parameters) {
                this.checkParameter(parameter, flow);
            }
            for (const assertion of testPoint.assertions) {
                for (const condition of assertion.conditions) {
                    this.checkCondition(condition, flow);
                }
            }
        }
    }

    private checkParameter(parameter: FlowTestParameterModel, flow: FlowModel | undefined): void {
        const type = parameter.type?.text ?? '';
        const left = parameter.leftValueReference;
        const isRecordParameter = RECORD_PARAMETERS.has(type);
        if (isRecordParameter && left && left.text !== '$Record') {
            this.report(left, messages.flowTest.recordParameter(left.text, type));
        }
        const record = valueHolder(parameter.value, 'sobjectValue');
        if (record) {
            this.checkRecord(record, isRecordParameter ? flow?.start?.object?.text : undefined);
        }
    }

    private checkCondition(condition: FlowTestConditionModel, flow: FlowModel | undefined): void {
        for (const reference of [
            condition.leftValueReference,
            valueHolder(condition.rightValue, 'elementReference')
        ]) {
            const text = reference?.text.trim();
            const problem =
                reference && text && flow ? resolveReference(flow, text, this.objects) : undefined;
            if (reference && text && problem) {
                this.findings.push(unresolvedReference(ID, text, problem, this.at(reference)));
            }
        }
        const record = valueHolder(condition.rightValue, 'sobjectValue');
        if (record) {
            this.checkRecord(record, undefined);
        }
    }

    /** A record written as JSON: `{"attributes":{"type":"Obj"},"Field__c":...}`. */
    private checkRecord(element: FlowText, expectedType: string | undefined): void {
        let record: unknown;
        try {
            record = JSON.parse(element.text);
        } catch (error: unknown) {
            this.report(
                element,
                messages.flowTest.invalidJson(
                    error instanceof Error ? error.message : String(error)
                )
            );
            return;
        }
        const attributes = isRecord(record) ? record.attributes : undefined;
        const type = isRecord(attributes) ? attributes.type : undefined;
        if (!isRecord(record) || typeof type !== 'string') {
            this.report(element, messages.flowTest.noRecordType());
            return;
        }
        const objectCheck = this.objects.checkObject(type);
        if (objectCheck.status === 'unknown-object') {
            this.report(
                element,
                messages.objects.unknown(objectCheck),
                unknownSeverity(objectCheck)
            );
            return;
        }
        if (expectedType && type.toLowerCase() !== expectedType.toLowerCase()) {
            this.report(element, messages.flowTest.wrongRecordType(type, expectedType));
        }
        for (const [field, value] of Object.entries(record)) {
            if (field === 'attributes' || isRecord(value)) {
                continue;
            }
            const check = this.objects.checkField(type, field);
            if (check.status === 'unknown-field') {
                this.report(element, messages.objects.unknown(check), unknownSeverity(check));
            }
        }
    }

    private at(place: FlowPlace): Location {
        return { file: this.file, line: place.line, path: place.path };
    }

    private report(
        place: FlowPlace,
        text: { message: string; fix: string },
        severity: Severity = 'error'
    ): void {
        this.findings.push(finding(ID, severity, text, this.at(place)));
    }
}
