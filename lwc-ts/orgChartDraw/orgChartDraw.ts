// Draws the org chart into an SVG with d3: cards coloured by relationship heat, reporting lines,
// influence links, expand/collapse buttons, zoom and pan. Names and titles are set as text, never HTML.
import { select, zoom, zoomIdentity, type Selection, type ZoomBehavior } from 'c/d3lib';
import { ROOT } from 'c/orgHierarchy';
import type { Layout } from 'c/orgLayout';
import type { Card, OrgChartModel } from 'c/orgChartModel';

export interface LinkDto {
    fromId: string | null;
    toContactId: string | null;
    strength: number | null;
    frequency: string | null;
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
}

export interface ChartView {
    /** Fits the whole chart into the visible area. */
    fit(): void;
    /** Centres one person. */
    focus(index: number): void;
    destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const INFREQUENT = new Set(['Quarterly', 'Yearly', 'Rarely']);
const TREND_ARROW: Record<string, string> = { warming: '▲', cooling: '▼', steady: '▶', none: '' };

function truncate(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Draws (or redraws) the chart in `container`; returns controls for fit and focus. */
export function drawOrgChart(
    container: HTMLElement,
    model: OrgChartModel,
    layout: Layout,
    expanded: Uint8Array,
    options: DrawOptions
): ChartView {
    const { nodeWidth: w, nodeHeight: h } = options;
    select(container).selectAll('svg').remove();
    const svg = select(container)
        .append('svg')
        .attr('xmlns', SVG_NS)
        .attr('class', 'org-chart')
        .attr('role', 'tree')
        .attr('width', '100%')
        .attr('height', '100%');
    const viewport = svg.append('g').attr('class', 'viewport');
    const { hierarchy, cards } = model;

    const edges = viewport.append('g').attr('class', 'edges');
    for (const node of layout.visible) {
        const parent = hierarchy.parent[node]!;
        if (parent === ROOT) continue;
        const px = layout.x[parent]! + w / 2;
        const py = layout.y[parent]! + h;
        const cx = layout.x[node]!;
        const cy = layout.y[node]!;
        const d = layout.stacked[parent]
            ? `M${px},${py} V${cy + h / 2} H${cx}`
            : `M${px},${py} V${(py + cy) / 2} H${cx + w / 2} V${cy}`;
        edges.append('path').attr('class', 'edge').attr('d', d);
    }

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
                .attr('class', 'influence')
                .attr('d', `M${x1},${y1} Q${(x1 + x2) / 2},${Math.min(y1, y2) - 80} ${x2},${y2}`)
                .attr('stroke-width', 1 + (link.strength ?? 1))
                .attr('stroke-dasharray', link.frequency && INFREQUENT.has(link.frequency) ? '6 4' : null);
        }
    }

    const nodes = viewport.append('g').attr('class', 'nodes');
    for (const index of layout.visible) {
        const card: Card = cards[index]!;
        const reports = hierarchy.children[index]!.length;
        const group = nodes
            .append('g')
            .attr('class', `node heat-${card.heat.band}`)
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
            .attr('tabindex', index === (options.focusIndex ?? layout.visible[0]) ? 0 : -1)
            .attr('transform', `translate(${layout.x[index]},${layout.y[index]})`)
            .on('click', () => options.onSelect(index));
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
    }

    const size = (): { width: number; height: number } => ({
        width: container.clientWidth || 800,
        height: container.clientHeight || 600
    });
    const behaviour: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
        .scaleExtent([0.05, 2])
        // an explicit extent: the default reads SVG lengths some browsers and jsdom do not report
        .extent(() => {
            const { width, height } = size();
            return [
                [0, 0],
                [width, height]
            ];
        })
        .on('zoom', (event: { transform: { toString(): string } }) =>
            viewport.attr('transform', event.transform.toString())
        );
    const svgSelection = svg as unknown as Selection<SVGSVGElement, unknown, null, undefined>;
    svgSelection.call(behaviour);

    return {
        fit() {
            const { width, height } = size();
            const scale = Math.max(
                0.05,
                Math.min(
                    1,
                    (width - 40) / Math.max(layout.width, 1),
                    (height - 40) / Math.max(layout.height, 1)
                )
            );
            const x = (width - layout.width * scale) / 2;
            svgSelection.call(behaviour.transform, zoomIdentity.translate(x, 20).scale(scale));
        },
        focus(index: number) {
            const { width, height } = size();
            const x = width / 2 - (layout.x[index]! + w / 2);
            const y = height / 2 - (layout.y[index]! + h / 2);
            svgSelection.call(behaviour.transform, zoomIdentity.translate(x, y));
        },
        destroy() {
            svg.on('.zoom', null);
            svg.remove();
        }
    };
}
