// The open service cases of a plan's account: how many, how old, how urgent, the oldest, and each case a
// link to its record page. Wires the server's view to c/planOpenCasesModel and draws it; it saves nothing.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getOpenCases from '@salesforce/apex/PlanOpenCasesController.getOpenCases';
import type { PlanOpenCasesService_OpenCasesView } from '@salesforce/apex/types';
import { buildCasesModel, type CasesModel, type CasesTexts } from 'c/planOpenCasesModel';
import { errorMessage, formatLabel } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Cases_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Cases_Loading';
import emptyLabel from '@salesforce/label/c.Keystone_Cases_Empty';
import noAccessLabel from '@salesforce/label/c.Keystone_Cases_No_Access';
import countLabel from '@salesforce/label/c.Keystone_Cases_Count';
import byAgeLabel from '@salesforce/label/c.Keystone_Cases_By_Age';
import byPriorityLabel from '@salesforce/label/c.Keystone_Cases_By_Priority';
import oldestLabel from '@salesforce/label/c.Keystone_Cases_Oldest';
import ageDaysLabel from '@salesforce/label/c.Keystone_Cases_Age_Days';
import bucket07Label from '@salesforce/label/c.Keystone_Cases_Bucket_0_7';
import bucket830Label from '@salesforce/label/c.Keystone_Cases_Bucket_8_30';
import bucket3190Label from '@salesforce/label/c.Keystone_Cases_Bucket_31_90';
import bucketOver90Label from '@salesforce/label/c.Keystone_Cases_Bucket_Over_90';
import noPriorityLabel from '@salesforce/label/c.Keystone_Cases_No_Priority';
import truncatedLabel from '@salesforce/label/c.Keystone_Cases_Truncated';
import untitledLabel from '@salesforce/label/c.Keystone_Cases_Untitled';
import type { ApexWireResult } from '../../types/apex-method';

const TEXTS: CasesTexts = {
    buckets: {
        '0-7': bucket07Label,
        '8-30': bucket830Label,
        '31-90': bucket3190Label,
        '90+': bucketOver90Label
    },
    noPriority: noPriorityLabel,
    ageDays: ageDaysLabel,
    oldest: oldestLabel,
    untitled: untitledLabel
};

export default class PlanOpenCases extends NavigationMixin(LightningElement) {
    /** The Account_Plan__c Id; the wire reloads for a new one and drops answers for the old. */
    @api planId?: string;

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    @wire(getOpenCases, { planId: '$planId' })
    viewResult?: ApexWireResult<PlanOpenCasesService_OpenCasesView>;

    readonly labels = { titleLabel, loadingLabel, emptyLabel, noAccessLabel, byAgeLabel, byPriorityLabel };

    private refreshHandlerId?: number;

    override connectedCallback(): void {
        // the page's Refresh asks the server again: cases open and close outside this view
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            if (this.viewResult) await refreshApex(this.viewResult);
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
    }

    get view(): PlanOpenCasesService_OpenCasesView | undefined {
        return this.viewResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return !!this.planId && (!this.viewResult || (!this.viewResult.data && !this.viewResult.error));
    }

    get loadError(): string {
        return this.viewResult?.error ? errorMessage(this.viewResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get isNoAccess(): boolean {
        return this.view?.canRead === false;
    }

    get model(): CasesModel | null {
        const view = this.view;
        return view && view.canRead !== false ? buildCasesModel(view, TEXTS) : null;
    }

    get isEmpty(): boolean {
        return this.model?.total === 0;
    }

    get hasCases(): boolean {
        return (this.model?.total ?? 0) > 0;
    }

    get countText(): string {
        return formatLabel(countLabel, this.model?.total ?? 0);
    }

    get truncatedText(): string {
        const model = this.model;
        return model && model.rows.length < model.total
            ? formatLabel(truncatedLabel, model.rows.length, model.total)
            : '';
    }

    handleOpenCase(event: Event): void {
        event.preventDefault();
        const recordId = (event.currentTarget as HTMLElement).dataset.id;
        if (!recordId) return;
        const reference: PageReference = {
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Case', actionName: 'view' }
        };
        (this as unknown as Record<symbol, (page: PageReference) => void>)[NavigationMixin.Navigate](
            reference
        );
    }
}
