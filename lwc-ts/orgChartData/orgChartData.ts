// The edge between OrgChartController and the org chart: its results arrive in the types the build
// generates from the Apex (every member may be null), and leave here in the shapes the chart reads, with
// each null decided once — a row without an Id is dropped, a missing list is empty, a missing number is 0.
import type {
    OrgChartService_BuyingCenterView,
    OrgChartService_HeatSettingsView,
    OrgChartService_LinkView,
    OrgChartService_OrgChartPage,
    OrgChartService_PicklistOption,
    OrgChartService_StakeholderView,
    OrgChartService_StanceView,
    StakeholderService_MoveResult
} from '@salesforce/apex/types';
import type { HeatSettings } from 'c/heatScore';

/** One stance observation, newest first in a stakeholder's recent stances. */
export type StanceObservation = Omit<OrgChartService_StanceView, 'stance'> & { stance: string };

/**
 * A stakeholder as OrgChartController returns it, with the Id every person on the chart has; fields the
 * user cannot read stay null.
 */
export type Stakeholder = Omit<OrgChartService_StakeholderView, 'id' | 'recentStances'> & {
    id: string;
    recentStances: StanceObservation[];
};

/** A relationship link from a stakeholder, to a stakeholder or one of our users. */
export type Link = Omit<OrgChartService_LinkView, 'fromId'> & { fromId: string };

/** One value of a picklist with its label. */
export type PicklistOption = { [K in keyof OrgChartService_PicklistOption]: string };

/** A buying center of the account, for the filter and the side panel. */
export type BuyingCenter = Omit<OrgChartService_BuyingCenterView, 'id' | 'name'> & {
    id: string;
    name: string;
};

/** One page of the org chart; everything but the stakeholders comes with the first page only. */
export interface OrgChartPage {
    accountId: string;
    accountName: string;
    totalContacts: number;
    nextAfterId: string | null;
    /** First page only: where each later page starts, so they can be asked for together; empty to page on. */
    pageStarts: string[];
    canEdit: boolean;
    hiddenFields: string[];
    stakeholders: Stakeholder[];
    links: Link[];
    /** Null on later pages. */
    heatSettings: HeatSettings | null;
    picklists: Record<string, PicklistOption[]>;
    buyingCenters: BuyingCenter[];
}

function present<T>(value: T | null | undefined): value is T {
    return value !== null && value !== undefined;
}

/** A stakeholder from the controller's view of one, or null when there is nobody to draw. */
export function toStakeholder(view: OrgChartService_StakeholderView | null | undefined): Stakeholder | null {
    if (!view?.id) return null;
    return {
        ...view,
        id: view.id,
        // an observation without a stance says nothing about the trend
        recentStances: (view.recentStances ?? []).filter(
            (observation): observation is StanceObservation => !!observation?.stance
        )
    };
}

/** A link from the controller's view of one, or null when it starts nowhere. */
export function toLink(view: OrgChartService_LinkView | null | undefined): Link | null {
    if (!view?.fromId) return null;
    return { ...view, fromId: view.fromId };
}

/**
 * The heat settings the score reads. A deleted settings record leaves every member null; the score then
 * weighs nothing, exactly as null weighed in arithmetic before, and draws without colours.
 */
export function toHeatSettings(
    view: OrgChartService_HeatSettingsView | null | undefined
): HeatSettings | null {
    if (!view) return null;
    return {
        stanceWeight: view.stanceWeight ?? 0,
        strengthWeight: view.strengthWeight ?? 0,
        influenceWeight: view.influenceWeight ?? 0,
        recencyWeight: view.recencyWeight ?? 0,
        recencyDays: view.recencyDays ?? 0,
        warmThreshold: view.warmThreshold ?? 0,
        coldThreshold: view.coldThreshold ?? 0,
        warmColour: view.warmColour ?? '',
        neutralColour: view.neutralColour ?? '',
        coldColour: view.coldColour ?? '',
        unknownColour: view.unknownColour ?? ''
    };
}

function toPicklists(
    views: Record<string, (OrgChartService_PicklistOption | null)[] | null> | null | undefined
): Record<string, PicklistOption[]> {
    const picklists: Record<string, PicklistOption[]> = {};
    for (const [field, options] of Object.entries(views ?? {}))
        picklists[field] = (options ?? [])
            .filter((option): option is OrgChartService_PicklistOption => present(option?.value))
            .map((option) => ({ value: option.value ?? '', label: option.label ?? option.value ?? '' }));
    return picklists;
}

function toBuyingCenter(view: OrgChartService_BuyingCenterView | null): BuyingCenter | null {
    if (!view?.id) return null;
    return { ...view, id: view.id, name: view.name ?? '' };
}

/** One page of OrgChartController.getOrgChart in the chart's shapes; no answer is an empty page. */
export function toOrgChartPage(result: OrgChartService_OrgChartPage | null | undefined): OrgChartPage {
    return {
        accountId: result?.accountId ?? '',
        accountName: result?.accountName ?? '',
        totalContacts: result?.totalContacts ?? 0,
        nextAfterId: result?.nextAfterId ?? null,
        pageStarts: (result?.pageStarts ?? []).filter(present),
        canEdit: result?.canEdit === true,
        hiddenFields: (result?.hiddenFields ?? []).filter(present),
        stakeholders: (result?.stakeholders ?? []).map(toStakeholder).filter(present),
        links: (result?.links ?? []).map(toLink).filter(present),
        heatSettings: toHeatSettings(result?.heatSettings),
        picklists: toPicklists(result?.picklists),
        buyingCenters: (result?.buyingCenters ?? []).map(toBuyingCenter).filter(present)
    };
}

/** What a move did: the manager before it (for undo) and the person's new version. */
export type MoveResult = StakeholderService_MoveResult;

/** A move's answer; no answer leaves nothing to undo and no version to carry. */
export function toMoveResult(result: StakeholderService_MoveResult | null | undefined): MoveResult {
    return { previousManagerId: result?.previousManagerId ?? null, version: result?.version ?? null };
}
