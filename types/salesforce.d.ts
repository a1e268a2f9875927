// Ambient types for the Salesforce platform modules our components import. The Apex method modules
// are generated from the @AuraEnabled methods (types/generated/apex.d.ts), so an import of a method
// that does not exist, or with a parameter the method does not take, is a type error.

declare module '@salesforce/apex' {
    /** Re-runs the wire that produced `value` and resolves when fresh data has arrived. */
    export function refreshApex(value: unknown): Promise<void>;
}

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title: string;
        message?: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}

declare module 'lightning/navigation' {
    import type { LightningElement } from 'lwc';
    export interface PageReference {
        type: string;
        attributes?: Record<string, string>;
        state?: Record<string, string>;
    }
    type Constructor<T> = new (...args: never[]) => T;
    export interface NavigationMixinApi {
        Navigate: unique symbol;
        GenerateUrl: unique symbol;
    }
    export const NavigationMixin: (<T extends Constructor<LightningElement>>(base: T) => T) & {
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    };
}

declare module 'lightning/pageReferenceUtils' {
    /** Encodes default field values into the string a standard__objectPage's state.defaultFieldValues carries. */
    export function encodeDefaultFieldValues(
        values: Record<string, string | number | boolean | null | undefined>
    ): string;
    /** Decodes that string back to field → value; every value is a string, a bare key is null. */
    export function decodeDefaultFieldValues(encoded: string): Record<string, string | null>;
}

declare module '@salesforce/user/Id' {
    const userId: string;
    export default userId;
}

declare module '*.html' {
    const template: import('lwc').Template;
    export default template;
}

declare namespace jest {
    interface Matchers<R> {
        /** Runs the sa11y accessibility rules over the element (from @sa11y/jest). */
        toBeAccessible(): Promise<R>;
    }
}

// RefreshView API (LWC Developer Guide, "Refresh Component Data with RefreshView API").
declare module 'lightning/refresh' {
    export const RefreshEventName: string;
    export class RefreshEvent extends CustomEvent<undefined> {
        constructor();
    }
    /** With Lightning Web Security: the component and its refresh method, which resolves true to go on down the tree. */
    export function registerRefreshHandler(element: object, handler: () => Promise<boolean>): number;
    export function unregisterRefreshHandler(id: number | undefined): void;
}
