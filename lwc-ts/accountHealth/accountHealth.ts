// Hygiene and health of the account (or of the plan's account) side by side, each with its breakdown in
// words, and the trend of the nightly snapshots. Wires AccountHealthController.getHealth to
// c/accountHealthModel and draws what it returns; it saves nothing.
import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getHealth from '@salesforce/apex/AccountHealthController.getHealth';
import type { AccountHealthService_HealthView } from '@salesforce/apex/types';
import { buildHealthModel, type HealthModel, type HealthTexts } from 'c/accountHealthModel';
import { errorMessage } from 'c/keystoneText';
import titleLabel from '@salesforce/label/c.Keystone_Account_Health_Title';
import loadingLabel from '@salesforce/label/c.Keystone_Account_Health_Loading';
import emptyLabel from '@salesforce/label/c.Keystone_Account_Health_Empty';
import trendTitleLabel from '@salesforce/label/c.Keystone_Account_Health_Trend_Title';
import trendEmptyLabel from '@salesforce/label/c.Keystone_Account_Health_Trend_Empty';
import trendNoAccessLabel from '@salesforce/label/c.Keystone_Account_Health_Trend_No_Access';
import hygieneTitle from '@salesforce/label/c.Keystone_Hygiene_Title';
import healthTitle from '@salesforce/label/c.Keystone_Health_Title';
import hygieneSubtitle from '@salesforce/label/c.Keystone_Account_Health_Hygiene_Subtitle';
import healthSubtitle from '@salesforce/label/c.Keystone_Account_Health_Health_Subtitle';
import scoreOf from '@salesforce/label/c.Keystone_Account_Health_Score_Of';
import noScore from '@salesforce/label/c.Keystone_Account_Health_No_Score';
import points from '@salesforce/label/c.Keystone_Account_Health_Points';
import missingPart from '@salesforce/label/c.Keystone_Account_Health_Missing_Part';
import missingList from '@salesforce/label/c.Keystone_Account_Health_Missing_List';
import bandGood from '@salesforce/label/c.Keystone_Account_Health_Band_Good';
import bandFair from '@salesforce/label/c.Keystone_Account_Health_Band_Fair';
import bandWeak from '@salesforce/label/c.Keystone_Account_Health_Band_Weak';
import trendPoint from '@salesforce/label/c.Keystone_Account_Health_Trend_Point';
import type { ApexWireResult } from '../../types/apex-method';

const TEXTS: HealthTexts = {
    hygieneTitle,
    healthTitle,
    hygieneSubtitle,
    healthSubtitle,
    scoreOf,
    noScore,
    points,
    missingPart,
    missingList,
    bandGood,
    bandFair,
    bandWeak,
    trendPoint
};

export default class AccountHealth extends LightningElement {
    /** The Account or Account_Plan__c Id the record page sets; the wire reloads for a new one. */
    @api recordId?: string;

    /** The wired view as the wire service delivered it (kept whole for refreshApex). */
    @wire(getHealth, { recordId: '$recordId' })
    viewResult?: ApexWireResult<AccountHealthService_HealthView>;

    readonly labels = {
        titleLabel,
        loadingLabel,
        emptyLabel,
        trendTitleLabel,
        trendEmptyLabel,
        trendNoAccessLabel,
        hygieneTitle,
        healthTitle
    };

    private refreshHandlerId?: number;

    override connectedCallback(): void {
        // the page's Refresh asks again: a won deal or a new assessment changes the scores
        this.refreshHandlerId = registerRefreshHandler(this, async () => {
            if (this.viewResult) await refreshApex(this.viewResult);
            return true;
        });
    }

    override disconnectedCallback(): void {
        unregisterRefreshHandler(this.refreshHandlerId);
        this.refreshHandlerId = undefined;
    }

    get view(): AccountHealthService_HealthView | undefined {
        return this.viewResult?.data ?? undefined;
    }

    get isLoading(): boolean {
        return !!this.recordId && (!this.viewResult || (!this.viewResult.data && !this.viewResult.error));
    }

    get loadError(): string {
        return this.viewResult?.error ? errorMessage(this.viewResult.error) : '';
    }

    get hasLoadError(): boolean {
        return !!this.loadError;
    }

    get model(): HealthModel | null {
        return buildHealthModel(this.view, TEXTS);
    }

    get isEmpty(): boolean {
        return !!this.view && !this.model;
    }

    get cards(): HealthModel['hygiene'][] {
        const model = this.model;
        return model ? [model.hygiene, model.health] : [];
    }

    get trend(): HealthModel['trend'] {
        return this.model?.trend ?? null;
    }

    get trendNoAccess(): boolean {
        return this.view?.trendReadable === false;
    }

    get trendEmpty(): boolean {
        return !!this.model && !this.trend && !this.trendNoAccess;
    }

    get trendViewBox(): string {
        const trend = this.trend;
        return trend ? `0 0 ${trend.width} ${trend.height}` : '0 0 0 0';
    }
}
