// One typed tree for static SOQL (`[SELECT …]` inside Apex) and dynamic SOQL (query text at run time):
// the evaluator never sees the parser's own contexts, except a static bind's Apex expression, which
// stays opaque and is handed back to the caller to evaluate.
import type { ExpressionContext } from '@apexdevtools/apex-parser';

/** Where a query came from, for `unsupported: … at file:line` and error messages. */
export interface Origin {
    file: string;
    line: number;
}

/** A field path as written, e.g. `['Account', 'Name']`, `['ReportsTo', 'ReportsTo', 'Id']`. */
export interface FieldRef {
    kind: 'field';
    path: string[];
    text: string;
}

export type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

/** `COUNT(Id)`, `SUM(Amount)`; `field` is null only for `COUNT()` */
export interface AggregateCall {
    kind: 'aggregate';
    fn: AggregateFunction;
    field: FieldRef | null;
    text: string;
}

/** A bind: an Apex expression (static SOQL) or a name looked up at run time (dynamic SOQL). */
export type Bind =
    | { kind: 'expression'; node: ExpressionContext; text: string }
    | { kind: 'name'; name: string; text: string };

export type DateLiteralName =
    | 'TODAY'
    | 'YESTERDAY'
    | 'TOMORROW'
    | 'LAST_WEEK'
    | 'THIS_WEEK'
    | 'NEXT_WEEK'
    | 'LAST_MONTH'
    | 'THIS_MONTH'
    | 'NEXT_MONTH'
    | 'LAST_90_DAYS'
    | 'NEXT_90_DAYS'
    | 'LAST_N_DAYS'
    | 'NEXT_N_DAYS'
    | 'N_DAYS_AGO'
    | 'THIS_QUARTER'
    | 'LAST_QUARTER'
    | 'NEXT_QUARTER'
    | 'THIS_YEAR'
    | 'LAST_YEAR'
    | 'NEXT_YEAR'
    | 'LAST_N_YEARS'
    | 'NEXT_N_YEARS'
    | 'THIS_FISCAL_YEAR'
    | 'LAST_FISCAL_YEAR'
    | 'NEXT_FISCAL_YEAR';

export type ValueNode =
    | { kind: 'null' }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'string'; value: string }
    /** `integer` keeps whether the literal had no decimal point (LIMIT needs an Integer) */
    | { kind: 'number'; value: number; integer: boolean }
    | { kind: 'date'; iso: string }
    /** epoch milliseconds */
    | { kind: 'datetime'; ms: number; text: string }
    | { kind: 'dateLiteral'; name: DateLiteralName; n: number | null; text: string }
    | { kind: 'list'; values: ValueNode[] }
    | { kind: 'bind'; bind: Bind };

export type ComparisonOperator =
    '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type Condition =
    | { kind: 'and'; operands: Condition[] }
    | { kind: 'or'; operands: Condition[] }
    | { kind: 'not'; operand: Condition }
    | {
          kind: 'compare';
          left: FieldRef | AggregateCall;
          op: ComparisonOperator;
          right: ValueNode;
          text: string;
      };

export type SelectItem =
    | { kind: 'field'; field: FieldRef; alias: string | null }
    | { kind: 'aggregate'; call: AggregateCall; alias: string | null }
    | { kind: 'subquery'; query: Query };

export interface OrderItem {
    expr: FieldRef | AggregateCall;
    descending: boolean;
    /** as written; when absent nulls sort first (ASC) — the documented default */
    nulls: 'FIRST' | 'LAST' | null;
}

export type AccessMode = 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';

export interface Query {
    /** the object (top level) or the child relationship name (subquery), as written */
    from: string;
    select: SelectItem[];
    /** `SELECT COUNT() FROM …`: the answer is an Integer */
    countOnly: boolean;
    where: Condition | null;
    /** the WITH clause; null when the query names no mode */
    mode: AccessMode | null;
    groupBy: FieldRef[];
    having: Condition | null;
    orderBy: OrderItem[];
    limit: ValueNode | null;
    offset: ValueNode | null;
    /** FOR UPDATE: accepted, no locking happens here */
    forUpdate: boolean;
    /** FOR VIEW / FOR REFERENCE: accepted, they only update "recently viewed" on the platform */
    forView: boolean;
    origin: Origin;
    text: string;
}
