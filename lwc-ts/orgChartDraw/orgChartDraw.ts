// Draws the org chart into an SVG with d3. Cost follows the screen, not the account (c/orgViewport):
// reporting lines are one path, cards off screen are not drawn, and when zoomed out too far to read the
// cards become coloured blocks. Names and titles are set as text, never HTML.
import { pointer, select, zoom, zoomIdentity, type Selection, type ZoomBehavior } from 'c/d3lib';
import { pathToTop, ROOT } from 'c/orgHierarchy';
import type { Layout } from 'c/orgLayout';
import type { Card, OrgChartModel } from 'c/orgChartModel';
import {
    cardAt,
    cardsInView,
    centreOn,
    detailLevel,
    fitTransform,
    MAX_SCALE,
    MIN_SCALE,
    openingTransform,
    READABLE_SCALE,
    showPeople,
    viewRect,
    type ViewTransform
} from 'c/orgViewport';
import { CARD_TEXT, cardFlags, truncate } from 'c/orgChartExport';
import type { Link } from 'c/orgChartData';

/** What a link line is drawn from. */
export type DrawnLink = Pick<Link, 'fromId' | 'toContactId' | 'strength' | 'frequency' | 'type'>;

export interface DrawOptions {
    nodeWidth: number;
    nodeHeight: number;
    showLinks: boolean;
    links: readonly DrawnLink[];
    onToggle: (index: number) => void;
    onSelect: (index: number) => void;
    /** The person keyboard focus sits on (tabindex 0); the first person when absent. */
    focusIndex?: number;
    /** The selected person: their card is marked and their path to the top highlighted. */
    selectedIndex?: number;
    /** Where the view starts (to keep the rep's zoom and pan across redraws); fitted when absent. */
    initialTransform?: ViewTransform;
    /** When set, the people the filter matches (1); the others are dimmed. */
    matches?: Uint8Array | null;
    /** When set, a card dragged with the mouse onto another card asks to move under that person. */
    onMove?: (index: number, newManagerIndex: number) => void;
}

export interface ChartView {
    /** Fits the whole chart into the visible area. */
    fit(): void;
    /** The opening view: the whole chart if it is readable so, else its top at a readable zoom. */
    open(): void;
    /** Brings these people into view (all when readable so, else the first); false when none is visible. */
    show(people: readonly number[]): boolean;
    /** Centres one person, draws their card and gives it the keyboard focus stop. */
    focus(index: number): void;
    /** Marks one person as selected and highlights their path to the top. */
    select(index: number | undefined): void;
    /** The drawn card of a person, if on screen. */
    cardElement(index: number): SVGGElement | undefined;
    /** The zoom and pan now. */
    currentTransform(): ViewTransform;
    /** The SVG as drawn now (for export). */
    svgElement(): SVGSVGElement;
    destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const DIMMED = '#e5e5e5';
const INFREQUENT = new Set(['Quarterly', 'Yearly', 'Rarely']);
const TREND_ARROW: Record<string, string> = { warming: '▲', cooling: '▼', steady: '▶', none: '' };
/** The minimap's longer side, in pixels. */
const MINIMAP_SIZE = 160;

/** An influence link's curve between two card centres, bowed above both. */
function linkPath(x1: number, y1: number, x2: number, y2: number): string {
    return `M${x1},${y1} Q${(x1 + x2) / 2},${Math.min(y1, y2) - 80} ${x2},${y2}`;
}

/** Every reporting line of the visible people as one path (one DOM node for the whole chart). */
function edgePath(
    model: OrgChartModel,
    layout: Layout,
    nodes: readonly number[],
    w: number,
    h: number
): string {
    const parent = model.hierarchy.parent;
    const parts: string[] = [];
    for (const node of nodes) {
        const manager = parent[node]!;
        if (manager === ROOT || Number.isNaN(layout.x[manager]!)) continue;
        const px = layout.x[manager]! + w / 2;
        const py = layout.y[manager]! + h;
        const cx = layout.x[node]!;
        const cy = layout.y[node]!;
        parts.push(
            layout.stacked[manager]
                ? `M${px},${py}V${cy + h / 2}H${cx}`
                : `M${px},${py}V${(py + cy) / 2}H${cx + w / 2}V${cy}`
        );
    }
    return parts.join('');
}

/** Cards as blocks, one path per colour (filtered-out people in one dimmed path), for the overview. */
function overviewPaths(
    model: OrgChartModel,
    layout: Layout,
    w: number,
    h: number,
    matches: Uint8Array | null | undefined
): Map<string, string> {
    const byColour = new Map<string, string[]>();
    for (const index of layout.visible) {
        const colour = matches && !matches[index] ? DIMMED : model.cards[index]!.colour;
        const parts = byColour.get(colour) ?? [];
        parts.push(`M${layout.x[index]},${layout.y[index]}h${w}v${h}h${-w}Z`);
        byColour.set(colour, parts);
    }
    return new Map([...byColour].map(([colour, parts]) => [colour, parts.join('')]));
}

/** Draws (or redraws) the chart in `container`; returns controls for fit, focus and selection. */
export function drawOrgChart(
    container: HTMLElement,
    model: OrgChartModel,
    layout: Layout,
    expanded: Uint8Array,
    options: DrawOptions
): ChartView {
    const { nodeWidth: w, nodeHeight: h } = options;
    const { hierarchy, cards } = model;
    select(container).selectAll('svg').remove();
    const svg = select(container)
        .append('svg')
        .attr('xmlns', SVG_NS)
        .attr('class', 'org-chart')
        .attr('role', 'tree')
        .attr('width', '100%')
        .attr('height', '100%');
    const viewport = svg.append('g').attr('class', 'viewport');
    // reporting lines: all of them when few people are open or zoomed out; when zoomed in on a large chart,
    // only those touching the cards on screen (a path of 20,000 lines costs every frame, even off screen)
    const edges = viewport.append('path').attr('class', 'edge');
    let allEdges: string | undefined;
    let edgesShown: 'all' | number[] | undefined;
    const showEdges = (wanted: readonly number[] | 'all'): void => {
        if (wanted === 'all') {
            if (edgesShown === 'all') return;
            allEdges ??= edgePath(model, layout, layout.visible, w, h);
            edges.attr('d', allEdges);
            edgesShown = 'all';
            return;
        }
        const ends = new Set<number>(wanted);
        for (const index of wanted) {
            if (expanded[index]) for (const child of hierarchy.children[index]!) ends.add(child);
        }
        const shown = [...ends].filter((index) => !Number.isNaN(layout.x[index]!));
        edges.attr('d', edgePath(model, layout, shown, w, h));
        edgesShown = shown;
    };
    const highlight = viewport.append('path').attr('class', 'edge edge-highlight');

    // influence links between two visible people; drawn only while an end is on screen (c/orgViewport)
    const linkEnds: { link: DrawnLink; from: number; to: number }[] = [];
    if (options.showLinks) {
        for (const link of options.links) {
            const from = link.fromId ? hierarchy.indexById.get(link.fromId) : undefined;
            const to = link.toContactId ? hierarchy.indexById.get(link.toContactId) : undefined;
            if (
                from !== undefined &&
                to !== undefined &&
                !Number.isNaN(layout.x[from]!) &&
                !Number.isNaN(layout.x[to]!)
            )
                linkEnds.push({ link, from, to });
        }
    }
    const linkLayer = viewport.append('g').attr('class', 'influence-links');
    const drawnLinks = new Map<number, SVGPathElement>();
    const drawLink = (position: number): SVGPathElement => {
        const { link, from, to } = linkEnds[position]!;
        return linkLayer
            .append('path')
            .attr('class', link.type === 'Dotted Line' ? 'influence dotted-line' : 'influence')
            .attr(
                'd',
                linkPath(
                    layout.x[from]! + w / 2,
                    layout.y[from]! + h / 2,
                    layout.x[to]! + w / 2,
                    layout.y[to]! + h / 2
                )
            )
            .attr('stroke-width', 1 + (link.strength ?? 1))
            .attr('stroke-dasharray', link.frequency && INFREQUENT.has(link.frequency) ? '6 4' : null)
            .node()!;
    };

    // the zoomed-out blocks exist only while zoomed out: hidden, they would still cost every frame
    const overview = viewport.append('g').attr('class', 'overview');
    let overviewDrawn = false;
    const showOverview = (shown: boolean): void => {
        if (shown && !overviewDrawn) {
            overviewDrawn = true;
            for (const [colour, d] of overviewPaths(model, layout, w, h, options.matches))
                overview.append('path').attr('class', 'block').attr('fill', colour).attr('d', d);
        }
        overview.attr('display', shown ? null : 'none');
    };
    const nodes = viewport.append('g').attr('class', 'nodes');
    const drawn = new Map<number, SVGGElement>();
    let transform: ViewTransform = { x: 0, y: 0, k: 1 };
    let focusIndex = options.focusIndex ?? layout.visible[0];
    let selectedIndex = options.selectedIndex;

    let dragged = false;
    /** Mouse drag of a card: it follows the pointer; dropped on another card, it asks to move there. */
    const enableDrag = (element: SVGGElement, index: number): void => {
        element.addEventListener('pointerdown', (down: PointerEvent) => {
            if (down.pointerType === 'touch' || down.button !== 0) return;
            dragged = false;
            const [startX, startY] = pointer(down, viewport.node());
            let moved = false;
            const onMove = (event: PointerEvent): void => {
                const [x, y] = pointer(event, viewport.node());
                if (!moved && Math.hypot(x - startX, y - startY) * transform.k < 5) return;
                if (!moved) {
                    moved = true;
                    element.setPointerCapture?.(down.pointerId);
                    element.classList.add('dragging');
                }
                element.setAttribute(
                    'transform',
                    `translate(${layout.x[index]! + x - startX},${layout.y[index]! + y - startY})`
                );
            };
            const onUp = (event: PointerEvent): void => {
                element.removeEventListener('pointermove', onMove);
                element.removeEventListener('pointerup', onUp);
                if (!moved) return;
                dragged = true;
                element.classList.remove('dragging');
                element.setAttribute('transform', `translate(${layout.x[index]},${layout.y[index]})`);
                const [x, y] = pointer(event, viewport.node());
                const target = cardAt(layout, x, y, w, h);
                if (target !== undefined && target !== index) options.onMove!(index, target);
            };
            element.addEventListener('pointermove', onMove);
            element.addEventListener('pointerup', onUp);
        });
    };

    const drawCard = (index: number): SVGGElement => {
        const card: Card = cards[index]!;
        const reports = hierarchy.children[index]!.length;
        const group = nodes
            .append('g')
            .attr(
                'class',
                `node heat-${card.heat.band}${index === selectedIndex ? ' selected' : ''}${
                    options.matches && !options.matches[index] ? ' dimmed' : ''
                }`
            )
            .attr('data-id', card.id)
            .attr('role', 'treeitem')
            .attr('aria-level', hierarchy.depth[index]! + 1)
            .attr(
                'aria-label',
                [card.name, card.title, card.role, ...card.flags.map((flag) => flag.label)]
                    .filter(Boolean)
                    .join(', ')
            )
            .attr('aria-expanded', reports ? String(expanded[index] === 1) : null)
            .attr('aria-selected', String(index === selectedIndex))
            .attr('tabindex', index === focusIndex ? 0 : -1)
            .attr('transform', `translate(${layout.x[index]},${layout.y[index]})`)
            .on('click', () => {
                if (!dragged) options.onSelect(index);
                dragged = false;
            });
        if (options.onMove) enableDrag(group.node()!, index);
        group.append('rect').attr('class', 'card').attr('width', w).attr('height', h).attr('rx', 6);
        group
            .append('rect')
            .attr('class', 'heat-bar')
            .attr('width', 6)
            .attr('height', h)
            .attr('rx', 3)
            .attr('fill', card.colour);
        group
            .append('text')
            .attr('class', 'name')
            .attr('x', CARD_TEXT.left)
            .attr('y', CARD_TEXT.nameY)
            .text(truncate(card.name || '—', 26));
        group
            .append('text')
            .attr('class', 'title')
            .attr('x', CARD_TEXT.left)
            .attr('y', CARD_TEXT.titleY)
            .text(truncate(card.title, 32));
        if (card.role)
            group
                .append('text')
                .attr(
                    'class',
                    card.flags.some((flag) => flag.kind === 'decision-maker') ? 'role key-role' : 'role'
                )
                .attr('x', CARD_TEXT.left)
                .attr('y', CARD_TEXT.roleY)
                .text(truncate(card.role, 30));
        const flags = cardFlags(card);
        if (flags) {
            group
                .append('text')
                .attr('class', 'flags')
                .attr('x', CARD_TEXT.left)
                .attr('y', CARD_TEXT.flagsY)
                .text(flags);
        }
        if (card.ownerInitials) {
            group
                .append('circle')
                .attr('class', 'owner')
                .attr('cx', w - 18)
                .attr('cy', 18)
                .attr('r', 12);
            group
                .append('text')
                .attr('class', 'owner-initials')
                .attr('x', w - 18)
                .attr('y', 22)
                .attr('text-anchor', 'middle')
                .text(card.ownerInitials);
        }
        if (TREND_ARROW[card.trend]) {
            group
                .append('text')
                .attr('class', `trend trend-${card.trend}`)
                .attr('x', w - 18)
                .attr('y', 52)
                .attr('text-anchor', 'middle')
                .text(TREND_ARROW[card.trend]!);
        }
        if (reports) {
            const toggle = group
                .append('g')
                .attr('class', 'toggle')
                .attr('data-toggle', card.id)
                .attr('transform', `translate(${w / 2},${h})`)
                .on('click', (event: Event) => {
                    event.stopPropagation();
                    options.onToggle(index);
                });
            toggle.append('circle').attr('r', 11);
            toggle
                .append('text')
                .attr('text-anchor', 'middle')
                .attr('y', 4)
                .text(expanded[index] ? '−' : String(reports));
        }
        return group.node()!;
    };

    const size = (): { width: number; height: number } => ({
        width: container.clientWidth || 800,
        height: container.clientHeight || 600
    });

    /** How the view was last placed for the rep, so a change of size (a side panel opening) can place it again. */
    let placement: (() => void) | undefined;
    let minimap: Minimap | undefined;
    let resizeObserver: ResizeObserver | undefined;

    /**
     * Links whose ends are both off screen cost the frame and show nothing: keep only those with an end in
     * view; when zoomed out to blocks, links are dropped (a thousand curves across the account are noise).
     */
    const renderLinks = (level: ReturnType<typeof detailLevel>): void => {
        if (!linkEnds.length) return;
        const wanted = new Set<number>();
        if (level !== 'overview') {
            const rect = level === 'all' ? undefined : viewRect(transform, size(), w, h);
            const inRect = (index: number): boolean =>
                !rect ||
                (layout.x[index]! >= rect.left &&
                    layout.x[index]! <= rect.right &&
                    layout.y[index]! >= rect.top &&
                    layout.y[index]! <= rect.bottom);
            linkEnds.forEach(({ from, to }, position) => {
                if (inRect(from) || inRect(to)) wanted.add(position);
            });
        }
        for (const [position, element] of drawnLinks) {
            if (!wanted.has(position)) {
                element.remove();
                drawnLinks.delete(position);
            }
        }
        for (const position of wanted)
            if (!drawnLinks.has(position)) drawnLinks.set(position, drawLink(position));
    };

    /** Brings the drawn cards in line with the transform: adds those now on screen, drops the rest. */
    const render = (): void => {
        const level = detailLevel(layout.visible.length, transform.k);
        const wanted =
            level === 'all'
                ? layout.visible
                : level === 'overview'
                  ? []
                  : cardsInView(layout, transform, size(), w, h);
        const keep = new Set(wanted);
        // the keyboard's focus stop and the selection stay drawn wherever they are
        for (const index of [focusIndex, selectedIndex])
            if (index !== undefined && !Number.isNaN(layout.x[index]!)) keep.add(index);
        for (const [index, element] of drawn) {
            if (!keep.has(index)) {
                element.remove();
                drawn.delete(index);
            }
        }
        for (const index of keep) if (!drawn.has(index)) drawn.set(index, drawCard(index));
        showOverview(level === 'overview');
        showEdges(level === 'viewport' ? wanted : 'all');
        renderLinks(level);
        minimap?.update(transform, size());
    };

    const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
        .scaleExtent([MIN_SCALE, MAX_SCALE])
        // with editing on, a mouse press on a card drags the card; touch still pans everywhere
        .filter(
            (event: MouseEvent) =>
                (!event.ctrlKey || event.type === 'wheel') &&
                !event.button &&
                !(
                    options.onMove &&
                    event.type === 'mousedown' &&
                    (event.target as Element | null)?.closest?.('g.node')
                )
        )
        // an explicit extent: the default reads SVG lengths some browsers and jsdom do not report
        .extent(() => {
            const { width, height } = size();
            return [
                [0, 0],
                [width, height]
            ];
        })
        .on(
            'zoom',
            (event: { transform: ViewTransform & { toString(): string }; sourceEvent?: Event | null }) => {
                // a rep's own pan or zoom ends the placement a resize would restore
                if (event.sourceEvent) placement = undefined;
                transform = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
                viewport.attr('transform', event.transform.toString());
                // synchronous: finding the cards on screen is one pass over the visible people
                render();
            }
        );
    const svgSelection = svg as unknown as Selection<SVGSVGElement, unknown, null, undefined>;
    svgSelection.call(behaviour);
    const moveTo = (next: ViewTransform): void => {
        svgSelection.call(behaviour.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
        render();
    };
    const place = (how: () => ViewTransform): void => {
        placement = () => moveTo(how());
        placement();
    };
    minimap = drawMinimap(container, model, layout, w, h, options.matches, (x, y) => {
        placement = undefined;
        const { width, height } = size();
        moveTo({ x: width / 2 - x * transform.k, y: height / 2 - y * transform.k, k: transform.k });
    });

    const view: ChartView = {
        fit() {
            place(() => fitTransform(layout, size()));
        },
        open() {
            place(() => openingTransform(layout, size(), w));
        },
        show(people: readonly number[]) {
            if (!showPeople(layout, people, size(), w, h)) return false;
            place(() => showPeople(layout, people, size(), w, h)!);
            return true;
        },
        focus(index: number) {
            const previous = focusIndex === undefined ? undefined : drawn.get(focusIndex);
            focusIndex = index;
            previous?.setAttribute('tabindex', '-1');
            // readable, but no closer than the rep has zoomed: a narrow view (side panel open) keeps its neighbours
            place(() => centreOn(layout, index, size(), w, h, Math.max(READABLE_SCALE, transform.k)));
            drawn.get(index)?.setAttribute('tabindex', '0');
        },
        select(index: number | undefined) {
            const previous = selectedIndex === undefined ? undefined : drawn.get(selectedIndex);
            previous?.classList.remove('selected');
            previous?.setAttribute('aria-selected', 'false');
            selectedIndex = index;
            render();
            const element = index === undefined ? undefined : drawn.get(index);
            element?.classList.add('selected');
            element?.setAttribute('aria-selected', 'true');
            highlight.attr(
                'd',
                index === undefined
                    ? null
                    : edgePath(model, layout, [index, ...pathToTop(hierarchy, index)], w, h)
            );
        },
        cardElement(index: number) {
            return drawn.get(index);
        },
        currentTransform() {
            return { ...transform };
        },
        svgElement() {
            return svg.node()!;
        },
        destroy() {
            resizeObserver?.disconnect();
            svg.on('.zoom', null);
            svg.remove();
            minimap?.remove();
        }
    };
    // the chart area changes size when the side panel opens or the window turns: place the view again
    let lastSize = size();
    resizeObserver =
        typeof ResizeObserver === 'undefined'
            ? undefined
            : new ResizeObserver(() => {
                  const now = size();
                  if (now.width === lastSize.width && now.height === lastSize.height) return;
                  lastSize = now;
                  if (placement) placement();
                  else render();
              });
    resizeObserver?.observe(container);
    // a click on the zoomed-out blocks zooms in on that person
    overview.on('click', (event: MouseEvent) => {
        const [x, y] = pointer(event, viewport.node());
        const index = cardAt(layout, x, y, w, h);
        if (index !== undefined) {
            view.focus(index);
            options.onSelect(index);
        }
    });

    if (options.initialTransform) moveTo(options.initialTransform);
    else render();
    if (selectedIndex !== undefined) view.select(selectedIndex);
    return view;
}

/**
 * The minimap's blocks: on a large chart a card is a fraction of a minimap pixel and would vanish, so cards
 * are gathered into whole minimap pixels, one block per pixel in the colour of its first card.
 */
function minimapPaths(
    model: OrgChartModel,
    layout: Layout,
    scale: number,
    w: number,
    h: number,
    matches: Uint8Array | null | undefined
): Map<string, string> {
    const cell = 1 / scale;
    if (w >= cell && h >= cell) return overviewPaths(model, layout, w, h, matches);
    const seen = new Set<string>();
    const byColour = new Map<string, string[]>();
    for (const index of layout.visible) {
        const column = Math.floor(layout.x[index]! * scale);
        const row = Math.floor(layout.y[index]! * scale);
        const key = `${column}:${row}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const colour = matches && !matches[index] ? DIMMED : model.cards[index]!.colour;
        const parts = byColour.get(colour) ?? [];
        parts.push(
            `M${column * cell},${row * cell}h${Math.max(w, cell)}v${Math.max(h, cell)}h${-Math.max(w, cell)}Z`
        );
        byColour.set(colour, parts);
    }
    return new Map([...byColour].map(([colour, parts]) => [colour, parts.join('')]));
}

interface Minimap {
    /** Outlines the part of the chart on screen; hides the map when the whole chart is on screen. */
    update(transform: ViewTransform, view: { width: number; height: number }): void;
    remove(): void;
}

/**
 * A small map of the whole chart in a corner, with the part on screen outlined; a click or drag on it
 * moves the view there. Shown only while the chart is larger than the view.
 */
function drawMinimap(
    container: HTMLElement,
    model: OrgChartModel,
    layout: Layout,
    w: number,
    h: number,
    matches: Uint8Array | null | undefined,
    moveCentreTo: (worldX: number, worldY: number) => void
): Minimap {
    const width = Math.max(layout.width, 1);
    const height = Math.max(layout.height, 1);
    const scale = MINIMAP_SIZE / Math.max(width, height);
    const map = select(container)
        .append('svg')
        .attr('xmlns', SVG_NS)
        .attr('class', 'minimap')
        .attr('data-id', 'minimap')
        .attr('aria-hidden', 'true')
        .attr('width', Math.max(24, width * scale))
        .attr('height', Math.max(24, height * scale));
    const world = map.append('g').attr('transform', `scale(${scale})`);
    for (const [colour, d] of minimapPaths(model, layout, scale, w, h, matches))
        world.append('path').attr('fill', colour).attr('d', d);
    const frame = world
        .append('rect')
        .attr('class', 'minimap-view')
        .attr('stroke-width', 2 / scale);
    const toWorld = (event: PointerEvent): [number, number] => {
        const [x, y] = pointer(event, map.node());
        return [x / scale, y / scale];
    };
    let dragging = false;
    map.on('pointerdown', (event: PointerEvent) => {
        dragging = true;
        map.node()!.setPointerCapture?.(event.pointerId);
        moveCentreTo(...toWorld(event));
    })
        .on('pointermove', (event: PointerEvent) => {
            if (dragging) moveCentreTo(...toWorld(event));
        })
        .on('pointerup pointercancel', () => {
            dragging = false;
        });
    return {
        update(transform, view) {
            const k = transform.k > 0 ? transform.k : 1;
            const left = -transform.x / k;
            const top = -transform.y / k;
            const right = left + view.width / k;
            const bottom = top + view.height / k;
            map.classed('minimap-hidden', left <= 0 && top <= 0 && right >= width && bottom >= height);
            frame
                .attr('x', left)
                .attr('y', top)
                .attr('width', right - left)
                .attr('height', bottom - top);
        },
        remove() {
            map.remove();
        }
    };
}

/** The presentation properties the chart's stylesheet sets, copied inline so an export looks the same. */
const EXPORTED_STYLES = [
    'fill',
    'fill-opacity',
    'stroke',
    'stroke-width',
    'stroke-opacity',
    'stroke-dasharray',
    'opacity',
    'font-family',
    'font-size',
    'font-weight'
];

/**
 * The chart as drawn now (zoom, pan and the cards on screen) as a standalone SVG document: the
 * component's stylesheet does not travel with a file, so each element's computed style is copied inline.
 */
export function exportSvg(svg: SVGSVGElement, width: number, height: number): string {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const originals = [svg, ...Array.from(svg.querySelectorAll('*'))];
    const copies = [copy, ...Array.from(copy.querySelectorAll('*'))];
    originals.forEach((original, index) => {
        const computed = getComputedStyle(original);
        const style = EXPORTED_STYLES.map((name) => [name, computed.getPropertyValue(name)] as const)
            .filter(([, value]) => value !== '')
            .map(([name, value]) => `${name}:${value}`)
            .join(';');
        if (style) copies[index]!.setAttribute('style', style);
        copies[index]!.removeAttribute('tabindex');
    });
    copy.setAttribute('xmlns', SVG_NS);
    copy.setAttribute('width', String(width));
    copy.setAttribute('height', String(height));
    copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const background = document.createElementNS(SVG_NS, 'rect');
    background.setAttribute('width', '100%');
    background.setAttribute('height', '100%');
    background.setAttribute('fill', '#ffffff');
    copy.insertBefore(background, copy.firstChild);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}
