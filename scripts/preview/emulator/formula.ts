// Evaluates Salesforce formula expressions (the subset our validation rules use) so the preview's
// org emulator enforces the objects' own validation rules, read from their metadata — one definition.
// Supported: literals, field paths, + - * / & = == <> != < <= > >= && ||, AND OR NOT IF ISBLANK
// ISNULL BLANKVALUE ISPICKVAL TEXT LEN TODAY NOW ISNEW ISCHANGED PRIORVALUE ABS MIN MAX CONTAINS BEGINS.

export type FormulaValue = string | number | boolean | null;

export interface FormulaContext {
    /** A field's value by API name (or relationship path), null when blank. */
    field(path: string): FormulaValue;
    /** The value before this change, for PRIORVALUE / ISCHANGED; undefined on insert. */
    prior(path: string): FormulaValue | undefined;
    isNew: boolean;
    today: string;
    /** NOW(): an ISO date-time; the moment of evaluation when not given */
    now?: string;
}

type Node =
    | { kind: 'literal'; value: FormulaValue }
    | { kind: 'field'; path: string }
    | { kind: 'call'; name: string; args: Node[] }
    | { kind: 'unary'; op: string; operand: Node }
    | { kind: 'binary'; op: string; left: Node; right: Node };

interface Token {
    type: 'num' | 'str' | 'id' | 'op' | 'paren' | 'comma' | 'end';
    text: string;
}

function tokenize(source: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < source.length) {
        const char = source[i]!;
        if (/\s/.test(char)) {
            i++;
        } else if (source.startsWith('/*', i)) {
            i = source.indexOf('*/', i) + 2;
        } else if (/[0-9.]/.test(char)) {
            const match = /^\d*\.?\d+/.exec(source.slice(i))!;
            tokens.push({ type: 'num', text: match[0] });
            i += match[0].length;
        } else if (char === '"' || char === "'") {
            let j = i + 1;
            let text = '';
            while (j < source.length && source[j] !== char) {
                if (source[j] === '\\') j++;
                text += source[j];
                j++;
            }
            tokens.push({ type: 'str', text });
            i = j + 1;
        } else if (/[A-Za-z_$]/.test(char)) {
            const match = /^[A-Za-z_$][\w$.]*/.exec(source.slice(i))!;
            tokens.push({ type: 'id', text: match[0] });
            i += match[0].length;
        } else if (char === '(' || char === ')') {
            tokens.push({ type: 'paren', text: char });
            i++;
        } else if (char === ',') {
            tokens.push({ type: 'comma', text: char });
            i++;
        } else {
            const op =
                ['<=', '>=', '<>', '!=', '==', '&&', '||'].find((candidate) =>
                    source.startsWith(candidate, i)
                ) ?? char;
            if (!'+-*/&=<>!^'.includes(op[0]!)) throw new Error(`unexpected "${char}" in formula`);
            tokens.push({ type: 'op', text: op });
            i += op.length;
        }
    }
    tokens.push({ type: 'end', text: '' });
    return tokens;
}

const PRECEDENCE: Record<string, number> = {
    '||': 1,
    '&&': 2,
    '=': 3,
    '==': 3,
    '<>': 3,
    '!=': 3,
    '<': 4,
    '<=': 4,
    '>': 4,
    '>=': 4,
    '&': 5,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
    '^': 7
};

/** Parses a formula into a tree; throws on syntax it does not know. */
export function parseFormula(source: string): Node {
    const tokens = tokenize(source);
    let position = 0;
    const peek = (): Token => tokens[position]!;
    const next = (): Token => tokens[position++]!;
    const expect = (text: string): void => {
        const token = next();
        if (token.text !== text) throw new Error(`expected "${text}" but found "${token.text}"`);
    };
    const primary = (): Node => {
        const token = next();
        if (token.type === 'num') return { kind: 'literal', value: Number(token.text) };
        if (token.type === 'str') return { kind: 'literal', value: token.text };
        if (token.type === 'op' && (token.text === '-' || token.text === '!')) {
            return { kind: 'unary', op: token.text, operand: expression(7) };
        }
        if (token.type === 'paren' && token.text === '(') {
            const inner = expression(0);
            expect(')');
            return inner;
        }
        if (token.type === 'id') {
            const upper = token.text.toUpperCase();
            if (peek().text === '(') {
                next();
                const args: Node[] = [];
                while (peek().text !== ')') {
                    args.push(expression(0));
                    if (peek().type === 'comma') next();
                    else break;
                }
                expect(')');
                return { kind: 'call', name: upper, args };
            }
            if (upper === 'TRUE') return { kind: 'literal', value: true };
            if (upper === 'FALSE') return { kind: 'literal', value: false };
            if (upper === 'NULL') return { kind: 'literal', value: null };
            return { kind: 'field', path: token.text };
        }
        throw new Error(`unexpected "${token.text}" in formula`);
    };
    const expression = (minPrecedence: number): Node => {
        let left = primary();
        for (;;) {
            const token = peek();
            const precedence = token.type === 'op' ? PRECEDENCE[token.text] : undefined;
            if (precedence === undefined || precedence < minPrecedence) break;
            next();
            const right = expression(precedence + 1);
            left = { kind: 'binary', op: token.text, left, right };
        }
        return left;
    };
    const tree = expression(0);
    if (peek().type !== 'end') throw new Error(`unexpected "${peek().text}" after the formula`);
    return tree;
}

const isBlank = (value: FormulaValue | undefined): boolean =>
    value === null || value === undefined || value === '';

function compare(op: string, left: FormulaValue, right: FormulaValue): boolean | null {
    if (op === '=' || op === '==') return (left ?? '') === (right ?? '');
    if (op === '<>' || op === '!=') return (left ?? '') !== (right ?? '');
    if (left === null || right === null) return null;
    switch (op) {
        case '<':
            return left < right;
        case '<=':
            return left <= right;
        case '>':
            return left > right;
        default:
            return left >= right;
    }
}

function evaluateNode(node: Node, context: FormulaContext): FormulaValue {
    switch (node.kind) {
        case 'literal':
            return node.value;
        case 'field':
            return context.field(node.path);
        case 'unary': {
            const value = evaluateNode(node.operand, context);
            if (node.op === '!') return !value;
            return value === null ? null : -Number(value);
        }
        case 'binary': {
            if (node.op === '&&')
                return (
                    Boolean(evaluateNode(node.left, context)) && Boolean(evaluateNode(node.right, context))
                );
            if (node.op === '||')
                return (
                    Boolean(evaluateNode(node.left, context)) || Boolean(evaluateNode(node.right, context))
                );
            const left = evaluateNode(node.left, context);
            const right = evaluateNode(node.right, context);
            if (node.op === '&') return `${left ?? ''}${right ?? ''}`;
            if (['=', '==', '<>', '!=', '<', '<=', '>', '>='].includes(node.op))
                return compare(node.op, left, right);
            if (left === null || right === null) return null;
            const a = Number(left);
            const b = Number(right);
            if (node.op === '+') return a + b;
            if (node.op === '-') return a - b;
            if (node.op === '*') return a * b;
            if (node.op === '^') return a ** b;
            return b === 0 ? null : a / b;
        }
        case 'call':
            return callFunction(node, context);
    }
}

function callFunction(node: Extract<Node, { kind: 'call' }>, context: FormulaContext): FormulaValue {
    const arg = (index: number): FormulaValue => evaluateNode(node.args[index]!, context);
    const fieldPath = (index: number): string => {
        const target = node.args[index];
        if (target?.kind !== 'field') throw new Error(`${node.name} needs a field`);
        return target.path;
    };
    switch (node.name) {
        case 'AND':
            return node.args.every((_, index) => Boolean(arg(index)));
        case 'OR':
            return node.args.some((_, index) => Boolean(arg(index)));
        case 'NOT':
            return !arg(0);
        case 'IF':
            return arg(0) ? arg(1) : arg(2);
        case 'ISBLANK':
        case 'ISNULL':
            return isBlank(arg(0));
        case 'BLANKVALUE':
        case 'NULLVALUE':
            return isBlank(arg(0)) ? arg(1) : arg(0);
        case 'ISPICKVAL':
            return (arg(0) ?? '') === (arg(1) ?? '');
        case 'TEXT':
            return arg(0) === null ? '' : String(arg(0));
        case 'LEN':
            return String(arg(0) ?? '').length;
        case 'TODAY':
            return context.today;
        case 'NOW':
            return context.now ?? new Date().toISOString();
        case 'ISNEW':
            return context.isNew;
        case 'ISCHANGED':
            return !context.isNew && (context.prior(fieldPath(0)) ?? null) !== context.field(fieldPath(0));
        case 'PRIORVALUE':
            return context.prior(fieldPath(0)) ?? null;
        case 'ABS':
            return arg(0) === null ? null : Math.abs(Number(arg(0)));
        case 'MIN':
            return Math.min(...node.args.map((_, index) => Number(arg(index))));
        case 'MAX':
            return Math.max(...node.args.map((_, index) => Number(arg(index))));
        case 'CONTAINS':
            return String(arg(0) ?? '').includes(String(arg(1) ?? ''));
        case 'BEGINS':
            return String(arg(0) ?? '').startsWith(String(arg(1) ?? ''));
        default:
            throw new Error(`formula function ${node.name} is not supported by the preview`);
    }
}

/** Evaluates a parsed formula; a validation rule fires when this is true. */
export function evaluateFormula(tree: Node, context: FormulaContext): FormulaValue {
    return evaluateNode(tree, context);
}

export type FormulaTree = Node;
