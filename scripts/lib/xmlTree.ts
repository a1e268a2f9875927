// A small XML reader that keeps line numbers, for checks that must say where an element is.
// Well-formedness is xmllint's job; this reads the simple, DTD-free XML of Salesforce metadata.

export interface XmlElement {
    name: string;
    line: number;
    attributes: Record<string, string>;
    children: XmlElement[];
    text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(value: string): string {
    return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
        if (entity.startsWith('#x') || entity.startsWith('#X'))
            return String.fromCodePoint(parseInt(entity.slice(2), 16));
        if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
        return ENTITIES[entity] ?? whole;
    });
}

/** Parses XML into its root element; throws with a line number when the structure is broken. */
export function parseXml(source: string): XmlElement {
    const stack: XmlElement[] = [];
    let root: XmlElement | null = null;
    let line = 1;
    let i = 0;
    const advance = (to: number): void => {
        for (let k = i; k < to; k++) if (source.charCodeAt(k) === 10) line++;
        i = to;
    };
    while (i < source.length) {
        const open = source.indexOf('<', i);
        if (open === -1) {
            advance(source.length);
            break;
        }
        if (stack.length) stack[stack.length - 1]!.text += decode(source.slice(i, open));
        advance(open);
        if (source.startsWith('<!--', i)) {
            advance(source.indexOf('-->', i) + 3);
        } else if (source.startsWith('<![CDATA[', i)) {
            const end = source.indexOf(']]>', i);
            if (stack.length) stack[stack.length - 1]!.text += source.slice(i + 9, end);
            advance(end + 3);
        } else if (source.startsWith('<?', i) || source.startsWith('<!', i)) {
            advance(source.indexOf('>', i) + 1);
        } else if (source.startsWith('</', i)) {
            const end = source.indexOf('>', i);
            const name = source.slice(i + 2, end).trim();
            const top = stack.pop();
            if (!top || top.name !== name) {
                throw new Error(`line ${line}: closing </${name}> does not match <${top?.name ?? ''}>`);
            }
            advance(end + 1);
        } else {
            const end = source.indexOf('>', i);
            if (end === -1) throw new Error(`line ${line}: unterminated tag`);
            const raw = source.slice(i + 1, end);
            const selfClosing = raw.endsWith('/');
            const body = selfClosing ? raw.slice(0, -1) : raw;
            const name = body.split(/\s/)[0] ?? '';
            const attributes: Record<string, string> = {};
            for (const match of body.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
                attributes[match[1]!] = decode(match[3] ?? match[4] ?? '');
            }
            const element: XmlElement = { name, line, attributes, children: [], text: '' };
            if (stack.length) stack[stack.length - 1]!.children.push(element);
            else if (!root) root = element;
            if (!selfClosing) stack.push(element);
            advance(end + 1);
        }
    }
    if (!root) throw new Error('no root element');
    if (stack.length) throw new Error(`line ${line}: <${stack[stack.length - 1]!.name}> is never closed`);
    return root;
}

/** The trimmed text of the first child called `name`, or undefined. */
export function childText(element: XmlElement, name: string): string | undefined {
    return element.children.find((child) => child.name === name)?.text.trim();
}

/** Every element below `element` (depth first) called `name`. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
    const out: XmlElement[] = [];
    const visit = (node: XmlElement): void => {
        for (const child of node.children) {
            if (child.name === name) out.push(child);
            visit(child);
        }
    };
    visit(element);
    return out;
}
