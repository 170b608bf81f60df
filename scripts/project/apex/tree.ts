import type { ApexParseTree, ApexParserRuleContext, ApexToken } from './grammar';
import type { ApexName, SourcePosition } from './types';

/**
 * An optional child of a context. The generated accessors (`ctx.block()`) are declared as always
 * returning their child but return null when the grammar's optional part is absent, or when a
 * syntax error lost it.
 */
export function optional<T>(child: T | null | undefined): T | undefined {
    return child ?? undefined;
}

/** A context's children, empty for a context a syntax error left without any. */
export function childrenOf(context: ApexParserRuleContext): readonly ApexParseTree[] {
    return optional(context.children) ?? [];
}

export function positionOf(token: ApexToken): SourcePosition {
    return { line: token.line, column: token.column + 1 };
}

/** A name and where it starts; empty for a name a syntax error lost. */
export function nameOf(context: ApexParserRuleContext | null | undefined): ApexName {
    if (!context) {
        return { name: '', line: 0, column: 0 };
    }
    return { name: context.getText(), ...positionOf(context.start) };
}

/**
 * The source text of a context as written, comments and all, with every run of white space
 * collapsed to one space: `Map<String, Object>` where the tree's own text is `Map<String,Object>`.
 */
export function sourceOf(context: ApexParserRuleContext | null | undefined): string {
    const stop = context?.stop;
    if (!context || !stop || stop.stop < context.start.start) {
        return '';
    }
    return context.start
        .getInputStream()
        .getText(context.start.start, stop.stop)
        .replace(/\s+/g, ' ');
}

/** The text of a context's tokens, one space between them: `with sharing`, `before insert`. */
export function wordsOf(context: ApexParserRuleContext): string {
    return childrenOf(context)
        .map((child) => child.getText())
        .join(' ');
}

/** Whether a node of the tree is a rule's context rather than a token. */
export function isRule(node: ApexParseTree): node is ApexParserRuleContext {
    return !('symbol' in node);
}

/**
 * Visits the rule contexts of a tree depth-first in source order; `visit` returns false to skip
 * what lies below a context.
 */
export function walk(
    node: ApexParseTree,
    visit: (context: ApexParserRuleContext) => boolean
): void {
    if (isRule(node) && visit(node)) {
        for (const child of childrenOf(node)) {
            walk(child, visit);
        }
    }
}
