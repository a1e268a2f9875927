import { buildOrgChart } from 'c/orgChartModel';
import type { Stakeholder } from 'c/orgChartData';
import { DEFAULT_LAYOUT, layoutHierarchy } from 'c/orgLayout';
import { expandAll, expandToDepth } from 'c/orgVisibility';
import { cardFlags, escapeXml, exportChart, pngScale } from 'c/orgChartExport';
import { defaultHeatSettings } from '../../heatScore/__tests__/defaultHeatSettings';
import { stakeholder } from '../../orgChartModel/__tests__/stakeholder';

const settings = defaultHeatSettings();
const options = {
    title: 'Aeronova Group — Org Chart',
    subtitle: 'As of 30 Nov 2026',
    legend: [
        { label: 'Warm', colour: '#2E844A' },
        { label: 'Reporting line', shape: 'reporting-line' as const }
    ],
    nodeWidth: DEFAULT_LAYOUT.nodeWidth,
    nodeHeight: DEFAULT_LAYOUT.nodeHeight
};

function people(count: number): Stakeholder[] {
    return Array.from({ length: count }, (_, index) =>
        stakeholder({
            id: `p${index}`,
            name: `Person ${index}`,
            title: 'Director',
            reportsToId: index === 0 ? null : `p${Math.floor((index - 1) / 4)}`,
            stance: 'Supporter',
            influence: 3,
            relationshipStrength: 3
        })
    );
}

function parse(markup: string): Document {
    return new DOMParser().parseFromString(markup, 'image/svg+xml');
}

describe('exportChart', () => {
    it('draws every open person, not only those on screen, under the title, date and legend', () => {
        const model = buildOrgChart(people(300), settings, 'heat', '2026-11-30');
        const expanded = expandAll(model.hierarchy);
        const layout = layoutHierarchy(model.hierarchy, expanded, DEFAULT_LAYOUT);
        const picture = exportChart(model, layout, expanded, options);
        const svg = parse(picture.markup);
        expect(svg.querySelector('parsererror')).toBeNull();
        const texts = Array.from(svg.querySelectorAll('text')).map((text) => text.textContent);
        expect(texts).toContain('Aeronova Group — Org Chart');
        expect(texts).toContain('As of 30 Nov 2026');
        expect(texts).toContain('Reporting line');
        for (let index = 0; index < 300; index++) expect(texts).toContain(`Person ${index}`);
        expect(picture.width).toBeGreaterThanOrEqual(layout.width);
        expect(picture.height).toBeGreaterThan(layout.height);
    });

    it('shows a closed team as a head count on its manager', () => {
        const model = buildOrgChart(people(9), settings, 'heat', '2026-11-30');
        const expanded = expandToDepth(model.hierarchy, 1);
        const layout = layoutHierarchy(model.hierarchy, expanded, DEFAULT_LAYOUT);
        const texts = Array.from(
            parse(exportChart(model, layout, expanded, options).markup).querySelectorAll('text')
        ).map((text) => text.textContent);
        expect(texts).toContain('Person 0');
        expect(texts).not.toContain('Person 1');
        expect(texts).toContain('4');
    });

    it('keeps names with markup characters as text', () => {
        const model = buildOrgChart(
            [stakeholder({ id: 'x', name: '<b>Tom & "Jerry"</b>', title: null, reportsToId: null })],
            settings,
            'heat',
            '2026-11-30'
        );
        const expanded = expandAll(model.hierarchy);
        const layout = layoutHierarchy(model.hierarchy, expanded, DEFAULT_LAYOUT);
        const svg = parse(exportChart(model, layout, expanded, { ...options, title: 'A & B <C>' }).markup);
        expect(svg.querySelector('parsererror')).toBeNull();
        expect(svg.querySelector('b')).toBeNull();
        const texts = Array.from(svg.querySelectorAll('text')).map((text) => text.textContent);
        expect(texts).toContain('<b>Tom & "Jerry"</b>');
        expect(texts).toContain('A & B <C>');
        expect(escapeXml(`<&>"'`)).toBe('&#60;&#38;&#62;&#34;&#39;');
        expect(escapeXml('Bell\u0007 and\ttab')).toBe('Bell and\ttab');
    });
});

describe('cardFlags', () => {
    it('leaves the decision role to the role line and marks each flag', () => {
        const [card] = buildOrgChart(
            [
                stakeholder({
                    id: 'x',
                    name: 'X',
                    reportsToId: null,
                    decisionRole: 'Decision Maker',
                    leaving: true,
                    relationshipOwnerId: null,
                    relationshipOwnerName: null
                })
            ],
            settings,
            'heat',
            '2026-11-30'
        ).cards;
        expect(card!.role).toBe('Decision Maker');
        expect(cardFlags(card!)).toBe('⚑ Leaving  ⚑ No owner');
    });
});

describe('pngScale', () => {
    it.each([
        [800, 600, 2],
        [16384, 100, 1],
        [40000, 4000, 16384 / 40000]
    ])('%i × %i → %f', (width, height, scale) => {
        expect(pngScale(width, height)).toBeCloseTo(scale, 6);
    });

    it('keeps a huge chart under the pixels a canvas may hold', () => {
        const scale = pngScale(15000, 15000);
        expect(15000 * scale * 15000 * scale).toBeLessThanOrEqual(120_000_000 + 1);
    });
});
