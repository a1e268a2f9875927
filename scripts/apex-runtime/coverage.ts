// Code coverage as the platform counts it: a class's executable lines are the lines where a statement
// starts (a statement over several lines counts once), plus field initialisers; braces, declarations,
// comments and `System.debug` calls do not count, and test classes are not measured. The interpreter
// reports each statement it runs; this module turns that into per-class and org-wide figures.
import { StatementContext } from '@apexdevtools/apex-parser';
import type { ClassDef, Registry } from './registry';

function isDebugCall(statement: StatementContext): boolean {
    const expression = statement.expressionStatement();
    return Boolean(expression && /^system\.debug\(/i.test(expression.getText()));
}

/** A parse-tree node: rule contexts have `children`, tokens do not (the parser's own types, structurally). */
interface TreeNode {
    children?: unknown[] | null;
}

function collectStatements(node: TreeNode | null | undefined, lines: Set<number>): void {
    if (!node) return;
    if (node instanceof StatementContext && !node.block() && !isDebugCall(node)) lines.add(node.start.line);
    for (const child of node.children ?? []) {
        if (child && typeof child === 'object' && 'children' in child)
            collectStatements(child as TreeNode, lines);
    }
}

/** The executable lines of a class and its inner classes (all in one file). */
export function executableLines(cls: ClassDef): Set<number> {
    const lines = new Set<number>();
    const visit = (current: ClassDef): void => {
        for (const overloads of current.methods.values())
            for (const method of overloads) collectStatements(method.body, lines);
        for (const constructor of current.constructors) collectStatements(constructor.body, lines);
        for (const field of current.fields.values()) {
            if (field.init) lines.add(field.line);
            collectStatements(field.property?.getter, lines);
            collectStatements(field.property?.setter, lines);
        }
        for (const entry of current.initOrder) if ('block' in entry) collectStatements(entry.block, lines);
        for (const inner of current.inner.values()) visit(inner);
    };
    visit(cls);
    return lines;
}

/** The executable lines of a trigger body: its statements, counted as in a class. */
export function triggerExecutableLines(statements: readonly StatementContext[]): Set<number> {
    const lines = new Set<number>();
    for (const statement of statements) collectStatements(statement, lines);
    return lines;
}

export function isTestClass(cls: ClassDef): boolean {
    // the registry keeps annotations lower-cased without `@` or arguments
    return cls.annotations.some(
        (annotation) => annotation.toLowerCase().replace(/^@/, '').replace(/\(.*$/, '') === 'istest'
    );
}

export interface ClassCoverage {
    name: string;
    file: string;
    covered: number;
    executable: number;
    /** Executable lines never run, ascending. */
    uncovered: number[];
}

/** Lines run, per file; the interpreter calls `hit` for every statement and field initialiser it runs. */
export class CoverageRecorder {
    private readonly hits = new Map<string, Set<number>>();

    hit(file: string, line: number): void {
        let lines = this.hits.get(file);
        if (!lines) this.hits.set(file, (lines = new Set()));
        lines.add(line);
    }

    linesRun(file: string): ReadonlySet<number> {
        return this.hits.get(file) ?? new Set();
    }

    /** Coverage of every non-test class in the registry, by class name. */
    report(registry: Registry): {
        classes: ClassCoverage[];
        covered: number;
        executable: number;
        percent: number;
    } {
        const classes: ClassCoverage[] = [];
        for (const cls of registry.classes.values()) {
            if (isTestClass(cls) || cls.kind === 'system') continue;
            const executable = executableLines(cls);
            if (!executable.size) continue;
            const run = this.linesRun(cls.file);
            const uncovered = [...executable].filter((line) => !run.has(line)).sort((a, b) => a - b);
            classes.push({
                name: cls.name,
                file: cls.file,
                covered: executable.size - uncovered.length,
                executable: executable.size,
                uncovered
            });
        }
        classes.sort((a, b) => a.name.localeCompare(b.name));
        const covered = classes.reduce((sum, c) => sum + c.covered, 0);
        const executable = classes.reduce((sum, c) => sum + c.executable, 0);
        return { classes, covered, executable, percent: executable ? (100 * covered) / executable : 100 };
    }
}
