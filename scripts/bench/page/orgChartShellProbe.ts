// Runs in the real preview page (added before the app's own scripts), beside the shipped shell and
// orgChartHeatMap: finds the chart through the shadow trees, acts on it the way a rep's mouse does (the
// toolbar buttons, wheel and drag on the chart, which d3-zoom reads) and times each action to the frame
// that paints its result. performance.now() counts from navigation start, so the first paint needs no
// start mark. Nothing here changes how the page draws.

export interface OrgChartShellProbe {
    /** Navigation start → the first painted frame with cards on the chart, in ms. */
    firstPaint(): Promise<number>;
    /** Presses a toolbar button (expand-all, collapse-all, fit); ms to the next painted frame. */
    press(button: string): Promise<number>;
    /** A wheel turn at the chart's centre (negative deltaY zooms in); ms to the next painted frame. */
    wheel(deltaY: number): Promise<number>;
    /** A mouse drag on the chart's background by (dx, dy); ms from the press to the painted move. */
    drag(dx: number, dy: number): Promise<number>;
    /** What the chart has in the DOM now. */
    counts(): { cards: number; links: number; blocks: number };
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

function chartHost(): Element | null {
    const shell = document.querySelector('preview-shell');
    return shell?.shadowRoot?.querySelector('c-org-chart-heat-map') ?? null;
}

function chart(): HTMLElement | null {
    return chartHost()?.shadowRoot?.querySelector<HTMLElement>('[data-id="chart"]') ?? null;
}

function svg(): SVGSVGElement | null {
    return chart()?.querySelector('svg') ?? null;
}

function requireSvg(): SVGSVGElement {
    const element = svg();
    if (!element) throw new Error('the org chart has no SVG on the page');
    return element;
}

function centre(element: Element): { x: number; y: number } {
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

const probe: OrgChartShellProbe = {
    firstPaint() {
        return paintedWhen(() => !!svg()?.querySelector('g.node'));
    },
    async press(button) {
        await frame();
        const host = chartHost()?.shadowRoot?.querySelector(`lightning-button[data-id="${button}"]`);
        const target = host?.shadowRoot?.querySelector('button') ?? host;
        if (!(target instanceof HTMLElement)) throw new Error(`the org chart has no ${button} button`);
        const started = performance.now();
        target.click();
        return (await paintedWhen(() => !!svg())) - started;
    },
    async wheel(deltaY) {
        await frame();
        const target = requireSvg();
        const { x, y } = centre(target);
        const started = performance.now();
        target.dispatchEvent(
            new WheelEvent('wheel', {
                deltaY,
                deltaMode: WheelEvent.DOM_DELTA_PIXEL,
                clientX: x,
                clientY: y,
                bubbles: true,
                cancelable: true,
                view: window
            })
        );
        return (await afterNextPaint()) - started;
    },
    async drag(dx, dy) {
        await frame();
        const target = requireSvg();
        const { x, y } = centre(target);
        const mouse = (type: string, clientX: number, clientY: number): MouseEvent =>
            new MouseEvent(type, {
                clientX,
                clientY,
                button: 0,
                buttons: type === 'mouseup' ? 0 : 1,
                bubbles: true,
                cancelable: true,
                view: window
            });
        const started = performance.now();
        // on the SVG itself, not a card: a press on a card starts moving that person instead
        target.dispatchEvent(mouse('mousedown', x, y));
        target.dispatchEvent(mouse('mousemove', x + dx / 2, y + dy / 2));
        target.dispatchEvent(mouse('mousemove', x + dx, y + dy));
        const painted = await afterNextPaint();
        target.dispatchEvent(mouse('mouseup', x + dx, y + dy));
        return painted - started;
    },
    counts() {
        const element = svg();
        return {
            cards: element?.querySelectorAll('g.node').length ?? 0,
            links: element?.querySelectorAll('path.influence').length ?? 0,
            blocks: element?.querySelectorAll('path.block').length ?? 0
        };
    }
};

(window as unknown as { orgChartShellProbe: OrgChartShellProbe }).orgChartShellProbe = probe;
