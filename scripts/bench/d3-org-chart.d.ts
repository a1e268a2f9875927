// The part of d3-org-chart (benchmark peer only, untyped upstream) the benchmark calls: every setting is
// a chainable accessor.
declare module 'd3-org-chart' {
    export class OrgChart {
        container(element: HTMLElement): this;
        data(rows: object[]): this;
        svgHeight(height: number): this;
        nodeWidth(width: () => number): this;
        nodeHeight(height: () => number): this;
        duration(ms: number): this;
        initialExpandLevel(level: number): this;
        nodeContent(content: (node: never) => string): this;
        render(): this;
        expandAll(): this;
        collapseAll(): this;
    }
}
