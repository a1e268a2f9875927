// The preview's lightning/pageReferenceUtils: the "Field=value,Field=value" string a standard__objectPage
// carries in state.defaultFieldValues. Keys and values are URI-encoded, so a comma or an equals sign
// inside a value cannot split it; a null value is the bare key (the field is blanked), an undefined one
// is left out. The platform documents no key order, so nothing may depend on one.

export type DefaultFieldValue = string | number | boolean | null | undefined;

/** Encodes default field values from an object into the serialized string a page reference carries. */
export function encodeDefaultFieldValues(values: Record<string, DefaultFieldValue>): string {
    if (typeof values !== 'object' || values === null) {
        throw new TypeError('The encodeDefaultFieldValues input must be a non-null object.');
    }
    const pairs: string[] = [];
    for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
            throw new TypeError(
                `The value of a defaultFieldValues entry must be a string, boolean or number. Invalid value type for '${key}' is ${typeof value}.`
            );
        }
        pairs.push(
            value === null
                ? encodeURIComponent(key)
                : `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`
        );
    }
    return pairs.join(',');
}

// links built by hand sometimes write a space as "+", as a query string would
function decodePart(text: string): string {
    return decodeURIComponent(text.replace(/\+/g, ' '));
}

/** Decodes the serialized string back to field → value (every value a string; a bare key is null). */
export function decodeDefaultFieldValues(encoded: string): Record<string, string | null> {
    if (typeof encoded !== 'string') {
        throw new TypeError('The decodeDefaultFieldValues input must be a string.');
    }
    const values: Record<string, string | null> = {};
    for (const part of encoded.split(',')) {
        if (!part) continue;
        const pair = part.split('=');
        if (pair.length === 2) values[decodePart(pair[0]!)] = decodePart(pair[1]!);
        else values[decodePart(part)] = null;
    }
    return values;
}
