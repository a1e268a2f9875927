// Salesforce-shaped record Ids for the preview: the object's key prefix, a counter, and the 18-character
// case-safe suffix, so Ids look and validate like the platform's.

const STANDARD_PREFIXES: Record<string, string> = {
    Account: '001',
    Contact: '003',
    User: '005',
    Opportunity: '006',
    Event: '00U',
    Task: '00T',
    Case: '500',
    Product2: '01t'
};

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character suffix that makes a 15-character Id case-insensitively unique. */
export function caseSafeSuffix(id15: string): string {
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let flags = 0;
        for (let i = 0; i < 5; i++) {
            const char = id15[block * 5 + i]!;
            if (char >= 'A' && char <= 'Z') flags |= 1 << i;
        }
        suffix += SUFFIX_CHARS[flags];
    }
    return suffix;
}

/** True when `value` is a well-formed 15- or 18-character Id (with a correct suffix when 18). */
export function isValidId(value: unknown): value is string {
    if (typeof value !== 'string' || !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value)) return false;
    return value.length === 15 || caseSafeSuffix(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/** Hands out Ids per object, with stable prefixes for custom objects (a00, a01… in name order). */
export class IdFactory {
    private readonly prefixes = new Map<string, string>();
    private readonly counters = new Map<string, number>();

    constructor(customObjects: string[]) {
        [...customObjects].sort().forEach((name, index) => {
            this.prefixes.set(name, `a${index.toString(36).padStart(2, '0').toUpperCase()}`);
        });
    }

    prefixOf(sobject: string): string {
        const known =
            (Object.hasOwn(STANDARD_PREFIXES, sobject) ? STANDARD_PREFIXES[sobject] : undefined) ??
            this.prefixes.get(sobject);
        if (known) return known;
        const made = `x${this.prefixes.size.toString(36).padStart(2, '0').toUpperCase()}`;
        this.prefixes.set(sobject, made);
        return made;
    }

    /** The object an Id belongs to, by its prefix; undefined for an unknown prefix. */
    objectOf(id: string): string | undefined {
        const prefix = id.slice(0, 3);
        const standard = Object.entries(STANDARD_PREFIXES).find(([, value]) => value === prefix)?.[0];
        return standard ?? [...this.prefixes].find(([, value]) => value === prefix)?.[0];
    }

    next(sobject: string): string {
        const count = (this.counters.get(sobject) ?? 0) + 1;
        this.counters.set(sobject, count);
        const id15 = `${this.prefixOf(sobject)}000000${count.toString(36).toUpperCase().padStart(6, '0')}`;
        return id15 + caseSafeSuffix(id15);
    }
}
