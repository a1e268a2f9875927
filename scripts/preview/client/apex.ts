// The preview's @salesforce/apex: each imported method calls the local org emulator over HTTP, works
// imperatively (returns a promise) and as a @wire adapter, and refreshApex re-runs a wire.
import { unwrap } from 'lwc';

export interface ApexFailure {
    ok: false;
    status: number;
    statusText: string;
    body: { message: string; exceptionType: string; isUserDefinedException: boolean };
}

type DataCallback = (value: { data: unknown; error: unknown }) => void;

const lastValueOwner = new WeakMap<object, ApexWire>();

async function callApex(endpoint: string, params: unknown): Promise<unknown> {
    let response: Response;
    try {
        response = await fetch(`/api/apex/${endpoint}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(params ?? {})
        });
    } catch (error) {
        const failure: ApexFailure = {
            ok: false,
            status: 0,
            statusText: 'Network error',
            body: {
                message: 'The preview server did not answer. Is npm start still running?',
                exceptionType: 'NetworkError',
                isUserDefinedException: false
            }
        };
        throw Object.assign(failure, { cause: error });
    }
    const payload = (await response.json()) as { result?: unknown; error?: ApexFailure['body'] };
    if (!response.ok || payload.error) {
        const failure: ApexFailure = {
            ok: false,
            // a handled Apex error reaches components with status 500, as on the platform
            status: response.ok ? 500 : response.status,
            statusText: response.ok ? 'Server Error' : response.statusText,
            body: payload.error ?? {
                message: response.statusText,
                exceptionType: 'Unknown',
                isUserDefinedException: false
            }
        };
        throw failure;
    }
    return payload.result ?? null;
}

class ApexWire {
    private config: Record<string, unknown> | undefined;
    private connected = false;
    private generation = 0;

    constructor(
        private readonly endpoint: string,
        private readonly dataCallback: DataCallback
    ) {}

    update(config: Record<string, unknown>): void {
        this.config = config;
        if (this.connected) void this.fetch();
    }

    connect(): void {
        this.connected = true;
        if (this.config) void this.fetch();
    }

    disconnect(): void {
        this.connected = false;
    }

    async fetch(): Promise<void> {
        const config = this.config ?? {};
        // like the platform, a wire waits until every reactive parameter has a value
        if (Object.values(config).some((value) => value === undefined)) return;
        const generation = ++this.generation;
        let value: { data: unknown; error: unknown };
        try {
            value = { data: await callApex(this.endpoint, config), error: undefined };
        } catch (error) {
            value = { data: undefined, error };
        }
        if (generation !== this.generation || !this.connected) return;
        lastValueOwner.set(value, this);
        this.dataCallback(value);
    }
}

/** An imported Apex method: `method(params)` returns a promise; `@wire(method, config)` provisions data. */
export function apexMethod(className: string, methodName: string): unknown {
    const endpoint = `${className}.${methodName}`;
    function method(this: unknown, paramsOrCallback?: unknown): unknown {
        if (new.target) {
            return new ApexWire(endpoint, paramsOrCallback as DataCallback);
        }
        return callApex(endpoint, paramsOrCallback);
    }
    return method;
}

/** Re-runs the wire that delivered `value`; resolves when fresh data has been delivered. */
export async function refreshApex(value: unknown): Promise<void> {
    // components hold the wired value through LWC's reactive proxy; the map knows the original
    const original = value && typeof value === 'object' ? (unwrap(value) as object) : undefined;
    const owner = original ? lastValueOwner.get(original) : undefined;
    if (owner) await owner.fetch();
}
