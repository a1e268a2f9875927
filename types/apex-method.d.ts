// The shape of an imported @salesforce/apex method: callable imperatively and usable with @wire, both
// typed with what the method returns (generated from the Apex source into types/generated/apex.d.ts).
import type { WireAdapterConstructor } from 'lwc';

export interface ApexWireResult<T = unknown> {
    data?: T;
    error?: unknown;
}

export type ApexMethod<Params extends object, Result = unknown> = WireAdapterConstructor<
    Params,
    ApexWireResult<Result>
> &
    ((params: Params) => Promise<Result>);
