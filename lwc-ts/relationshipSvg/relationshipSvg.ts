// The relationship map as a picture a rep can send or print: the whole network (not only the part on
// screen) as the screen draws it, with a title, the date and a legend, as a standalone SVG. DOM-free.
import { escapeXml } from 'c/orgChartExport';
import { arrowPoints, GROUP_FILL, GROUP_STROKE, TEXT_COLOUR, type DrawingPlan } from 'c/relationshipDraw';

export interface MapLegendEntry {
    label: string;
    /** A swatch's fill; absent for a line entry. */
    colour?: string;
    line?: 'link' | 'infrequent' | 'reporting';
}

export interface SvgOptions {
    title: string;
    /** The date line, already worded. */
    subtitle: string;
    legend: readonly MapLegendEntry[];
}

export interface MapPicture {
    markup: string;
    width: number;
    height: number;
}

const PADDING = 24;
const HEADER = 72;
const LEGEND_ROW = 20;
const LEGEND_COLUMN = 170;

const round = (value: number): string => String(Math.round(value * 10) / 10);

/** The SVG document of a drawing plan: shapes in world coordinates, shifted under a header. */
export function planToSvg(plan: DrawingPlan, options: SvgOptions): MapPicture {
    const worldWidth = Math.max(1, plan.maxX - plan.minX);
    const worldHeight = Math.max(1, plan.maxY - plan.minY);
    // a column as wide as the longest entry (about 6.5 px a character at 11 px), so entries never overlap
    const column = Math.max(
        LEGEND_COLUMN,
        ...options.legend.map((entry) => 22 + Math.ceil(entry.label.length * 6.5) + 12)
    );
    const width = Math.max(worldWidth + 2 * PADDING, 4 * column);
    const perRow = Math.max(1, Math.floor((width - 2 * PADDING) / column));
    const legendHeight = Math.ceil(options.legend.length / perRow) * LEGEND_ROW;
    const height = HEADER + legendHeight + worldHeight + 2 * PADDING;
    const dx = (width - worldWidth) / 2 - plan.minX;
    const dy = HEADER + legendHeight + PADDING - plan.minY;
    const out: string[] = [
        `<svg xmlns="http://www.w3.org/2000/svg" width="${round(width)}" height="${round(height)}" viewBox="0 0 ${round(width)} ${round(height)}" font-family="sans-serif">`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`,
        `<text x="${PADDING}" y="32" font-size="20" font-weight="bold" fill="${TEXT_COLOUR}">${escapeXml(options.title)}</text>`,
        `<text x="${PADDING}" y="54" font-size="12" fill="#444444">${escapeXml(options.subtitle)}</text>`
    ];
    options.legend.forEach((entry, i) => {
        const lx = PADDING + (i % perRow) * column;
        const ly = HEADER + Math.floor(i / perRow) * LEGEND_ROW;
        if (entry.line) {
            const dash = entry.line === 'infrequent' ? ' stroke-dasharray="4 3"' : '';
            const colour = entry.line === 'reporting' ? '#c9c7c5' : '#706e6b';
            out.push(
                `<line x1="${lx}" y1="${ly + 6}" x2="${lx + 16}" y2="${ly + 6}" stroke="${colour}" stroke-width="2"${dash}/>`
            );
        } else {
            out.push(
                `<circle cx="${lx + 8}" cy="${ly + 6}" r="6" fill="${entry.colour ?? '#ffffff'}" stroke="#706e6b" stroke-width="0.5"/>`
            );
        }
        out.push(
            `<text x="${lx + 22}" y="${ly + 10}" font-size="11" fill="${TEXT_COLOUR}">${escapeXml(entry.label)}</text>`
        );
    });
    out.push(`<g transform="translate(${round(dx)} ${round(dy)})">`);
    for (const group of plan.groups) {
        out.push(
            `<circle cx="${round(group.x)}" cy="${round(group.y)}" r="${round(group.radius)}" fill="${GROUP_FILL}" stroke="${GROUP_STROKE}"/>`
        );
        if (group.name)
            out.push(
                `<text x="${round(group.x)}" y="${round(group.y - group.radius + 14)}" font-size="12" text-anchor="middle" fill="${TEXT_COLOUR}">${escapeXml(group.name)}</text>`
            );
    }
    for (const batch of plan.edges) {
        const dash = batch.dashed ? ' stroke-dasharray="4 3"' : '';
        const s = batch.segments;
        const path: string[] = [];
        for (let i = 0; i < s.length; i += 4)
            path.push(`M${round(s[i]!)} ${round(s[i + 1]!)}L${round(s[i + 2]!)} ${round(s[i + 3]!)}`);
        out.push(
            `<path d="${path.join('')}" fill="none" stroke="${batch.colour}" stroke-width="${round(batch.width)}" opacity="${batch.alpha}"${dash}/>`
        );
        const a = batch.arrows;
        const heads: string[] = [];
        for (let i = 0; i < a.length; i += 3) {
            const p = arrowPoints(a[i]!, a[i + 1]!, a[i + 2]!, batch.width).map(round);
            heads.push(`M${p[0]} ${p[1]}L${p[2]} ${p[3]}L${p[4]} ${p[5]}Z`);
        }
        if (heads.length)
            out.push(`<path d="${heads.join('')}" fill="${batch.colour}" opacity="${batch.alpha}"/>`);
    }
    for (const batch of plan.nodes) {
        const c = batch.circles;
        const shapes: string[] = [];
        for (let i = 0; i < c.length; i += 3)
            shapes.push(`<circle cx="${round(c[i]!)}" cy="${round(c[i + 1]!)}" r="${round(c[i + 2]!)}"/>`);
        out.push(`<g fill="${batch.fill}" stroke="#ffffff" opacity="${batch.alpha}">${shapes.join('')}</g>`);
    }
    out.push(`<g font-size="10" text-anchor="middle" fill="${TEXT_COLOUR}">`);
    for (const label of plan.labels)
        out.push(
            `<text x="${round(label.x)}" y="${round(label.y + label.radius + 11)}">${escapeXml(label.text)}</text>`
        );
    out.push('</g>', '</g>', '</svg>');
    return { markup: out.join('\n'), width, height };
}
