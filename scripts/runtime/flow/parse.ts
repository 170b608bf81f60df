import { child, childText, children, type XmlElement } from '../../xml/parse';
import { ScenarioError } from '../errors';
import { MESSAGES } from '../messages';
import { FILTER_OPERATORS, parseLogic, type FilterOperator, type LogicNode } from '../org';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import type { Scalar } from '../types';
import { readXml } from '../xml';
import { compileFormula, formulaReferences, FormulaError, type Formula } from './formula';
import { mergeFields, referenceProblem } from './references';
import {
    ASSIGNMENT_OPERATORS,
    CONDITION_OPERATORS,
    type AssignmentOperator,
    type Condition,
    type ConditionOperator,
    type FieldAssignment,
    type FilterTarget,
    type FlowDataType,
    type FlowDefinition,
    type FlowElement,
    type FlowStart,
    type LookupOutput,
    type RecordFilter,
    type RecordTriggerType,
    type Rule,
    type TriggerType,
    type ValueSpec,
    type Variable
} from './types';

/** Top-level Flow elements that describe the flow but do not run. */
const INERT = new Set([
    'apiVersion',
    'areMetricsLoggedToDataCloud',
    'description',
    'environments',
    'interviewLabel',
    'isAdditionalPermissionRequiredToRun',
    'isOverridable',
    'isTemplate',
    'label',
    'migratedFromWorkflowRuleName',
    'overriddenFlow',
    'processMetadataValues',
    'processType',
    'runInMode',
    'sourceTemplate',
    'status',
    'triggerOrder'
]);

/** Top-level Flow elements the runtime reads; anything else is reported as not supported. */
const READ = new Set([
    'assignments',
    'constants',
    'customErrors',
    'decisions',
    'formulas',
    'loops',
    'recordCreates',
    'recordDeletes',
    'recordLookups',
    'recordUpdates',
    'start',
    'textTemplates',
    'variables'
]);

const TRIGGER_TYPES: readonly TriggerType[] = [
    'RecordBeforeSave',
    'RecordAfterSave',
    'RecordBeforeDelete'
];
const RECORD_TRIGGER_TYPES: readonly RecordTriggerType[] = [
    'Create',
    'Update',
    'CreateAndUpdate',
    'Delete'
];
const DATA_TYPES: readonly FlowDataType[] = [
    'String',
    'Boolean',
    'Number',
    'Currency',
    'Date',
    'DateTime',
    'Picklist',
    'SObject'
];

/**
 * Reads a record-triggered flow from its metadata XML and checks it against the org's schema:
 * every object, field, resource and connector it names must exist, so that a mistake is
 * reported with its line before anything runs, never as a silent null.
 */
export function parseFlow(source: string, file: string, schema: OrgSchema): FlowDefinition {
    return new FlowReader(file, schema).read(source);
}

class FlowReader {
    /** References to check once every resource is known, with the line they are on. */
    private readonly references: { readonly reference: string; readonly line: number }[] = [];
    private readonly connectors: { readonly target: string; readonly line: number }[] = [];
    private triggerObject: ObjectSchema | undefined;

    public constructor(
        private readonly file: string,
        private readonly schema: OrgSchema
    ) {}

    public read(source: string): FlowDefinition {
        const root = this.parse(source);
        for (const element of root.children) {
            if (!INERT.has(element.name) && !READ.has(element.name)) {
                throw this.error(element, MESSAGES.unsupportedElement(element.name));
            }
        }
        const processType = childText(root, 'processType');
        const startElement = child(root, 'start');
        if (
            processType !== 'AutoLaunchedFlow' ||
            !startElement ||
            !child(startElement, 'triggerType')
        ) {
            throw this.error(root, MESSAGES.notRecordTriggered(processType));
        }
        const start = this.start(startElement);
        const elements = new Map<string, FlowElement>();
        const add = (element: FlowElement): void => {
            elements.set(element.name, element);
        };
        children(root, 'decisions').forEach((element) => {
            add(this.decision(element));
        });
        children(root, 'assignments').forEach((element) => {
            add(this.assignment(element));
        });
        children(root, 'loops').forEach((element) => {
            add(this.loop(element));
        });
        children(root, 'customErrors').forEach((element) => {
            add(this.customError(element));
        });
        children(root, 'recordLookups').forEach((element) => {
            add(this.lookup(element));
        });
        children(root, 'recordUpdates').forEach((element) => {
            add(this.update(element));
        });
        children(root, 'recordCreates').forEach((element) => {
            add(this.create(element));
        });
        children(root, 'recordDeletes').forEach((element) => {
            add(this.remove(element));
        });
        const triggerOrder = childText(root, 'triggerOrder');
        const flow: FlowDefinition = {
            file: this.file,
            apiName: (this.file.split('/').pop() ?? this.file).replace(/\.flow-meta\.xml$/, ''),
            label: childText(root, 'label') ?? '',
            status: childText(root, 'status') ?? 'Draft',
            ...(triggerOrder ? { triggerOrder: Number(triggerOrder) } : {}),
            start,
            elements,
            elementOrder: root.children
                .filter((element) => READ.has(element.name))
                .map((element) => childText(element, 'name') ?? ''),
            variables: new Map(
                children(root, 'variables').map((element) => [
                    this.text(element, 'name'),
                    this.variable(element)
                ])
            ),
            constants: new Map(
                children(root, 'constants').map((element) => [
                    this.text(element, 'name'),
                    this.constant(element)
                ])
            ),
            formulas: new Map(
                children(root, 'formulas').map((element) => [
                    this.text(element, 'name'),
                    {
                        dataType: this.dataType(element),
                        formula: this.formula(element, this.text(element, 'expression'))
                    }
                ])
            ),
            textTemplates: new Map(
                children(root, 'textTemplates').map((element) => [
                    this.text(element, 'name'),
                    this.template(element, this.text(element, 'text'))
                ])
            )
        };
        this.check(flow);
        return flow;
    }

    private parse(source: string): XmlElement {
        const root = readXml(source, this.file);
        if (root.name !== 'Flow') {
            throw this.error(root, MESSAGES.notAFlow(root.name));
        }
        return root;
    }

    private check(flow: FlowDefinition): void {
        for (const { target, line } of this.connectors) {
            if (!flow.elements.has(target)) {
                throw new ScenarioError(`${this.file}:${line}`, MESSAGES.unknownTarget(target));
            }
        }
        for (const { reference, line } of this.references) {
            const problem = referenceProblem(flow, this.schema, reference);
            if (problem) {
                throw new ScenarioError(`${this.file}:${line}`, problem);
            }
        }
    }

    private error(element: XmlElement, reason: string): ScenarioError {
        return new ScenarioError(`${this.file}:${element.line}`, reason);
    }

    private text(element: XmlElement, name: string): string {
        const text = childText(element, name);
        if (text === undefined) {
            throw this.error(element, MESSAGES.missingChild(element.name, name));
        }
        return text;
    }

    private oneOf<T extends string>(element: XmlElement, name: string, allowed: readonly T[]): T {
        const text = this.text(element, name);
        const found = allowed.find((candidate) => candidate === text);
        if (!found) {
            throw this.error(element, MESSAGES.notOneOf(name, text, allowed));
        }
        return found;
    }

    private reference(element: XmlElement, reference: string): string {
        this.references.push({ reference, line: element.line });
        return reference;
    }

    private connector(element: XmlElement, name: string): string | undefined {
        const connector = child(element, name);
        const target = connector ? childText(connector, 'targetReference') : undefined;
        if (connector && target) {
            this.connectors.push({ target, line: connector.line });
        }
        return target;
    }

    private object(element: XmlElement, name = 'object'): ObjectSchema {
        return this.schema.object(this.text(element, name), `${this.file}:${element.line}`);
    }

    private field(element: XmlElement, object: ObjectSchema, name = 'field'): FieldSchema {
        return this.schema.field(object, this.text(element, name), `${this.file}:${element.line}`);
    }

    private logic(element: XmlElement, name: string, count: number): LogicNode {
        try {
            return parseLogic(childText(element, name), count);
        } catch (error: unknown) {
            throw this.error(element, error instanceof Error ? error.message : String(error));
        }
    }

    private value(element: XmlElement | undefined): ValueSpec {
        if (!element || element.children.length === 0) {
            return { kind: 'literal', value: null };
        }
        const [holder] = element.children;
        if (!holder || element.children.length > 1) {
            throw this.error(element, MESSAGES.badValue(element.name));
        }
        switch (holder.name) {
            case 'elementReference':
                return { kind: 'reference', reference: this.reference(holder, holder.text) };
            case 'stringValue':
            case 'dateValue':
            case 'dateTimeValue':
                return { kind: 'literal', value: holder.text };
            case 'booleanValue':
                return { kind: 'literal', value: holder.text === 'true' };
            case 'numberValue':
                return { kind: 'literal', value: Number(holder.text) };
            default:
                throw this.error(holder, MESSAGES.unsupportedValue(holder.name));
        }
    }

    private formula(element: XmlElement, expression: string): Formula {
        try {
            const formula = compileFormula(expression);
            formulaReferences(formula).forEach((reference) => this.reference(element, reference));
            return formula;
        } catch (error: unknown) {
            if (error instanceof FormulaError) {
                throw this.error(element, error.message);
            }
            throw error;
        }
    }

    private template(element: XmlElement, text: string): string {
        mergeFields(text).forEach((reference) => this.reference(element, reference));
        return text;
    }

    private conditions(
        element: XmlElement,
        name: string,
        left: (condition: XmlElement) => string
    ): Condition[] {
        return children(element, name).map((condition) => {
            const operator: ConditionOperator = this.oneOf(
                condition,
                'operator',
                CONDITION_OPERATORS
            );
            const right = child(condition, name === 'filters' ? 'value' : 'rightValue');
            return {
                left: left(condition),
                operator,
                ...(right ? { right: this.value(right) } : {})
            };
        });
    }

    private start(element: XmlElement): FlowStart {
        const object = this.object(element);
        this.triggerObject = object;
        const formula = childText(element, 'filterFormula');
        const conditions = this.conditions(element, 'filters', (filter) =>
            this.reference(filter, `$Record.${this.field(filter, object).name}`)
        );
        if (child(element, 'scheduledPaths')) {
            throw this.error(element, MESSAGES.unsupportedElement('scheduledPaths'));
        }
        const connector = this.connector(element, 'connector');
        return {
            object,
            triggerType: this.oneOf(element, 'triggerType', TRIGGER_TYPES),
            recordTriggerType: this.oneOf(element, 'recordTriggerType', RECORD_TRIGGER_TYPES),
            conditions,
            logic: this.logic(element, 'filterLogic', conditions.length),
            ...(formula ? { formula: this.formula(element, formula) } : {}),
            requireChange: childText(element, 'doesRequireRecordChangedToMeetCriteria') === 'true',
            ...(connector ? { connector } : {})
        };
    }

    private base(element: XmlElement): {
        name: string;
        label: string;
        line: number;
        connector?: string;
    } {
        const connector = this.connector(element, 'connector');
        return {
            name: this.text(element, 'name'),
            label: childText(element, 'label') ?? '',
            line: element.line,
            ...(connector ? { connector } : {})
        };
    }

    private dataBase(
        element: XmlElement
    ): ReturnType<FlowReader['base']> & { faultConnector?: string } {
        const fault = this.connector(element, 'faultConnector');
        return { ...this.base(element), ...(fault ? { faultConnector: fault } : {}) };
    }

    private decision(element: XmlElement): FlowElement {
        const rules: Rule[] = children(element, 'rules').map((rule) => {
            const conditions = this.conditions(rule, 'conditions', (condition) =>
                this.reference(condition, this.text(condition, 'leftValueReference'))
            );
            const connector = this.connector(rule, 'connector');
            return {
                name: this.text(rule, 'name'),
                conditions,
                logic: this.logic(rule, 'conditionLogic', conditions.length),
                requireChange: childText(rule, 'doesRequireRecordChangedToMeetCriteria') === 'true',
                ...(connector ? { connector } : {})
            };
        });
        const defaultConnector = this.connector(element, 'defaultConnector');
        return {
            kind: 'decision',
            ...this.base(element),
            rules,
            ...(defaultConnector ? { defaultConnector } : {})
        };
    }

    private assignment(element: XmlElement): FlowElement {
        const items = children(element, 'assignmentItems').map((item) => {
            const operator: AssignmentOperator = this.oneOf(item, 'operator', ASSIGNMENT_OPERATORS);
            const target = this.reference(item, this.text(item, 'assignToReference'));
            if (target.startsWith('$') && !target.startsWith('$Record.')) {
                throw this.error(item, MESSAGES.readOnlyTarget(target));
            }
            const value = child(item, 'value');
            return { target, operator, ...(value ? { value: this.value(value) } : {}) };
        });
        return { kind: 'assignment', ...this.base(element), items };
    }

    private loop(element: XmlElement): FlowElement {
        const next = this.connector(element, 'nextValueConnector');
        const noMore = this.connector(element, 'noMoreValuesConnector');
        const itemVariable = childText(element, 'assignNextValueToReference');
        const base = this.base(element);
        return {
            kind: 'loop',
            ...base,
            collection: this.reference(element, this.text(element, 'collectionReference')),
            descending: childText(element, 'iterationOrder') === 'Desc',
            ...(itemVariable ? { itemVariable: this.reference(element, itemVariable) } : {}),
            ...(next ? { connector: next } : {}),
            ...(noMore ? { noMoreConnector: noMore } : {})
        };
    }

    private customError(element: XmlElement): FlowElement {
        const messages = children(element, 'customErrorMessages').map((message) => {
            const field =
                childText(message, 'isFieldError') === 'true'
                    ? childText(message, 'fieldSelection')
                    : undefined;
            return {
                text: this.template(message, this.text(message, 'errorMessage')),
                ...(field ? { field } : {})
            };
        });
        return { kind: 'customError', ...this.base(element), messages };
    }

    private filters(
        element: XmlElement,
        object: ObjectSchema
    ): { filters: RecordFilter[]; logic: LogicNode } {
        const filters = children(element, 'filters').map((filter): RecordFilter => {
            const operator: FilterOperator = this.oneOf(filter, 'operator', FILTER_OPERATORS);
            return {
                field: this.field(filter, object),
                operator,
                value: this.value(child(filter, 'value'))
            };
        });
        return { filters, logic: this.logic(element, 'filterLogic', filters.length) };
    }

    private target(element: XmlElement): FilterTarget {
        const object = this.object(element);
        return { object, ...this.filters(element, object) };
    }

    private assignments(element: XmlElement, object: ObjectSchema | undefined): FieldAssignment[] {
        return children(element, 'inputAssignments').map((assignment) => {
            if (!object) {
                throw this.error(assignment, MESSAGES.assignmentsWithoutObject(element.name));
            }
            const field = this.field(assignment, object);
            if (!field.writable) {
                throw this.error(assignment, MESSAGES.fieldNotWritable(object.name, field.name));
            }
            return { field, value: this.value(child(assignment, 'value')) };
        });
    }

    private lookup(element: XmlElement): FlowElement {
        const object = this.object(element);
        const sortField = childText(element, 'sortField');
        const limit = childText(element, 'limit');
        const queried = children(element, 'queriedFields').map((field) =>
            this.schema.field(object, field.text, `${this.file}:${field.line}`)
        );
        const firstOnly = childText(element, 'getFirstRecordOnly') === 'true';
        const assignNull = childText(element, 'assignNullValuesIfNoRecordsFound') === 'true';
        const outputReference = childText(element, 'outputReference');
        const output: LookupOutput =
            childText(element, 'storeOutputAutomatically') === 'true'
                ? { kind: 'automatic' }
                : outputReference
                  ? {
                        kind: 'variable',
                        reference: this.reference(element, outputReference),
                        assignNull
                    }
                  : {
                        kind: 'fields',
                        assignNull,
                        assignments: children(element, 'outputAssignments').map((assignment) => ({
                            field: this.field(assignment, object),
                            target: this.reference(
                                assignment,
                                this.text(assignment, 'assignToReference')
                            )
                        }))
                    };
        return {
            kind: 'lookup',
            ...this.dataBase(element),
            object,
            ...this.filters(element, object),
            ...(sortField
                ? {
                      sort: {
                          field: this.schema.field(
                              object,
                              sortField,
                              `${this.file}:${element.line}`
                          ),
                          descending: childText(element, 'sortOrder') === 'Desc'
                      }
                  }
                : {}),
            ...(limit ? { limit: Number(limit) } : {}),
            firstOnly,
            ...(queried.length > 0 ? { fields: queried } : {}),
            output
        };
    }

    private update(element: XmlElement): FlowElement {
        const input = childText(element, 'inputReference');
        const target = input ? undefined : this.target(element);
        return {
            kind: 'update',
            ...this.dataBase(element),
            ...(input ? { input: this.reference(element, input) } : {}),
            ...(target ? { target } : {}),
            // Update Records on the triggering record may set its fields directly.
            assignments: this.assignments(
                element,
                target?.object ?? (input === '$Record' ? this.triggerObject : undefined)
            )
        };
    }

    private create(element: XmlElement): FlowElement {
        const input = childText(element, 'inputReference');
        const object = input ? undefined : this.object(element);
        const name = this.text(element, 'name');
        const idTarget =
            childText(element, 'storeOutputAutomatically') === 'true'
                ? name
                : childText(element, 'assignRecordIdToReference');
        return {
            kind: 'create',
            ...this.dataBase(element),
            ...(input ? { input: this.reference(element, input) } : {}),
            ...(object ? { object } : {}),
            assignments: this.assignments(element, object),
            ...(idTarget
                ? { idTarget: idTarget === name ? idTarget : this.reference(element, idTarget) }
                : {})
        };
    }

    private remove(element: XmlElement): FlowElement {
        const input = childText(element, 'inputReference');
        const target = input ? undefined : this.target(element);
        return {
            kind: 'delete',
            ...this.dataBase(element),
            ...(input ? { input: this.reference(element, input) } : {}),
            ...(target ? { target } : {})
        };
    }

    private dataType(element: XmlElement): FlowDataType {
        return this.oneOf(element, 'dataType', DATA_TYPES);
    }

    private variable(element: XmlElement): Variable {
        const dataType = this.dataType(element);
        const objectType = dataType === 'SObject' ? this.object(element, 'objectType') : undefined;
        const value = child(element, 'value');
        return {
            name: this.text(element, 'name'),
            dataType,
            ...(objectType ? { objectType } : {}),
            isCollection: childText(element, 'isCollection') === 'true',
            ...(value ? { value: this.value(value) } : {})
        };
    }

    private constant(element: XmlElement): Scalar {
        const value = this.value(child(element, 'value'));
        if (value.kind !== 'literal') {
            throw this.error(element, MESSAGES.constantReference);
        }
        return value.value;
    }
}
