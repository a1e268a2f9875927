import { drawQuadrant } from 'c/portfolioQuadrantDraw';
import { DEFAULT_SETTINGS, layoutQuadrant, type QuadrantPoint } from 'c/portfolioQuadrant';

const TEXTS = {
    names: { invest: 'Invest', fix: 'Fix the relationship', maintain: 'Maintain', reconsider: 'Reconsider' },
    bubble: '{0}: key-account score {1}, health {2}, {3}, {4}',
    noTier: 'No tier'
};
const POINTS: QuadrantPoint[] = [
    { id: 'a', name: 'Aeronova <Group>', score: 8.6, health: 38, tier: 'Tier 1', size: 400 },
    { id: 'm', name: 'Meridian Bank', score: 7.4, health: 74, tier: 'Tier 2', size: 100 },
    { id: 'g', name: 'Globex', score: 3, health: 20, tier: 'Tier 3', size: 10 }
];

function draw(onOpen = jest.fn()) {
    const container = document.createElement('div');
    document.body.appendChild(container);
    const layout = layoutQuadrant(POINTS, DEFAULT_SETTINGS, TEXTS);
    const view = drawQuadrant(container, layout, {
        axisX: 'Key-account score',
        axisY: 'Health',
        description: 'The quadrant',
        onOpen
    });
    return { container, layout, view, onOpen };
}

afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
});

describe('drawQuadrant', () => {
    it('draws the four named regions, both boundaries, the axes and a bubble per placed account', () => {
        const { container } = draw();
        const svg = container.querySelector('svg')!;
        expect(svg.getAttribute('viewBox')).toBe('0 0 640 420');
        expect(svg.getAttribute('aria-label')).toBe('The quadrant');
        expect([...svg.querySelectorAll('.region-name')].map((node) => node.textContent).sort()).toEqual([
            'Fix the relationship',
            'Invest',
            'Maintain',
            'Reconsider'
        ]);
        expect(svg.querySelectorAll('line.boundary')).toHaveLength(2);
        expect([...svg.querySelectorAll('.axis-title')].map((node) => node.textContent)).toEqual([
            'Key-account score',
            'Health'
        ]);
        const bubbles = [...svg.querySelectorAll<SVGGElement>('g.bubble')];
        expect(bubbles.map((bubble) => bubble.dataset.id)).toEqual(['a', 'm', 'g']);
        expect(bubbles[0]!.getAttribute('role')).toBe('link');
        expect(bubbles[0]!.getAttribute('aria-label')).toBe(
            'Aeronova <Group>: key-account score 8.6, health 38, Tier 1, Fix the relationship'
        );
        // names are text, not markup
        expect(bubbles[0]!.querySelector('.bubble-name')!.textContent).toBe('Aeronova <Group>');
        expect(bubbles[0]!.querySelector('circle')!.getAttribute('fill')).toBe('#032d60');
        // Aeronova sits in the right quarter: its name is written to the left of the bubble
        expect(bubbles[0]!.querySelector('.bubble-name')!.getAttribute('text-anchor')).toBe('end');
        expect(bubbles[2]!.querySelector('.bubble-name')!.getAttribute('text-anchor')).toBe('start');
    });

    it('has one focus stop and moves it with the arrow keys, Home and End', () => {
        const { view } = draw();
        const bubbles = view.bubbles();
        expect(bubbles.map((bubble) => bubble.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
        bubbles[0]!.focus();
        bubbles[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
        expect(bubbles.map((bubble) => bubble.getAttribute('tabindex'))).toEqual(['-1', '0', '-1']);
        expect(document.activeElement).toBe(bubbles[1]);
        bubbles[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
        expect(document.activeElement).toBe(bubbles[2]);
        bubbles[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true }));
        expect(document.activeElement).toBe(bubbles[0]);
    });

    it('opens an account on click, Enter or Space', () => {
        const { view, onOpen } = draw();
        const bubbles = view.bubbles();
        bubbles[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        bubbles[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        bubbles[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
        expect(onOpen.mock.calls.map((call) => call[0])).toEqual(['m', 'g', 'a']);
    });

    it('redraws in place and removes what it drew', () => {
        const { container, layout } = draw();
        const again = drawQuadrant(container, layout, {
            axisX: 'x',
            axisY: 'y',
            description: 'd',
            onOpen: jest.fn()
        });
        expect(container.querySelectorAll('svg')).toHaveLength(1);
        expect(container.querySelectorAll('g.bubble')).toHaveLength(3);
        again.destroy();
        expect(container.querySelectorAll('g.bubble')).toHaveLength(0);
    });
});
