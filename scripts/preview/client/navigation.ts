// The preview's lightning/navigation: every page reference becomes the address (#/record/<id> for a
// record page, #/page/<JSON> otherwise) and the shell draws it — a record page, the new-record form over
// the current account, or a note saying where the platform would have gone.

export interface PageReference {
    type: string;
    attributes?: Record<string, string>;
    state?: Record<string, string>;
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function urlFor(reference: PageReference): string {
    if (reference.type === 'standard__recordPage' && reference.attributes?.recordId) {
        return `#/record/${reference.attributes.recordId}`;
    }
    if (reference.type === 'standard__navItemPage' && reference.attributes?.apiName) {
        return `#/app/${reference.attributes.apiName}`;
    }
    return `#/page/${encodeURIComponent(JSON.stringify(reference))}`;
}

function mixin<T extends abstract new (...args: never[]) => object>(Base: T): T {
    // components call the mixed class with no arguments, as LightningElement is
    const Plain = Base as unknown as new () => object;
    const Mixed = class extends Plain {
        [Navigate](reference: PageReference, replace?: boolean): void {
            window.dispatchEvent(new CustomEvent('preview__navigate', { detail: reference }));
            // replace: the platform's second argument, which swaps the current history entry
            if (replace) window.location.replace(urlFor(reference));
            else window.location.hash = urlFor(reference);
        }

        [GenerateUrl](reference: PageReference): Promise<string> {
            return Promise.resolve(urlFor(reference));
        }
    };
    return Mixed as unknown as T;
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

export class CurrentPageReference {
    constructor(private readonly callback: (value: PageReference) => void) {}
    connect(): void {
        this.callback({ type: 'standard__recordPage', attributes: {}, state: {} });
    }
    update(): void {}
    disconnect(): void {}
}
