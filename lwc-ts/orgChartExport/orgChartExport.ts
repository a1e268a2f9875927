// The whole org chart as a picture a rep can send or print: every person the chart has open (not only
// the part on screen) with a title, the date and a legend, as a standalone SVG document. DOM-free.
import { ROOT } from 'c/orgHierarchy';
import type { Layout } from 'c/orgLayout';
import type { Card, OrgChartModel } from 'c/orgChartModel';

/** Where a card's lines of text sit, shared by the screen and the export so both read the same. */
export const CARD_TEXT = { left: 14, nameY: 22, titleY: 40, roleY: 58, flagsY: 78 } as const;

export function truncate(text: string, max: number): string {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The flags line of a card; the decision role is not repeated (the role line shows it). */
export function cardFlags(card: Card): string {
    return truncate(
        card.flags
            .filter((flag) => flag.kind !== 'decision-maker')
            .map((flag) => `⚑ ${flag.label}`)
            .join('  '),
        // what fits a card's width at 11 px bold
        32
    );
}

export interface LegendEntry {
    label: string;
    /** A fill colour for a swatch; absent for a line or a symbol entry. */
    colour?: string;
    /** The symbol or line the entry explains: a swatch by default. */
    shape?: 'swatch' | 'reporting-line' | 'influence-link' | 'dotted-line' | 'initials' | 'trend';
}

export interface ExportOptions {
    title: string;
    /** The date line, already worded ("As of 30 Nov 2026"). */
    subtitle: string;
    legend: readonly LegendEntry[];
    nodeWidth: number;
    nodeHeight: number;
    /** Influence links among the people shown, when the chart shows links. */
    links?: readonly {
        fromIndex: number;
        toIndex: number;
        strength: number | null;
        dashed: boolean;
        dotted: boolean;
    }[];
    /** When set, the people a filter keeps (1); the others are drawn faint, as on screen. */
    matches?: Uint8Array | null;
}

export interface ExportedChart {
    markup: string;
    width: number;
    height: number;
}

const PADDING = 24;
const HEADER = 96;
const FONT = `font-family="Salesforce Sans, Arial, sans-serif"`;
const TREND_ARROW: Record<string, string> = { warming: '▲', cooling: '▼', steady: '▶', none: '' };
const TREND_COLOUR: Record<string, string> = { warming: '#2e844a', cooling: '#ba0517', steady: '#706e6b' };

/** Text for an SVG text node or attribute: markup characters escaped, nothing else changed. */
export function escapeXml(text: string): string {
    // control characters (but tab and line ends) are not allowed in XML at all: one would break the picture
    const allowed = Array.from(text)
        .filter((character) => {
            const code = character.charCodeAt(0);
            return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
        })
        .join('');
    return allowed.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function textElement(x: number, y: number, value: string, attributes: string): string {
    return `<text x="${x}" y="${y}" ${attributes}>${escapeXml(value)}</text>`;
}

function legendMarkup(entries: readonly LegendEntry[], top: number): { markup: string; width: number } {
    let x = PADDING;
    const parts: string[] = [];
    for (const entry of entries) {
        const y = top;
        switch (entry.shape ?? 'swatch') {
            case 'swatch':
                parts.push(
                    `<rect x="${x}" y="${y - 10}" width="12" height="12" rx="2" fill="${escapeXml(entry.colour ?? '#939393')}"/>`
                );
                break;
            case 'reporting-line':
                parts.push(`<path d="M${x},${y - 4}h16" stroke="#a0a0a0" stroke-width="1.5"/>`);
                break;
            case 'influence-link':
                parts.push(
                    `<path d="M${x},${y - 2}q8,-10 16,0" fill="none" stroke="#0176d3" stroke-opacity="0.6" stroke-width="2"/>`
                );
                break;
            case 'dotted-line':
                parts.push(
                    `<path d="M${x},${y - 4}h16" stroke="#706e6b" stroke-width="2" stroke-dasharray="2 4"/>`
                );
                break;
            case 'initials':
                parts.push(`<circle cx="${x + 8}" cy="${y - 4}" r="8" fill="#e5f2ff" stroke="#0176d3"/>`);
                break;
            case 'trend':
                parts.push(textElement(x, y, '▲▼', `${FONT} font-size="11" fill="#706e6b"`));
                break;
            default:
                break;
        }
        parts.push(textElement(x + 20, y, entry.label, `${FONT} font-size="12" fill="#3e3e3c"`));
        // a fixed advance per character keeps the document independent of font metrics
        x += 20 + entry.label.length * 6.2 + 18;
    }
    return { markup: parts.join(''), width: x };
}

function cardMarkup(
    card: Card,
    x: number,
    y: number,
    w: number,
    h: number,
    reports: number,
    faint: boolean
): string {
    const parts = [
        `<g transform="translate(${x},${y})"${faint ? ' opacity="0.25"' : ''}>`,
        `<rect width="${w}" height="${h}" rx="6" fill="#ffffff" stroke="#c9c9c9"/>`,
        `<rect width="6" height="${h}" rx="3" fill="${escapeXml(card.colour)}"/>`,
        textElement(
            CARD_TEXT.left,
            CARD_TEXT.nameY,
            truncate(card.name || '—', 26),
            `${FONT} font-size="14" font-weight="700" fill="#181818"`
        ),
        textElement(
            CARD_TEXT.left,
            CARD_TEXT.titleY,
            truncate(card.title, 32),
            `${FONT} font-size="12" fill="#444444"`
        )
    ];
    if (card.role)
        parts.push(
            textElement(
                CARD_TEXT.left,
                CARD_TEXT.roleY,
                truncate(card.role, 30),
                `${FONT} font-size="12" fill="#706e6b"`
            )
        );
    const flags = cardFlags(card);
    if (flags)
        parts.push(
            textElement(
                CARD_TEXT.left,
                CARD_TEXT.flagsY,
                flags,
                `${FONT} font-size="11" font-weight="700" fill="#3e3e3c"`
            )
        );
    if (card.ownerInitials) {
        parts.push(`<circle cx="${w - 18}" cy="18" r="12" fill="#e5f2ff" stroke="#0176d3"/>`);
        parts.push(
            textElement(
                w - 18,
                22,
                card.ownerInitials,
                `${FONT} font-size="10" font-weight="700" fill="#014486" text-anchor="middle"`
            )
        );
    }
    if (TREND_ARROW[card.trend])
        parts.push(
            textElement(
                w - 18,
                52,
                TREND_ARROW[card.trend]!,
                `${FONT} font-size="12" fill="${TREND_COLOUR[card.trend]}" text-anchor="middle"`
            )
        );
    if (reports) {
        parts.push(`<circle cx="${w / 2}" cy="${h}" r="11" fill="#ffffff" stroke="#0176d3"/>`);
        parts.push(
            textElement(
                w / 2,
                h + 4,
                String(reports),
                `${FONT} font-size="11" fill="#0176d3" text-anchor="middle"`
            )
        );
    }
    parts.push('</g>');
    return parts.join('');
}

/**
 * Every open person of the chart at full size, under a header with the title, the date and the legend.
 * A collapsed team shows its head count on its manager's card, as on screen.
 */
export function exportChart(
    model: OrgChartModel,
    layout: Layout,
    expanded: Uint8Array,
    options: ExportOptions
): ExportedChart {
    const { nodeWidth: w, nodeHeight: h } = options;
    const legend = legendMarkup(options.legend, HEADER - 20);
    const width = Math.ceil(Math.max(layout.width + 2 * PADDING, legend.width + PADDING, 480));
    const height = Math.ceil(layout.height + HEADER + 2 * PADDING);
    const left = (width - layout.width) / 2;
    const top = HEADER + PADDING;
    const { hierarchy, cards } = model;
    const edges: string[] = [];
    for (const node of layout.visible) {
        const manager = hierarchy.parent[node]!;
        if (manager === ROOT || Number.isNaN(layout.x[manager]!)) continue;
        const px = layout.x[manager]! + w / 2;
        const py = layout.y[manager]! + h;
        const cx = layout.x[node]!;
        const cy = layout.y[node]!;
        edges.push(
            layout.stacked[manager]
                ? `M${px},${py}V${cy + h / 2}H${cx}`
                : `M${px},${py}V${(py + cy) / 2}H${cx + w / 2}V${cy}`
        );
    }
    const links = (options.links ?? [])
        .filter((link) => !Number.isNaN(layout.x[link.fromIndex]!) && !Number.isNaN(layout.x[link.toIndex]!))
        .map((link) => {
            const x1 = layout.x[link.fromIndex]! + w / 2;
            const y1 = layout.y[link.fromIndex]! + h / 2;
            const x2 = layout.x[link.toIndex]! + w / 2;
            const y2 = layout.y[link.toIndex]! + h / 2;
            const dash = link.dotted
                ? ' stroke-dasharray="2 4"'
                : link.dashed
                  ? ' stroke-dasharray="6 4"'
                  : '';
            const colour = link.dotted ? '#706e6b' : '#0176d3';
            return `<path d="M${x1},${y1} Q${(x1 + x2) / 2},${Math.min(y1, y2) - 80} ${x2},${y2}" fill="none" stroke="${colour}" stroke-opacity="0.45" stroke-width="${1 + (link.strength ?? 1)}"${dash}/>`;
        });
    const body = layout.visible.map((index) =>
        cardMarkup(
            cards[index]!,
            layout.x[index]!,
            layout.y[index]!,
            w,
            h,
            expanded[index] ? 0 : hierarchy.children[index]!.length,
            !!options.matches && !options.matches[index]
        )
    );
    const markup = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
        `<rect width="100%" height="100%" fill="#ffffff"/>`,
        textElement(PADDING, 36, options.title, `${FONT} font-size="22" font-weight="700" fill="#181818"`),
        textElement(PADDING, 58, options.subtitle, `${FONT} font-size="13" fill="#706e6b"`),
        legend.markup,
        `<g transform="translate(${left},${top})">`,
        `<path d="${edges.join('')}" fill="none" stroke="#a0a0a0" stroke-width="1.5"/>`,
        ...links,
        ...body,
        '</g>',
        '</svg>'
    ].join('\n');
    return { markup, width, height };
}

/**
 * The pixel ratio for a PNG of the export: twice the size for sharp print, less where browsers refuse a
 * canvas (16,384 px a side, about 120 million pixels).
 */
export function pngScale(width: number, height: number): number {
    return Math.min(2, 16384 / width, 16384 / height, Math.sqrt(120_000_000 / (width * height)));
}
