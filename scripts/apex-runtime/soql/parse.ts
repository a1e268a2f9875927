// Turns the parser's `query` subtree into the typed SOQL tree of ast.ts. Static SOQL arrives as the
// `soqlLiteral` of a parsed class; dynamic SOQL arrives as text and goes through the same grammar rule,
// so both forms accept exactly the same language. Whatever the evaluator cannot honour is refused here,
// by name, before any row is read.
import {
    ApexErrorListener,
    ApexParserFactory,
    type BoundExpressionContext,
    type ConditionalExpressionContext,
    type DateFormulaContext,
    type FieldExpressionContext,
    type FieldNameContext,
    type LogicalExpressionContext,
    type QueryContext,
    type SoqlFunctionContext,
    type SoqlLiteralContext,
    type SubQueryContext,
    type ValueContext,
    type WhereConditionalExpressionContext,
    type WhereLogicalExpressionContext,
    IdPrimaryContext,
    PrimaryExpressionContext
} from '@apexdevtools/apex-parser';
import type {
    AggregateCall,
    AggregateFunction,
    Bind,
    ComparisonOperator,
    Condition,
    DateLiteralName,
    FieldRef,
    OrderItem,
    Origin,
    Query,
    SelectItem,
    ValueNode
} from './ast';
import { SoqlQueryError, unsupported } from './errors';

type Ctx = { start: { line: number; start: number }; stop?: { stop: number } | null; getText(): string };

/** Which form the query was written in: binds differ (Apex expressions or names in a map). */
type Form = 'static' | 'dynamic';

interface ParseState {
    form: Form;
    source: string;
    origin: Origin;
}

const AGGREGATES: Record<string, AggregateFunction> = {
    COUNT: 'COUNT',
    COUNT_DISTINCT: 'COUNT_DISTINCT',
    SUM: 'SUM',
    AVG: 'AVG',
    MIN: 'MIN',
    MAX: 'MAX'
};

const DATE_LITERALS = new Set<DateLiteralName>([
    'TODAY',
    'YESTERDAY',
    'TOMORROW',
    'LAST_WEEK',
    'THIS_WEEK',
    'NEXT_WEEK',
    'LAST_MONTH',
    'THIS_MONTH',
    'NEXT_MONTH',
    'LAST_90_DAYS',
    'NEXT_90_DAYS',
    'LAST_N_DAYS',
    'NEXT_N_DAYS',
    'N_DAYS_AGO',
    'THIS_QUARTER',
    'LAST_QUARTER',
    'NEXT_QUARTER',
    'THIS_YEAR',
    'LAST_YEAR',
    'NEXT_YEAR',
    'LAST_N_YEARS',
    'NEXT_N_YEARS',
    'THIS_FISCAL_YEAR',
    'LAST_FISCAL_YEAR',
    'NEXT_FISCAL_YEAR'
]);

/** The source text of a node as written (whitespace kept), for messages. */
function textOf(state: ParseState, ctx: Ctx): string {
    const start = ctx.start.start;
    const stop = ctx.stop?.stop ?? start;
    return state.source
        .slice(start, stop + 1)
        .replace(/\s+/g, ' ')
        .trim();
}

function lineOf(state: ParseState, ctx: Ctx): number {
    // a dynamic query's own lines mean nothing to a reader: report the Apex line that ran it
    return state.form === 'static' ? ctx.start.line : state.origin.line;
}

function refuse(state: ParseState, construct: string, ctx: Ctx): never {
    throw unsupported(`SOQL ${construct}`, state.origin.file, lineOf(state, ctx));
}

/**
 * Reads a static query: the `soqlLiteral` (`[SELECT …]`) of a class parsed with `source` as its text.
 * @param source the whole class source the parse tree was built from (for the query's own text)
 */
export function parseStaticSoql(literal: SoqlLiteralContext, source: string, file: string): Query {
    const state: ParseState = { form: 'static', source, origin: { file, line: literal.start.line } };
    return readQuery(state, literal.query());
}

/**
 * Reads dynamic SOQL (`Database.query`, `Database.queryWithBinds`). A syntax error is the platform's
 * QueryException, not a crash of the runtime.
 */
export function parseDynamicSoql(text: string, origin: Origin): Query {
    const errors: string[] = [];
    const lexable = shieldLikeEscapes(text);
    class Collector extends ApexErrorListener {
        apexSyntaxError(_line: number, column: number, message: string): void {
            errors.push(`${message} at column ${column + 1}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(lexable, new Collector());
    const tree = parser.query();
    const next = parser.getTokenStream().LA(1);
    if (!errors.length && next !== -1) {
        errors.push(`unexpected token: '${parser.getTokenStream().LT(1).text}'`);
    }
    if (errors.length) throw new SoqlQueryError(`${errors[0]} in: ${text}`);
    return readQuery({ form: 'dynamic', source: text, origin }, tree);
}

/** Stands in for the backslash of `\%` and `\_` while lexing (the same length, so offsets hold). */
const LIKE_ESCAPE = '\uE000';

/**
 * SOQL text may escape LIKE's wildcards (`'100\%'`), which Apex string literals, and so the parser's
 * lexer, do not allow; the escape is shielded while lexing and restored by `unquote`.
 */
function shieldLikeEscapes(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
        const char = text[i]!;
        const next = text[i + 1];
        if (char === '\\' && next !== undefined) {
            out += next === '%' || next === '_' ? LIKE_ESCAPE + next : char + next;
            i++;
        } else {
            out += char;
        }
    }
    return out;
}

function readQuery(state: ParseState, ctx: QueryContext): Query {
    if (ctx.usingScope()) refuse(state, 'USING SCOPE', ctx.usingScope());
    if (ctx.allRowsClause()) refuse(state, 'ALL ROWS', ctx.allRowsClause());
    if (ctx.updateList()) refuse(state, 'UPDATE TRACKING/VIEWSTAT', ctx.updateList());
    const group = ctx.groupByClause();
    let groupBy: FieldRef[] = [];
    let having: Condition | null = null;
    if (group) {
        if (group.ROLLUP() || group.CUBE()) refuse(state, 'GROUP BY ROLLUP/CUBE', group);
        groupBy = group
            .fieldGroupByList()
            .fieldGroupBy_list()
            .map((entry) =>
                entry.soqlFunction()
                    ? refuse(state, `GROUP BY ${textOf(state, entry)}`, entry)
                    : readField(state, entry.fieldName())
            );
        const havingCtx = group.logicalExpression();
        if (havingCtx) having = readLogical(state, havingCtx);
    }
    const { select, countOnly } = readSelectList(
        state,
        ctx
            .selectList()
            .selectEntry_list()
            .map((entry) => ({
                entry: entry as unknown as EntryLike
            }))
    );
    if (countOnly && groupBy.length) refuse(state, 'COUNT() with GROUP BY', group);
    const base = readCommon(state, ctx, ctx.fromNameList(), select, countOnly);
    return { ...base, mode: readMode(state, ctx), groupBy, having };
}

function readSubquery(state: ParseState, ctx: SubQueryContext): Query {
    const { select, countOnly } = readSelectList(
        state,
        ctx
            .subFieldList()
            .subFieldEntry_list()
            .map((entry) => ({ entry: entry as unknown as EntryLike }))
    );
    if (countOnly) refuse(state, 'COUNT() in a subquery', ctx);
    if (select.some((item) => item.kind !== 'field'))
        refuse(state, 'aggregate or nested subquery in a subquery', ctx);
    if (ctx.updateList()) refuse(state, 'UPDATE TRACKING/VIEWSTAT', ctx.updateList());
    return {
        ...readCommon(state, ctx, ctx.fromNameList(), select, false),
        mode: null,
        groupBy: [],
        having: null
    };
}

type CommonContext = QueryContext | SubQueryContext;

function isTopLevel(ctx: CommonContext): ctx is QueryContext {
    return typeof (ctx as Partial<QueryContext>).offsetClause === 'function';
}

function readCommon(
    state: ParseState,
    ctx: CommonContext,
    fromList: ReturnType<QueryContext['fromNameList']>,
    select: SelectItem[],
    countOnly: boolean
): Omit<Query, 'mode' | 'groupBy' | 'having'> {
    const names = fromList.fieldName_list();
    if (names.length !== 1 || fromList.soqlId_list().length)
        refuse(state, 'FROM with several objects or an alias', fromList);
    const fromField = names[0]!;
    const from = fromField
        .soqlId_list()
        .map((id) => id.getText())
        .join('.');
    if (from.includes('.')) refuse(state, `FROM ${from}`, fromField);
    const where = ctx.whereClause() ? readWhere(state, ctx.whereClause().whereLogicalExpression()) : null;
    const orderBy: OrderItem[] = ctx.orderByClause()
        ? ctx
              .orderByClause()
              .fieldOrderList()
              .fieldOrder_list()
              .map((order) => ({
                  expr: order.soqlFunction()
                      ? readAggregate(state, order.soqlFunction())
                      : readField(state, order.fieldName()),
                  descending: Boolean(order.DESC()),
                  nulls: order.NULLS() ? (order.LAST() ? 'LAST' : 'FIRST') : null
              }))
        : [];
    const limitCtx = ctx.limitClause();
    const limit = limitCtx
        ? limitCtx.boundExpression()
            ? { kind: 'bind' as const, bind: readBind(state, limitCtx.boundExpression()) }
            : { kind: 'number' as const, value: Number(limitCtx.IntegerLiteral().getText()), integer: true }
        : null;
    // only a top-level query has OFFSET (the grammar's subQuery has none)
    const offsetCtx = isTopLevel(ctx) ? ctx.offsetClause() : null;
    const offset: ValueNode | null = offsetCtx
        ? offsetCtx.boundExpression()
            ? { kind: 'bind', bind: readBind(state, offsetCtx.boundExpression()) }
            : { kind: 'number', value: Number(offsetCtx.IntegerLiteral().getText()), integer: true }
        : null;
    const forClauses = ctx.forClauses();
    const forText = forClauses ? forClauses.getText().toUpperCase() : '';
    return {
        from,
        select,
        countOnly,
        where,
        orderBy,
        limit,
        offset,
        forUpdate: forText.includes('UPDATE'),
        forView: forText.includes('VIEW') || forText.includes('REFERENCE'),
        origin: { file: state.origin.file, line: lineOf(state, ctx) },
        text: textOf(state, ctx)
    };
}

function readMode(state: ParseState, ctx: QueryContext): Query['mode'] {
    const withCtx = ctx.withClause();
    if (!withCtx) return null;
    if (withCtx.USER_MODE()) return 'USER_MODE';
    if (withCtx.SYSTEM_MODE()) return 'SYSTEM_MODE';
    if (withCtx.SECURITY_ENFORCED()) return 'SECURITY_ENFORCED';
    return refuse(state, textOf(state, withCtx), withCtx);
}

/** The shape both selectEntry and subFieldEntry share. */
interface EntryLike extends Ctx {
    fieldName(): FieldNameContext | null;
    soqlId(): Ctx | null;
    soqlFunction(): SoqlFunctionContext | null;
    subQuery(): SubQueryContext | null;
    typeOf(): Ctx | null;
}

function readSelectList(
    state: ParseState,
    entries: { entry: EntryLike }[]
): { select: SelectItem[]; countOnly: boolean } {
    const select: SelectItem[] = [];
    let countOnly = false;
    for (const { entry } of entries) {
        const alias = entry.soqlId() ? entry.soqlId()!.getText() : null;
        if (entry.typeOf()) refuse(state, 'TYPEOF', entry);
        if (entry.subQuery()) {
            select.push({ kind: 'subquery', query: readSubquery(state, entry.subQuery()!) });
        } else if (entry.soqlFunction()) {
            const call = readAggregate(state, entry.soqlFunction()!);
            if (call.fn === 'COUNT' && !call.field) {
                if (entries.length !== 1 || alias) refuse(state, 'COUNT() with other select items', entry);
                countOnly = true;
            } else {
                select.push({ kind: 'aggregate', call, alias });
            }
        } else if (entry.fieldName()) {
            select.push({ kind: 'field', field: readField(state, entry.fieldName()!), alias });
        } else {
            refuse(state, textOf(state, entry), entry);
        }
    }
    return { select, countOnly };
}

function readField(_state: ParseState, ctx: FieldNameContext): FieldRef {
    const path = ctx.soqlId_list().map((id) => id.getText());
    return { kind: 'field', path, text: path.join('.') };
}

function readAggregate(state: ParseState, ctx: SoqlFunctionContext): AggregateCall {
    const head = ctx.getChild(0).getText().toUpperCase();
    const fn = Object.hasOwn(AGGREGATES, head) ? AGGREGATES[head] : undefined;
    if (!fn) return refuse(state, `function ${textOf(state, ctx)}`, ctx);
    const fieldCtx = ctx.fieldName();
    if (!fieldCtx && fn !== 'COUNT') return refuse(state, textOf(state, ctx), ctx);
    return {
        kind: 'aggregate',
        fn,
        field: fieldCtx ? readField(state, fieldCtx) : null,
        text: textOf(state, ctx)
    };
}

function readWhere(state: ParseState, ctx: WhereLogicalExpressionContext): Condition {
    const parts = ctx.whereConditionalExpression_list().map((part) => readWherePart(state, part));
    if (ctx.NOT()) return { kind: 'not', operand: parts[0]! };
    if (parts.length === 1) return parts[0]!;
    return ctx.SOQLOR_list().length ? { kind: 'or', operands: parts } : { kind: 'and', operands: parts };
}

function readWherePart(state: ParseState, ctx: WhereConditionalExpressionContext): Condition {
    if (ctx.whereLogicalExpression()) return readWhere(state, ctx.whereLogicalExpression());
    const field = ctx.whereFieldExpression();
    if (field.FORMULA()) return refuse(state, 'FORMULA(…)', field);
    return readComparison(state, field.fieldExpression());
}

function readLogical(state: ParseState, ctx: LogicalExpressionContext): Condition {
    const parts = ctx.conditionalExpression_list().map((part) => readConditional(state, part));
    if (ctx.NOT()) return { kind: 'not', operand: parts[0]! };
    if (parts.length === 1) return parts[0]!;
    return ctx.SOQLOR_list().length ? { kind: 'or', operands: parts } : { kind: 'and', operands: parts };
}

function readConditional(state: ParseState, ctx: ConditionalExpressionContext): Condition {
    if (ctx.logicalExpression()) return readLogical(state, ctx.logicalExpression());
    return readComparison(state, ctx.fieldExpression());
}

const OPERATORS: Record<string, ComparisonOperator> = {
    '=': '=',
    '!=': '!=',
    '<>': '!=',
    '<': '<',
    '<=': '<=',
    '>': '>',
    '>=': '>=',
    LIKE: 'LIKE',
    IN: 'IN',
    NOTIN: 'NOT IN',
    INCLUDES: 'INCLUDES',
    EXCLUDES: 'EXCLUDES'
};

function readComparison(state: ParseState, ctx: FieldExpressionContext): Condition {
    const left = ctx.soqlFunction()
        ? readAggregate(state, ctx.soqlFunction())
        : readField(state, ctx.fieldName());
    const opText = ctx.comparisonOperator().getText().toUpperCase().replace(/\s+/g, '');
    const op = Object.hasOwn(OPERATORS, opText) ? OPERATORS[opText] : undefined;
    if (!op) return refuse(state, `operator ${opText}`, ctx);
    const right = readValue(state, ctx.value());
    if ((op === 'IN' || op === 'NOT IN') && right.kind !== 'list' && right.kind !== 'bind') {
        throw new SoqlQueryError(`unexpected token: ${textOf(state, ctx.value())} (IN needs a list)`);
    }
    if ((op === 'INCLUDES' || op === 'EXCLUDES') && right.kind !== 'list') {
        refuse(state, `${op} without a value list`, ctx);
    }
    return { kind: 'compare', left, op, right, text: textOf(state, ctx) };
}

/** Unescapes a SOQL string literal; `\%` and `\_` keep their backslash, which only LIKE reads. */
function unquote(raw: string): string {
    const body = raw.slice(1, -1).replaceAll(LIKE_ESCAPE, '\\');
    return body.replace(/\\(.)/g, (_, char: string) => {
        switch (char) {
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case '%':
            case '_':
                return `\\${char}`;
            default:
                return char;
        }
    });
}

function readValue(state: ParseState, ctx: ValueContext): ValueNode {
    if (ctx.NULL()) return { kind: 'null' };
    if (ctx.BooleanLiteral()) return { kind: 'boolean', value: ctx.getText().toLowerCase() === 'true' };
    if (ctx.signedNumber()) {
        const text = ctx.getText();
        return { kind: 'number', value: Number(text), integer: !/[.eE]/.test(text) };
    }
    if (ctx.StringLiteral()) return { kind: 'string', value: unquote(ctx.StringLiteral().getText()) };
    if (ctx.DateLiteral()) return { kind: 'date', iso: ctx.getText() };
    if (ctx.DateTimeLiteral()) {
        const text = ctx.getText();
        const ms = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        if (Number.isNaN(ms))
            throw new SoqlQueryError(`value of filter criterion is not a valid datetime: ${text}`);
        return { kind: 'datetime', ms, text };
    }
    if (ctx.dateFormula()) return readDateFormula(state, ctx.dateFormula());
    if (ctx.valueList())
        return {
            kind: 'list',
            values: ctx
                .valueList()
                .value_list()
                .map((v) => readValue(state, v))
        };
    if (ctx.boundExpression()) return { kind: 'bind', bind: readBind(state, ctx.boundExpression()) };
    if (ctx.subQuery()) return refuse(state, 'semi-join (IN (SELECT …))', ctx);
    return refuse(state, `value ${textOf(state, ctx)}`, ctx);
}

function readDateFormula(state: ParseState, ctx: DateFormulaContext): ValueNode {
    const text = ctx.getText().toUpperCase();
    const [head = '', count] = text.split(':');
    const name = head as DateLiteralName;
    if (!DATE_LITERALS.has(name)) return refuse(state, `date literal ${text}`, ctx);
    const n = count === undefined ? null : Number(count);
    if (n !== null && (!Number.isInteger(n) || n < 0))
        throw new SoqlQueryError(`invalid date literal ${text}`);
    if ((n === null) !== !/_N_|^N_/.test(name)) throw new SoqlQueryError(`invalid date literal ${text}`);
    return { kind: 'dateLiteral', name, n, text };
}

function readBind(state: ParseState, ctx: BoundExpressionContext): Bind {
    const expression = ctx.expression();
    const text = textOf(state, expression);
    if (state.form === 'static') return { kind: 'expression', node: expression, text };
    // dynamic SOQL binds a variable by name only: fields and calls are a static-SOQL privilege
    const primary = expression instanceof PrimaryExpressionContext ? expression.primary() : null;
    if (!(primary instanceof IdPrimaryContext)) {
        throw new SoqlQueryError(`dynamic SOQL binds a variable name only, not ':${text}'`);
    }
    return { kind: 'name', name: primary.getText(), text };
}
