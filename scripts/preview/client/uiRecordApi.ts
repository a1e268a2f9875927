// The preview's lightning/uiRecordApi: records read and written through the org emulator, so its
// validation applies to Lightning Data Service edits as it does on the platform.

interface RecordRepresentation {
    id: string;
    apiName: string;
    fields: Record<string, { value: unknown; displayValue: string | null }>;
}

async function request(method: string, url: string, body?: unknown): Promise<unknown> {
    const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const payload = (await response.json()) as { result?: unknown; error?: { message: string } };
    if (!response.ok || payload.error) {
        throw {
            ok: false,
            status: response.status,
            body: { message: payload.error?.message ?? response.statusText }
        };
    }
    return payload.result;
}

function fieldNames(fields: unknown): string[] {
    const list = Array.isArray(fields) ? fields : fields ? [fields] : [];
    return list.map((field) =>
        typeof field === 'string'
            ? field
            : `${(field as { objectApiName: string }).objectApiName}.${(field as { fieldApiName: string }).fieldApiName}`
    );
}

/** @wire adapter: `@wire(getRecord, { recordId, fields })`. */
export class getRecord {
    private config: { recordId?: string; fields?: unknown; optionalFields?: unknown } = {};
    constructor(private readonly callback: (value: { data: unknown; error: unknown }) => void) {}
    update(config: { recordId?: string; fields?: unknown; optionalFields?: unknown }): void {
        this.config = config;
        void this.load();
    }
    connect(): void {}
    disconnect(): void {}
    private async load(): Promise<void> {
        if (!this.config.recordId) return;
        const names = [...fieldNames(this.config.fields), ...fieldNames(this.config.optionalFields)];
        try {
            const data = await request(
                'GET',
                `/api/records/${this.config.recordId}?fields=${encodeURIComponent(names.join(','))}`
            );
            this.callback({ data, error: undefined });
        } catch (error) {
            this.callback({ data: undefined, error });
        }
    }
}

export function getFieldValue(record: RecordRepresentation | undefined, field: unknown): unknown {
    const name = fieldNames(field)[0]?.split('.').slice(1).join('.') ?? '';
    return record?.fields[name]?.value;
}

export function updateRecord(input: { fields: Record<string, unknown> }): Promise<unknown> {
    const { Id, ...fields } = input.fields;
    return request('PATCH', `/api/records/${String(Id)}`, fields);
}

export function createRecord(input: { apiName: string; fields: Record<string, unknown> }): Promise<unknown> {
    return request('POST', `/api/records/${input.apiName}`, input.fields);
}

export function notifyRecordUpdateAvailable(): Promise<void> {
    return Promise.resolve();
}
