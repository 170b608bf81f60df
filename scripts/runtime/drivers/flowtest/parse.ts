import {
    FlowTestModel,
    valueHolder,
    type FlowTestConditionModel,
    type FlowText
} from '../../../project/flows';
import { ScenarioError } from '../../errors';
import { CONDITION_OPERATORS, type Condition, type ValueSpec } from '../../flow';
import { MESSAGES } from '../../messages';
import { parseScenario } from '../scenario';
import type { ObjectSchema, OrgSchema } from '../../schema';
import type { FieldValues } from '../../types';
import { readXml } from '../../xml';
import type { FlowTestDefinition } from './types';

/**
 * Reads a FlowTest file into the one FlowTest model, and what the embedded org runs from it.
 * The records of its Start point are JSON (`sobjectValue`) with `attributes.type`; their fields
 * are checked against the schema as scenario records are.
 */
export function parseFlowTest(source: string, file: string, schema: OrgSchema): FlowTestDefinition {
    const root = readXml(source, file);
    if (root.name !== 'FlowTest') {
        throw new ScenarioError(`${file}:${root.line}`, MESSAGES.notAFlowTest(root.name));
    }
    return compileFlowTest(new FlowTestModel(root, file), schema);
}

/** The triggering records and the assertions of a FlowTest, checked against the org's schema. */
export function compileFlowTest(test: FlowTestModel, schema: OrgSchema): FlowTestDefinition {
    const at = (place: { readonly line: number }): string => `${test.file}:${place.line}`;
    const records = new Map<string, FieldValues>();
    const assertions: FlowTestDefinition['assertions'][number][] = [];
    for (const point of test.testPoints) {
        for (const parameter of point.parameters) {
            const json = valueHolder(parameter.value, 'sobjectValue');
            const type = parameter.type?.text ?? '';
            if (
                !json ||
                (type !== 'InputTriggeringRecordInitial' && type !== 'InputTriggeringRecordUpdated')
            ) {
                throw new ScenarioError(at(parameter), MESSAGES.unsupportedTestParameter(type));
            }
            records.set(type, readRecord(json, at(json), schema));
        }
        for (const assertion of point.assertions) {
            assertions.push({
                line: assertion.line,
                conditions: assertion.conditions.map((condition) =>
                    readCondition(condition, at(condition))
                ),
                ...(assertion.errorMessage === undefined
                    ? {}
                    : { errorMessage: assertion.errorMessage })
            });
        }
    }
    const initial = records.get('InputTriggeringRecordInitial');
    if (!initial) {
        throw new ScenarioError(at(test), MESSAGES.noTriggeringRecord);
    }
    const updated = records.get('InputTriggeringRecordUpdated');
    return {
        file: test.file,
        name: test.apiName,
        flowApiName: test.flowApiName?.text ?? '',
        label: test.label ?? '',
        initial,
        ...(updated ? { updated } : {}),
        assertions
    };
}

function readCondition(condition: FlowTestConditionModel, place: string): Condition {
    const written = condition.operator?.text;
    const operator = CONDITION_OPERATORS.find((candidate) => candidate === written);
    if (!operator) {
        throw new ScenarioError(
            place,
            MESSAGES.notOneOf('operator', written ?? '', CONDITION_OPERATORS)
        );
    }
    const right = condition.rightValue;
    const holder = right?.holders[0];
    let value: ValueSpec | undefined;
    if (holder) {
        value =
            holder.kind === 'booleanValue'
                ? { kind: 'literal', value: holder.text === 'true' }
                : holder.kind === 'numberValue'
                  ? { kind: 'literal', value: Number(holder.text) }
                  : holder.kind === 'elementReference'
                    ? { kind: 'reference', reference: holder.text }
                    : { kind: 'literal', value: holder.text };
    } else if (right) {
        value = { kind: 'literal', value: '' };
    }
    return {
        left: condition.leftValueReference?.text ?? '',
        operator,
        ...(value ? { right: value } : {})
    };
}

/** An sobjectValue as a record of its object: read through the scenario reader's checks. */
function readRecord(element: FlowText, place: string, schema: OrgSchema): FieldValues {
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
