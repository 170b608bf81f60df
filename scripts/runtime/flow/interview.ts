import { FlowFault, type RecordError } from '../errors';
import { MESSAGES } from '../messages';
import { evaluateLogic } from '../org';
import type { FieldSchema, OrgSchema } from '../schema';
import type { FieldValues, Scalar, SObjectRecord } from '../types';
import { compareValues, type ComparisonOptions } from './conditions';
import {
    evaluateFormula,
    FormulaError,
    formulaTypeOfField,
    type Formula,
    type FormulaContext,
    type TypedValue
} from './formula';
import { mergeFields } from '../../project/flows';
import {
    GLOBAL_CONSTANTS,
    recordTypeOf,
    SUPPORTED_GLOBALS,
    walkPath,
    type SupportedFlowMember
} from './references';
import type { Condition, FlowDefinition, FlowValue, ValueSpec } from './types';
import {
    coerce,
    coerceToField,
    copyValue,
    displayText,
    formulaTypeOfData,
    isRecord,
    wasQueried
} from './values';

export interface RuntimeOptions extends ComparisonOptions {
    /** The clock behind $Flow.CurrentDate and $Flow.CurrentDateTime. */
    readonly now: () => Date;
}

export const DEFAULT_OPTIONS: RuntimeOptions = { caseSensitiveText: true, now: () => new Date() };

/**
 * One run of a flow for one triggering record: its resources' values, where it is, what it has
 * visited (FlowTests assert on it) and the errors it puts on its triggering record.
 */
export class Interview {
    public readonly values = new Map<string, FlowValue>();
    public readonly visited = new Set<string>();
    public readonly loops = new Map<string, { readonly items: FlowValue[]; position: number }>();
    public readonly errors: RecordError[] = [];
    public current: string | undefined;
    public faultMessage: string | null = null;
    public finished = false;

    public constructor(
        public readonly flow: FlowDefinition,
        private readonly schema: OrgSchema,
        private readonly options: RuntimeOptions,
        public readonly record: SObjectRecord | null,
        public readonly prior: SObjectRecord | null,
        /** The org's record an Id names, for relationship paths of $Record; none outside a save. */
        private readonly related?: (id: string) => FieldValues | undefined
    ) {
        for (const variable of flow.variables.values()) {
            const initial = variable.value ? this.resolve(variable.value) : null;
            this.values.set(
                variable.name,
                variable.isCollection && initial === null ? [] : initial
            );
        }
        this.current = flow.start.connector;
    }

    public get isNew(): boolean {
        return this.prior === null;
    }

    public resolve(spec: ValueSpec): FlowValue {
        return spec.kind === 'literal' ? spec.value : this.read(spec.reference);
    }

    /** The value of a reference such as `$Record.Email__c`, `UsersToUpdate` or `Loop_Users.Id`. */
    public read(reference: string): FlowValue {
        const [root = '', field, ...rest] = reference.split('.');
        if (rest.length > 0) {
            return this.readPath(root, reference);
        }
        const value = this.readRoot(root, field);
        if (field === undefined || root === '$GlobalConstant' || root === '$Flow') {
            return value;
        }
        if (value === null) {
            return null;
        }
        if (!isRecord(value)) {
            throw new FlowFault(MESSAGES.notARecord(root));
        }
        const name = this.fieldOf(root, field).name;
        if (!(name in value.fields)) {
            if (wasQueried(value)) {
                throw new FlowFault(MESSAGES.notQueried(value.sobjectType, name));
            }
            return null;
        }
        return value.fields[name] ?? null;
    }

    /**
     * `$Record.Account.Parent.Name`: each lookup of the path leads to the related record as the
     * transaction holds it; a blank lookup gives null. Flow Builder offers the fields of records
     * related to $Record through its lookups in a record-triggered flow (Salesforce Help,
     * "Flow Resource: Triggering Record"). No query is counted [verify in an org: whether and
     * how such a read counts against the SOQL limits].
     */
    private readPath(root: string, reference: string): FlowValue {
        const path = this.walk(reference);
        let fields: FieldValues | undefined = (root === '$Record' ? this.record : this.prior)
            ?.fields;
        for (const relationship of path.relationships) {
            const id = fields?.[relationship.field.name];
            if (typeof id !== 'string' || id === '') {
                return null;
            }
            if (!this.related) {
                throw new FlowFault(MESSAGES.relatedRecordsUnavailable(reference));
            }
            fields = this.related(id);
        }
        return fields?.[path.field.name] ?? null;
    }

    private walk(reference: string): Exclude<ReturnType<typeof walkPath>, string> {
        const path = walkPath(this.schema, this.flow.start.object, reference);
        if (typeof path === 'string') {
            throw new FlowFault(path);
        }
        return path;
    }

    private readRoot(root: string, field: string | undefined): FlowValue {
        switch (root) {
            case '$Record':
                return this.record;
            case '$Record__Prior':
                return this.prior;
            case '$GlobalConstant':
                return GLOBAL_CONSTANTS.get(field ?? '') ?? null;
            case '$Flow':
                return this.flowGlobal(field);
            default:
                break;
        }
        const formula = this.flow.formulas.get(root);
        if (formula) {
            const value = this.evaluate(root, formula.formula);
            return coerce(formulaTypeOfData(formula.dataType), value);
        }
        const template = this.flow.textTemplates.get(root);
        if (template !== undefined) {
            return this.merge(template);
        }
        if (this.flow.constants.has(root)) {
            return this.flow.constants.get(root) ?? null;
        }
        return this.values.get(root) ?? null;
    }

    private flowGlobal(name: string | undefined): FlowValue {
        const now = this.options.now();
        switch (name as SupportedFlowMember) {
            case 'FaultMessage':
                return this.faultMessage;
            case 'CurrentDate':
                return now.toISOString().slice(0, 10);
            case 'CurrentDateTime':
                return now.toISOString();
        }
    }

    private fieldOf(root: string, field: string): FieldSchema {
        const object = recordTypeOf(this.flow, root);
        const schema = object ? this.schema.findField(object, field) : undefined;
        if (!schema) {
            throw new FlowFault(
                MESSAGES.unknownReference(`${root}.${field}`, SUPPORTED_GLOBALS.$Flow)
            );
        }
        return schema;
    }

    /** Writes a value to a variable or to a field of a record resource. */
    public write(target: string, value: FlowValue): void {
        const [root = '', field] = target.split('.');
        if (field === undefined) {
            const variable = this.flow.variables.get(root);
            const stored =
                variable &&
                variable.dataType !== 'SObject' &&
                !variable.isCollection &&
                !Array.isArray(value)
                    ? coerce(formulaTypeOfData(variable.dataType), value)
                    : copyValue(value);
            this.values.set(root, stored);
            return;
        }
        const schema = this.fieldOf(root, field);
        const holder =
            root === '$Record' ? this.record : (this.values.get(root) ?? this.newRecord(root));
        if (!isRecord(holder ?? null)) {
            throw new FlowFault(MESSAGES.writeToNull(target));
        }
        (holder as SObjectRecord).fields[schema.name] = coerceToField(schema, value);
    }

    /**
     * An empty single record variable gets a new record of its object when a field of it is set:
     * Salesforce Help, "Assignment Element" (platform.flow_ref_elements_assignment.htm), sets the
     * fields of a declared Opportunity record variable one by one before it is saved, with no
     * step that gives the variable a record first. Anything else without a value (a Get Records
     * result that found nothing, `$Record__Prior` on create) has nothing to set a field on.
     */
    private newRecord(root: string): SObjectRecord | null {
        const variable = this.flow.variables.get(root);
        if (!variable?.objectType || variable.isCollection || variable.dataType !== 'SObject') {
            return null;
        }
        const record: SObjectRecord = { sobjectType: variable.objectType.name, fields: {} };
        this.values.set(root, record);
        return record;
    }

    /** Text with its `{!reference}` merge fields replaced. */
    public merge(text: string): string {
        let merged = text;
        for (const reference of mergeFields(text)) {
            merged = merged.split(`{!${reference}}`).join(displayText(this.read(reference)));
        }
        return merged;
    }

    public evaluate(name: string, formula: Formula): Scalar {
        try {
            return evaluateFormula(formula, this.formulaContext());
        } catch (error: unknown) {
            if (error instanceof FormulaError) {
                throw new FlowFault(MESSAGES.formulaFailed(name, error.message), { cause: error });
            }
            throw error;
        }
    }

    private formulaContext(): FormulaContext {
        return {
            isNew: this.isNew,
            value: (reference) => this.typed(reference),
            prior: (reference) => this.typed(reference.replace(/^\$Record\./, '$Record__Prior.')),
            changed: (reference) => this.changed(reference)
        };
    }

    private typed(reference: string): TypedValue {
        const [root = '', field, ...rest] = reference.split('.');
        const value = this.read(reference);
        const scalar = isRecord(value) || Array.isArray(value) ? coerce('text', value) : value;
        if (field !== undefined && root !== '$GlobalConstant' && root !== '$Flow') {
            const schema = rest.length > 0 ? this.walk(reference).field : this.fieldOf(root, field);
            return {
                value: scalar,
                type: formulaTypeOfField(schema.type),
                ...(schema.picklistValues ? { picklistValues: schema.picklistValues } : {})
            };
        }
        if (root === '$Flow' && (field === 'CurrentDate' || field === 'CurrentDateTime')) {
            // A Date and a Date/Time (Salesforce Help, "Global Variables in Flows"), so that
            // `{!$Flow.CurrentDateTime} + 30` adds days rather than failing as text.
            return { value: scalar, type: field === 'CurrentDate' ? 'date' : 'datetime' };
        }
        const dataType =
            this.flow.variables.get(root)?.dataType ?? this.flow.formulas.get(root)?.dataType;
        const type = dataType
            ? formulaTypeOfData(dataType)
            : typeof scalar === 'boolean'
              ? 'checkbox'
              : typeof scalar === 'number'
                ? 'number'
                : 'text';
        return { value: scalar, type };
    }

    /** IsChanged / ISCHANGED: a `$Record` field that differs from its prior value; false on create. */
    public changed(reference: string): boolean {
        if (this.isNew || !reference.startsWith('$Record.')) {
            return false;
        }
        const prior = this.read(reference.replace(/^\$Record\./, '$Record__Prior.'));
        return this.read(reference) !== prior;
    }

    /** Whether conditions hold under their logic. */
    public test(
        conditions: readonly Condition[],
        logic: Parameters<typeof evaluateLogic>[0]
    ): boolean {
        return evaluateLogic(logic, (index) => {
            const condition = conditions[index];
            return condition ? this.condition(condition) : false;
        });
    }

    private condition(condition: Condition): boolean {
        const right = condition.right ? this.resolve(condition.right) : null;
        switch (condition.operator) {
            case 'IsChanged':
                return this.changed(condition.left) === (right === true);
            case 'WasVisited':
                return this.visited.has(condition.left) === (right !== false);
            default:
                return compareValues(
                    condition.operator,
                    this.read(condition.left),
                    right,
                    this.options
                );
        }
    }

    /**
     * Whether `meets` holds for the interview, and, when the requirement is to be met only on a
     * change ("only when a record is updated to meet the condition requirements"), did not hold
     * for the prior record. A create needs only the new record to meet it.
     */
    public meetsOnChange(requireChange: boolean, meets: (view: Interview) => boolean): boolean {
        return meets(this) && (!requireChange || this.isNew || !meets(this.asPrior()));
    }

    /**
     * The same interview as of before the save: `$Record` is the prior record. Used for "only
     * when a record is updated to meet the condition requirements".
     */
    public asPrior(): Interview {
        const view = new Interview(
            this.flow,
            this.schema,
            this.options,
            this.prior,
            this.prior,
            this.related
        );
        this.values.forEach((value, name) => view.values.set(name, value));
        return view;
    }
}
