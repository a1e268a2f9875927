// The shape of an imported @salesforce/apex method: callable imperatively and usable with @wire.
import type { WireAdapterConstructor } from 'lwc';

export interface ApexWireResult<T = unknown> {
    data?: T;
    error?: unknown;
}

export type ApexMethod<Params extends object> = WireAdapterConstructor<Params, ApexWireResult> &
    ((params: Params) => Promise<unknown>);
