// Where the preview's address points and what a record form sends: pure functions the shell and its
// record form wire up. The address is what the preview's lightning/navigation writes: #/record/<id> for a
// record page, #/app/<tab API name> for an App page, #/page/<page reference as JSON> for anything else.

export interface PageReference {
    type: string;
    attributes?: Record<string, string>;
    state?: Record<string, string>;
}

export type Route =
    | { kind: 'home' }
    | { kind: 'record'; recordId: string }
    | { kind: 'app'; apiName: string }
    | { kind: 'new'; objectApiName: string; defaults: Record<string, string | null> }
    | { kind: 'other'; reference: PageReference }
    | { kind: 'invalid'; reason: string };

export type Decode = (encoded: string) => Record<string, string | null>;

/** The route an address names; `decode` is lightning/pageReferenceUtils' decodeDefaultFieldValues. */
export function parseRoute(hash: string, decode: Decode): Route {
    const record = /^#\/record\/(\w+)$/.exec(hash);
    if (record) return { kind: 'record', recordId: record[1]! };
    // an App page (a Lightning page tab): #/app/<its tab's API name>
    const app = /^#\/app\/(\w+)$/.exec(hash);
    if (app) return { kind: 'app', apiName: app[1]! };
    const page = /^#\/page\/(.+)$/.exec(hash);
    if (!page) return { kind: 'home' };
    let reference: PageReference;
    try {
        reference = JSON.parse(decodeURIComponent(page[1]!)) as PageReference;
    } catch {
        return { kind: 'invalid', reason: 'The address holds no readable page reference.' };
    }
    if (!reference || typeof reference.type !== 'string') {
        return { kind: 'invalid', reason: 'The address holds no readable page reference.' };
    }
    const attributes = reference.attributes ?? {};
    if (reference.type === 'standard__recordPage' && attributes.recordId) {
        return { kind: 'record', recordId: attributes.recordId };
    }
    if (reference.type === 'standard__navItemPage' && attributes.apiName) {
        return { kind: 'app', apiName: attributes.apiName };
    }
    if (
        reference.type === 'standard__objectPage' &&
        attributes.actionName === 'new' &&
        attributes.objectApiName
    ) {
        let defaults: Record<string, string | null>;
        try {
            defaults = decode(reference.state?.defaultFieldValues ?? '');
        } catch {
            return { kind: 'invalid', reason: 'The default field values in the address cannot be decoded.' };
        }
        return { kind: 'new', objectApiName: attributes.objectApiName, defaults };
    }
    return { kind: 'other', reference };
}

export interface FormFieldShape {
    name: string;
    type: string;
}

export type FieldValue = string | number | boolean | null;

const NUMERIC = new Set(['Currency', 'Number', 'Percent']);

/** The form's starting text per field: the default when one is given, else empty (a checkbox, false). */
export function initialValues(
    fields: readonly FormFieldShape[],
    defaults: Record<string, string | null>
): Record<string, string | boolean> {
    return Object.fromEntries(
        fields.map((field) => {
            const given = defaults[field.name] ?? '';
            return [field.name, field.type === 'Checkbox' ? given === 'true' : given];
        })
    );
}

/** Defaults the form has no field for: the platform ignores them, the preview says which. */
export function unknownDefaults(
    fields: readonly FormFieldShape[],
    defaults: Record<string, string | null>
): string[] {
    const names = new Set(fields.map((field) => field.name));
    return Object.keys(defaults).filter((name) => !names.has(name));
}

/**
 * What the form saves: empty text is no value; a number field's text becomes a number when it reads as
 * one, and otherwise goes as typed so the org refuses it with its own message.
 */
export function recordValues(
    fields: readonly FormFieldShape[],
    values: Record<string, string | boolean>
): Record<string, FieldValue> {
    const record: Record<string, FieldValue> = {};
    for (const field of fields) {
        const value = values[field.name];
        if (field.type === 'Checkbox') {
            record[field.name] = value === true;
            continue;
        }
        const text = typeof value === 'string' ? value.trim() : '';
        if (text === '') continue;
        record[field.name] = NUMERIC.has(field.type) && Number.isFinite(Number(text)) ? Number(text) : text;
    }
    return record;
}
