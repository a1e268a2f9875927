// Text helpers every Keystone component shares: labels with placeholders, a readable message from any
// Apex or JavaScript failure, and today's date as the platform writes dates.
import genericError from '@salesforce/label/c.Keystone_Generic_Error';

/** A label with {0}, {1}… replaced by the values, as the platform formats labels. */
export function formatLabel(template: string, ...values: (string | number)[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
        const value = values[Number(index)];
        return value === undefined ? whole : String(value);
    });
}

/** An ISO `YYYY-MM-DD` date as the reader's locale writes it ("22 Nov 2026"); the input when unreadable. */
export function formatIsoDate(iso: string | null | undefined, locale?: string): string {
    if (!iso) return '';
    const time = Date.parse(`${iso}T00:00:00Z`);
    if (Number.isNaN(time)) return iso;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(time);
}

/** Today's date as ISO `YYYY-MM-DD` in the browser's time zone. */
export function isoToday(now: Date = new Date()): string {
    const month = String(now.getMonth() + 1).padStart(2, '0');
    const day = String(now.getDate()).padStart(2, '0');
    return `${now.getFullYear()}-${month}-${day}`;
}

interface ErrorBody {
    message?: unknown;
    pageErrors?: { message?: unknown }[];
    fieldErrors?: Record<string, { message?: unknown }[]>;
}

/**
 * A readable message from whatever an Apex call or wire rejected with: an AuraHandledException body,
 * a list of such errors, a JS Error or a string. Never empty, never "[object Object]".
 */
export function errorMessage(error: unknown): string {
    const messages: string[] = [];
    const collect = (value: unknown): void => {
        if (value === null || value === undefined) {
            return;
        }
        if (typeof value === 'string') {
            if (value.trim()) messages.push(value.trim());
            return;
        }
        if (Array.isArray(value)) {
            value.forEach(collect);
            return;
        }
        if (typeof value === 'object') {
            const record = value as { body?: unknown; message?: unknown };
            if (record.body !== undefined) {
                const body = record.body as ErrorBody | ErrorBody[];
                if (Array.isArray(body)) {
                    body.forEach((item) => collect(item.message));
                } else {
                    collect(body.message);
                    (body.pageErrors ?? []).forEach((item) => collect(item.message));
                    Object.values(body.fieldErrors ?? {}).forEach((list) =>
                        list.forEach((item) => collect(item.message))
                    );
                }
                return;
            }
            collect(record.message);
        }
    };
    collect(error);
    const unique = [...new Set(messages)];
    return unique.length ? unique.join(' ') : genericError;
}
