import { Big } from 'bigdecimal.js';
import { ApexGrammar, optional } from '../../../project/apex';
import { addAll, mapPut, putAll, setAdd } from '../collections';
import { apexEquals, asDecimal, compareValues } from '../equality';
import { ApexCompileError, ApexThrow, UnsupportedError } from '../errors';
import { COMPLETIONS, Frame, type Completion, type Expr, type Stmt } from '../frame';
import type { CallSite, PlatformClass, PlatformMethod } from '../services';
import { toText } from '../render';
import { isInstanceOf, runtimeTypeName } from '../runtimeTypes';
import type { ApexServices } from '../services';
import { isPrimitive, numericRank, sameType, T, typeName, widerNumeric } from '../types';
import type { CompilerApi, CompilerExtensions } from './api';
import { arithmetic, converter, widen } from './convert';
import { pickMethod, pickPlatformMethod } from './overloads';
import { Scopes } from './scope';
import {
    type ApexClass,
    type ApexType,
    type BigDecimal,
    DoubleValue,
    type FieldInfo,
    IdValue,
    ListValue,
    MapValue,
    type MethodInfo,
    ObjectValue,
    SetValue,
    type SourcePlace,
    toInteger,
    toLong,
    TypeValue,
    type Value
} from '../model';

type Ctx = ApexGrammar.ApexParserRuleContext;

const { NORMAL, BREAK, CONTINUE, RETURN } = COMPLETIONS;

/**
 * A platform class's name as Apex code writes it: `Math` for System.Math, `Database` for
 * Database.Database, `Database.SaveResult` as it is.
 */
function apexName(fullName: string): string {
    const [namespace = '', name = ''] = fullName.split('.');
    return namespace === 'System' || namespace === name ? name : fullName;
}

/**
 * A member a class does not have may be one the class could not load (its declaration uses
 * what the embedded org does not support): that is the error to report, not a missing member.
 */
function usable(cls: ApexClass): void {
    if (cls.unavailable) {
        throw cls.unavailable;
    }
}

/** The bitwise and shift operators. */
const BIT_OPERATORS = ['&', '|', '^', '<<', '>>', '>>>'] as const;
type BitOperator = (typeof BIT_OPERATORS)[number];

const NPE = 'Attempt to de-reference a null object';

/** The body of a method compiled once: its frame size and its code. */
export interface CompiledBody {
    readonly frameSize: number;
    readonly body: Stmt;
}

/**
 * Compiles the Apex of one method, constructor, accessor, initializer or anonymous block into
 * closures, with the static types Apex resolves operators, overloads and conversions from.
 * What the embedded org does not implement is refused here with its file and line.
 */
export class MethodCompiler implements CompilerApi {
    private readonly scopes = new Scopes();
    /** Statements of loops being compiled, to refuse break/continue outside one. */
    private loops = 0;

    public constructor(
        public readonly services: ApexServices,
        private readonly extensions: CompilerExtensions,
        /** The class whose code this is; undefined for anonymous Apex. */
        private readonly cls: ApexClass | undefined,
        private readonly isStatic: boolean,
        public readonly file: string,
        /** What a `return` gives back: the method's return type (void for constructors). */
        private readonly returnType: ApexType,
        /** For a property accessor: the property, whose name then means its storage. */
        private readonly accessor?: FieldInfo
    ) {}

    public get frameSize(): number {
        return this.scopes.size;
    }

    public declareParameter(name: string, type: ApexType, place: SourcePlace): number {
        return this.scopes.declare(name, type, place).slot;
    }

    public place(context: Ctx): SourcePlace {
        return { file: this.file, line: context.start.line };
    }

    public refuse(context: Ctx, what: string): never {
        throw new UnsupportedError(this.place(context), what);
    }

    public fail(context: Ctx, reason: string): never {
        throw new ApexCompileError(this.place(context), reason);
    }

    public get currentClass(): ApexClass | undefined {
        return this.cls;
    }

    // ---------------------------------------------------------------- statements

    public block(context: ApexGrammar.BlockContext): Stmt {
        this.scopes.enter();
        try {
            return sequence(context.statement_list().map((statement) => this.statement(statement)));
        } finally {
            this.scopes.leave();
        }
    }

    /** The members of anonymous Apex: its statements, in one scope. */
    public anonymous(context: ApexGrammar.AnonymousBlockContext): Stmt {
        const statements: Stmt[] = [];
        for (const member of context.anonymousBlockMember_list()) {
            const statement = optional(member.statement());
            if (statement) {
                statements.push(this.statement(statement));
                continue;
            }
            // `Integer i = 5;` at the top of anonymous Apex reads as a field: it is a local.
            const field = optional(
                optional(member.anonymousMemberDeclaration())?.fieldDeclaration()
            );
            if (!field) {
                return this.refuse(member, 'a method or class declared in anonymous Apex');
            }
            const type = this.resolveType(field.typeRef());
            statements.push(this.declarators(type, field.variableDeclarators(), member.start.line));
        }
        return sequence(statements);
    }

    public statement(context: ApexGrammar.StatementContext): Stmt {
        const line = context.start.line;
        const inner = this.statementAt(context, line);
        // Counted for test coverage (DG "Testing and Code Coverage") only when a run records it.
        const count = this.services.coverage?.statement(this.file, context);
        if (count) {
            return (frame) => {
                count();
                return inner(frame);
            };
        }
        return inner;
    }

    /**
     * A statement that first sets the frame's line to its own. The frequent kinds set it in
     * their own closure rather than in one more around them: one call fewer per statement.
     */
    private statementAt(context: ApexGrammar.StatementContext, line: number): Stmt {
        const block = optional(context.block());
        if (block) {
            this.scopes.enter();
            try {
                return sequence(
                    block.statement_list().map((statement) => this.statement(statement)),
                    line
                );
            } finally {
                this.scopes.leave();
            }
        }
        const declaration = optional(context.localVariableDeclarationStatement());
        if (declaration) {
            const variables = declaration.localVariableDeclaration();
            return this.declarators(
                this.resolveType(variables.typeRef()),
                variables.variableDeclarators(),
                line
            );
        }
        const expression = optional(context.expressionStatement());
        if (expression) {
            const compiled = expression.expression();
            if (
                compiled instanceof ApexGrammar.AssignExpressionContext &&
                compiled.getChild(1).getText() === '='
            ) {
                return this.assignmentStatement(compiled, line);
            }
            const evaluate = this.expression(compiled).evaluate;
            return (frame) => {
                frame.line = line;
                evaluate(frame);
                return NORMAL;
            };
        }
        const ifStatement = optional(context.ifStatement());
        if (ifStatement) {
            return this.ifStatement(ifStatement, line);
        }
        const forStatement = optional(context.forStatement());
        if (forStatement) {
            return this.forStatement(forStatement, line);
        }
        const returnStatement = optional(context.returnStatement());
        if (returnStatement) {
            return this.returnStatement(returnStatement, line);
        }
        const inner = this.statementBody(context);
        return (frame) => {
            frame.line = line;
            return inner(frame);
        };
    }

    private statementBody(context: ApexGrammar.StatementContext): Stmt {
        const whileStatement = optional(context.whileStatement());
        if (whileStatement) {
            const condition = this.condition(whileStatement.parExpression().expression());
            const body = this.loopBody(optional(whileStatement.statement()));
            return (frame) => {
                while (condition(frame)) {
                    const completion = body(frame);
                    if (completion === BREAK) {
                        break;
                    }
                    if (completion === RETURN) {
                        return RETURN;
                    }
                }
                return NORMAL;
            };
        }
        const doWhile = optional(context.doWhileStatement());
        if (doWhile) {
            this.loops++;
            const body = this.block(doWhile.block());
            this.loops--;
            const condition = this.condition(doWhile.parExpression().expression());
            return (frame) => {
                do {
                    const completion = body(frame);
                    if (completion === BREAK) {
                        break;
                    }
                    if (completion === RETURN) {
                        return RETURN;
                    }
                } while (condition(frame));
                return NORMAL;
            };
        }
        const throwStatement = optional(context.throwStatement());
        if (throwStatement) {
            const thrown = this.expression(throwStatement.expression());
            return (frame) => {
                const value = thrown.evaluate(frame);
                if (!(value instanceof ObjectValue) || !value.exception) {
                    return this.services.raise('NullPointerException', 'Argument cannot be null');
                }
                throw new ApexThrow(value);
            };
        }
        if (optional(context.breakStatement()) || optional(context.continueStatement())) {
            if (this.loops === 0) {
                this.fail(context, 'break and continue must be inside a loop');
            }
            const completion: Completion = optional(context.breakStatement()) ? BREAK : CONTINUE;
            return () => completion;
        }
        const tryStatement = optional(context.tryStatement());
        if (tryStatement) {
            return this.tryStatement(tryStatement);
        }
        const switchStatement = optional(context.switchStatement());
        if (switchStatement) {
            return this.switchStatement(switchStatement);
        }
        const dml =
            optional(context.insertStatement()) ??
            optional(context.updateStatement()) ??
            optional(context.deleteStatement()) ??
            optional(context.upsertStatement()) ??
            optional(context.undeleteStatement()) ??
            optional(context.mergeStatement());
        if (dml) {
            return this.extensions.dmlStatement(this, dml);
        }
        const runAs = optional(context.runAsStatement());
        if (runAs) {
            return this.extensions.runAs(this, runAs);
        }
        return this.refuse(context, `the statement ${context.getText().slice(0, 40)}`);
    }

    private localDeclaration(context: ApexGrammar.LocalVariableDeclarationContext): Stmt {
        return this.declarators(this.resolveType(context.typeRef()), context.variableDeclarators());
    }

    /** Declares and initializes local variables; with a line, the statement sets it first. */
    private declarators(
        type: ApexType,
        declarators: ApexGrammar.VariableDeclaratorsContext,
        line?: number
    ): Stmt {
        const parts: Stmt[] = [];
        for (const declarator of declarators.variableDeclarator_list()) {
            const initializer = optional(declarator.expression());
            const value = initializer
                ? this.convertTo(this.expression(initializer), type, declarator)
                : undefined;
            const { slot } = this.scopes.declare(
                declarator.id().getText(),
                type,
                this.place(declarator)
            );
            if (line === undefined) {
                parts.push(
                    value
                        ? (frame) => {
                              frame.locals[slot] = value(frame);
                              return NORMAL;
                          }
                        : (frame) => {
                              frame.locals[slot] = null;
                              return NORMAL;
                          }
                );
            } else {
                parts.push(
                    value
                        ? (frame) => {
                              frame.line = line;
                              frame.locals[slot] = value(frame);
                              return NORMAL;
                          }
                        : (frame) => {
                              frame.line = line;
                              frame.locals[slot] = null;
                              return NORMAL;
                          }
                );
            }
        }
        return sequence(parts);
    }

    private ifStatement(context: ApexGrammar.IfStatementContext, line: number): Stmt {
        const condition = this.condition(context.parExpression().expression());
        const [whenTrue, whenFalse] = context.statement_list();
        const thenPart: Stmt = whenTrue ? this.scoped(whenTrue) : () => NORMAL;
        const elsePart = whenFalse ? this.scoped(whenFalse) : undefined;
        return elsePart
            ? (frame) => {
                  frame.line = line;
                  return condition(frame) ? thenPart(frame) : elsePart(frame);
              }
            : (frame) => {
                  frame.line = line;
                  return condition(frame) ? thenPart(frame) : NORMAL;
              };
    }

    /** A statement in a scope of its own (the body of an if, a loop). */
    private scoped(context: ApexGrammar.StatementContext): Stmt {
        this.scopes.enter();
        try {
            return this.statement(context);
        } finally {
            this.scopes.leave();
        }
    }

    private loopBody(context: ApexGrammar.StatementContext | undefined): Stmt {
        if (!context) {
            return () => NORMAL;
        }
        this.loops++;
        try {
            return this.scoped(context);
        } finally {
            this.loops--;
        }
    }

    /** A Boolean condition; a null Boolean is dereferenced, as Apex does. [verify in an org] */
    private condition(context: ApexGrammar.ExpressionContext): (frame: Frame) => boolean {
        const compiled = this.expression(context);
        if (!isPrimitive(compiled.type, 'Boolean') && compiled.type.kind !== 'null') {
            this.fail(context, `Expression must be of type Boolean: ${typeName(compiled.type)}`);
        }
        if (compiled.test) {
            return compiled.test;
        }
        return (frame) => {
            const value = compiled.evaluate(frame);
            if (value === null) {
                return this.services.raise('NullPointerException', NPE);
            }
            return value as boolean;
        };
    }

    private forStatement(context: ApexGrammar.ForStatementContext, line: number): Stmt {
        const control = context.forControl();
        this.scopes.enter();
        try {
            const enhanced = optional(control.enhancedForControl());
            if (enhanced) {
                const loop = this.forEach(enhanced, optional(context.statement()));
                return (frame) => {
                    frame.line = line;
                    return loop(frame);
                };
            }
            const init = optional(control.forInit());
            let initialize: Stmt = () => NORMAL;
            if (init) {
                const declaration = optional(init.localVariableDeclaration());
                if (declaration) {
                    initialize = this.localDeclaration(declaration);
                } else {
                    const expressions = init
                        .expressionList()
                        .expression_list()
                        .map((expression) => this.expression(expression));
                    initialize = (frame) => {
                        expressions.forEach((expression) => expression.evaluate(frame));
                        return NORMAL;
                    };
                }
            }
            const conditionContext = optional(control.expression());
            const condition = conditionContext ? this.condition(conditionContext) : () => true;
            const updates = (
                optional(control.forUpdate())?.expressionList().expression_list() ?? []
            ).map((expression) => this.expression(expression).evaluate);
            const [firstUpdate] = updates;
            const update: (frame: Frame) => unknown =
                updates.length === 0
                    ? () => undefined
                    : updates.length === 1 && firstUpdate
                      ? firstUpdate
                      : (frame) => {
                            for (const each of updates) {
                                each(frame);
                            }
                        };
            const body = this.loopBody(optional(context.statement()));
            return (frame) => {
                frame.line = line;
                initialize(frame);
                while (condition(frame)) {
                    const completion = body(frame);
                    if (completion !== NORMAL) {
                        if (completion === BREAK) {
                            break;
                        }
                        if (completion === RETURN) {
                            return RETURN;
                        }
                    }
                    update(frame);
                }
                return NORMAL;
            };
        } finally {
            this.scopes.leave();
        }
    }

    /**
     * `for (T x : collection)`: a List or Set, element by element; over a SOQL query with a
     * List variable, in lists of 200 (DG "SOQL For Loops"). Changing a Set while iterating it
     * throws FinalException (RN Winter '25); for a List the loop reads the list as it goes.
     */
    private forEach(
        control: ApexGrammar.EnhancedForControlContext,
        statement: ApexGrammar.StatementContext | undefined
    ): Stmt {
        const type = this.resolveType(control.typeRef());
        const source = this.expression(control.expression());
        const { slot } = this.scopes.declare(control.id().getText(), type, this.place(control));
        const body = this.loopBody(statement);
        const batches =
            type.kind === 'list' &&
            source.type.kind === 'list' &&
            !sameType(type, source.type.element);
        return (frame) => {
            const collection = source.evaluate(frame);
            if (collection === null) {
                return this.services.raise('NullPointerException', NPE);
            }
            let items: readonly Value[];
            if (collection instanceof ListValue) {
                items = batches ? chunk(collection, 200) : collection.items;
            } else if (collection instanceof SetValue) {
                items = [...collection.items.values()];
            } else {
                return this.services.raise(
                    'TypeException',
                    `Cannot iterate over ${runtimeTypeName(collection)}`
                );
            }
            const length = () =>
                collection instanceof ListValue && !batches
                    ? collection.items.length
                    : items.length;
            for (let index = 0; index < length(); index++) {
                frame.locals[slot] = items[index] ?? null;
                const completion = body(frame);
                if (completion === BREAK) {
                    break;
                }
                if (completion === RETURN) {
                    return RETURN;
                }
            }
            return NORMAL;
        };
    }

    private returnStatement(context: ApexGrammar.ReturnStatementContext, line: number): Stmt {
        const expression = optional(context.expression());
        if (!expression) {
            return (frame) => {
                frame.line = line;
                return RETURN;
            };
        }
        const value = this.convertTo(this.expression(expression), this.returnType, context);
        return (frame) => {
            frame.line = line;
            frame.ret = value(frame);
            return RETURN;
        };
    }

    private tryStatement(context: ApexGrammar.TryStatementContext): Stmt {
        const body = this.block(context.block());
        const catches = context.catchClause_list().map((clause) => {
            const names = clause
                .qualifiedName()
                .id_list()
                .map((id) => id.getText());
            const type = this.services.findType(names, this.cls);
            if (!type || type.kind !== 'class' || !type.cls.isException) {
                this.fail(clause, `Invalid exception type: ${names.join('.')}`);
            }
            this.scopes.enter();
            try {
                const { slot } = this.scopes.declare(
                    clause.id().getText(),
                    type,
                    this.place(clause)
                );
                return { cls: type.cls, slot, block: this.block(clause.block()) };
            } finally {
                this.scopes.leave();
            }
        });
        const finallyContext = optional(context.finallyBlock());
        const finallyBlock = finallyContext ? this.block(finallyContext.block()) : undefined;
        return (frame) => {
            try {
                return body(frame);
            } catch (error: unknown) {
                if (!(error instanceof ApexThrow)) {
                    throw error;
                }
                const handler = catches.find((candidate) =>
                    error.exception.type.isSubtypeOf(candidate.cls)
                );
                if (!handler) {
                    throw error;
                }
                frame.locals[handler.slot] = error.exception;
                return handler.block(frame);
            } finally {
                if (finallyBlock) {
                    const completion = finallyBlock(frame);
                    if (completion !== NORMAL) {
                        // A return in finally wins over what the try did.

                        return completion;
                    }
                }
            }
        };
    }

    /**
     * `switch on`: Integer, Long, String (case-sensitive `when` values, DG "Switch
     * Statements"), enums, and sObjects by type (`when Account a`).
     */
    private switchStatement(context: ApexGrammar.SwitchStatementContext): Stmt {
        const subject = this.expression(context.expression());
        const subjectSlot = this.scopes.declare(
            `switch#${context.start.start}`,
            subject.type,
            this.place(context)
        ).slot;
        const arms: { matches: (frame: Frame) => boolean; body: Stmt }[] = [];
        let otherwise: Stmt | undefined;
        for (const control of context.whenControl_list()) {
            const value = control.whenValue();
            if (optional(value.ELSE())) {
                otherwise = this.block(control.block());
                continue;
            }
            const typeRef = optional(value.typeRef());
            if (typeRef) {
                const type = this.resolveType(typeRef);
                this.scopes.enter();
                try {
                    const { slot } = this.scopes.declare(
                        value.id().getText(),
                        type,
                        this.place(value)
                    );
                    const body = this.block(control.block());
                    arms.push({
                        matches: (frame) => {
                            const current = frame.locals[subjectSlot] ?? null;
                            if (!isInstanceOf(current, type)) {
                                return false;
                            }
                            frame.locals[slot] = current;
                            return true;
                        },
                        body
                    });
                } finally {
                    this.scopes.leave();
                }
                continue;
            }
            const literals = value
                .whenLiteral_list()
                .map((literal) => this.whenLiteral(literal, subject.type));
            arms.push({
                matches: (frame) => {
                    const current = frame.locals[subjectSlot] ?? null;
                    return literals.some((literal) =>
                        typeof literal === 'string' && typeof current === 'string'
                            ? literal === current
                            : literal === current || apexEquals(literal, current)
                    );
                },
                body: this.block(control.block())
            });
        }
        return (frame) => {
            frame.locals[subjectSlot] = subject.evaluate(frame);
            for (const arm of arms) {
                if (arm.matches(frame)) {
                    return arm.body(frame);
                }
            }
            return otherwise ? otherwise(frame) : NORMAL;
        };
    }

    private whenLiteral(context: ApexGrammar.WhenLiteralContext, subject: ApexType): Value {
        const nested = optional(context.whenLiteral());
        if (nested) {
            return this.whenLiteral(nested, subject);
        }
        if (optional(context.NULL())) {
            return null;
        }
        const negative = context.SUB_list().length % 2 === 1;
        const integer = optional(context.IntegerLiteral());
        if (integer) {
            const value = Number(integer.getText()) * (negative ? -1 : 1);
            return isPrimitive(subject, 'Long') ? BigInt(value) : value;
        }
        const long = optional(context.LongLiteral());
        if (long) {
            return BigInt(long.getText().replace(/l$/i, '')) * (negative ? -1n : 1n);
        }
        const text = optional(context.StringLiteral());
        if (text) {
            return unescapeString(text.getText());
        }
        const name = context.qualifiedName().getText();
        if (subject.kind === 'class' && subject.cls.kind === 'enum') {
            const found = subject.cls.enumValues.find(
                (value) => value.name.toLowerCase() === name.toLowerCase()
            );
            if (!found) {
                this.fail(context, `Invalid enum value ${name} for ${subject.cls.name}`);
            }
            return found;
        }
        return this.refuse(context, `the when value ${name}`);
    }

    // ---------------------------------------------------------------- expressions

    /** Converts an expression's value to a target type as an assignment does; refuses the rest. */
    public convertTo(expression: Expr, target: ApexType, context: Ctx): (frame: Frame) => Value {
        if (expression.single && target.kind === 'sobject') {
            return this.convertTo(expression.single(false), target, context);
        }
        const convert = converter(expression.type, target, this.services);
        if (convert === 'refused') {
            return this.fail(
                context,
                `Illegal assignment from ${typeName(expression.type)} to ${typeName(target)}`
            );
        }
        const evaluate = expression.evaluate;
        return convert ? (frame) => convert(evaluate(frame)) : evaluate;
    }

    public resolveType(typeRef: ApexGrammar.TypeRefContext): ApexType {
        return this.services.resolveType(typeRef, this.cls, this.file);
    }

    public expression(context: ApexGrammar.ExpressionContext): Expr {
        if (context instanceof ApexGrammar.PrimaryExpressionContext) {
            return this.primary(context.primary());
        }
        if (context instanceof ApexGrammar.SubExpressionContext) {
            return this.expression(context.expression());
        }
        if (context instanceof ApexGrammar.DotExpressionContext) {
            return this.dot(context);
        }
        if (context instanceof ApexGrammar.MethodCallExpressionContext) {
            return this.methodCall(context.methodCall());
        }
        if (context instanceof ApexGrammar.NewExpressionContext) {
            return this.creator(context.creator());
        }
        if (context instanceof ApexGrammar.ArrayExpressionContext) {
            return this.index(context);
        }
        if (context instanceof ApexGrammar.AssignExpressionContext) {
            return this.assignment(context);
        }
        if (
            context instanceof ApexGrammar.Arth1ExpressionContext ||
            context instanceof ApexGrammar.Arth2ExpressionContext
        ) {
            const [left, right] = context.expression_list();
            const operator = context.getChild(1).getText();
            if (!left || !right) {
                return this.fail(context, 'an incomplete expression');
            }
            return this.binary(
                operator as '+',
                this.expression(left),
                this.expression(right),
                context
            );
        }
        if (
            context instanceof ApexGrammar.BitAndExpressionContext ||
            context instanceof ApexGrammar.BitOrExpressionContext ||
            context instanceof ApexGrammar.BitNotExpressionContext ||
            context instanceof ApexGrammar.BitExpressionContext
        ) {
            const [left, right] = context.expression_list();
            if (!left || !right) {
                return this.fail(context, 'an incomplete expression');
            }
            const operator =
                context instanceof ApexGrammar.BitExpressionContext
                    ? context.LT_list().length > 0
                        ? '<<'
                        : '>'.repeat(context.GT_list().length)
                    : context.getChild(1).getText();
            return this.bitwise(
                operator as BitOperator,
                this.expression(left),
                this.expression(right),
                context
            );
        }
        if (context instanceof ApexGrammar.CmpExpressionContext) {
            return this.comparison(context);
        }
        if (context instanceof ApexGrammar.EqualityExpressionContext) {
            return this.equality(context);
        }
        if (
            context instanceof ApexGrammar.LogAndExpressionContext ||
            context instanceof ApexGrammar.LogOrExpressionContext
        ) {
            const [left, right] = context.expression_list();
            if (!left || !right) {
                return this.fail(context, 'an incomplete expression');
            }
            const a = this.condition(left);
            const b = this.condition(right);
            return booleanOf(
                context instanceof ApexGrammar.LogAndExpressionContext
                    ? (frame) => a(frame) && b(frame)
                    : (frame) => a(frame) || b(frame)
            );
        }
        if (context instanceof ApexGrammar.NegExpressionContext) {
            const operand = this.expression(context.expression());
            if (optional(context.BANG())) {
                const condition = this.condition(context.expression());
                return booleanOf((frame) => !condition(frame));
            }
            return this.refuse(context, `the operator ~ on ${typeName(operand.type)}`);
        }
        if (context instanceof ApexGrammar.PreOpExpressionContext) {
            return this.prefix(context);
        }
        if (context instanceof ApexGrammar.PostOpExpressionContext) {
            return this.increment(
                this.expression(context.expression()),
                optional(context.INC()) ? 1 : -1,
                false,
                context
            );
        }
        if (context instanceof ApexGrammar.CondExpressionContext) {
            return this.conditional(context);
        }
        if (context instanceof ApexGrammar.CoalExpressionContext) {
            const [left, right] = context.expression_list();
            if (!left || !right) {
                return this.fail(context, 'an incomplete expression');
            }
            const query = this.expression(left);
            const fallback = this.expression(right);
            // An inline query with an sObject right operand is a single-row query: "if the
            // SOQL query returns no rows, the right-hand operand is returned" (DG "Expression
            // Operators", null coalescing: `Account a = [SELECT ...] ?? defaultAccount;`).
            const a = query.single && fallback.type.kind === 'sobject' ? query.single(true) : query;
            const b = this.convertTo(fallback, a.type, right);
            return { type: a.type, evaluate: (frame) => a.evaluate(frame) ?? b(frame) };
        }
        if (context instanceof ApexGrammar.InstanceOfExpressionContext) {
            const value = this.expression(context.expression());
            const type = this.resolveType(context.typeRef());
            return {
                type: T.boolean,
                evaluate: (frame) => isInstanceOf(value.evaluate(frame), type)
            };
        }
        if (context instanceof ApexGrammar.CastExpressionContext) {
            return this.cast(context);
        }
        return this.refuse(context, `the expression ${context.getText().slice(0, 40)}`);
    }

    private primary(context: ApexGrammar.PrimaryContext): Expr {
        if (context instanceof ApexGrammar.LiteralPrimaryContext) {
            return literal(context.literal(), (reason) => this.fail(context, reason));
        }
        if (context instanceof ApexGrammar.IdPrimaryContext) {
            return this.name(context.id().getText(), context);
        }
        if (context instanceof ApexGrammar.ThisPrimaryContext) {
            if (this.isStatic || !this.cls) {
                return this.fail(context, 'this cannot be referenced in a static context');
            }
            return { type: { kind: 'class', cls: this.cls }, evaluate: (frame) => frame.self };
        }
        if (context instanceof ApexGrammar.TypeRefPrimaryContext) {
            const type = this.resolveType(context.typeRef());
            const value = new TypeValue(type);
            return { type: T.platform('System.Type'), evaluate: () => value };
        }
        if (context instanceof ApexGrammar.SoqlPrimaryContext) {
            return this.extensions.soql(this, context.soqlLiteral());
        }
        return this.refuse(context, `the expression ${context.getText().slice(0, 40)}`);
    }

    /**
     * A simple name: a local, a field of this class or an outer class, a class, an sObject
     * type or a namespace (DG "Variables": names are case-insensitive).
     */
    private name(name: string, context: Ctx): Expr {
        const local = this.scopes.find(name);
        if (local) {
            const { slot, type } = local;
            return {
                type,
                local: slot,
                evaluate: (frame) => frame.locals[slot] ?? null,
                assign: (frame, value) => {
                    frame.locals[slot] = value;
                }
            };
        }
        for (let owner = this.cls; owner; owner = owner.outer) {
            const field = owner.findField(name);
            if (field && (field.isStatic || (owner === this.cls && !this.isStatic))) {
                return this.fieldAccess(field, undefined);
            }
        }
        const type = this.services.findType([name], this.cls);
        if (type) {
            return { type, typeReference: type, evaluate: () => null };
        }
        if (this.services.platform.find(name) || NAMESPACES.has(name.toLowerCase())) {
            return { type: T.void, namespace: name, evaluate: () => null };
        }
        if (this.services.isPlatformType([name])) {
            // `Trigger.new`, `Cache.Org`: a platform class or object the org does not implement.
            return this.refuse(context, `the platform type ${name}`);
        }
        return this.fail(context, `Variable does not exist: ${name}`);
    }

    /** A field or property of a class, on `target` (an instance) or static. */
    private fieldAccess(field: FieldInfo, target: Expr | undefined): Expr {
        if (field.isStatic) {
            const owner = field.declaringClass;
            const services = this.services;
            const ownAccessor = this.accessor === field;
            if (
                field.property &&
                !ownAccessor &&
                (field.property.getter?.body || field.property.setter?.body)
            ) {
                return this.propertyAccess(field, undefined);
            }
            return {
                type: field.type,
                evaluate: () => services.statics(owner)[field.slot] ?? null,
                assign: (_frame, value) => {
                    services.statics(owner)[field.slot] = value;
                }
            };
        }
        if (
            field.property &&
            this.accessor !== field &&
            (field.property.getter?.body || field.property.setter?.body)
        ) {
            return this.propertyAccess(field, target);
        }
        const instance = target
            ? (frame: Frame): ObjectValue => {
                  const value = target.evaluate(frame);
                  if (value === null) {
                      return this.services.raise('NullPointerException', NPE);
                  }
                  return value as ObjectValue;
              }
            : (frame: Frame): ObjectValue => frame.self as ObjectValue;
        return {
            type: field.type,
            evaluate: (frame) => instance(frame).fields[field.slot] ?? null,
            assign: (frame, value) => {
                instance(frame).fields[field.slot] = value;
            }
        };
    }

    /** A property with a get or set body: reading calls the getter, assigning the setter. */
    private propertyAccess(field: FieldInfo, target: Expr | undefined): Expr {
        const services = this.services;
        const self = (frame: Frame): ObjectValue | null => {
            if (field.isStatic) {
                return null;
            }
            const value = target ? target.evaluate(frame) : frame.self;
            if (value === null) {
                return services.raise('NullPointerException', NPE);
            }
            return value as ObjectValue;
        };
        return {
            type: field.type,
            evaluate: (frame) => services.readProperty(field, self(frame)),
            assign: (frame, value) => {
                services.writeProperty(field, self(frame), value);
            }
        };
    }

    private dot(context: ApexGrammar.DotExpressionContext): Expr {
        const targetContext = context.expression();
        const safe = optional(context.QUESTIONDOT()) !== undefined;
        const call = optional(context.dotMethodCall());
        const memberName = call ? call.anyId().getText() : context.anyId().getText();
        const target = this.expression(targetContext);
        if (target.namespace !== undefined) {
            // `System.debug`, `Database.insert`: the namespace's class or member.
            const qualified = `${target.namespace}.${memberName}`;
            if (call) {
                return this.staticPlatformCall(target.namespace, memberName, call, context);
            }
            const type = this.services.findType([target.namespace, memberName], this.cls);
            if (type) {
                return { type, typeReference: type, evaluate: () => null };
            }
            if (this.services.platform.find(qualified)) {
                return { type: T.void, namespace: qualified, evaluate: () => null };
            }
            const platformClass = this.services.platform.find(target.namespace);
            const property = platformClass?.staticProperties?.find(
                (candidate) => candidate.name.toLowerCase() === memberName.toLowerCase()
            );
            if (property) {
                return this.platformProperty(property, context);
            }
            return this.refuse(context, qualified);
        }
        if (target.typeReference) {
            return call
                ? this.staticCall(target.typeReference, memberName, call, context)
                : this.staticMember(target.typeReference, memberName, context);
        }
        if (call) {
            return this.instanceCall(target, memberName, call, safe, context);
        }
        if (target.single) {
            return this.instanceMember(target.single(safe), memberName, safe, context);
        }
        return this.instanceMember(target, memberName, safe, context);
    }

    private staticMember(type: ApexType, name: string, context: Ctx): Expr {
        if (type.kind === 'class') {
            if (type.cls.kind === 'enum') {
                const value = type.cls.enumValues.find(
                    (candidate) => candidate.name.toLowerCase() === name.toLowerCase()
                );
                if (value) {
                    return { type, evaluate: () => value };
                }
            }
            const inner = type.cls.inner.get(name.toLowerCase());
            if (inner) {
                const innerType: ApexType = { kind: 'class', cls: inner };
                return { type: innerType, typeReference: innerType, evaluate: () => null };
            }
            const field = type.cls.findField(name);
            if (field?.isStatic) {
                return this.fieldAccess(field, undefined);
            }
            usable(type.cls);
            return this.fail(context, `Variable does not exist: ${name}`);
        }
        const platform = this.platformOf(type);
        const property = platform?.staticProperties?.find(
            (candidate) => candidate.name.toLowerCase() === name.toLowerCase()
        );
        if (property) {
            return this.platformProperty(property, context);
        }
        if (type.kind === 'sobject') {
            return this.extensions.sobjectStatic(this, type, name, context);
        }
        return this.refuse(context, `${typeName(type)}.${name}`);
    }

    private platformProperty(
        property: NonNullable<PlatformClass['staticProperties']>[number],
        context: Ctx,
        target?: Expr,
        safe = false
    ): Expr {
        const place = this.place(context);
        const services = this.services;
        const site = (frame: Frame) => ({
            vm: services,
            place,
            frame,
            argumentTypes: [],
            receiverType: target?.type
        });
        const receiver = (frame: Frame): Value | undefined => {
            if (!target) {
                return undefined;
            }
            const value = target.evaluate(frame);
            if (value === null && !safe) {
                services.raise('NullPointerException', 'Attempt to de-reference a null object');
            }
            return value;
        };
        const set = property.set;
        return {
            type: property.type,
            evaluate: (frame) => {
                const self = receiver(frame);
                return self === null ? null : property.get(site(frame), self);
            },
            ...(set
                ? {
                      assign: (frame: Frame, value: Value) => {
                          const self = receiver(frame);
                          if (self !== null) {
                              set(site(frame), self, value);
                          }
                      }
                  }
                : {})
        };
    }

    private instanceMember(target: Expr, name: string, safe: boolean, context: Ctx): Expr {
        const type = target.type;
        if (type.kind === 'class') {
            const field = type.cls.findField(name);
            if (!field || field.isStatic) {
                usable(type.cls);
                return this.fail(context, `Variable does not exist: ${name}`);
            }
            const access = this.fieldAccess(field, target);
            if (!safe) {
                return access;
            }
            return {
                ...access,
                evaluate: (frame) =>
                    target.evaluate(frame) === null ? null : access.evaluate(frame)
            };
        }
        if (type.kind === 'sobject') {
            return this.extensions.sobjectField(this, target, name, safe, context);
        }
        const platform = this.platformOf(type);
        const property = platform?.instanceProperties?.find(
            (candidate) => candidate.name.toLowerCase() === name.toLowerCase()
        );
        if (property) {
            return this.platformProperty(property, context, target, safe);
        }
        return this.refuse(context, `the member ${name} of ${typeName(type)}`);
    }

    /** The platform class that gives a type its methods: String, List, System.HttpRequest, ... */
    private platformOf(type: ApexType): PlatformClass | undefined {
        switch (type.kind) {
            case 'primitive':
                return this.services.platform.find(type.name);
            case 'list':
                return this.services.platform.find('List');
            case 'set':
                return this.services.platform.find('Set');
            case 'map':
                return this.services.platform.find('Map');
            case 'sobject':
                return (
                    this.services.platform.find(type.name ?? 'SObject') ??
                    this.services.platform.find('SObject')
                );
            case 'platform':
                return this.services.platform.find(type.name);
            case 'class':
                return type.cls.kind === 'enum' ? this.services.platform.find('Enum') : undefined;
            default:
                return undefined;
        }
    }

    private arguments(list: ApexGrammar.ExpressionListContext | undefined): Expr[] {
        return (list?.expression_list() ?? []).map((expression) => this.expression(expression));
    }

    /** An unqualified call: a method of this class (or an outer class's static one), this(), super(). */
    private methodCall(context: ApexGrammar.MethodCallContext): Expr {
        const args = this.arguments(optional(context.expressionList()));
        if (optional(context.THIS()) || optional(context.SUPER())) {
            const owner = optional(context.THIS()) ? this.cls : this.cls?.superclass;
            if (!owner || this.isStatic) {
                return this.fail(
                    context,
                    'this() and super() only call constructors from a constructor'
                );
            }
            const constructor = pickMethod(
                owner.constructors,
                args.map((arg) => arg.type)
            );
            if (!constructor && owner.constructors.length > 0) {
                return this.fail(
                    context,
                    `Constructor not defined: ${owner.name}(${args.map((arg) => typeName(arg.type)).join(', ')})`
                );
            }
            const converted = constructor ? this.convertArguments(args, constructor, context) : [];
            const services = this.services;
            return {
                type: T.void,
                evaluate: (frame) => {
                    services.runConstructor(
                        owner,
                        constructor,
                        frame.self as ObjectValue,
                        converted.map((arg) => arg(frame))
                    );
                    return null;
                }
            };
        }
        const name = context.id().getText();
        for (let owner = this.cls; owner; owner = owner.outer) {
            const candidates = owner
                .findMethods(name)
                .filter((method) => method.isStatic || (owner === this.cls && !this.isStatic));
            if (candidates.length === 0) {
                continue;
            }
            const method = pickMethod(
                candidates,
                args.map((arg) => arg.type)
            );
            if (!method) {
                return this.noSuchMethod(name, args, owner, context);
            }
            return this.invocation(method, undefined, args, false, context);
        }
        return this.fail(
            context,
            `Method does not exist or incorrect signature: ${name}(${args.map((arg) => typeName(arg.type)).join(', ')})`
        );
    }

    private noSuchMethod(
        name: string,
        args: readonly Expr[],
        owner: ApexClass,
        context: Ctx
    ): never {
        usable(owner);
        const where = owner.name;
        let platform: ApexClass | undefined = owner;
        while (platform && !platform.builtin) {
            platform = platform.superclass;
        }
        if (platform && owner.findMethods(name).length === 0) {
            // A method the platform class (an exception's getDmlType) may have and the
            // embedded org does not implement.
            return this.refuse(context, `the method ${apexName(platform.name)}.${name}`);
        }
        return this.fail(
            context,
            `Method does not exist or incorrect signature: void ${name}(${args.map((arg) => typeName(arg.type)).join(', ')}) from the type ${where}`
        );
    }

    private convertArguments(
        args: readonly Expr[],
        method: MethodInfo,
        context: Ctx
    ): ((frame: Frame) => Value)[] {
        return args.map((arg, index) => {
            const parameter = method.parameters[index];
            return parameter ? this.convertTo(arg, parameter.type, context) : arg.evaluate;
        });
    }

    /** A call of a method of the project: static, or on the receiver (or `this`). */
    private invocation(
        method: MethodInfo,
        receiver: Expr | undefined,
        args: readonly Expr[],
        safe: boolean,
        context: Ctx
    ): Expr {
        const converted = this.convertArguments(args, method, context);
        const services = this.services;
        const line = context.start.line;
        if (method.isStatic) {
            return {
                type: method.returnType,
                evaluate: (frame) => {
                    const values = converted.map((arg) => arg(frame));
                    frame.line = line;
                    return services.invoke(method, null, values);
                }
            };
        }
        return {
            type: method.returnType,
            evaluate: (frame) => {
                const self = receiver ? receiver.evaluate(frame) : frame.self;
                if (self === null) {
                    return safe ? null : services.raise('NullPointerException', NPE);
                }
                const values = converted.map((arg) => arg(frame));
                frame.line = line;
                return services.invoke(method, self as ObjectValue, values);
            }
        };
    }

    private staticCall(
        type: ApexType,
        name: string,
        call: ApexGrammar.DotMethodCallContext,
        context: Ctx
    ): Expr {
        const args = this.arguments(optional(call.expressionList()));
        if (type.kind === 'class') {
            const candidates = type.cls.findMethods(name).filter((method) => method.isStatic);
            const method = pickMethod(
                candidates,
                args.map((arg) => arg.type)
            );
            if (method) {
                return this.invocation(method, undefined, args, false, context);
            }
            if (type.cls.kind === 'enum') {
                return this.platformCall(
                    this.services.platform.find('Enum'),
                    name,
                    undefined,
                    args,
                    false,
                    context,
                    type,
                    true
                );
            }
            return this.noSuchMethod(name, args, type.cls, context);
        }
        return this.platformCall(
            this.platformOf(type),
            name,
            undefined,
            args,
            false,
            context,
            type,
            true
        );
    }

    private staticPlatformCall(
        namespace: string,
        name: string,
        call: ApexGrammar.DotMethodCallContext,
        context: Ctx
    ): Expr {
        const args = this.arguments(optional(call.expressionList()));
        const platformClass = this.services.platform.find(namespace);
        if (!platformClass) {
            return this.refuse(context, `${namespace}.${name}()`);
        }
        return this.platformCall(
            platformClass,
            name,
            undefined,
            args,
            false,
            context,
            T.platform(platformClass.name),
            true
        );
    }

    private instanceCall(
        target: Expr,
        name: string,
        call: ApexGrammar.DotMethodCallContext,
        safe: boolean,
        context: Ctx
    ): Expr {
        const args = this.arguments(optional(call.expressionList()));
        const type = target.type;
        if (type.kind === 'class' && type.cls.kind !== 'enum') {
            const candidates = type.cls.findMethods(name).filter((method) => !method.isStatic);
            const method = pickMethod(
                candidates,
                args.map((arg) => arg.type)
            );
            if (method) {
                return this.invocation(method, target, args, safe, context);
            }
            if (type.cls.isException || type.cls.kind === 'interface' || candidates.length === 0) {
                const objectMethod = this.services.objectMethod(
                    name,
                    args.map((arg) => arg.type)
                );
                if (objectMethod) {
                    return this.platformCall(
                        undefined,
                        name,
                        target,
                        args,
                        safe,
                        context,
                        type,
                        false,
                        objectMethod
                    );
                }
            }
            return this.noSuchMethod(name, args, type.cls, context);
        }
        return this.platformCall(
            this.platformOf(type),
            name,
            target,
            args,
            safe,
            context,
            type,
            false
        );
    }

    /** A call of a platform method: static (`Math.max`) or on a value (`s.length()`). */
    private platformCall(
        platformClass: PlatformClass | undefined,
        name: string,
        receiver: Expr | undefined,
        args: readonly Expr[],
        safe: boolean,
        context: Ctx,
        receiverType: ApexType,
        isStatic: boolean,
        chosen?: PlatformMethod
    ): Expr {
        const lower = name.toLowerCase();
        const candidates = chosen
            ? [chosen]
            : ((isStatic ? platformClass?.staticMethods : platformClass?.instanceMethods)?.filter(
                  (method) => method.name.toLowerCase() === lower
              ) ?? []);
        const objectMethod =
            !chosen && !isStatic && candidates.length === 0
                ? this.services.objectMethod(
                      name,
                      args.map((arg) => arg.type)
                  )
                : undefined;
        const argumentTypes = args.map((arg) => arg.type);
        const method = chosen ?? pickPlatformMethod(candidates, argumentTypes) ?? objectMethod;
        if (!method) {
            const where = platformClass ? apexName(platformClass.name) : typeName(receiverType);
            return candidates.length > 0
                ? this.fail(
                      context,
                      `Method does not exist or incorrect signature: ${name}(${argumentTypes.map(typeName).join(', ')}) from the type ${where}`
                  )
                : this.refuse(context, `the method ${where}.${name}`);
        }
        const evaluated = args.map((arg, index) => {
            const parameter = method.parameters[index];
            return parameter && parameter !== 'any'
                ? this.convertTo(arg, parameter, context)
                : arg.evaluate;
        });
        const returns =
            typeof method.returns === 'function'
                ? method.returns(receiverType, argumentTypes)
                : method.returns;
        const place = this.place(context);
        const services = this.services;
        const line = context.start.line;
        // One call site object for every run of this call, its frame set for each: a platform
        // method reads the frame only while it runs.
        const site: MutableSite = {
            vm: services,
            place,
            frame: new Frame(undefined, undefined, null, 0),
            argumentTypes,
            receiverType
        };
        const [first, second] = evaluated;
        const count = evaluated.length;
        // A closure for each common arity, so that the arguments are evaluated in place.
        if (!receiver) {
            return {
                type: returns,
                evaluate:
                    count === 0
                        ? (frame) => {
                              frame.line = line;
                              return callPlatform(method, null, [], site, frame);
                          }
                        : count === 1 && first
                          ? (frame) => {
                                const args = [first(frame)];
                                frame.line = line;
                                return callPlatform(method, null, args, site, frame);
                            }
                          : count === 2 && first && second
                            ? (frame) => {
                                  const args = [first(frame), second(frame)];
                                  frame.line = line;
                                  return callPlatform(method, null, args, site, frame);
                              }
                            : (frame) => {
                                  const args = evaluated.map((arg) => arg(frame));
                                  frame.line = line;
                                  return callPlatform(method, null, args, site, frame);
                              }
            };
        }
        const target = receiver.evaluate;
        return {
            type: returns,
            evaluate:
                count === 0
                    ? (frame) => {
                          const self = target(frame);
                          if (self === null) {
                              return safe ? null : services.raise('NullPointerException', NPE);
                          }
                          frame.line = line;
                          return callPlatform(method, self, [], site, frame);
                      }
                    : count === 1 && first
                      ? (frame) => {
                            const self = target(frame);
                            if (self === null) {
                                return safe ? null : services.raise('NullPointerException', NPE);
                            }
                            const args = [first(frame)];
                            frame.line = line;
                            return callPlatform(method, self, args, site, frame);
                        }
                      : (frame) => {
                            const self = target(frame);
                            if (self === null) {
                                return safe ? null : services.raise('NullPointerException', NPE);
                            }
                            const args = evaluated.map((arg) => arg(frame));
                            frame.line = line;
                            return callPlatform(method, self, args, site, frame);
                        }
        };
    }

    private creator(context: ApexGrammar.CreatorContext): Expr {
        const type = this.createdType(context.createdName());
        const classRest = optional(context.classCreatorRest());
        const list = optional(context.arrayCreatorRest());
        const mapRest = optional(context.mapCreatorRest());
        const setRest = optional(context.setCreatorRest());
        const noRest = optional(context.noRest());
        if (
            type.kind === 'list' &&
            [list, noRest, classRest, setRest].some((part) => part !== undefined)
        ) {
            return this.newList(type, list, classRest, setRest, context);
        }
        if (type.kind !== 'list' && list) {
            // `new String[3]`, `new Integer[]{1, 2}`: an array is a List.
            return this.newList(T.list(type), list, undefined, undefined, context);
        }
        if (type.kind === 'set' && (setRest || noRest || classRest)) {
            const element = type.element;
            const items = (setRest?.expression_list() ?? []).map((expression) =>
                this.convertTo(this.expression(expression), element, expression)
            );
            const copy = classRest
                ? this.arguments(optional(classRest.arguments().expressionList()))
                : [];
            const services = this.services;
            return {
                type,
                evaluate: (frame) => {
                    const set = new SetValue(element);
                    for (const source of copy) {
                        addAll(set, source.evaluate(frame), services.equalityHooks);
                    }
                    for (const item of items) {
                        setAdd(set, item(frame), services.equalityHooks);
                    }
                    return set;
                }
            };
        }
        if (type.kind === 'map' && (mapRest || noRest || classRest)) {
            const { key, value } = type;
            const pairs = (mapRest?.mapCreatorRestPair_list() ?? []).map((pair) => {
                const [k, v] = pair.expression_list();
                if (!k || !v) {
                    return this.fail(pair, 'an incomplete map entry');
                }
                return [
                    this.convertTo(this.expression(k), key, k),
                    this.convertTo(this.expression(v), value, v)
                ] as const;
            });
            const copy = classRest
                ? this.arguments(optional(classRest.arguments().expressionList()))
                : [];
            const services = this.services;
            return {
                type,
                evaluate: (frame) => {
                    const map = new MapValue(key, value);
                    for (const source of copy) {
                        putAll(map, source.evaluate(frame), services.equalityHooks);
                    }
                    for (const [k, v] of pairs) {
                        mapPut(map, k(frame), v(frame), services.equalityHooks);
                    }
                    return map;
                }
            };
        }
        if (type.kind === 'sobject') {
            return this.extensions.newSObject(this, type, classRest, context);
        }
        if (type.kind === 'class') {
            if (type.cls.isAbstract) {
                return this.fail(
                    context,
                    `Abstract classes cannot be constructed: ${type.cls.name}`
                );
            }
            const args = this.arguments(optional(classRest?.arguments().expressionList()));
            const constructors = type.cls.constructors;
            const constructor = pickMethod(
                constructors,
                args.map((arg) => arg.type)
            );
            if (!constructor && (constructors.length > 0 || args.length > 0)) {
                usable(type.cls);
                return this.fail(
                    context,
                    `Constructor not defined: [${type.cls.name}].<Constructor>(${args.map((arg) => typeName(arg.type)).join(', ')})`
                );
            }
            const converted = constructor ? this.convertArguments(args, constructor, context) : [];
            const services = this.services;
            const cls = type.cls;
            const line = context.start.line;
            return {
                type,
                evaluate: (frame) => {
                    const values = converted.map((arg) => arg(frame));
                    frame.line = line;
                    return services.instantiate(cls, constructor, values);
                }
            };
        }
        if (type.kind === 'platform' || type.kind === 'primitive') {
            const platformClass = this.platformOf(type);
            const args = this.arguments(optional(classRest?.arguments().expressionList()));
            const constructor = pickPlatformMethod(
                platformClass?.constructors ?? [],
                args.map((arg) => arg.type)
            );
            if (!constructor) {
                return this.refuse(
                    context,
                    `new ${typeName(type)}(${args.map((arg) => typeName(arg.type)).join(', ')})`
                );
            }
            return this.platformCall(
                platformClass,
                constructor.name,
                undefined,
                args,
                false,
                context,
                type,
                true,
                constructor
            );
        }
        return this.refuse(context, `new ${typeName(type)}`);
    }

    /** The type a `new` names: `List<String>`, `Map<Id, Account>`, `MyClass.Inner`, `Account`. */
    private createdType(context: ApexGrammar.CreatedNameContext): ApexType {
        const pairs = context.idCreatedNamePair_list();
        const names = pairs.map((pair) => pair.anyId().getText());
        const last = pairs[pairs.length - 1];
        const args =
            (last ? optional(last.typeList())?.typeRef_list() : undefined)?.map((ref) =>
                this.resolveType(ref)
            ) ?? [];
        const collection = names.length === 1 ? names[0]?.toLowerCase() : undefined;
        const [first, second] = args;
        if (collection === 'list' && first && args.length === 1) {
            return T.list(first);
        }
        if (collection === 'set' && first && args.length === 1) {
            return T.set(first);
        }
        if (collection === 'map' && first && second && args.length === 2) {
            return T.map(first, second);
        }
        if (args.length > 0) {
            return this.refuse(context, `the generic type ${context.getText()}`);
        }
        const type = this.services.findType(names, this.cls);
        if (!type) {
            return this.services.isPlatformType(names)
                ? this.refuse(context, `the platform type ${names.join('.')}`)
                : this.fail(context, `Invalid type: ${names.join('.')}`);
        }
        return type;
    }

    private newList(
        type: Extract<ApexType, { kind: 'list' }>,
        rest: ApexGrammar.ArrayCreatorRestContext | undefined,
        classRest: ApexGrammar.ClassCreatorRestContext | undefined,
        elements: ApexGrammar.SetCreatorRestContext | undefined,
        context: Ctx
    ): Expr {
        const element = type.element;
        const sizeContext = rest ? optional(rest.expression()) : undefined;
        if (sizeContext) {
            const size = this.convertTo(this.expression(sizeContext), T.integer, sizeContext);
            return {
                type,
                evaluate: (frame) => {
                    const count = size(frame);
                    if (count === null) {
                        return this.services.raise('NullPointerException', NPE);
                    }
                    return new ListValue(element, new Array<Value>(count as number).fill(null));
                }
            };
        }
        const initializer = rest ? optional(rest.arrayInitializer()) : undefined;
        const items = (initializer?.expression_list() ?? elements?.expression_list() ?? []).map(
            (expression) => this.convertTo(this.expression(expression), element, expression)
        );
        const copy = classRest
            ? this.arguments(optional(classRest.arguments().expressionList()))
            : [];
        if (copy.length > 1) {
            return this.fail(
                context,
                `Constructor not defined: List(${copy.map((arg) => typeName(arg.type)).join(', ')})`
            );
        }
        const services = this.services;
        return {
            type,
            evaluate: (frame) => {
                const list = new ListValue(element);
                for (const source of copy) {
                    addAll(list, source.evaluate(frame), services.equalityHooks);
                }
                for (const item of items) {
                    list.items.push(item(frame));
                }
                return list;
            }
        };
    }

    /** `list[i]` and `map[key]`? (Apex has no map indexing): a List element. */
    private index(context: ApexGrammar.ArrayExpressionContext): Expr {
        const [listContext, indexContext] = context.expression_list();
        if (!listContext || !indexContext) {
            return this.fail(context, 'an incomplete expression');
        }
        const list = this.expression(listContext);
        if (list.type.kind !== 'list') {
            return this.fail(context, `Expression must be a list type: ${typeName(list.type)}`);
        }
        const indexExpr = this.expression(indexContext);
        const index = this.convertTo(indexExpr, T.integer, indexContext);
        const services = this.services;
        const target = list.evaluate;
        const listSlot = list.local;
        const indexSlot = isPrimitive(indexExpr.type, 'Integer') ? indexExpr.local : undefined;
        if (listSlot !== undefined && indexSlot !== undefined) {
            // `items[i]`: both variables, read in place.
            return {
                type: list.type.element,
                evaluate: (frame) => {
                    const items = itemsOf(frame.locals[listSlot] ?? null, services);
                    return (
                        items[position(items, frame.locals[indexSlot] ?? null, services)] ?? null
                    );
                },
                assign: (frame, item) => {
                    const items = itemsOf(frame.locals[listSlot] ?? null, services);
                    items[position(items, frame.locals[indexSlot] ?? null, services)] = item;
                }
            };
        }
        return {
            type: list.type.element,
            evaluate: (frame) => {
                const items = itemsOf(target(frame), services);
                return items[position(items, index(frame), services)] ?? null;
            },
            assign: (frame, item) => {
                const items = itemsOf(target(frame), services);
                items[position(items, index(frame), services)] = item;
            }
        };
    }

    /** `x = value;` as a statement: the value stored without the result an expression gives. */
    private assignmentStatement(context: ApexGrammar.AssignExpressionContext, line: number): Stmt {
        const { target, assign, valueContext } = this.assignmentTarget(context);
        const value = this.convertTo(this.expression(valueContext), target.type, context);
        const slot = target.local;
        if (slot !== undefined) {
            return (frame) => {
                frame.line = line;
                frame.locals[slot] = value(frame);
                return NORMAL;
            };
        }
        return (frame) => {
            frame.line = line;
            assign(frame, value(frame));
            return NORMAL;
        };
    }

    private assignmentTarget(context: ApexGrammar.AssignExpressionContext): {
        target: Expr;
        assign: NonNullable<Expr['assign']>;
        valueContext: ApexGrammar.ExpressionContext;
    } {
        const [targetContext, valueContext] = context.expression_list();
        if (!targetContext || !valueContext) {
            return this.fail(context, 'an incomplete assignment');
        }
        const target = this.expression(targetContext);
        if (target.unassignable !== undefined) {
            return this.fail(context, target.unassignable);
        }
        const assign = target.assign;
        if (!assign) {
            return this.fail(context, `Expression cannot be assigned: ${targetContext.getText()}`);
        }
        return { target, assign, valueContext };
    }

    private assignment(context: ApexGrammar.AssignExpressionContext): Expr {
        const { target, assign, valueContext } = this.assignmentTarget(context);
        const operator = context.getChild(1).getText();
        if (operator === '=') {
            const value = this.convertTo(this.expression(valueContext), target.type, context);
            const slot = target.local;
            if (slot !== undefined) {
                return {
                    type: target.type,
                    evaluate: (frame) => {
                        const result = value(frame);
                        frame.locals[slot] = result;
                        return result;
                    }
                };
            }
            return {
                type: target.type,
                evaluate: (frame) => {
                    const result = value(frame);
                    assign(frame, result);
                    return result;
                }
            };
        }
        const binaryOperator = operator.slice(0, -1);
        const value = this.expression(valueContext);
        let combined: Expr;
        if (['+', '-', '*', '/'].includes(binaryOperator)) {
            combined = this.binary(binaryOperator as '+', target, value, context);
        } else if (BIT_OPERATORS.includes(binaryOperator as BitOperator)) {
            combined = this.bitwise(binaryOperator as BitOperator, target, value, context);
        } else {
            return this.refuse(context, `the operator ${operator}`);
        }
        const convert = this.convertTo(combined, target.type, context);
        return {
            type: target.type,
            evaluate: (frame) => {
                const result = convert(frame);
                assign(frame, result);
                return result;
            }
        };
    }

    private prefix(context: ApexGrammar.PreOpExpressionContext): Expr {
        const operand = this.expression(context.expression());
        if (optional(context.INC()) || optional(context.DEC())) {
            return this.increment(operand, optional(context.INC()) ? 1 : -1, true, context);
        }
        if (numericRank(operand.type) === undefined) {
            return this.fail(
                context,
                `Arithmetic expressions must use numeric arguments: ${typeName(operand.type)}`
            );
        }
        if (optional(context.ADD())) {
            return operand;
        }
        const services = this.services;
        return {
            type: operand.type,
            evaluate: (frame) => {
                const value = operand.evaluate(frame);
                if (value === null) {
                    return services.raise('NullPointerException', NPE);
                }
                if (typeof value === 'number') {
                    return toInteger(-value);
                }
                if (typeof value === 'bigint') {
                    return toLong(-value);
                }
                if (value instanceof DoubleValue) {
                    return new DoubleValue(-value.value);
                }
                return (value as BigDecimal).negate();
            }
        };
    }

    private increment(operand: Expr, step: 1 | -1, prefix: boolean, context: Ctx): Expr {
        if (operand.unassignable !== undefined) {
            return this.fail(context, operand.unassignable);
        }
        const assign = operand.assign;
        if (!assign || numericRank(operand.type) === undefined) {
            return this.fail(context, `Expression cannot be incremented: ${context.getText()}`);
        }
        const change = arithmetic(step === 1 ? '+' : '-', operand.type, this.services);
        const one = widen(1, operand.type);
        const services = this.services;
        const slot = operand.local;
        if (slot !== undefined && isPrimitive(operand.type, 'Integer')) {
            // `i++` on an Integer variable: the loop counter, read and written in place.
            return {
                type: operand.type,
                evaluate: (frame) => {
                    const before = frame.locals[slot] ?? null;
                    if (before === null) {
                        return services.raise('NullPointerException', NPE);
                    }
                    const after = ((before as number) + step) | 0;
                    frame.locals[slot] = after;
                    return prefix ? after : before;
                }
            };
        }
        return {
            type: operand.type,
            evaluate: (frame) => {
                const before = operand.evaluate(frame);
                if (before === null) {
                    return services.raise('NullPointerException', NPE);
                }
                const after = change(before, one);
                assign(frame, after);
                return prefix ? after : before;
            }
        };
    }

    private conditional(context: ApexGrammar.CondExpressionContext): Expr {
        const [conditionContext, whenTrue, whenFalse] = context.expression_list();
        if (!conditionContext || !whenTrue || !whenFalse) {
            return this.fail(context, 'an incomplete conditional');
        }
        const condition = this.condition(conditionContext);
        const a = this.expression(whenTrue);
        const b = this.expression(whenFalse);
        const type = a.type.kind === 'null' ? b.type : (widerNumeric(a.type, b.type) ?? a.type);
        const left = this.convertTo(a, type, whenTrue);
        const right = this.convertTo(b, type, whenFalse);
        return { type, evaluate: (frame) => (condition(frame) ? left(frame) : right(frame)) };
    }

    private cast(context: ApexGrammar.CastExpressionContext): Expr {
        const type = this.resolveType(context.typeRef());
        const operand = this.expression(context.expression());
        const widened = numericRank(operand.type) !== undefined && numericRank(type) !== undefined;
        const services = this.services;
        if (widened) {
            // (Integer) 3.7, (Decimal) i: numeric conversions between the number types.
            return { type, evaluate: (frame) => convertNumber(operand.evaluate(frame), type) };
        }
        const implicit = converter(operand.type, type, services);
        if (implicit !== 'refused') {
            const evaluate = operand.evaluate;
            return { type, evaluate: implicit ? (frame) => implicit(evaluate(frame)) : evaluate };
        }
        return {
            type,
            evaluate: (frame) => {
                const value = operand.evaluate(frame);
                if (value === null || isInstanceOf(value, type)) {
                    if (isPrimitive(type, 'Id') && typeof value === 'string') {
                        return new IdValue(value);
                    }
                    return value;
                }
                return services.raise(
                    'TypeException',
                    `Invalid conversion from runtime type ${runtimeTypeName(value)} to ${typeName(type)}`
                );
            }
        };
    }

    private binary(operator: '+' | '-' | '*' | '/', left: Expr, right: Expr, context: Ctx): Expr {
        const services = this.services;
        if (
            operator === '+' &&
            (isPrimitive(left.type, 'String') || isPrimitive(right.type, 'String'))
        ) {
            // String concatenation: any value as its text, null as "null" (APEX.md §2).
            const hooks = services.renderHooks;
            return {
                type: T.string,
                evaluate: (frame) =>
                    toText(left.evaluate(frame), hooks) + toText(right.evaluate(frame), hooks)
            };
        }
        if (
            (operator === '+' || operator === '-') &&
            (isPrimitive(left.type, 'Date') || isPrimitive(left.type, 'Datetime')) &&
            numericRank(right.type) !== undefined
        ) {
            return this.extensions.dateArithmetic(this, operator, left, right, context);
        }
        const type = widerNumeric(left.type, right.type);
        if (!type) {
            return this.fail(
                context,
                `Arithmetic expressions must use numeric arguments: ${typeName(left.type)} ${operator} ${typeName(right.type)}`
            );
        }
        const apply = arithmetic(operator, type, services);
        const a = left.evaluate;
        const b = right.evaluate;
        const leftType = left.type;
        const rightType = right.type;
        const same = sameType(leftType, type) && sameType(rightType, type);
        if (same && operator !== '/' && isPrimitive(type, 'Integer')) {
            return { type, evaluate: integerArithmetic(operator, left, right, services) };
        }
        return {
            type,
            evaluate: same
                ? (frame) => {
                      const x = a(frame);
                      const y = b(frame);
                      if (x === null || y === null) {
                          return services.raise('NullPointerException', NPE);
                      }
                      return apply(x, y);
                  }
                : (frame) => {
                      const x = a(frame);
                      const y = b(frame);
                      if (x === null || y === null) {
                          return services.raise('NullPointerException', NPE);
                      }
                      return apply(widen(x, type), widen(y, type));
                  }
        };
    }

    /**
     * `&`, `|`, `^` and the shifts (DG "Expression Operators"): bit by bit on Integers and Longs
     * (a Long when either is one); `&`, `|` and `^` also join Booleans, evaluating both sides.
     * Neither side may be null. A shift moves by its count modulo the width (32 or 64 bits), as
     * in Java, which Apex runs on. [verify in an org: shift counts of the width or more]
     */
    private bitwise(operator: BitOperator, left: Expr, right: Expr, context: Ctx): Expr {
        const services = this.services;
        const a = left.evaluate;
        const b = right.evaluate;
        const operands = (frame: Frame): [Value, Value] => {
            const x = a(frame);
            const y = b(frame);
            if (x === null || y === null) {
                return services.raise('NullPointerException', NPE);
            }
            return [x, y];
        };
        const shift = operator === '<<' || operator === '>>' || operator === '>>>';
        if (!shift && isPrimitive(left.type, 'Boolean') && isPrimitive(right.type, 'Boolean')) {
            return {
                type: T.boolean,
                evaluate: (frame) => {
                    const [x, y] = operands(frame);
                    return operator === '&'
                        ? x === true && y === true
                        : operator === '|'
                          ? x === true || y === true
                          : x !== y;
                }
            };
        }
        const integral = (type: ApexType): boolean =>
            isPrimitive(type, 'Integer') || isPrimitive(type, 'Long');
        if (!integral(left.type) || !integral(right.type)) {
            return this.fail(
                context,
                `Bitwise operands must be Integer or Long: ${typeName(left.type)} ${operator} ${typeName(right.type)}`
            );
        }
        const type = shift
            ? left.type
            : isPrimitive(left.type, 'Long') || isPrimitive(right.type, 'Long')
              ? T.long
              : T.integer;
        if (isPrimitive(type, 'Integer')) {
            const apply: Record<BitOperator, (x: number, y: number) => number> = {
                '&': (x, y) => x & y,
                '|': (x, y) => x | y,
                '^': (x, y) => x ^ y,
                '<<': (x, y) => x << y,
                '>>': (x, y) => x >> y,
                '>>>': (x, y) => (x >>> y) | 0
            };
            const op = apply[operator];
            return {
                type,
                evaluate: (frame) => {
                    const [x, y] = operands(frame);
                    return op(x as number, Number(y));
                }
            };
        }
        const asLong = (value: Value): bigint =>
            typeof value === 'bigint' ? value : BigInt(value as number);
        const apply: Record<BitOperator, (x: bigint, y: bigint) => bigint> = {
            '&': (x, y) => x & y,
            '|': (x, y) => x | y,
            '^': (x, y) => x ^ y,
            '<<': (x, y) => BigInt.asIntN(64, x << (y & 63n)),
            '>>': (x, y) => x >> (y & 63n),
            '>>>': (x, y) => BigInt.asIntN(64, BigInt.asUintN(64, x) >> (y & 63n))
        };
        const op = apply[operator];
        return {
            type,
            evaluate: (frame) => {
                const [x, y] = operands(frame);
                return toLong(op(asLong(x), asLong(y)));
            }
        };
    }

    /** `<`, `<=`, `>`, `>=`: numbers, Strings (case-insensitive), dates; null rules of DG ops. */
    private comparison(context: ApexGrammar.CmpExpressionContext): Expr {
        const [leftContext, rightContext] = context.expression_list();
        if (!leftContext || !rightContext) {
            return this.fail(context, 'an incomplete comparison');
        }
        const left = this.expression(leftContext);
        const right = this.expression(rightContext);
        const orEqual = optional(context.ASSIGN()) !== undefined;
        const less = optional(context.LT()) !== undefined;
        const test = (order: number): boolean =>
            less ? (orEqual ? order <= 0 : order < 0) : orEqual ? order >= 0 : order > 0;
        const textual = isPrimitive(left.type, 'String') || isPrimitive(left.type, 'Id');
        const compare = (a: Value, b: Value): boolean => {
            if (a === null || b === null) {
                if (textual) {
                    // A non-null String is greater than null (DG ops).
                    return test(a === b ? 0 : a === null ? -1 : 1);
                }
                return false;
            }
            return test(compareValues(a, b));
        };
        const order: Order = less ? (orEqual ? '<=' : '<') : orEqual ? '>=' : '>';
        const a = left.evaluate;
        const b = right.evaluate;
        const slot = left.local;
        const constant = right.constant;
        // Two Integers compare as numbers; the closures that read a variable and a literal in
        // place are for the loop condition `i < 100`.
        if (slot !== undefined && typeof constant === 'number') {
            return booleanOf((frame) => {
                const x = frame.locals[slot] ?? null;
                return typeof x === 'number' ? ordered(order, x, constant) : compare(x, constant);
            });
        }
        return booleanOf((frame) => {
            const x = a(frame);
            const y = b(frame);
            return typeof x === 'number' && typeof y === 'number'
                ? ordered(order, x, y)
                : compare(x, y);
        });
    }

    private equality(context: ApexGrammar.EqualityExpressionContext): Expr {
        const [leftContext, rightContext] = context.expression_list();
        if (!leftContext || !rightContext) {
            return this.fail(context, 'an incomplete comparison');
        }
        const left = this.expression(leftContext);
        const right = this.expression(rightContext);
        const hooks = this.services.equalityHooks;
        if (optional(context.TRIPLEEQUAL()) || optional(context.TRIPLENOTEQUAL())) {
            const negate = optional(context.TRIPLENOTEQUAL()) !== undefined;
            return {
                type: T.boolean,
                evaluate: (frame) => (left.evaluate(frame) === right.evaluate(frame)) !== negate
            };
        }
        const negate = optional(context.EQUAL()) === undefined;
        const a = left.evaluate;
        const b = right.evaluate;
        // Two Integers are equal when they are the same number, as apexEquals decides.
        return booleanOf((frame) => {
            const x = a(frame);
            const y = b(frame);
            return (
                (typeof x === 'number' && typeof y === 'number'
                    ? x === y
                    : apexEquals(x, y, hooks)) !== negate
            );
        });
    }
}

/** Namespaces whose classes are named through them: `System.debug`, `Database.insert`. */
const NAMESPACES = new Set([
    'system',
    'database',
    'schema',
    'test',
    'auth',
    'messaging',
    'connectapi'
]);

/** A call site of a platform method, one per call in the code, its frame set for each run. */
type MutableSite = { -readonly [K in keyof CallSite]: CallSite[K] };

/** Runs a platform method with its call site's frame set to the caller's while it runs. */
function callPlatform(
    method: PlatformMethod,
    self: Value,
    args: Value[],
    site: MutableSite,
    frame: Frame
): Value {
    const outer = site.frame;
    site.frame = frame;
    try {
        return method.invoke(self, args, site);
    } finally {
        site.frame = outer;
    }
}

/** A Boolean expression that is never null: a condition takes its value as it is. */
function booleanOf(test: (frame: Frame) => boolean): Expr {
    return { type: T.boolean, evaluate: test, test };
}

type Order = '<' | '<=' | '>' | '>=';

function ordered(order: Order, a: number, b: number): boolean {
    switch (order) {
        case '<':
            return a < b;
        case '<=':
            return a <= b;
        case '>':
            return a > b;
        default:
            return a >= b;
    }
}

/** `+`, `-` or `*` of two Integers: 32-bit, wrapping around on overflow. */
function integerResult(operator: '+' | '-' | '*', a: number, b: number): number {
    switch (operator) {
        case '+':
            return (a + b) | 0;
        case '-':
            return (a - b) | 0;
        default:
            return Math.imul(a, b);
    }
}

/**
 * Integer `+`, `-` and `*` with both operands Integers, a null one dereferenced: a variable or
 * a literal operand is read in place rather than through its closure.
 */
function integerArithmetic(
    operator: '+' | '-' | '*',
    left: Expr,
    right: Expr,
    services: ApexServices
): (frame: Frame) => Value {
    const a = left.evaluate;
    const b = right.evaluate;
    const slot = left.local;
    const constant = right.constant;
    if (typeof constant === 'number') {
        if (slot !== undefined) {
            return (frame) => {
                const x = frame.locals[slot] ?? null;
                if (x === null) {
                    return services.raise('NullPointerException', NPE);
                }
                return integerResult(operator, x as number, constant);
            };
        }
        return (frame) => {
            const x = a(frame);
            if (x === null) {
                return services.raise('NullPointerException', NPE);
            }
            return integerResult(operator, x as number, constant);
        };
    }
    const rightSlot = right.local;
    if (rightSlot !== undefined) {
        return (frame) => {
            const x = a(frame);
            const y = frame.locals[rightSlot] ?? null;
            if (x === null || y === null) {
                return services.raise('NullPointerException', NPE);
            }
            return integerResult(operator, x as number, y as number);
        };
    }
    return (frame) => {
        const x = a(frame);
        const y = b(frame);
        if (x === null || y === null) {
            return services.raise('NullPointerException', NPE);
        }
        return integerResult(operator, x as number, y as number);
    };
}

/** The elements of a List, or a NullPointerException for a null one. */
function itemsOf(list: Value, services: ApexServices): Value[] {
    if (list === null) {
        return services.raise('NullPointerException', NPE);
    }
    return (list as ListValue).items;
}

/** An index into a List's elements, checked: null dereferenced, out of bounds a ListException. */
function position(items: readonly Value[], index: Value, services: ApexServices): number {
    if (index === null) {
        return services.raise('NullPointerException', NPE);
    }
    if ((index as number) < 0 || (index as number) >= items.length) {
        return services.raise('ListException', `List index out of bounds: ${index as number}`);
    }
    return index as number;
}

/** Statements one after the other; with a line (a block's), the frame's line is set first. */
function sequence(statements: readonly Stmt[], line?: number): Stmt {
    const [first, second] = statements;
    if (line === undefined) {
        if (first && statements.length === 1) {
            return first;
        }
        return (frame) => run(statements, frame);
    }
    if (!first) {
        return (frame) => {
            frame.line = line;
            return NORMAL;
        };
    }
    if (statements.length === 1) {
        return (frame) => {
            frame.line = line;
            return first(frame);
        };
    }
    if (second && statements.length === 2) {
        return (frame) => {
            frame.line = line;
            const completion = first(frame);
            return completion === NORMAL ? second(frame) : completion;
        };
    }
    return (frame) => {
        frame.line = line;
        return run(statements, frame);
    };
}

function run(statements: readonly Stmt[], frame: Frame): Completion {
    for (let index = 0; index < statements.length; index++) {
        const completion = (statements[index] as Stmt)(frame);
        if (completion !== NORMAL) {
            return completion;
        }
    }
    return NORMAL;
}

function chunk(list: ListValue, size: number): ListValue[] {
    const chunks: ListValue[] = [];
    for (let start = 0; start < list.items.length; start += size) {
        chunks.push(new ListValue(list.elementType, list.items.slice(start, start + size)));
    }
    return chunks;
}

/** The value of a string literal: its escapes (`\n`, `\'`, `\\`, `\u00e9`) resolved. */
export function unescapeString(literal: string): string {
    const body = literal.slice(1, -1);
    return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_match, escape: string) => {
        if (escape.startsWith('u') && escape.length === 5) {
            return String.fromCharCode(parseInt(escape.slice(1), 16));
        }
        const map: Record<string, string> = {
            b: '\b',
            t: '\t',
            n: '\n',
            f: '\f',
            r: '\r',
            '"': '"',
            "'": "'",
            '\\': '\\'
        };
        return map[escape] ?? escape;
    });
}

/**
 * A literal: Integer (a compile error beyond its range), Long (`L`), a number with a decimal
 * point as a Decimal keeping its scale (a `d` suffix makes a Double), a String, a Boolean, null.
 */
function literal(context: ApexGrammar.LiteralContext, error: (reason: string) => never): Expr {
    const integer = optional(context.IntegerLiteral());
    if (integer) {
        const value = Number(integer.getText());
        if (value > 2147483647) {
            error(`Illegal integer: ${integer.getText()}`);
        }
        return { type: T.integer, constant: value, evaluate: () => value };
    }
    const long = optional(context.LongLiteral());
    if (long) {
        const value = BigInt(long.getText().replace(/l$/i, ''));
        return { type: T.long, evaluate: () => value };
    }
    const number = optional(context.NumberLiteral());
    if (number) {
        const text = number.getText();
        if (/d$/i.test(text)) {
            const value = new DoubleValue(Number(text.slice(0, -1)));
            return { type: T.double, evaluate: () => value };
        }
        const value = Big(text);
        return { type: T.decimal, evaluate: () => value };
    }
    const text = optional(context.StringLiteral()) ?? optional(context.MultilineStringLiteral());
    if (text) {
        const value = unescapeString(text.getText());
        return { type: T.string, evaluate: () => value };
    }
    const bool = optional(context.BooleanLiteral());
    if (bool) {
        const value = bool.getText().toLowerCase() === 'true';
        return { type: T.boolean, evaluate: () => value };
    }
    return { type: T.null, evaluate: () => null };
}

/** An explicit numeric cast: `(Integer) 3.7` truncates, `(Decimal) 2` widens, and so on. */
function convertNumber(value: Value, to: ApexType): Value {
    if (value === null || to.kind !== 'primitive') {
        return value;
    }
    const decimal = asDecimal(value);
    if (decimal === undefined) {
        return value;
    }
    switch (to.name) {
        case 'Integer':
            return toInteger(Number(decimal.toBigInt()));
        case 'Long':
            return toLong(decimal.toBigInt());
        case 'Double':
            return new DoubleValue(decimal.numberValue());
        default:
            return decimal;
    }
}
