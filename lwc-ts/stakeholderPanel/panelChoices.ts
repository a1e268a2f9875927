// The side panel's choices and outcomes, DOM-free: buying centers named by their place in the account
// (parent › child), and what a recorded stance observation did to the stance.

import type { BuyingCenter } from 'c/orgChartData';

/**
 * A buying center as the org chart's first page carries it (or the landscape announces a new one);
 * `active` false for one an admin retired, absent counts as active.
 */
export type BuyingCenterOption = Pick<BuyingCenter, 'id' | 'name'> &
    Partial<Pick<BuyingCenter, 'parentId' | 'active'>>;

/** One choice of a select. */
export interface PanelChoice {
    value: string;
    label: string;
}

export const PATH_SEPARATOR = ' › ';

/**
 * A buying center's name with its ancestors, outermost first ("Helicopters › Europe"); a parent the user
 * cannot see, or a loop in bad data, ends the path.
 */
export function buyingCenterPath(id: string, byId: ReadonlyMap<string, BuyingCenterOption>): string {
    const names: string[] = [];
    const seen = new Set<string>();
    let at = byId.get(id);
    while (at && !seen.has(at.id)) {
        seen.add(at.id);
        names.unshift(at.name);
        at = at.parentId ? byId.get(at.parentId) : undefined;
    }
    return names.join(PATH_SEPARATOR);
}

/**
 * The buying centers a stakeholder can be placed in: the active ones, named by their path and sorted by
 * it, plus the stakeholder's current one even when retired, so the select still shows what is stored;
 * a current one the user cannot see is named `unknownName` rather than shown as none.
 */
export function buyingCenterChoices(
    centers: readonly BuyingCenterOption[] | null | undefined,
    currentId: string | null | undefined,
    unknownName = ''
): PanelChoice[] {
    const byId = new Map((centers ?? []).map((center) => [center.id, center]));
    const choices = (centers ?? [])
        .filter((center) => center.active !== false || center.id === currentId)
        .map((center) => ({ value: center.id, label: buyingCenterPath(center.id, byId) }))
        .sort((a, b) => a.label.localeCompare(b.label));
    return currentId && !byId.has(currentId)
        ? [...choices, { value: currentId, label: unknownName }]
        : choices;
}

/** What recording an observation did: whether it became the stance, and the stance the person has now. */
export interface ObservationOutcome {
    becameStance: boolean;
    stance: string;
}

/**
 * Reads the stakeholder returned after recording `observed`: the latest observation becomes the stance,
 * an older one leaves the stance a later observation set.
 */
export function observationOutcome(
    observed: string,
    after: { stance?: string | null } | null | undefined
): ObservationOutcome {
    const stance = after?.stance ?? '';
    return { becameStance: stance === observed, stance };
}
