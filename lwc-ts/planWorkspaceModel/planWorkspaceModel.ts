// The plan workspace's rules, DOM-free: the status path's steps, the mining and farming progress against
// their targets, the header's review line (the plan card's rule), and which body sections an admin placed.
import ofTarget from '@salesforce/label/c.Keystone_Workspace_Of_Target';
import noTarget from '@salesforce/label/c.Keystone_Workspace_No_Target';
import stageComplete from '@salesforce/label/c.Keystone_Workspace_Stage_Complete';
import stageCurrent from '@salesforce/label/c.Keystone_Workspace_Stage_Current';
import { formatLabel } from 'c/keystoneText';
import { buildPlanCard, type PlanCardModel } from 'c/planSummaryModel';
import type { PlanReviewService_Workspace, PlanReviewService_WorkspacePlan } from '@salesforce/apex/types';

/** The result of `AccountPlanWorkspaceController.getWorkspace`. */
export type WorkspaceDto = PlanReviewService_Workspace;

/** The plan as the workspace header receives it. */
export type WorkspacePlanDto = PlanReviewService_WorkspacePlan;

/** One step of the status path. */
export interface PathStep {
    value: string;
    label: string;
    /** SLDS path item classes: complete, current or incomplete. */
    className: string;
    /** What a screen reader hears after the label. */
    assistiveText: string;
    isCurrent: boolean;
    /** `step` on the current step, for aria-current; null elsewhere. */
    ariaCurrent: string | null;
}

/** Mining or farming: won in the period against its target. */
export interface SplitProgress {
    key: 'mining' | 'farming';
    won: number;
    target: number | null;
    /** 0–100 for the bar; null without a target. */
    percent: number | null;
    progressLabel: string;
    barStyle: string;
}

/** The body sections in their order, each shown when its App Builder switch is on. */
export type SectionKey = 'objectives' | 'swot' | 'milestones' | 'cases' | 'signOff';

export const SECTION_ORDER: readonly SectionKey[] = ['objectives', 'swot', 'milestones', 'cases', 'signOff'];

/**
 * The status path: every step before the plan's status is complete, its status current, the rest to come.
 * A status the picklist no longer lists marks no step current rather than a wrong one.
 */
export function buildStatusPath(
    statuses: readonly { value: string | null; label: string | null }[] | null,
    current: string | null
): PathStep[] {
    const steps = (statuses ?? []).filter(
        (step): step is { value: string; label: string | null } => !!step.value
    );
    const currentIndex = steps.findIndex((step) => step.value === current);
    return steps.map((step, index) => {
        const state =
            currentIndex < 0 || index > currentIndex
                ? 'incomplete'
                : index === currentIndex
                  ? 'current'
                  : 'complete';
        return {
            value: step.value,
            label: step.label ?? step.value,
            className:
                state === 'current'
                    ? 'slds-path__item slds-is-current slds-is-active'
                    : `slds-path__item slds-is-${state}`,
            assistiveText: state === 'current' ? stageCurrent : state === 'complete' ? stageComplete : '',
            isCurrent: state === 'current',
            ariaCurrent: state === 'current' ? 'step' : null
        };
    });
}

function finiteOrNull(value: number | null | undefined): number | null {
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Progress of one side against its target; a missing or non-positive target reads as "no target". */
export function splitProgress(
    key: 'mining' | 'farming',
    won: number | null | undefined,
    target: number | null | undefined
): SplitProgress {
    const amount = finiteOrNull(won) ?? 0;
    const goal = finiteOrNull(target);
    const hasTarget = goal !== null && goal > 0;
    const ratio = hasTarget ? amount / goal : null;
    const percent = ratio === null ? null : Math.max(0, Math.min(100, Math.round(ratio * 100)));
    return {
        key,
        won: amount,
        target: hasTarget ? goal : null,
        percent,
        progressLabel: ratio === null ? noTarget : formatLabel(ofTarget, Math.round(ratio * 100)),
        barStyle: `width: ${percent ?? 0}%`
    };
}

/** What the header draws for a plan: the plan card's model (period, goal, review) plus the split. */
export interface WorkspaceHeader {
    card: PlanCardModel;
    path: PathStep[];
    mining: SplitProgress;
    farming: SplitProgress;
}

/** The header's model from the server's answer; null when the account has no plan. */
export function buildHeader(workspace: WorkspaceDto, today: string): WorkspaceHeader | null {
    const plan = workspace.plan;
    if (!plan) return null;
    return {
        card: buildPlanCard(plan, workspace.wonRevenue, today),
        path: buildStatusPath(workspace.statuses, plan.status),
        mining: splitProgress('mining', workspace.miningWon, plan.miningTarget),
        farming: splitProgress('farming', workspace.farmingWon, plan.farmingTarget)
    };
}

/** The sections to draw, in order, from the App Builder switches (undefined counts as on, the default). */
export function visibleSections(switches: Partial<Record<SectionKey, boolean | undefined>>): SectionKey[] {
    return SECTION_ORDER.filter((key) => switches[key] !== false);
}
