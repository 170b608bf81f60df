import { isRecord } from '../../shared/json';
import { child, childText, children, type XmlElement } from '../../xml/parse';
import { atElement, finding, unresolvedReference } from '../finding';
import { messages } from '../messages';
import {
    childPath,
    flowModels,
    flowName,
    objectModel,
    type FlowModel,
    metadataSchema,
    type ObjectModel
} from '../model';
import type { Finding, Rule } from '../types';

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
        for (const file of project.filesEndingWith('.flowtest-meta.xml')) {
            const root = project.xmlRoot(file);
            if (root?.name === 'FlowTest') {
                new FlowTestChecker(file, objects, findings).check(root, flows);
            }
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

    public check(root: XmlElement, flows: ReadonlyMap<string, FlowModel | undefined>): void {
        const nameElement = child(root, 'flowApiName');
        const name = nameElement?.text.trim();
        if (!nameElement || !name) {
            return;
        }
        if (!flows.has(name)) {
            this.report(nameElement, 'FlowTest.flowApiName', messages.flowTest.unknownFlow(name));
            return;
        }
        const flow = flows.get(name);
        for (const testPoint of children(root, 'testPoints')) {
            const pointPath = childPath('FlowTest', root, testPoint);
            const elementName = child(testPoint, 'elementApiName');
            const pointName = elementName?.text.trim() ?? '';
            if (
                elementName &&
                flow &&
                !TEST_POINTS.has(pointName) &&
                !flow.nodes.has(pointName.toLowerCase())
            ) {
                this.report(
                    elementName,
                    `${pointPath}.elementApiName`,
                    messages.flowTest.unknownTestPoint(pointName, name)
                );
            }
            for (const parameter of children(testPoint, 'parameters')) {
                this.checkParameter(parameter, childPath(pointPath, testPoint, parameter), flow);
            }
            for (const assertion of children(testPoint, 'assertions')) {
                const assertionPath = childPath(pointPath, testPoint, assertion);
                for (const condition of children(assertion, 'conditions')) {
                    this.checkCondition(
                        condition,
                        childPath(assertionPath, assertion, condition),
                        flow
                    );
                }
            }
        }
    }

    private checkParameter(parameter: XmlElement, path: string, flow: FlowModel | undefined): void {
        const type = childText(parameter, 'type')?.trim() ?? '';
        const left = child(parameter, 'leftValueReference');
        const isRecordParameter = RECORD_PARAMETERS.has(type);
        if (isRecordParameter && left && left.text.trim() !== '$Record') {
            this.report(
                left,
                `${path}.leftValueReference`,
                messages.flowTest.recordParameter(left.text.trim(), type)
            );
        }
        const value = child(parameter, 'value');
        const record = value ? child(value, 'sobjectValue') : undefined;
        if (record) {
            this.checkRecord(
                record,
                `${path}.value.sobjectValue`,
                isRecordParameter ? flow?.startObject : undefined
            );
        }
    }

    private checkCondition(condition: XmlElement, path: string, flow: FlowModel | undefined): void {
        const left = child(condition, 'leftValueReference');
        const right = child(condition, 'rightValue');
        const rightReference = right ? child(right, 'elementReference') : undefined;
        for (const [element, elementPath] of [
            [left, `${path}.leftValueReference`],
            [rightReference, `${path}.rightValue.elementReference`]
        ] as const) {
            const reference = element?.text.trim();
            const problem =
                element && reference && flow ? flow.resolve(reference, this.objects) : undefined;
            if (element && reference && problem) {
                this.findings.push(
                    unresolvedReference(
                        ID,
                        reference,
                        problem,
                        atElement(this.file, element, elementPath)
                    )
                );
            }
        }
        const record = right ? child(right, 'sobjectValue') : undefined;
        if (record) {
            this.checkRecord(record, `${path}.rightValue.sobjectValue`, undefined);
        }
    }

    /** A record written as JSON: `{"attributes":{"type":"Obj"},"Field__c":...}`. */
    private checkRecord(element: XmlElement, path: string, expectedType: string | undefined): void {
        let record: unknown;
        try {
            record = JSON.parse(element.text);
        } catch (error: unknown) {
            this.report(
                element,
                path,
                messages.flowTest.invalidJson(
                    error instanceof Error ? error.message : String(error)
                )
            );
            return;
        }
        const attributes = isRecord(record) ? record.attributes : undefined;
        const type = isRecord(attributes) ? attributes.type : undefined;
        if (!isRecord(record) || typeof type !== 'string') {
            this.report(element, path, messages.flowTest.noRecordType());
            return;
        }
        const objectCheck = this.objects.checkObject(type);
        if (objectCheck.status === 'unknown-object') {
            this.report(element, path, messages.objects.unknown(objectCheck));
            return;
        }
        if (expectedType && type.toLowerCase() !== expectedType.toLowerCase()) {
            this.report(element, path, messages.flowTest.wrongRecordType(type, expectedType));
        }
        for (const [field, value] of Object.entries(record)) {
            if (field === 'attributes' || isRecord(value)) {
                continue;
            }
            const check = this.objects.checkField(type, field);
            if (check.status === 'unknown-field') {
                this.report(element, path, messages.objects.unknown(check));
            }
        }
    }

    private report(
        element: XmlElement,
        path: string,
        text: { message: string; fix: string }
    ): void {
        this.findings.push(finding(ID, 'error', text, atElement(this.file, element, path)));
    }
}
