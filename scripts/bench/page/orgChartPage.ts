// Runs in the benchmark's Chromium page: draws one generated org chart with Keystone's pipeline (model,
// visibility, layout, d3 drawing — what orgChartHeatMap does) or with d3-org-chart, and times each step
// to the next painted frame so both sides pay for style, layout and paint.
import { OrgChart } from 'd3-org-chart';
import {
    buildOrgChart,
    type ChartPerson,
    type OrgChartModel
} from '../../../lwc-ts/orgChartModel/orgChartModel';
import { DEFAULT_LAYOUT, layoutHierarchy } from '../../../lwc-ts/orgLayout/orgLayout';
import { collapseAll, expandAll, expandToDepth } from '../../../lwc-ts/orgVisibility/orgVisibility';
import { drawOrgChart, type ChartView } from '../../../lwc-ts/orgChartDraw/orgChartDraw';
import type { HeatSettings } from '../../../lwc-ts/heatScore/heatScore';

export type RenderMode = 'expanded' | 'depth2';

export interface OrgChartBenchSide {
    render(people: ChartPerson[], settings: HeatSettings, mode: RenderMode): Promise<number>;
    expandAll(): Promise<number>;
    collapseAll(): Promise<number>;
}

/** Depth 2 = the top person, their reports and the reports' reports are on screen. */
const DEPTH2_LEVELS = 3;

function nextFrame(): Promise<void> {
    return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

async function timed(work: () => void): Promise<number> {
    const started = performance.now();
    work();
    // force style and layout, then wait for the frame that paints it
    document.body.getBoundingClientRect();
    await nextFrame();
    return performance.now() - started;
}

function container(): HTMLElement {
    return document.getElementById('chart')!;
}

function keystone(): OrgChartBenchSide {
    let model: OrgChartModel | undefined;
    let view: ChartView | undefined;
    const draw = (expanded: Uint8Array): void => {
        const layout = layoutHierarchy(model!.hierarchy, expanded, DEFAULT_LAYOUT);
        view?.destroy();
        view = drawOrgChart(container(), model!, layout, expanded, {
            nodeWidth: DEFAULT_LAYOUT.nodeWidth,
            nodeHeight: DEFAULT_LAYOUT.nodeHeight,
            showLinks: false,
            links: [],
            onToggle: () => undefined,
            onSelect: () => undefined
        });
        view.fit();
    };
    return {
        render: (people, settings, mode) =>
            timed(() => {
                model = buildOrgChart(people, settings, 'heat', '2026-11-23');
                draw(
                    mode === 'expanded'
                        ? expandAll(model.hierarchy)
                        : expandToDepth(model.hierarchy, DEPTH2_LEVELS)
                );
            }),
        expandAll: () => timed(() => draw(expandAll(model!.hierarchy))),
        collapseAll: () => timed(() => draw(collapseAll(model!.hierarchy)))
    };
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function peer(): OrgChartBenchSide {
    let chart: OrgChart | undefined;
    return {
        render: (people, _settings, mode) =>
            timed(() => {
                const rows = people.map((person) => ({
                    id: person.id,
                    parentId: person.reportsToId ?? '',
                    name: person.name ?? '',
                    title: person.title ?? '',
                    role: person.decisionRole ?? '',
                    _expanded: mode === 'expanded'
                }));
                chart = new OrgChart()
                    .container(container())
                    .data(rows)
                    .svgHeight(container().clientHeight)
                    .nodeWidth(() => DEFAULT_LAYOUT.nodeWidth)
                    .nodeHeight(() => DEFAULT_LAYOUT.nodeHeight)
                    .duration(0)
                    .initialExpandLevel(mode === 'expanded' ? 1 : DEPTH2_LEVELS - 1)
                    .nodeContent(
                        (node: { data: { name: string; title: string; role: string } }) =>
                            `<div class="card"><b>${escapeHtml(node.data.name)}</b><br>${escapeHtml(node.data.title)}<br>${escapeHtml(node.data.role)}</div>`
                    )
                    .render();
            }),
        expandAll: () => timed(() => chart!.expandAll()),
        collapseAll: () => timed(() => chart!.collapseAll())
    };
}

const sides: Record<string, () => OrgChartBenchSide> = { keystone, peer };
(window as unknown as { orgChartBench: (side: string) => OrgChartBenchSide }).orgChartBench = (side) =>
    sides[side]!();
