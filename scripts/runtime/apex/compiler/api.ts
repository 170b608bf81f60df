import type { ApexGrammar } from '../../../project/apex';
import type { Expr, Frame, Stmt } from '../frame';
import type { ApexServices } from '../services';
import type { ApexClass, ApexType, SourcePlace, Value } from '../model';

type Ctx = ApexGrammar.ApexParserRuleContext;

/**
 * What a method's compiler offers the parts of the language compiled elsewhere (sObjects,
 * SOQL, DML, System.runAs): compiling sub-expressions and blocks, declaring locals, refusing.
 */
export interface CompilerApi {
    readonly services: ApexServices;
    readonly currentClass: ApexClass | undefined;
    readonly file: string;
    expression(context: ApexGrammar.ExpressionContext): Expr;
    block(context: ApexGrammar.BlockContext): Stmt;
    convertTo(expression: Expr, target: ApexType, context: Ctx): (frame: Frame) => Value;
    resolveType(typeRef: ApexGrammar.TypeRefContext): ApexType;
    place(context: Ctx): SourcePlace;
    /** Stops the compilation: what the embedded org does not implement. */
    refuse(context: Ctx, what: string): never;
    /** Stops the compilation: what Apex would not compile. */
    fail(context: Ctx, reason: string): never;
}

/** The parts of the language compiled outside the core: data, security and dates. */
export interface CompilerExtensions {
    dmlStatement(compiler: CompilerApi, context: DmlStatementContext): Stmt;
    runAs(compiler: CompilerApi, context: ApexGrammar.RunAsStatementContext): Stmt;
    soql(compiler: CompilerApi, context: ApexGrammar.SoqlLiteralContext): Expr;
    /** `record.Field__c`, `record.Owner.Name`. */
    sobjectField(
        compiler: CompilerApi,
        target: Expr,
        name: string,
        safe: boolean,
        context: Ctx
    ): Expr;
    /** `Account.Name` (a field token), `Account.SObjectType`. */
    sobjectStatic(compiler: CompilerApi, type: ApexType, name: string, context: Ctx): Expr;
    /** `new Account(Name = 'x')`. */
    newSObject(
        compiler: CompilerApi,
        type: ApexType,
        rest: ApexGrammar.ClassCreatorRestContext | undefined,
        context: Ctx
    ): Expr;
    /** `date + 3`, `datetime - 1.5`. */
    dateArithmetic(
        compiler: CompilerApi,
        operator: '+' | '-',
        left: Expr,
        right: Expr,
        context: Ctx
    ): Expr;
}

export type DmlStatementContext =
    | ApexGrammar.InsertStatementContext
    | ApexGrammar.UpdateStatementContext
    | ApexGrammar.DeleteStatementContext
    | ApexGrammar.UpsertStatementContext
    | ApexGrammar.UndeleteStatementContext
    | ApexGrammar.MergeStatementContext;
