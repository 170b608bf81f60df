import { LimitException } from '../../errors';
import {
    DEFAULT_OPTIONS,
    displayText,
    FlowRunner,
    holdsValue,
    Interview,
    meetsEntry,
    type Condition,
    type FlowDefinition,
    type RuntimeOptions
} from '../../flow';
import { MESSAGES } from '../../messages';
import { normalizeValue } from '../../org';
import { EmbeddedOrg } from '../../org/embedded';
import type { DataSet } from '../scenario';
import type { OrgSchema } from '../../schema';
import type { FieldValues } from '../../types';
import type { AssertionResult, ConditionResult, FlowTestDefinition, FlowTestResult } from './types';

/**
 * Runs a FlowTest locally, as the platform runs one: the flow alone, for one triggering record
 * built from the Start point (created, or updated from the initial record), against the org's
 * data; nothing is saved. Then the Finish assertions: an element that holds no value (an
 * Update Records, a decision) stands for "was executed", as in Salesforce's own tests; other
 * references are read from the interview. Other flows do not fire on the DML the tested flow
 * does. [verify in an org: whether a FlowTest fires other automation]
 */
export function runFlowTest(
    test: FlowTestDefinition,
    flow: FlowDefinition,
    schema: OrgSchema,
    data: readonly DataSet[],
    options: RuntimeOptions = DEFAULT_OPTIONS
): FlowTestResult {
    const org = new EmbeddedOrg(schema, [], options);
    org.load(data);
    const object = flow.start.object;
    const id = org.store.newId(object);
    const defaults: FieldValues = Object.fromEntries(
        object.fields.map((field) => [field.name, field.defaultValue ?? null])
    );
    const initial: FieldValues = { ...defaults, ...test.initial, Id: id };
    const record = test.updated ? { ...initial, ...test.updated, Id: id } : initial;
    for (const field of object.fields) {
        record[field.name] = normalizeValue(field, record[field.name] ?? null);
    }
    const interview = new Interview(
        flow,
        schema,
        options,
        { sobjectType: object.name, fields: record },
        test.updated ? { sobjectType: object.name, fields: initial } : null
    );
    const fail = (error: string): FlowTestResult => ({
        test,
        passed: false,
        error,
        assertions: []
    });
    if (!meetsEntry(interview)) {
        return fail(MESSAGES.entryNotMet);
    }
    const transaction = org.transaction();
    try {
        new FlowRunner(transaction, flow).run([interview]);
    } catch (error: unknown) {
        if (error instanceof LimitException) {
            return fail(error.message);
        }
        throw error;
    } finally {
        transaction.rollback();
    }
    const assertions = test.assertions.map((assertion): AssertionResult => {
        const conditions = assertion.conditions.map((condition) =>
            checkCondition(interview, condition)
        );
        return {
            passed: conditions.every((condition) => condition.passed),
            ...(assertion.errorMessage === undefined
                ? {}
                : { errorMessage: assertion.errorMessage }),
            conditions
        };
    });
    const error = interview.errors.map((item) => `${item.statusCode}: ${item.message}`).join('; ');
    return {
        test,
        passed: error === '' && assertions.every((assertion) => assertion.passed),
        ...(error === '' ? {} : { error }),
        assertions
    };
}

function checkCondition(interview: Interview, condition: Condition): ConditionResult {
    const root = condition.left.split('.')[0] ?? '';
    const isElement = interview.flow.elements.has(root) && !holdsValue(interview.flow, root);
    const right = condition.right ? interview.resolve(condition.right) : null;
    const description = `${condition.left} ${condition.operator}${condition.right ? ` ${JSON.stringify(right)}` : ''}`;
    if (isElement || condition.operator === 'WasVisited') {
        const visited = interview.visited.has(root);
        const passed =
            condition.operator === 'NotEqualTo'
                ? visited !== (right === true)
                : visited === (right !== false);
        return { description, passed, actual: visited ? 'executed' : 'not executed' };
    }
    const actual = interview.read(condition.left);
    const passed = interview.test([condition], { kind: 'condition', index: 0 });
    return {
        description,
        passed,
        actual:
            actual === null
                ? 'null'
                : JSON.stringify(
                      Array.isArray(actual) ? actual.map(displayText) : displayText(actual)
                  )
    };
}
