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
    type ViewTransform
} from 'c/orgViewport';

export interface LinkDto {
    id?: string | null;
    fromId: string | null;
    toContactId: string | null;
    strength: number | null;
    frequency: string | null;
    type?: string | null;
}

export interface DrawOptions {
    nodeWidth: number;
    nodeHeight: number;
    showLinks: boolean;
    links: readonly LinkDto[];
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

function truncate(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
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
    viewport
        .append('path')
        .attr('class', 'edge')
        .attr('d', edgePath(model, layout, layout.visible, w, h));
    const highlight = viewport.append('path').attr('class', 'edge edge-highlight');

    if (options.showLinks) {
        const links = viewport.append('g').attr('class', 'influence-links');
        for (const link of options.links) {
            const from = link.fromId ? hierarchy.indexById.get(link.fromId) : undefined;
            const to = link.toContactId ? hierarchy.indexById.get(link.toContactId) : undefined;
            if (
                from === undefined ||
                to === undefined ||
                Number.isNaN(layout.x[from]!) ||
                Number.isNaN(layout.x[to]!)
            )
                continue;
            const x1 = layout.x[from]! + w / 2;
            const y1 = layout.y[from]! + h / 2;
            const x2 = layout.x[to]! + w / 2;
            const y2 = layout.y[to]! + h / 2;
            links
                .append('path')
                .attr('class', link.type === 'Dotted Line' ? 'influence dotted-line' : 'influence')
                .attr('d', `M${x1},${y1} Q${(x1 + x2) / 2},${Math.min(y1, y2) - 80} ${x2},${y2}`)
                .attr('stroke-width', 1 + (link.strength ?? 1))
                .attr('stroke-dasharray', link.frequency && INFREQUENT.has(link.frequency) ? '6 4' : null);
        }
    }

    const overview = viewport.append('g').attr('class', 'overview');
    if (detailLevel(layout.visible.length, MIN_SCALE) !== 'all') {
        for (const [colour, d] of overviewPaths(model, layout, w, h, options.matches))
            overview.append('path').attr('class', 'block').attr('fill', colour).attr('d', d);
    }
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
            .attr('x', 14)
            .attr('y', 22)
            .text(truncate(card.name || '—', 26));
        group
            .append('text')
            .attr('class', 'title')
            .attr('x', 14)
            .attr('y', 40)
            .text(truncate(card.title, 32));
        if (card.role)
            group
                .append('text')
                .attr('class', 'role')
                .attr('x', 14)
                .attr('y', 58)
                .text(truncate(card.role, 30));
        if (card.flags.length) {
            group
                .append('text')
                .attr('class', 'flags')
                .attr('x', 14)
                .attr('y', 78)
                .text(truncate(card.flags.map((flag) => flag.label).join(' · '), 36));
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
        .on('zoom', (event: { transform: ViewTransform & { toString(): string } }) => {
            transform = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
            viewport.attr('transform', event.transform.toString());
            // synchronous: finding the cards on screen is one pass over the visible people
            render();
        });
    const svgSelection = svg as unknown as Selection<SVGSVGElement, unknown, null, undefined>;
    svgSelection.call(behaviour);
    const moveTo = (next: ViewTransform): void => {
        svgSelection.call(behaviour.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
        render();
    };

    const view: ChartView = {
        fit() {
            moveTo(fitTransform(layout, size()));
        },
        focus(index: number) {
            const previous = focusIndex === undefined ? undefined : drawn.get(focusIndex);
            focusIndex = index;
            previous?.setAttribute('tabindex', '-1');
            moveTo(centreOn(layout, index, size(), w, h, Math.max(1, transform.k)));
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
            svg.on('.zoom', null);
            svg.remove();
        }
    };
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
