// Amounts in the account's currency, DOM-free: short for cells ("≈" when the short form rounds), exact for
// hover text and screen readers. The locale is the browser's unless a caller names one.

/** Marks a compact amount that rounding changed, so $7.5M + $1.5M showing $8.9M carries a hint. */
export const ROUNDED_MARK = '≈';

function compactFormat(currency: string, locale: string | undefined): Intl.NumberFormat {
    const options: Intl.NumberFormatOptions = {
        notation: 'compact',
        minimumFractionDigits: 0,
        maximumFractionDigits: 1
    };
    try {
        return new Intl.NumberFormat(locale, { ...options, style: 'currency', currency: currency || 'USD' });
    } catch {
        // an unknown ISO code: the number alone rather than nothing
        return new Intl.NumberFormat(locale, options);
    }
}

/** Whether the compact text of an amount stands for a different amount (so it needs the hint). */
export function isRoundedCompact(amount: number, format: Intl.NumberFormat): boolean {
    let digits = '';
    for (const part of format.formatToParts(Math.abs(amount)))
        if (part.type === 'integer') digits += part.value.replace(/\D/g, '');
        else if (part.type === 'fraction') digits += `.${part.value}`;
    const shown = Number(digits || '0');
    if (amount === 0) return false;
    if (shown === 0) return true;
    // the compact unit (K, M, Mio., 万…) is a power of ten: recover it from the ratio
    const scale = 10 ** Math.round(Math.log10(Math.abs(amount) / shown));
    return Math.abs(shown * scale - Math.abs(amount)) > 1e-9 * Math.abs(amount);
}

/**
 * An amount in a currency, short ("$2.1M"), for cells; "≈" in front when the short form rounds it. The
 * locale is the browser's unless given; `signed` writes "+" on gains (the change view).
 */
export function compactMoney(amount: number, currency: string, locale?: string, signed = false): string {
    const format = compactFormat(currency, locale);
    const text = format.format(Math.abs(amount));
    const sign = amount < 0 ? '−' : signed && amount > 0 ? '+' : '';
    return `${sign}${isRoundedCompact(amount, format) ? ROUNDED_MARK : ''}${text}`;
}

/** An amount in full ("$7,450,000"), for hover text and screen readers. */
export function exactMoney(amount: number, currency: string, locale?: string): string {
    try {
        return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency: currency || 'USD',
            // whole amounts without ",00"; cents when there are any
            minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
            maximumFractionDigits: 2
        }).format(amount);
    } catch {
        return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(amount);
    }
}
