import { ApexGrammar, optional } from '../../../project/apex';
import type { CompilerApi, CompilerExtensions, DmlStatementContext } from '../compiler/api';
import { dateArithmetic } from '../compiler/dates';
import type { Stmt } from '../frame';
import { NORMAL } from '../frame';
import type { AccessMode, ApexData } from './bridge';
import { sobjectStatic } from './describe';
import { runDml, type ApexDmlOperation } from './dml';
import { newSObject, sobjectField } from './sobjects';
import { compileSoql } from './soql';

/**
 * The language with the embedded org's data: sObjects, SOQL and DML against its records, in its
 * running transaction. System.runAs comes with the org's users; until then it is refused at its
 * line.
 */
export function dataExtensions(data: ApexData): CompilerExtensions {
    return {
        dmlStatement: (compiler, context) => dmlStatement(compiler, data, context),
        runAs: (compiler, context) => compiler.refuse(context, 'System.runAs'),
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
