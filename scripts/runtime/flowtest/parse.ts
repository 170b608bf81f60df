import { child, childText, children, type XmlElement } from '../../xml/parse';
import { ScenarioError } from '../errors';
import { CONDITION_OPERATORS, type Condition, type ValueSpec } from '../flow';
import { MESSAGES } from '../messages';
import { parseScenario } from '../scenario';
import type { ObjectSchema, OrgSchema } from '../schema';
import type { FieldValues } from '../types';
import { readXml } from '../xml';
import type { FlowTestDefinition } from './types';

/**
 * Reads a FlowTest file. The records of its Start point are JSON (`sobjectValue`) with
 * `attributes.type`; their fields are checked against the schema as scenario records are.
 */
export function parseFlowTest(source: string, file: string, schema: OrgSchema): FlowTestDefinition {
    const root = readXml(source, file);
    const at = (element: XmlElement): string => `${file}:${element.line}`;
    if (root.name !== 'FlowTest') {
        throw new ScenarioError(at(root), MESSAGES.notAFlowTest(root.name));
    }
    const records = new Map<string, FieldValues>();
    const assertions: FlowTestDefinition['assertions'][number][] = [];
    for (const point of children(root, 'testPoints')) {
        for (const parameter of children(point, 'parameters')) {
            const json = child(child(parameter, 'value') ?? parameter, 'sobjectValue');
            const type = childText(parameter, 'type') ?? '';
            if (
                !json ||
                (type !== 'InputTriggeringRecordInitial' && type !== 'InputTriggeringRecordUpdated')
            ) {
                throw new ScenarioError(at(parameter), MESSAGES.unsupportedTestParameter(type));
            }
            records.set(type, readRecord(json, at(json), schema));
        }
        for (const assertion of children(point, 'assertions')) {
            const errorMessage = childText(assertion, 'errorMessage');
            assertions.push({
                line: assertion.line,
                conditions: children(assertion, 'conditions').map((condition) =>
                    readCondition(condition, at(condition))
                ),
                ...(errorMessage === undefined ? {} : { errorMessage })
            });
        }
    }
    const initial = records.get('InputTriggeringRecordInitial');
    if (!initial) {
        throw new ScenarioError(at(root), MESSAGES.noTriggeringRecord);
    }
    const updated = records.get('InputTriggeringRecordUpdated');
    return {
        file,
        name: (file.split('/').pop() ?? file).replace(/\.flowtest-meta\.xml$/, ''),
        flowApiName: childText(root, 'flowApiName') ?? '',
        label: childText(root, 'label') ?? '',
        initial,
        ...(updated ? { updated } : {}),
        assertions
    };
}

function readCondition(element: XmlElement, place: string): Condition {
    const operator = CONDITION_OPERATORS.find(
        (candidate) => candidate === childText(element, 'operator')
    );
    if (!operator) {
        throw new ScenarioError(
            place,
            MESSAGES.notOneOf('operator', childText(element, 'operator') ?? '', CONDITION_OPERATORS)
        );
    }
    const right = child(element, 'rightValue');
    const holder = right?.children[0];
    let value: ValueSpec | undefined;
    if (holder) {
        value =
            holder.name === 'booleanValue'
                ? { kind: 'literal', value: holder.text === 'true' }
                : holder.name === 'numberValue'
                  ? { kind: 'literal', value: Number(holder.text) }
                  : holder.name === 'elementReference'
                    ? { kind: 'reference', reference: holder.text }
                    : { kind: 'literal', value: holder.text };
    } else if (right) {
        value = { kind: 'literal', value: '' };
    }
    return {
        left: childText(element, 'leftValueReference') ?? '',
        operator,
        ...(value ? { right: value } : {})
    };
}

/** An sobjectValue as a record of its object: read through the scenario reader's checks. */
function readRecord(element: XmlElement, place: string, schema: OrgSchema): FieldValues {
    let json: unknown;
    try {
        json = JSON.parse(element.text);
    } catch (error: unknown) {
        throw new ScenarioError(
            place,
            MESSAGES.badJson(error instanceof Error ? error.message : String(error)),
            { cause: error }
        );
    }
    const { attributes, ...fields } = (typeof json === 'object' && json !== null ? json : {}) as {
        attributes?: { type?: string };
    };
    const object: ObjectSchema = schema.object(attributes?.type ?? '', place);
    const scenario = parseScenario(
        JSON.stringify({ data: { [object.name]: [fields] } }),
        place,
        schema
    );
    return scenario.data[0]?.records[0] ?? {};
}
