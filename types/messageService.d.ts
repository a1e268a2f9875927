// Lightning Message Service, as the components use it (LWC Developer Guide, "Communicate Across the DOM").
declare module 'lightning/messageService' {
    /** A message channel, imported from @salesforce/messageChannel/<Name>__c. */
    export type MessageChannel = unknown;
    export interface Subscription {
        readonly channel: MessageChannel;
    }
    export const APPLICATION_SCOPE: unique symbol;
    /** Wire adapter: the component's message context. */
    export const MessageContext: import('lwc').WireAdapterConstructor;
    export function publish(
        context: unknown,
        channel: MessageChannel,
        message?: Record<string, unknown>
    ): void;
    export function subscribe(
        context: unknown,
        channel: MessageChannel,
        listener: (message: Record<string, unknown>) => void,
        options?: { scope?: typeof APPLICATION_SCOPE }
    ): Subscription;
    export function unsubscribe(subscription: Subscription | null | undefined): void;
}

declare module '@salesforce/messageChannel/*' {
    const channel: import('lightning/messageService').MessageChannel;
    export default channel;
}
