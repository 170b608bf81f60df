import { FlowModel, mergeFields } from '../../project/flows';
import type * as model from '../../project/flows';
import { MetadataSchema } from '../../schema';
import { ScenarioError } from '../errors';
import { MESSAGES } from '../messages';
import { FILTER_OPERATORS, parseLogic, type FilterOperator, type LogicNode } from '../org';
import type { FieldSchema, ObjectSchema, OrgSchema } from '../schema';
import type { Scalar } from '../types';
import { readXml } from '../xml';
import { compileFormula, formulaReferences, FormulaError, type Formula } from './formula';
import { referenceProblem } from './references';
import {
    ASSIGNMENT_OPERATORS,
    CONDITION_OPERATORS,
    DATA_TYPES,
    RECORD_TRIGGER_TYPES,
    TRIGGER_TYPES,
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
    type Rule,
    type ValueSpec,
    type Variable
} from './types';

/** Children of `<Flow>` that describe the flow but do not run. */
const INERT: ReadonlySet<string> = new Set([
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
] satisfies readonly model.FlowPropertyKind[]);

/** Children of `<Flow>` the embedded org runs; any other is not supported by it. */
const READ: ReadonlySet<string> = new Set([
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
] satisfies readonly (model.FlowNodeKind | model.FlowResourceKind | 'start')[]);

/** The order in which elements are compiled, and so which mistake is reported first. */
const ELEMENT_ORDER = [
    'decisions',
    'assignments',
    'loops',
    'customErrors',
    'recordLookups',
    'recordUpdates',
    'recordCreates',
    'recordDeletes'
] as const satisfies readonly model.DetailedNodeKind[];

/**
 * Reads a flow file (file: its path from the project root) into the one flow model; XML that
 * is not well formed, or not a flow, is a ScenarioError at its line.
 */
export function readFlowModel(source: string, file: string): FlowModel {
    const root = readXml(source, file);
    if (root.name !== 'Flow') {
        throw new ScenarioError(`${file}:${root.line}`, MESSAGES.notAFlow(root.name));
    }
    return new FlowModel(root, file, MetadataSchema.load());
}

/** Reads a record-triggered flow from its metadata XML and compiles it (see compileFlow). */
export function parseFlow(source: string, file: string, schema: OrgSchema): FlowDefinition {
    return compileFlow(readFlowModel(source, file), schema);
}

/**
 * Compiles a flow model into what the embedded org runs, checked against the org's schema:
 * every element it runs, and every object, field, resource and connector the flow names, must
 * exist, so that a mistake or an unsupported feature is reported with its line before anything
 * runs, never as a silent null.
 */
export function compileFlow(flow: FlowModel, schema: OrgSchema): FlowDefinition {
    return new FlowCompiler(flow, schema).compile();
}

class FlowCompiler {
    /** References to check once every resource is known, with the line they are on. */
    private readonly references: { readonly reference: string; readonly line: number }[] = [];
    private readonly connectors: { readonly target: string; readonly line: number }[] = [];
    private triggerObject: ObjectSchema | undefined;

    public constructor(
        private readonly flow: FlowModel,
        private readonly schema: OrgSchema
    ) {}

    private get file(): string {
        return this.flow.file;
    }

    public compile(): FlowDefinition {
        const flow = this.flow;
        for (const entry of flow.children) {
            if (!INERT.has(entry.tag) && !READ.has(entry.tag)) {
                throw this.error(entry, MESSAGES.unsupportedElement(entry.tag));
            }
        }
        if (flow.processType !== 'AutoLaunchedFlow' || !flow.start?.triggerType) {
            throw this.error(flow, MESSAGES.notRecordTriggered(flow.processType));
        }
        const start = this.start(flow.start);
        const elements = new Map<string, FlowElement>();
        for (const kind of ELEMENT_ORDER) {
            for (const element of flow.elements) {
                const compiled = element.kind === kind ? this.element(element) : undefined;
                if (compiled) {
                    elements.set(compiled.name, compiled);
                }
            }
        }
        const resources = <K extends model.FlowResourceModel['kind']>(kind: K) =>
            flow.resources.filter(
                (resource): resource is Extract<model.FlowResourceModel, { kind: K }> =>
                    resource.kind === kind
            );
        const definition: FlowDefinition = {
            file: this.file,
            apiName: flow.apiName,
            label: flow.label ?? '',
            status: flow.status ?? 'Draft',
            ...(flow.triggerOrder === undefined ? {} : { triggerOrder: flow.triggerOrder }),
            start,
            elements,
            elementOrder: flow.children
                .filter((entry) => READ.has(entry.tag))
                .map((entry) => entry.name ?? ''),
            variables: new Map(
                resources('variables').map((variable) => [
                    this.text(variable, 'variables', 'name', variable.name),
                    this.variable(variable)
                ])
            ),
            constants: new Map(
                resources('constants').map((constant) => [
                    this.text(constant, 'constants', 'name', constant.name),
                    this.constant(constant)
                ])
            ),
            formulas: new Map(
                resources('formulas').map((formula) => [
                    this.text(formula, 'formulas', 'name', formula.name),
                    {
                        dataType: this.dataType(formula, 'formulas'),
                        formula: this.formula(
                            formula,
                            this.text(formula, 'formulas', 'expression', formula.expression)
                        )
                    }
                ])
            ),
            textTemplates: new Map(
                resources('textTemplates').map((template) => [
                    this.text(template, 'textTemplates', 'name', template.name),
                    this.template(
                        template,
                        this.text(template, 'textTemplates', 'text', template.text)
                    )
                ])
            )
        };
        this.check(definition);
        return definition;
    }

    private element(element: model.FlowElementModel): FlowElement | undefined {
        switch (element.kind) {
            case 'decisions':
                return this.decision(element);
            case 'assignments':
                return this.assignment(element);
            case 'loops':
                return this.loop(element);
            case 'customErrors':
                return this.customError(element);
            case 'recordLookups':
                return this.lookup(element);
            case 'recordUpdates':
                return this.update(element);
            case 'recordCreates':
                return this.create(element);
            case 'recordDeletes':
                return this.remove(element);
            default:
                return undefined;
        }
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

    private error(place: { readonly line: number }, reason: string): ScenarioError {
        return new ScenarioError(`${this.file}:${place.line}`, reason);
    }

    /** A child the element needs: its text, or a ScenarioError at the element. */
    private text(
        place: model.FlowPlace,
        tag: string,
        name: string,
        text: model.FlowText | undefined
    ): string {
        if (text === undefined) {
            throw this.error(place, MESSAGES.missingChild(tag, name));
        }
        return text.text;
    }

    private oneOf<T extends string>(
        place: model.FlowPlace,
        tag: string,
        name: string,
        text: model.FlowText | undefined,
        allowed: readonly T[]
    ): T {
        const value = this.text(place, tag, name, text);
        const found = allowed.find((candidate) => candidate === value);
        if (!found) {
            throw this.error(place, MESSAGES.notOneOf(name, value, allowed));
        }
        return found;
    }

    private reference(place: { readonly line: number }, reference: string): string {
        this.references.push({ reference, line: place.line });
        return reference;
    }

    private connector(connector: model.FlowConnectorModel | undefined): string | undefined {
        if (connector) {
            this.connectors.push({ target: connector.target, line: connector.line });
        }
        return connector?.target;
    }

    private object(
        place: model.FlowPlace,
        tag: string,
        text: model.FlowText | undefined,
        name = 'object'
    ): ObjectSchema {
        return this.schema.object(this.text(place, tag, name, text), `${this.file}:${place.line}`);
    }

    private field(
        place: model.FlowPlace,
        tag: string,
        object: ObjectSchema,
        text: model.FlowText | undefined
    ): FieldSchema {
        return this.schema.field(
            object,
            this.text(place, tag, 'field', text),
            `${this.file}:${place.line}`
        );
    }

    private logic(place: model.FlowPlace, text: string | undefined, count: number): LogicNode {
        try {
            return parseLogic(text, count);
        } catch (error: unknown) {
            throw this.error(place, error instanceof Error ? error.message : String(error));
        }
    }

    /** A value as the element writes it; none (or an empty one) is null. */
    private value(value: model.FlowValueModel | undefined, tag: string): ValueSpec {
        if (!value || value.holders.length === 0) {
            return { kind: 'literal', value: null };
        }
        const [holder] = value.holders;
        if (!holder || value.holders.length > 1) {
            throw this.error(value, MESSAGES.badValue(tag));
        }
        switch (holder.kind) {
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
                throw this.error(holder, MESSAGES.unsupportedValue(holder.kind));
        }
    }

    private formula(place: model.FlowPlace, expression: string): Formula {
        try {
            const formula = compileFormula(expression);
            formulaReferences(formula).forEach((reference) => this.reference(place, reference));
            return formula;
        } catch (error: unknown) {
            if (error instanceof FormulaError) {
                throw this.error(place, error.message);
            }
            throw error;
        }
    }

    private template(place: model.FlowPlace, text: string): string {
        mergeFields(text).forEach((reference) => this.reference(place, reference));
        return text;
    }

    private start(start: model.FlowStartModel): FlowStart {
        const object = this.object(start, 'start', start.object);
        this.triggerObject = object;
        const formula = start.filterFormula?.text;
        const conditions = start.filters.map((filter): Condition => {
            const operator: ConditionOperator = this.oneOf(
                filter,
                'filters',
                'operator',
                filter.operator,
                CONDITION_OPERATORS
            );
            return {
                left: this.reference(
                    filter,
                    `$Record.${this.field(filter, 'filters', object, filter.field).name}`
                ),
                operator,
                ...(filter.value ? { right: this.value(filter.value, 'value') } : {})
            };
        });
        if (start.scheduledPaths.length > 0) {
            throw this.error(start, MESSAGES.unsupportedElement('scheduledPaths'));
        }
        const connector = this.connector(start.connector);
        return {
            object,
            triggerType: this.oneOf(
                start,
                'start',
                'triggerType',
                start.triggerType,
                TRIGGER_TYPES
            ),
            recordTriggerType: this.oneOf(
                start,
                'start',
                'recordTriggerType',
                start.recordTriggerType,
                RECORD_TRIGGER_TYPES
            ),
            conditions,
            logic: this.logic(start, start.filterLogic, conditions.length),
            ...(formula ? { formula: this.formula(start, formula) } : {}),
            requireChange: start.doesRequireRecordChangedToMeetCriteria,
            ...(connector ? { connector } : {})
        };
    }

    private base(element: model.FlowElementModel): {
        name: string;
        label: string;
        line: number;
        connector?: string;
    } {
        const connector = this.connector(element.connector);
        return {
            name: this.text(element, element.kind, 'name', element.name),
            label: element.label ?? '',
            line: element.line,
            ...(connector ? { connector } : {})
        };
    }

    private dataBase(
        element: model.FlowElementModel & { readonly faultConnector?: model.FlowConnectorModel }
    ): ReturnType<FlowCompiler['base']> & { faultConnector?: string } {
        const fault = this.connector(element.faultConnector);
        return { ...this.base(element), ...(fault ? { faultConnector: fault } : {}) };
    }

    private decision(element: model.FlowDecisionModel): FlowElement {
        const rules: Rule[] = element.rules.map((rule) => {
            const conditions = rule.conditions.map((condition): Condition => {
                const operator: ConditionOperator = this.oneOf(
                    condition,
                    'conditions',
                    'operator',
                    condition.operator,
                    CONDITION_OPERATORS
                );
                return {
                    left: this.reference(
                        condition,
                        this.text(
                            condition,
                            'conditions',
                            'leftValueReference',
                            condition.leftValueReference
                        )
                    ),
                    operator,
                    ...(condition.rightValue
                        ? { right: this.value(condition.rightValue, 'rightValue') }
                        : {})
                };
            });
            const connector = this.connector(rule.connector);
            return {
                name: this.text(rule, 'rules', 'name', rule.name),
                conditions,
                logic: this.logic(rule, rule.conditionLogic, conditions.length),
                requireChange: rule.doesRequireRecordChangedToMeetCriteria,
                ...(connector ? { connector } : {})
            };
        });
        const defaultConnector = this.connector(element.defaultConnector);
        return {
            kind: 'decision',
            ...this.base(element),
            rules,
            ...(defaultConnector ? { defaultConnector } : {})
        };
    }

    private assignment(element: model.FlowAssignmentModel): FlowElement {
        const items = element.assignmentItems.map((item) => {
            const operator: AssignmentOperator = this.oneOf(
                item,
                'assignmentItems',
                'operator',
                item.operator,
                ASSIGNMENT_OPERATORS
            );
            const target = this.reference(
                item,
                this.text(item, 'assignmentItems', 'assignToReference', item.assignToReference)
            );
            if (target.startsWith('$') && !target.startsWith('$Record.')) {
                throw this.error(item, MESSAGES.readOnlyTarget(target));
            }
            if (target.split('.').length > 2) {
                // A field of a related record is read, never assigned, through $Record.
                throw this.error(item, MESSAGES.relationshipPath(target));
            }
            return {
                target,
                operator,
                ...(item.value ? { value: this.value(item.value, 'value') } : {})
            };
        });
        return { kind: 'assignment', ...this.base(element), items };
    }

    private loop(element: model.FlowLoopModel): FlowElement {
        const next = this.connector(element.nextValueConnector);
        const noMore = this.connector(element.noMoreValuesConnector);
        const itemVariable = element.assignNextValueToReference?.text;
        const base = this.base(element);
        return {
            kind: 'loop',
            ...base,
            collection: this.reference(
                element,
                this.text(element, 'loops', 'collectionReference', element.collectionReference)
            ),
            descending: element.iterationOrder === 'Desc',
            ...(itemVariable ? { itemVariable: this.reference(element, itemVariable) } : {}),
            ...(next ? { connector: next } : {}),
            ...(noMore ? { noMoreConnector: noMore } : {})
        };
    }

    private customError(element: model.FlowCustomErrorModel): FlowElement {
        const messages = element.customErrorMessages.map((message) => {
            const field = message.isFieldError ? message.fieldSelection : undefined;
            return {
                text: this.template(
                    message,
                    this.text(message, 'customErrorMessages', 'errorMessage', message.errorMessage)
                ),
                ...(field ? { field } : {})
            };
        });
        return { kind: 'customError', ...this.base(element), messages };
    }

    private filters(
        element: model.FlowElementModel & { readonly filterLogic?: string },
        filters: readonly model.FlowRecordFilterModel[],
        object: ObjectSchema
    ): { filters: RecordFilter[]; logic: LogicNode } {
        const compiled = filters.map((filter): RecordFilter => {
            const operator: FilterOperator = this.oneOf(
                filter,
                'filters',
                'operator',
                filter.operator,
                FILTER_OPERATORS
            );
            return {
                field: this.field(filter, 'filters', object, filter.field),
                operator,
                value: this.value(filter.value, 'value')
            };
        });
        return {
            filters: compiled,
            logic: this.logic(element, element.filterLogic, compiled.length)
        };
    }

    private target(
        element: model.FlowRecordUpdateModel | model.FlowRecordDeleteModel
    ): FilterTarget {
        const object = this.object(element, element.kind, element.object);
        return { object, ...this.filters(element, element.filters, object) };
    }

    private assignments(
        element: model.FlowRecordUpdateModel | model.FlowRecordCreateModel,
        object: ObjectSchema | undefined
    ): FieldAssignment[] {
        return element.inputAssignments.map((assignment) => {
            if (!object) {
                throw this.error(assignment, MESSAGES.assignmentsWithoutObject(element.kind));
            }
            const field = this.field(assignment, 'inputAssignments', object, assignment.field);
            if (!field.writable) {
                throw this.error(assignment, MESSAGES.fieldNotWritable(object.name, field.name));
            }
            return { field, value: this.value(assignment.value, 'value') };
        });
    }

    private lookup(element: model.FlowRecordLookupModel): FlowElement {
        const object = this.object(element, 'recordLookups', element.object);
        const sortField = element.sortField?.text;
        const queried = element.queriedFields.map((field) =>
            this.schema.field(object, field.text, `${this.file}:${field.line}`)
        );
        const assignNull = element.assignNullValuesIfNoRecordsFound;
        const outputReference = element.outputReference?.text;
        const output: LookupOutput = element.storeOutputAutomatically
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
                    assignments: element.outputAssignments.map((assignment) => ({
                        field: this.field(
                            assignment,
                            'outputAssignments',
                            object,
                            assignment.field
                        ),
                        target: this.reference(
                            assignment,
                            this.text(
                                assignment,
                                'outputAssignments',
                                'assignToReference',
                                assignment.assignToReference
                            )
                        )
                    }))
                };
        return {
            kind: 'lookup',
            ...this.dataBase(element),
            object,
            ...this.filters(element, element.filters, object),
            ...(sortField
                ? {
                      sort: {
                          field: this.schema.field(
                              object,
                              sortField,
                              `${this.file}:${element.line}`
                          ),
                          descending: element.sortOrder === 'Desc'
                      }
                  }
                : {}),
            ...(element.limit === undefined ? {} : { limit: element.limit }),
            firstOnly: element.getFirstRecordOnly,
            ...(queried.length > 0 ? { fields: queried } : {}),
            output
        };
    }

    private update(element: model.FlowRecordUpdateModel): FlowElement {
        const input = element.inputReference?.text;
        if (input && /^\$Record(__Prior)?\./i.test(input)) {
            // Update Records on a record related to the triggering one (`$Record.Account`).
            throw this.error(element, MESSAGES.relationshipPath(input));
        }
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

    private create(element: model.FlowRecordCreateModel): FlowElement {
        const input = element.inputReference?.text;
        const object = input ? undefined : this.object(element, 'recordCreates', element.object);
        const created = object ?? this.variableObject(element, input ?? '');
        if (created) {
            this.schema.insertable(created, `${this.file}:${element.line}`);
        }
        const name = this.text(element, 'recordCreates', 'name', element.name);
        const idTarget = element.storeOutputAutomatically
            ? name
            : element.assignRecordIdToReference?.text;
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

    /**
     * The object of the records a Create Records element creates from a resource: the
     * sObject variable it names (`newTask`, `newTasks`); undefined for another reference.
     */
    private variableObject(place: model.FlowPlace, reference: string): ObjectSchema | undefined {
        const variable = this.flow.resources.find(
            (resource) =>
                resource.kind === 'variables' &&
                resource.name?.text === reference &&
                resource.dataType?.text === 'SObject'
        );
        return variable?.kind === 'variables'
            ? this.object(place, 'variables', variable.objectType, 'objectType')
            : undefined;
    }

    private remove(element: model.FlowRecordDeleteModel): FlowElement {
        const input = element.inputReference?.text;
        const target = input ? undefined : this.target(element);
        return {
            kind: 'delete',
            ...this.dataBase(element),
            ...(input ? { input: this.reference(element, input) } : {}),
            ...(target ? { target } : {})
        };
    }

    private dataType(
        resource: model.FlowVariableModel | model.FlowFormulaModel,
        tag: string
    ): FlowDataType {
        return this.oneOf(resource, tag, 'dataType', resource.dataType, DATA_TYPES);
    }

    private variable(variable: model.FlowVariableModel): Variable {
        const dataType = this.dataType(variable, 'variables');
        const objectType =
            dataType === 'SObject'
                ? this.object(variable, 'variables', variable.objectType, 'objectType')
                : undefined;
        return {
            name: this.text(variable, 'variables', 'name', variable.name),
            dataType,
            ...(objectType ? { objectType } : {}),
            isCollection: variable.isCollection,
            ...(variable.value ? { value: this.value(variable.value, 'value') } : {})
        };
    }

    private constant(constant: model.FlowConstantModel): Scalar {
        const value = this.value(constant.value, 'value');
        if (value.kind !== 'literal') {
            throw this.error(constant, MESSAGES.constantReference);
        }
        return value.value;
    }
}
