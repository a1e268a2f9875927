import { buildRelationshipGraph } from 'c/relationshipGraph';
import { layoutRelationshipGraph } from 'c/relationshipLayout';
import { planDrawing } from 'c/relationshipDraw';
import { planToSvg } from 'c/relationshipSvg';

function plan(emphasis = false) {
    const graph = buildRelationshipGraph({
        accountId: 'acc',
        contacts: [
            { id: 'a', name: 'Ann & <Co>', stance: 'Champion', buyingCenterId: 'A', reportsToId: 'b' },
            { id: 'b', name: 'Bo', stance: 'Blocker', buyingCenterId: 'A' },
            { id: 'c', name: 'Cy', buyingCenterId: 'B' }
        ],
        links: [
            { id: 'l1', fromId: 'a', toContactId: 'b', type: 'Influences', strength: 5, frequency: 'Yearly' },
            { id: 'l2', fromId: 'b', toContactId: 'c', type: 'Collaborates', strength: 2 }
        ],
        buyingCenters: [
            { id: 'A', name: 'Alpha' },
            { id: 'B', name: 'Beta' }
        ]
    });
    const layout = layoutRelationshipGraph(graph);
    return planDrawing(graph, layout, {
        reportingLines: true,
        emphasis: emphasis ? { nodes: Uint8Array.from([1, 1, 0]), edges: Uint8Array.from([1, 0]) } : null
    });
}

describe('planToSvg', () => {
    it('writes a standalone SVG with title, date, legend, groups, links, arrows, people and escaped names', () => {
        const picture = planToSvg(plan(), {
            title: 'Relationship map of A&B',
            subtitle: 'As of 1 Dec 2026',
            legend: [
                { label: 'Champion', colour: '#2e844a' },
                { label: 'Dashed', line: 'infrequent' }
            ]
        });
        const { markup } = picture;
        expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(markup).toContain('Relationship map of A&#38;B');
        expect(markup).toContain('As of 1 Dec 2026');
        expect(markup).toContain('stroke-dasharray="4 3"');
        expect(markup).toContain('>Alpha</text>');
        expect(markup).toContain('Ann &#38; &#60;Co&#62;');
        expect(markup.match(/<circle cx/g)!.length).toBeGreaterThanOrEqual(3 + 2 + 1);
        // one arrowhead for the one directed link
        expect(markup.match(/Z/g)).toHaveLength(1);
        expect(picture.width).toBeGreaterThan(0);
        expect(picture.height).toBeGreaterThan(picture.width / 10);
        expect(() => new DOMParser().parseFromString(markup, 'image/svg+xml')).not.toThrow();
        expect(
            new DOMParser().parseFromString(markup, 'image/svg+xml').querySelector('parsererror')
        ).toBeNull();
    });

    it('draws what a focus leaves behind faint, and names only the people in front', () => {
        const { markup } = planToSvg(plan(true), { title: 't', subtitle: 's', legend: [] });
        expect(markup).toContain('opacity="0.15"');
        expect(markup).not.toContain('>Cy</text>');
        expect(markup).toContain('>Bo</text>');
    });
});
