// The benchmark page: mounts the landscape stage on demand and times it to the painted frame, so
// scripts/bench measures our grid and lightning-datatable in the same page, the same way.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import LandscapeBench from 'preview/landscapeBench';

type Stage = HTMLElement & { mode: string; accountId: string; columns: unknown[]; data: unknown[] };

function frame(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Waits (frame by frame) until `ready` holds, then for the frame that paints it; the time since `started`. */
async function until(ready: () => boolean, started: number): Promise<number> {
    while (!ready()) await frame();
    document.body.getBoundingClientRect();
    await frame();
    return performance.now() - started;
}

function inner(host: Element | null | undefined, selector: string): Element | null {
    return host?.shadowRoot?.querySelector(selector) ?? null;
}

let stage: Stage | undefined;

// Apex answers the benchmark gives from memory, so a case times the component, not the network
const answers = new Map<string, string>();
const networkFetch = window.fetch.bind(window);
window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const endpoint = /\/api\/apex\/([\w.]+)$/.exec(url)?.[1];
    const body = endpoint ? answers.get(endpoint) : undefined;
    if (body !== undefined)
        return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
    return networkFetch(input, init);
};

function grid(): Element | null {
    return inner(stage, 'c-landscape-grid');
}

function datatableRows(): number {
    const table = inner(stage, 'lightning-datatable');
    return table?.shadowRoot?.querySelectorAll('tbody tr').length ?? 0;
}

/** Text of a node with every shadow tree inside it (the datatable renders cells in nested components). */
function deepText(node: Node): string {
    const parts: string[] = [];
    const walk = (current: Node): void => {
        if (current.nodeType === Node.TEXT_NODE) parts.push(current.nodeValue ?? '');
        const root = (current as Element).shadowRoot;
        if (root) root.childNodes.forEach(walk);
        current.childNodes.forEach(walk);
    };
    walk(node);
    return parts.join('');
}

function firstRowText(): string {
    const row = inner(stage, 'lightning-datatable')?.shadowRoot?.querySelector('tbody tr');
    return row ? deepText(row) : '';
}

function mount(properties: Partial<Stage>): void {
    stage?.remove();
    stage = createElement('preview-landscape-bench', { is: LandscapeBench }) as unknown as Stage;
    Object.assign(stage, properties);
    document.getElementById('root')!.appendChild(stage);
}

const bench = {
    /** What an Apex method answers from now on (as the preview server would: { result }). */
    answer(endpoint: string, result: unknown): void {
        answers.set(endpoint, JSON.stringify({ result }));
    },
    /** First render of our grid: mount, load (the page answers the Apex call), draw every row. */
    keystone(accountId: string, rows: number): Promise<number> {
        const started = performance.now();
        mount({ mode: 'keystone', accountId });
        // a large grid draws only its window of rows: ready when the table stands for every row and shows some
        return until(
            () =>
                !!grid()?.shadowRoot?.querySelector(`table[aria-rowcount="${rows + 2}"] tbody tr[data-row]`),
            started
        );
    },
    /** Our view switch: press the view's button, wait for the cells to show it. */
    keystoneView(view: string, marker: string): Promise<number> {
        const started = performance.now();
        (grid()!.shadowRoot!.querySelector(`[data-view="${view}"]`) as HTMLElement).click();
        return until(() => !!grid()?.shadowRoot?.querySelector(`td.${marker}`), started);
    },
    peer(columns: unknown[], data: unknown[]): Promise<number> {
        const started = performance.now();
        mount({ mode: 'peer', columns, data });
        return until(() => datatableRows() === data.length, started);
    },
    /** The datatable's "view switch": the same matrix with the other view's texts, until its first row shows them. */
    peerView(data: unknown[]): Promise<number> {
        const before = firstRowText();
        const started = performance.now();
        stage!.data = data;
        return until(() => firstRowText() !== before, started);
    },
    domNodes(): number {
        const count = (root: Element | ShadowRoot): number =>
            Array.from(root.querySelectorAll('*')).reduce(
                (total, element) => total + 1 + (element.shadowRoot ? count(element.shadowRoot) : 0),
                0
            );
        return stage ? count(stage.shadowRoot ?? stage) : 0;
    }
};

(window as unknown as { landscapeBench: typeof bench }).landscapeBench = bench;
