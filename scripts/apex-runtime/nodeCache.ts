// Per-parse-node memos. A parse tree never changes once parsed, yet the interpreter asks the same node the
// same questions on every evaluation: antlr's typed accessors scan the children with `instanceof` each
// call, and `getText()` re-joins the subtree's tokens into a new string. Each answer is computed once per
// node here and kept in a WeakMap, so a class the registry drops takes its answers with it.
import { ExpressionContext, ExpressionListContext } from '@apexdevtools/apex-parser';

/** What the runtime asks of any parse node (a rule context or a token). */
interface ParseTree {
    getText(): string;
}

interface RuleNode extends ParseTree {
    getChildCount(): number;
    getChild(i: number): ParseTree | null;
}

/** Memoises `compute(node)` in `cache`; `undefined` is never cached, so compute must not return it. */
export function memo<N extends object, V>(cache: WeakMap<N, V>, node: N, compute: (node: N) => V): V {
    let value = cache.get(node);
    if (value === undefined) {
        value = compute(node);
        cache.set(node, value);
    }
    return value;
}

const texts = new WeakMap<ParseTree, string>();
const lowerTexts = new WeakMap<ParseTree, string>();

/** The node's text as written (`getText()`), joined once. */
export function textOf(node: ParseTree): string {
    return memo(texts, node, (n) => n.getText());
}

/** The node's text lower-cased: how the runtime names identifiers, which Apex reads without regard to case. */
export function lowerTextOf(node: ParseTree): string {
    return memo(lowerTexts, node, (n) => textOf(n).toLowerCase());
}

const operandLists = new WeakMap<ExpressionContext, ExpressionContext[]>();

/** An expression's direct sub-expressions in order (`expression(0)`, `expression(1)`, …). */
export function operandsOf(expression: ExpressionContext): ExpressionContext[] {
    return memo(operandLists, expression, (node) =>
        ((node.children ?? []) as unknown[]).filter(
            (child): child is ExpressionContext => child instanceof ExpressionContext
        )
    );
}

const childTexts = new WeakMap<RuleNode, string[]>();

/** The text of each direct child: where an operator sits between operands (`a <= b` → `['a', '<', '=', 'b']`). */
export function childTextsOf(node: RuleNode): string[] {
    return memo(childTexts, node, (n) => {
        const texts: string[] = [];
        for (let i = 0; i < n.getChildCount(); i++) texts.push(n.getChild(i)?.getText() ?? '');
        return texts;
    });
}

const argumentLists = new WeakMap<ExpressionListContext, ExpressionContext[]>();
const NO_ARGUMENTS: ExpressionContext[] = [];

/** The expressions of an argument list; an absent list (`f()`) has none. */
export function argumentsOf(list: ExpressionListContext | null | undefined): ExpressionContext[] {
    if (!list) return NO_ARGUMENTS;
    return memo(argumentLists, list, (node) => node.expression_list());
}
