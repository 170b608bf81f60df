import { ApexGrammar, optional } from '../../../project/apex';
import type { CompilerApi } from '../compiler/api';
import type { Expr, Frame } from '../frame';
import { SObjectValue, type ApexType, type Value } from '../model';
import { typeName } from '../types';

type Ctx = ApexGrammar.ApexParserRuleContext;

const NPE = 'Attempt to de-reference a null object';

/**
 * Reading and writing an sObject's fields (`link.Url__c`), and `new Account(Name = 'x')`. Field
 * names are case-insensitive; a record that a query returned throws SObjectException for a field
 * the query did not select (DG "Exceptions").
 */
export function sobjectField(
    compiler: CompilerApi,
    target: Expr,
    name: string,
    safe: boolean,
    context: Ctx
): Expr {
    const objectName = target.type.kind === 'sobject' ? target.type.name : undefined;
    if (objectName === undefined) {
        return compiler.fail(context, `Field expression not allowed for generic SObject: ${name}`);
    }
    const field = compiler.services.sobjectField(objectName, name);
    if (!field) {
        return compiler.fail(context, `Variable does not exist: ${name}`);
    }
    const key = field.name.toLowerCase();
    const services = compiler.services;
    const record = (frame: Frame): SObjectValue | null => {
        const value = target.evaluate(frame);
        if (value === null) {
            return safe ? null : services.raise('NullPointerException', NPE);
        }
        return value as SObjectValue;
    };
    return {
        type: field.type,
        ...(field.writable ? {} : { unassignable: notWriteable(objectName, field.name) }),
        evaluate: (frame) => {
            const value = record(frame);
            if (value === null) {
                return null;
            }
            const stored = value.fields.get(key);
            if (stored === undefined) {
                if (value.fromQuery && key !== 'id') {
                    return services.raise(
                        'SObjectException',
                        `SObject row was retrieved via SOQL without querying the requested field: ${value.type}.${field.name}`
                    );
                }
                return null;
            }
            return stored;
        },
        assign: (frame, value) => {
            const target = record(frame);
            if (target === null) {
                return;
            }
            target.fields.set(key, value);
            target.names.set(key, field.name);
        }
    };
}

/**
 * The compile error of setting a field no Apex may set: formula, auto-number and system fields
 * are read-only (Apex Developer Guide, "sObject Types": system fields "are read-only"; Salesforce
 * Help, "Formula Field": a formula field's value is calculated, never entered), and the
 * compiler says so with "Field is not writeable".
 */
function notWriteable(object: string, field: string): string {
    return `Field is not writeable: ${object}.${field}`;
}

/** `new Account()` and `new Account(Name = 'Acme', Site = 'x')`: the named fields set. */
export function newSObject(
    compiler: CompilerApi,
    type: ApexType,
    rest: ApexGrammar.ClassCreatorRestContext | undefined,
    context: Ctx
): Expr {
    if (type.kind !== 'sobject' || type.name === undefined) {
        return compiler.fail(context, `Type cannot be constructed: ${typeName(type)}`);
    }
    const objectName = type.name;
    const assignments = (optional(rest?.arguments().expressionList())?.expression_list() ?? []).map(
        (argument) => {
            if (!(argument instanceof ApexGrammar.AssignExpressionContext)) {
                return compiler.fail(
                    argument,
                    'Invalid initial expression type: name = value expected'
                );
            }
            const [left, right] = argument.expression_list();
            const name = left?.getText() ?? '';
            const field = compiler.services.sobjectField(objectName, name);
            if (!field || !right) {
                return compiler.fail(argument, `Invalid field ${name} for ${objectName}`);
            }
            if (!field.writable) {
                return compiler.fail(argument, notWriteable(objectName, field.name));
            }
            return {
                key: field.name.toLowerCase(),
                name: field.name,
                value: compiler.convertTo(compiler.expression(right), field.type, right)
            };
        }
    );
    return {
        type,
        evaluate: (frame): Value => {
            const record = new SObjectValue(objectName);
            for (const assignment of assignments) {
                record.fields.set(assignment.key, assignment.value(frame));
                record.names.set(assignment.key, assignment.name);
            }
            return record;
        }
    };
}
