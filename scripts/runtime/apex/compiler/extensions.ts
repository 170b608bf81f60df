import type { CompilerExtensions } from './api';
import { dateArithmetic } from './dates';

/**
 * The language without data: sObjects, SOQL, DML and System.runAs are refused with their file
 * and line. The embedded org's data layer replaces these with its own.
 */
export const languageOnly: CompilerExtensions = {
    dmlStatement: (compiler, context) => compiler.refuse(context, 'DML'),
    runAs: (compiler, context) => compiler.refuse(context, 'System.runAs'),
    soql: (compiler, context) => compiler.refuse(context, 'SOQL'),
    sobjectField: (compiler, _target, name, _safe, context) =>
        compiler.refuse(context, `the sObject field ${name}`),
    sobjectStatic: (compiler, _type, name, context) =>
        compiler.refuse(context, `the sObject member ${name}`),
    newSObject: (compiler, _type, _rest, context) => compiler.refuse(context, 'new sObject'),
    dateArithmetic: (compiler, operator, left, right) =>
        dateArithmetic(compiler, operator, left, right)
};
