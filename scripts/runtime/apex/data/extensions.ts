import { ApexGrammar, optional } from '../../../project/apex';
import type { CompilerApi, CompilerExtensions, DmlStatementContext } from '../compiler/api';
import { dateArithmetic } from '../compiler/dates';
import { UnsupportedError } from '../errors';
import type { Completion, Stmt } from '../frame';
import { NORMAL } from '../frame';
import { IdValue, SObjectValue } from '../model';
import { typeName } from '../types';
import type { AccessMode, ApexData } from './bridge';
import { sobjectStatic } from './describe';
import { runDml, type ApexDmlOperation } from './dml';
import { newSObject, sobjectField } from './sobjects';
import { compileSoql } from './soql';

/**
 * The language with the embedded org's data: sObjects, SOQL and DML against its records, in its
 * running transaction, and System.runAs with the org's users.
 */
export function dataExtensions(data: ApexData): CompilerExtensions {
    return {
        dmlStatement: (compiler, context) => dmlStatement(compiler, data, context),
        runAs: (compiler, context) => runAs(compiler, data, context),
        soql: (compiler, context) => compileSoql(compiler, data, context),
        sobjectField,
        sobjectStatic: (compiler, type, name, context) =>
            sobjectStatic(compiler, data, type, name, context),
        newSObject,
        dateArithmetic: (compiler, operator, left, right) =>
            dateArithmetic(compiler, operator, left, right)
    };
}

function dmlStatement(compiler: CompilerApi, data: ApexData, context: DmlStatementContext): Stmt {
    const operation = operationOf(compiler, context);
    const target = compiler.expression(context.expression(0));
    const level = optional(context.accessLevel());
    // DML statements run in system mode unless written `as user` (DG "Enforce User Mode for
    // Database Operations"; system mode is the default up to API 66.0, APEX.md §12).
    const mode: AccessMode = level && optional(level.USER()) ? 'user' : 'system';
    const externalId =
        context instanceof ApexGrammar.UpsertStatementContext
            ? optional(context.qualifiedName())?.getText()
            : undefined;
    const place = compiler.place(context);
    const services = compiler.services;
    return (frame) => {
        frame.line = place.line;
        runDml(data, services, operation, target.evaluate(frame), {
            allOrNone: true,
            mode,
            place,
            ...(externalId !== undefined ? { externalId } : {})
        });
        return NORMAL;
    };
}

/**
 * `System.runAs(user) { ... }` (DG "Using the runAs Method"): the block runs as a User the
 * test inserted or queried; the form that takes a package Version is not modelled.
 */
function runAs(
    compiler: CompilerApi,
    data: ApexData,
    context: ApexGrammar.RunAsStatementContext
): Stmt {
    const args = optional(context.expressionList())?.expression_list() ?? [];
    const [argument] = args;
    if (!argument || args.length > 1) {
        return compiler.fail(context, 'System.runAs takes one User');
    }
    const user = compiler.expression(argument);
    if (user.type.kind !== 'sobject' || user.type.name !== 'User') {
        return compiler.refuse(context, `System.runAs with ${typeName(user.type)}`);
    }
    const body = compiler.block(context.block());
    const place = compiler.place(context);
    const services = compiler.services;
    return (frame) => {
        frame.line = place.line;
        const record = user.evaluate(frame);
        if (!(record instanceof SObjectValue)) {
            // [verify in an org: System.runAs(null)]
            return services.raise('NullPointerException', 'Attempt to de-reference a null object');
        }
        const id = record.fields.get('id');
        if (!(id instanceof IdValue)) {
            // DG: runAs also takes a user that was never inserted; the embedded org does not
            // create one.
            throw new UnsupportedError(place, 'System.runAs with a User that has no Id');
        }
        let completion: Completion = NORMAL;
        data.runAs(id.value, place, () => {
            completion = body(frame);
        });
        return completion;
    };
}

function operationOf(compiler: CompilerApi, context: DmlStatementContext): ApexDmlOperation {
    if (context instanceof ApexGrammar.InsertStatementContext) {
        return 'insert';
    }
    if (context instanceof ApexGrammar.UpdateStatementContext) {
        return 'update';
    }
    if (context instanceof ApexGrammar.UpsertStatementContext) {
        return 'upsert';
    }
    if (context instanceof ApexGrammar.DeleteStatementContext) {
        return 'delete';
    }
    return compiler.refuse(
        context,
        context instanceof ApexGrammar.UndeleteStatementContext ? 'undelete' : 'merge'
    );
}
