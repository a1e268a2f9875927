// Runs in the real preview page (added before the app's own scripts), beside the shipped shell and
// relationshipMap: notes when the map's Apex answer arrives, watches for the map's milestones (painted
// canvas, risks list, every exact count in) and times each mouse step to the frame that paints it.
// performance.now() counts from navigation start, so navigation needs no start mark. Nothing here changes
// how the page draws: the fetch hook hands the answer on untouched, the mouse steps are real input sent by
// the bench (Playwright), and the Fit button is pressed the way a click does.

export interface RelmapMilestones {
    /** Navigation start → the frame that painted the map's canvas for the first time. */
    firstPaint: number;
    /** When the getRelationshipMap answer was parsed in the page (undefined if it never came). */
    answered?: number;
}

export interface RelmapShellProbe {
    /** Waits for the first painted canvas; its time and when the Apex answer came. */
    firstPaint(): Promise<RelmapMilestones>;
    /** Navigation start → the painted frame with the risks list (its rows, or its "no risks" line). */
    risks(): Promise<number>;
    /** Navigation start → the painted frame where the coverage section says every exact count is in. */
    counted(): Promise<number>;
    /** The longest main-thread task (ms) that ran between `from` and `to` (page times); 0 when none did. */
    longestTask(from: number, to: number): number;
    /** Scrolls the map into the middle of the window; the canvas centre in viewport pixels afterwards. */
    reveal(): Promise<{ x: number; y: number }>;
    /** Starts watching for the next `input` event on the canvas and the repaint it causes (see settle). */
    arm(input: 'wheel' | 'pointermove'): void;
    /** ms from the armed input event to the painted frame showing its repaint. */
    settle(): Promise<number>;
    /** Presses a toolbar button (fit); ms to the painted frame showing its repaint. */
    press(button: string): Promise<number>;
}

const MAP_APEX = 'RelationshipMapController.getRelationshipMap';

let answered: number | undefined;
const longTasks: { start: number; end: number }[] = [];

// the preview's @salesforce/apex posts to /api/apex/<Class.method> and reads the answer with json()
const pageFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await pageFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes(MAP_APEX)) return response;
    const json = response.json.bind(response);
    response.json = async (): Promise<unknown> => {
        const value: unknown = await json();
        answered ??= performance.now();
        return value;
    };
    return response;
};

try {
    new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
            longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
} catch {
    // a browser without long-task timing: longestTask then says 0, and the bench reports it as measured none
}

function afterNextPaint(): Promise<number> {
    // called from a rAF callback, the next rAF runs once the frame with this callback's changes has painted
    return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

function frame(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Polls once a frame until `ready` holds, then waits for the frame that paints it; the time then. */
async function paintedWhen(ready: () => boolean): Promise<number> {
    for (;;) {
        await frame();
        if (ready()) return afterNextPaint();
    }
}

function mapHost(): Element | null {
    const shell = document.querySelector('preview-shell');
    return shell?.shadowRoot?.querySelector('c-relationship-map') ?? null;
}

function inMap<T extends Element>(selector: string): T | null {
    return mapHost()?.shadowRoot?.querySelector<T>(selector) ?? null;
}

function canvas(): HTMLCanvasElement | null {
    return inMap<HTMLCanvasElement>('canvas');
}

function requireCanvas(): HTMLCanvasElement {
    const element = canvas();
    if (!element) throw new Error('the relationship map has no canvas on the page');
    return element;
}

/** How many times the canvas has painted (the component counts its paints in data-painted). */
function paints(): number {
    return Number(canvas()?.dataset.painted) || 0;
}

/** Resolves once the paint counter passes `before`, with the time the frame showing it has painted. */
function paintedAfter(before: number): Promise<number> {
    // a synchronous repaint is already counted: this frame shows it, so the next rAF is after its paint
    if (paints() > before) return afterNextPaint();
    return paintedWhen(() => paints() > before);
}

let armed: Promise<number> | undefined;

// watched from the start and side by side: each milestone is timed to its own frame, whichever comes first
const firstPainted = paintedWhen(() => paints() > 0);
const risksPainted = paintedWhen(
    () => !!inMap('[data-id="risks"] li, [data-id="risks"] [data-id="no-risks"]')
);
const countedPainted = paintedWhen(() => !!inMap('[data-id="coverage"][data-counted="true"]'));

const probe: RelmapShellProbe = {
    async firstPaint() {
        const firstPaint = await firstPainted;
        return { firstPaint, answered };
    },
    risks() {
        return risksPainted;
    },
    counted() {
        return countedPainted;
    },
    longestTask(from, to) {
        let longest = 0;
        for (const task of longTasks)
            if (task.end > from && task.start < to) longest = Math.max(longest, task.end - task.start);
        return longest;
    },
    async reveal() {
        const element = requireCanvas();
        element.scrollIntoView({ block: 'center', inline: 'center' });
        await frame();
        await frame();
        const box = element.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    arm(input) {
        const target = requireCanvas();
        const before = paints();
        armed = new Promise<number>((resolve) => {
            target.addEventListener(
                input,
                (event) => {
                    // the event's own time stamp: when the input happened, before any handler ran; this
                    // listener runs before the map's own, so the repaint is looked for from the next frame
                    const started = event.timeStamp;
                    void paintedWhen(() => paints() > before).then((painted) => resolve(painted - started));
                },
                { once: true, capture: true }
            );
        });
    },
    settle() {
        if (!armed) return Promise.reject(new Error('settle() without arm()'));
        const waiting = armed;
        armed = undefined;
        return waiting;
    },
    async press(button) {
        await frame();
        const host = inMap(`lightning-button[data-id="${button}"]`);
        const target = host?.shadowRoot?.querySelector('button') ?? host;
        if (!(target instanceof HTMLElement)) throw new Error(`the relationship map has no ${button} button`);
        const before = paints();
        const started = performance.now();
        target.click();
        return (await paintedAfter(before)) - started;
    }
};

(window as unknown as { relmapShellProbe: RelmapShellProbe }).relmapShellProbe = probe;
