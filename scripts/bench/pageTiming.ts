// What the page benches share: their pan and zoom steps and the steps' names, waiting for a page with a
// bound, the median of frame times, a measure as the bench line prints it, and the loop that prints one
// line per size.

export type Measured = number | 'timeout';

/** One input step of a page bench: a wheel turn, a drag, or a button pressed in the page. */
export type Step =
    | { kind: 'wheel'; deltaY: number }
    | { kind: 'drag'; dx: number; dy: number }
    | { kind: 'press'; button: string };

function kindOf(step: Step): string {
    if (step.kind === 'wheel') return step.deltaY < 0 ? 'zoom-in' : 'zoom-out';
    return step.kind === 'drag' ? 'pan' : step.button;
}

/** A step's name in the line: its kind and which of that kind it is (zoom-in#1 … zoom-out#4, pan#2, fit). */
export function stepName(index: number, steps: readonly Step[]): string {
    const step = steps[index];
    if (!step) throw new Error(`there is no step ${index} (${steps.length} steps)`);
    const kind = kindOf(step);
    const same = steps.filter((other) => kindOf(other) === kind).length;
    const nth = steps.slice(0, index + 1).filter((other) => kindOf(other) === kind).length;
    return same > 1 ? `${kind}#${nth}` : kind;
}

/** `work`, or 'timeout' when it has not finished within `ms` (the page may still be busy then). */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
    });
    try {
        return await Promise.race([work, timeout]);
    } finally {
        clearTimeout(timer);
        // a timed-out evaluate rejects once the page closes; nobody waits for it any more
        work.catch(() => undefined);
    }
}

/** A measure as the line prints it: milliseconds to 0.1, `>N` past its bound, `n/a` when not taken. */
export function formatMs(value: Measured | undefined, timeoutMs: number): string {
    return value === undefined ? 'n/a' : value === 'timeout' ? `>${timeoutMs}` : value.toFixed(1);
}

export function median(values: readonly number[]): number | undefined {
    if (!values.length) return undefined;
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

/** Measures each size in turn and prints (and returns) its line, with the first page errors under it. */
export async function printPageLines<R extends { problems: string[] }>(
    sizes: readonly number[],
    measure: (n: number) => Promise<R>,
    line: (result: R) => string
): Promise<string[]> {
    const lines: string[] = [];
    for (const n of sizes) {
        const result = await measure(n);
        const text = line(result);
        lines.push(text);
        console.log(text);
        for (const problem of result.problems.slice(0, 3)) console.error(`  page error: ${problem}`);
    }
    return lines;
}
