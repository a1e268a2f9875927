// Draws the portfolio quadrant from c/portfolioQuadrant's layout into a container of the component's own
// template, with d3. Every bubble is a link: one focus stop for the whole chart (the arrow keys move between
// bubbles, Enter or Space opens one), named by its label; names are set as text, never HTML.
import { select } from 'c/d3lib';
import { neighbour, type QuadrantLayout } from 'c/portfolioQuadrant';

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface QuadrantDrawOptions {
    /** The x axis title. */
    axisX: string;
    /** The y axis title. */
    axisY: string;
    /** The chart's accessible description. */
    description: string;
    /** Opens an account (a click, Enter or Space on its bubble). */
    onOpen: (accountId: string) => void;
}

export interface QuadrantView {
    /** The bubble elements, in the layout's order. */
    bubbles(): SVGGElement[];
    /** Moves the focus stop to a bubble and focuses it. */
    focus(index: number): void;
    /** Removes what was drawn. */
    destroy(): void;
}

const KEY_DIRECTIONS: Readonly<Record<string, 'left' | 'right' | 'up' | 'down'>> = {
    ArrowLeft: 'left',
    ArrowRight: 'right',
    ArrowUp: 'up',
    ArrowDown: 'down'
};

/** Draws (or redraws) the quadrant in `container`. */
export function drawQuadrant(
    container: HTMLElement,
    layout: QuadrantLayout,
    options: QuadrantDrawOptions
): QuadrantView {
    select(container).selectAll('svg').remove();
    const svg = select(container)
        .append('svg')
        .attr('xmlns', SVG_NS)
        .attr('class', 'portfolio-quadrant')
        .attr('viewBox', `0 0 ${layout.width} ${layout.height}`)
        .attr('preserveAspectRatio', 'xMidYMid meet')
        .attr('role', 'group')
        .attr('aria-label', options.description);
    const { plot } = layout;

    const regions = svg.append('g').attr('class', 'regions');
    regions
        .selectAll('rect')
        .data(layout.regions)
        .join('rect')
        .attr('class', (region) => `region region_${region.key}`)
        .attr('x', (region) => region.x)
        .attr('y', (region) => region.y)
        .attr('width', (region) => Math.max(0, region.width))
        .attr('height', (region) => Math.max(0, region.height));
    regions
        .selectAll('text')
        .data(layout.regions)
        .join('text')
        .attr('class', 'region-name')
        .attr('data-quadrant', (region) => region.key)
        .attr('x', (region) => region.labelX)
        .attr('y', (region) => region.labelY)
        .attr('text-anchor', (region) => region.labelAnchor)
        .text((region) => region.name);

    const axes = svg.append('g').attr('class', 'axes').attr('aria-hidden', 'true');
    axes.append('line')
        .attr('class', 'boundary')
        .attr('x1', layout.splitX)
        .attr('x2', layout.splitX)
        .attr('y1', plot.top)
        .attr('y2', plot.bottom);
    axes.append('line')
        .attr('class', 'boundary')
        .attr('x1', plot.left)
        .attr('x2', plot.right)
        .attr('y1', layout.splitY)
        .attr('y2', layout.splitY);
    axes.selectAll('text.tick-x')
        .data(layout.xTicks)
        .join('text')
        .attr('class', 'tick tick-x')
        .attr('x', (tick) => tick.position)
        .attr('y', plot.bottom + 14)
        .attr('text-anchor', 'middle')
        .text((tick) => String(tick.value));
    axes.selectAll('text.tick-y')
        .data(layout.yTicks)
        .join('text')
        .attr('class', 'tick tick-y')
        .attr('x', plot.left - 6)
        .attr('y', (tick) => tick.position + 4)
        .attr('text-anchor', 'end')
        .text((tick) => String(tick.value));
    axes.append('text')
        .attr('class', 'axis-title')
        .attr('x', (plot.left + plot.right) / 2)
        .attr('y', layout.height - 4)
        .attr('text-anchor', 'middle')
        .text(options.axisX);
    axes.append('text')
        .attr('class', 'axis-title')
        .attr('transform', `translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`)
        .attr('text-anchor', 'middle')
        .text(options.axisY);

    let focusIndex = 0;
    const bubbles = svg
        .append('g')
        .attr('class', 'bubbles')
        .selectAll<SVGGElement, (typeof layout.bubbles)[number]>('g')
        .data(layout.bubbles)
        .join('g')
        .attr('class', 'bubble')
        .attr('data-id', (bubble) => bubble.id)
        .attr('data-quadrant', (bubble) => bubble.quadrant)
        .attr('role', 'link')
        .attr('aria-label', (bubble) => bubble.label)
        .attr('tabindex', (_bubble, index) => (index === 0 ? 0 : -1))
        .attr('transform', (bubble) => `translate(${bubble.cx} ${bubble.cy})`);
    bubbles.append('title').text((bubble) => bubble.label);
    bubbles
        .append('circle')
        .attr('r', (bubble) => bubble.r)
        .attr('fill', (bubble) => bubble.fill);
    bubbles
        .append('text')
        .attr('class', 'bubble-name')
        .attr('aria-hidden', 'true')
        .attr('x', (bubble) => (bubble.nameSide === 'left' ? -(bubble.r + 3) : bubble.r + 3))
        .attr('text-anchor', (bubble) => (bubble.nameSide === 'left' ? 'end' : 'start'))
        .attr('y', 4)
        .text((bubble) => bubble.name);

    const elements = (): SVGGElement[] => bubbles.nodes();
    const focus = (index: number): void => {
        const nodes = elements();
        const node = nodes[index];
        if (!node) return;
        nodes[focusIndex]?.setAttribute('tabindex', '-1');
        focusIndex = index;
        node.setAttribute('tabindex', '0');
        node.focus();
    };
    bubbles.on('click', (_event: MouseEvent, bubble) => options.onOpen(bubble.id));
    bubbles.on('focus', (_event: FocusEvent, bubble) => {
        const index = layout.bubbles.indexOf(bubble);
        if (index >= 0 && index !== focusIndex) {
            elements()[focusIndex]?.setAttribute('tabindex', '-1');
            focusIndex = index;
            elements()[index]?.setAttribute('tabindex', '0');
        }
    });
    bubbles.on('keydown', (event: KeyboardEvent, bubble) => {
        const index = layout.bubbles.indexOf(bubble);
        if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            options.onOpen(bubble.id);
            return;
        }
        const direction = KEY_DIRECTIONS[event.key];
        if (direction) {
            event.preventDefault();
            focus(neighbour(layout.bubbles, index, direction));
        } else if (event.key === 'Home' || event.key === 'End') {
            event.preventDefault();
            focus(event.key === 'Home' ? 0 : layout.bubbles.length - 1);
        }
    });

    return {
        bubbles: elements,
        focus,
        destroy: () => {
            svg.remove();
        }
    };
}
