// The benchmark's stage for the landscape: the real landscapeGrid, or lightning-datatable showing the same
// matrix (what an admin would otherwise build), mounted one at a time.
import { LightningElement, api } from 'lwc';

export interface DatatableColumn {
    label: string;
    fieldName: string;
    type: string;
}

export default class LandscapeBench extends LightningElement {
    /** keystone or peer */
    @api mode = 'keystone';
    @api accountId = '';
    @api columns: DatatableColumn[] = [];
    @api data: Record<string, string>[] = [];

    get isKeystone(): boolean {
        return this.mode === 'keystone';
    }

    get isPeer(): boolean {
        return this.mode === 'peer';
    }
}
