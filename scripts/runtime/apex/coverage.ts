import { ApexGrammar, optional, parseApex } from '../../project/apex';

/**
 * Line coverage of the project's Apex, counted as Salesforce counts it.
 *
 * - Coverage is "the number of covered lines divided by the sum of the number of covered lines
 *   and uncovered lines. Only executable lines of code are included": comments and blank lines
 *   are not counted, nor are `System.debug()` statements, nor curly braces alone on a line
 *   (DG "Testing and Code Coverage"). Declarations of classes, methods and constructors are no
 *   statements, so their lines are not executable either.
 * - "Test methods and test classes aren't counted as part of Apex code coverage" (DG "Testing
 *   Best Practices"): a class annotated @IsTest has no executable lines, nor has an @IsTest
 *   (or `testMethod`) method of another class.
 * - A statement written on several lines counts each line "that contains an expression", not
 *   only its first (Summer '15 release notes, "New Code Coverage Calculation for Multiline
 *   Statements"). Here a line is executable when a statement starts on it or an expression of
 *   the statement (outside its nested statements) starts on it. The release notes also say that
 *   the lines of a condition that short-circuiting leaves unevaluated stay uncovered; the
 *   embedded org records a statement's lines when the statement starts, so it counts them
 *   covered — the one documented difference.
 * - A file's inner classes count toward its top-level class: coverage is kept per file, as the
 *   platform keeps it per top-level class (Tooling API "ApexCodeCoverage": one row per class or
 *   trigger, with its covered and uncovered line numbers).
 *
 * Cases the documentation leaves open, chosen here:
 * - A field's initializer is executable on the lines of its expression, covered when the class
 *   (static) or an instance is initialized; a field without one is not executable.
 *   [verify in an org: field declarations with and without initializers]
 * - Property accessors: the statements of an accessor's body count; `{ get; set; }` without
 *   bodies does not. [verify in an org: automatic property accessors]
 * - `else`, `try`, `catch (...)`, `finally` and `do` lines, and a switch's `when ...` lines, hold
 *   no expression and are not executable; the `while (...)` of a do-while is, and so is
 *   `switch on x`. [verify in an org: else, try/catch/finally, do and when lines]
 * - A local declaration without an initializer (`Integer count;`) is a statement and counts.
 *   [verify in an org: local declarations without an initializer]
 */

/** A source file of the project: its path from the project root and its text. */
export interface CoverageSource {
    readonly file: string;
    readonly text: string;
}

/** What the run covered of one class: its executable lines and how often each ran. */
export interface FileCoverage {
    /** The file's path from the project root (`force-app/main/default/classes/Foo.cls`). */
    readonly file: string;
    /** The top-level class (or trigger) the file declares. */
    readonly className: string;
    /** Each executable line, in order, with the number of times it ran (0: uncovered). */
    readonly lines: ReadonlyMap<number, number>;
}

/** Bumps the counts of the lines of one statement or initializer; called as it runs. */
export type LineCounter = () => void;

type Context = ApexGrammar.ApexParserRuleContext;

const isRule = (node: ApexGrammar.ApexParseTree): node is Context => !('symbol' in node);

const childRules = (context: Context): Context[] =>
    (optional(context.children) ?? []).filter(isRule);

/**
 * The parts of a statement that are statements of their own, or hold no expression: their
 * lines are not the statement's.
 */
const isNested = (context: Context): boolean =>
    context instanceof ApexGrammar.StatementContext ||
    context instanceof ApexGrammar.BlockContext ||
    context instanceof ApexGrammar.CatchClauseContext ||
    context instanceof ApexGrammar.FinallyBlockContext ||
    context instanceof ApexGrammar.WhenControlContext;

/** `System.debug(...)`, which coverage does not count (DG "Testing and Code Coverage"). */
function isSystemDebug(statement: ApexGrammar.StatementContext): boolean {
    const expression = optional(optional(statement.expressionStatement())?.expression());
    if (!(expression instanceof ApexGrammar.DotExpressionContext)) {
        return false;
    }
    const call = optional(expression.dotMethodCall());
    return (
        call !== undefined &&
        optional(expression.expression())?.getText().toLowerCase() === 'system' &&
        call.anyId().getText().toLowerCase() === 'debug'
    );
}

/** Adds the first line of every expression under a context, its nested statements aside. */
function addExpressionLines(context: Context, lines: Set<number>): void {
    for (const child of childRules(context)) {
        if (isNested(child)) {
            continue;
        }
        if (child instanceof ApexGrammar.ExpressionContext) {
            lines.add(child.start.line);
        }
        addExpressionLines(child, lines);
    }
}

/**
 * The executable lines of one statement, in order: the line it starts on (unless it starts with
 * a brace, `try` or `do`) and each line one of its own expressions starts on. Empty for
 * `System.debug(...)` and for a block.
 */
export function statementLines(statement: ApexGrammar.StatementContext): readonly number[] {
    if (isSystemDebug(statement)) {
        return [];
    }
    const lines = new Set<number>();
    const structural =
        optional(statement.block()) ??
        optional(statement.tryStatement()) ??
        optional(statement.doWhileStatement());
    if (!structural) {
        lines.add(statement.start.line);
    }
    addExpressionLines(statement, lines);
    return [...lines].sort((a, b) => a - b);
}

/** The executable lines of a field's initializer: each line one of its expressions starts on. */
export function initializerLines(initializer: ApexGrammar.ExpressionContext): readonly number[] {
    const lines = new Set<number>([initializer.start.line]);
    addExpressionLines(initializer, lines);
    return [...lines].sort((a, b) => a - b);
}

const TEST_ANNOTATION = 'istest';

/** Whether modifiers carry @IsTest or the older `testMethod` keyword (DG "Unit Test Methods"). */
function isTestDeclaration(modifiers: readonly ApexGrammar.ModifierContext[]): boolean {
    return modifiers.some((modifier) => {
        const annotation = optional(modifier.annotation());
        return annotation
            ? annotation.id().getText().toLowerCase() === TEST_ANNOTATION
            : modifier.getText().toLowerCase() === 'testmethod';
    });
}

/** The top-level declaration of a class file, and whether it is a test class. */
function topLevel(tree: ApexGrammar.CompilationUnitContext): {
    name: string | undefined;
    isTest: boolean;
} {
    const declaration = optional(tree.typeDeclaration());
    if (!declaration) {
        return { name: undefined, isTest: false };
    }
    const named =
        optional(declaration.classDeclaration()) ??
        optional(declaration.interfaceDeclaration()) ??
        optional(declaration.enumDeclaration());
    return {
        name: optional(named?.id())?.getText(),
        isTest: isTestDeclaration(declaration.modifier_list())
    };
}

/**
 * The lines Salesforce counts as coverable in a parsed class or trigger, in order (see the
 * rules at the top of this file): none for a test class.
 */
export function executableLines(
    tree: ApexGrammar.CompilationUnitContext | ApexGrammar.TriggerUnitContext
): readonly number[] {
    if (tree instanceof ApexGrammar.CompilationUnitContext && topLevel(tree).isTest) {
        return [];
    }
    const lines = new Set<number>();
    const visit = (context: Context): void => {
        if (
            context instanceof ApexGrammar.ClassBodyDeclarationContext &&
            optional(optional(context.memberDeclaration())?.methodDeclaration()) &&
            isTestDeclaration(context.modifier_list())
        ) {
            return;
        }
        if (context instanceof ApexGrammar.StatementContext) {
            statementLines(context).forEach((line) => lines.add(line));
        } else if (context instanceof ApexGrammar.FieldDeclarationContext) {
            for (const declarator of context.variableDeclarators().variableDeclarator_list()) {
                const initializer = optional(declarator.expression());
                if (initializer) {
                    initializerLines(initializer).forEach((line) => lines.add(line));
                }
            }
            return;
        }
        childRules(context).forEach(visit);
    };
    visit(tree);
    return [...lines].sort((a, b) => a - b);
}

/** The name of the class or trigger a file declares, from its text or else its file name. */
function declaredName(
    tree: ApexGrammar.CompilationUnitContext | ApexGrammar.TriggerUnitContext,
    file: string
): string {
    const written =
        tree instanceof ApexGrammar.CompilationUnitContext
            ? topLevel(tree).name
            : optional(tree.id(0))?.getText();
    return written ?? (file.split('/').pop() ?? file).replace(/\.(cls|trigger)$/i, '');
}

/**
 * Counts how often each line of the project's Apex runs. The compiler asks it for a counter for
 * each statement and field initializer it compiles, only when coverage is on, so that a run
 * without coverage pays nothing; the counters bump the lines `executableLines` counts.
 */
export class CoverageRecorder {
    private readonly counts = new Map<string, Map<number, number>>();

    /** The counter of a statement of `file`, or undefined when it has no executable line. */
    public statement(
        file: string,
        statement: ApexGrammar.StatementContext
    ): LineCounter | undefined {
        return this.counter(file, statementLines(statement));
    }

    /** The counter of a field's initializer in `file`. */
    public initializer(
        file: string,
        initializer: ApexGrammar.ExpressionContext
    ): LineCounter | undefined {
        return this.counter(file, initializerLines(initializer));
    }

    private counter(file: string, lines: readonly number[]): LineCounter | undefined {
        if (lines.length === 0) {
            return undefined;
        }
        let counts = this.counts.get(file);
        if (!counts) {
            counts = new Map();
            this.counts.set(file, counts);
        }
        const target = counts;
        return () => {
            for (const line of lines) {
                target.set(line, (target.get(line) ?? 0) + 1);
            }
        };
    }

    /** The lines of a file that ran, with how many times each did. */
    public hits(file: string): ReadonlyMap<number, number> {
        return this.counts.get(file) ?? new Map();
    }

    /**
     * Forgets every count, for a run that starts over. Code compiled before keeps its counters,
     * which hold the maps of their files: the maps are emptied, not replaced.
     */
    public reset(): void {
        for (const counts of this.counts.values()) {
            counts.clear();
        }
    }

    /**
     * The coverage of each class of the project that has executable lines (test classes,
     * interfaces and classes of declarations only have none), in the order of `sources`.
     */
    public report(sources: readonly CoverageSource[]): FileCoverage[] {
        const report: FileCoverage[] = [];
        for (const source of sources) {
            const parsed = parseApex(source.text, source.file);
            const executable = executableLines(parsed.tree);
            if (executable.length === 0) {
                continue;
            }
            const hits = this.hits(source.file);
            report.push({
                file: source.file,
                className: declaredName(parsed.tree, source.file),
                lines: new Map(executable.map((line) => [line, hits.get(line) ?? 0]))
            });
        }
        return report;
    }
}
