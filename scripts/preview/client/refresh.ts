// The preview's lightning/refresh (RefreshView API): components register a handler; a RefreshEvent fired
// anywhere on the page reaches the record page's container (the shell), which runs every handler.

export const RefreshEventName = 'lightning__refresh';

export class RefreshEvent extends CustomEvent<undefined> {
    constructor() {
        super(RefreshEventName, { bubbles: true, composed: true, cancelable: true });
    }
}

type Handler = () => Promise<boolean> | boolean | void;

const handlers = new Map<number, Handler>();
let lastId = 0;

export function registerRefreshHandler(element: object, handler: Handler): number {
    handlers.set(++lastId, handler.bind(element));
    return lastId;
}

export function unregisterRefreshHandler(id: number | undefined): void {
    if (id !== undefined) handlers.delete(id);
}

/** The container's part: runs every registered handler, as a refresh-enabled record page does. */
export async function refreshView(): Promise<void> {
    await Promise.all([...handlers.values()].map((handler) => handler()));
}

// The record page is the refresh container: a RefreshEvent bubbles to the window, which refreshes the view.
window.addEventListener(RefreshEventName, () => {
    void refreshView();
});
