// Dates as reps type them, DOM-free: the locale decides the order of day and month, so "9/30/2026" and
// "30/09/2026" both read, and text that is no real date is refused rather than dropped.

/**
 * A date as a rep types it, as ISO (YYYY-MM-DD): ISO itself (also with / or .), or day, month and year in
 * the locale's numeric order ("9/30/2026" in en-US, "30/09/2026" in en-GB), or with a month name
 * ("Sep 30, 2026", "30 September 2026"). Empty text is null; text that is no real date is undefined, so
 * the caller can refuse it rather than drop it.
 */
export function parseTypedDate(text: string, locale?: string): string | null | undefined {
    const input = text.trim();
    if (!input) return null;
    const valid = (year: number, month: number, day: number): string | undefined => {
        if (!Number.isInteger(year) || year < 1700 || year > 4000) return undefined;
        const date = new Date(Date.UTC(year, month - 1, day));
        if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
            return undefined;
        return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    };
    const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(input);
    if (iso) return valid(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    const numeric = /^(\d{1,4})[-/. ]+(\d{1,2})[-/. ]+(\d{1,4})\.?$/.exec(input);
    if (numeric) {
        const order = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'numeric', day: 'numeric' })
            .formatToParts(new Date(Date.UTC(2026, 8, 30)))
            .map((part) => part.type)
            .filter((type) => type === 'year' || type === 'month' || type === 'day');
        const values: Record<string, number> = {};
        order.forEach((type, index) => (values[type] = Number(numeric[index + 1])));
        return valid(values.year!, values.month!, values.day!);
    }
    const words = input
        .toLowerCase()
        .replace(/,/g, ' ')
        .split(/[\s.]+/)
        .filter(Boolean);
    if (words.length !== 3) return undefined;
    const months = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((month) => {
        const date = new Date(Date.UTC(2026, month, 15));
        return ['long', 'short'].map((style) =>
            new Intl.DateTimeFormat(locale, { month: style as 'long' | 'short', timeZone: 'UTC' })
                .format(date)
                .toLowerCase()
                .replace(/\.$/, '')
        );
    });
    // "sep" and "sept" both name September, whatever the locale's own abbreviation
    const names = (word: string, index: number): boolean =>
        months[index]!.includes(word) || (word.length >= 3 && months[index]![0]!.startsWith(word));
    const month = months.findIndex((_, index) => words.some((word) => names(word, index))) + 1;
    const rest = words.filter((word) => !month || !names(word, month - 1)).map(Number);
    if (!month || rest.length !== 2 || rest.some((value) => !Number.isInteger(value))) return undefined;
    const [first, second] = rest as [number, number];
    return first > 31 ? valid(first, month, second) : valid(second, month, first);
}
