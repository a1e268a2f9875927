// The preview's lightning/messageService: one page, one bus. Messages reach every subscriber of their
// channel after the publisher's turn, as the platform delivers them asynchronously; scopes make no
// difference on a page without tabs or utility bars.

export interface Subscription {
    readonly channel: unknown;
    readonly listener: (message: Record<string, unknown>) => void;
}

export const APPLICATION_SCOPE = Symbol('APPLICATION_SCOPE');

const subscribers = new Set<Subscription>();

/** A message channel as @salesforce/messageChannel/<Name>__c gives it. */
export function messageChannel(name: string): { channel: string } {
    return Object.freeze({ channel: name });
}

function sameChannel(a: unknown, b: unknown): boolean {
    const name = (channel: unknown): unknown =>
        channel && typeof channel === 'object' && 'channel' in channel
            ? (channel as { channel: unknown }).channel
            : channel;
    return name(a) === name(b);
}

export function publish(_context: unknown, channel: unknown, message: Record<string, unknown> = {}): void {
    const copy = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
    const receivers = [...subscribers].filter((subscription) => sameChannel(subscription.channel, channel));
    queueMicrotask(() => {
        for (const subscription of receivers)
            if (subscribers.has(subscription)) subscription.listener({ ...copy });
    });
}

export function subscribe(
    _context: unknown,
    channel: unknown,
    listener: (message: Record<string, unknown>) => void
): Subscription {
    const subscription: Subscription = Object.freeze({ channel, listener });
    subscribers.add(subscription);
    return subscription;
}

export function unsubscribe(subscription: Subscription | null | undefined): void {
    if (subscription) subscribers.delete(subscription);
}

/** Wire adapter: gives each component a message context (a token; the preview's bus needs no more). */
export class MessageContext {
    constructor(private readonly callback: (value: object) => void) {}
    connect(): void {
        this.callback(Object.freeze({ preview: 'message-context' }));
    }
    update(): void {}
    disconnect(): void {}
}
