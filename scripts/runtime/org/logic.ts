import { MESSAGES } from '../messages';

/** A condition logic: `and`, `or`, or custom logic such as `1 AND (2 OR NOT 3)`. */
export type LogicNode =
    | { readonly kind: 'condition'; readonly index: number }
    | { readonly kind: 'and' | 'or'; readonly items: readonly LogicNode[] }
    | { readonly kind: 'not'; readonly item: LogicNode };

/**
 * Parses filterLogic / conditionLogic for `count` conditions. Missing logic means AND, as the
 * platform does for filters without a filterLogic. Throws an Error with a message naming the
 * problem; callers add the place.
 */
export function parseLogic(text: string | undefined, count: number): LogicNode {
    const all = Array.from({ length: count }, (_, index): LogicNode => ({
        kind: 'condition',
        index
    }));
    const normalized = (text ?? 'and').trim().toLowerCase();
    if (normalized === 'and' || normalized === 'or') {
        return { kind: normalized, items: all };
    }
    const tokens = normalized.match(/\d+|and|or|not|\(|\)|\S/g) ?? [];
    let position = 0;
    const peek = (): string | undefined => tokens[position];
    const fail = (): never => {
        throw new Error(MESSAGES.badLogic(text ?? '', count));
    };
    const primary = (): LogicNode => {
        const token = tokens[position++];
        if (token === '(') {
            const inner = expression();
            if (tokens[position++] !== ')') {
                fail();
            }
            return inner;
        }
        if (token === 'not') {
            return { kind: 'not', item: primary() };
        }
        const number = Number(token);
        if (!Number.isInteger(number) || number < 1 || number > count) {
            return fail();
        }
        return { kind: 'condition', index: number - 1 };
    };
    const chain = (operator: 'and' | 'or', next: () => LogicNode) => (): LogicNode => {
        const items = [next()];
        while (peek() === operator) {
            position++;
            items.push(next());
        }
        return items.length === 1 && items[0] ? items[0] : { kind: operator, items };
    };
    const expression = chain('or', chain('and', primary));
    const tree = expression();
    if (position !== tokens.length) {
        fail();
    }
    return tree;
}

/** Evaluates the logic; `test` is called at most once per condition, lazily. */
export function evaluateLogic(node: LogicNode, test: (index: number) => boolean): boolean {
    switch (node.kind) {
        case 'condition':
            return test(node.index);
        case 'and':
            return node.items.every((item) => evaluateLogic(item, test));
        case 'or':
            return node.items.some((item) => evaluateLogic(item, test));
        case 'not':
            return !evaluateLogic(node.item, test);
    }
}
