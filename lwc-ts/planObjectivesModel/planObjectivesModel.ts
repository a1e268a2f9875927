// What the plan objectives list shows, computed from the server's view: objectives grouped by horizon
// and sorted by due date, each with its progress bar, status badge and whether it must stand out; and the
// edit form's draft, turned into what the server saves. Pure: no DOM, no Apex, no labels.
import type {
    PlanObjectiveService_ObjectiveView,
    PlanObjectiveService_ObjectivesView,
    PlanObjectiveService_Option
} from '@salesforce/apex/types';

/** The measure whose current value the team types; every other one Keystone calculates. */
export const ENTERED = 'Entered';

/** One objective as a row of the list. */
export interface ObjectiveRow {
    id: string;
    name: string;
    measure: string;
    measureTypeLabel: string;
    calculated: boolean;
    currentValue: number | null;
    targetValue: number | null;
    isCurrency: boolean;
    unit: string;
    progressPercent: number;
    barStyle: string;
    barClass: string;
    status: string;
    statusClass: string;
    overdue: boolean;
    /** Off track or overdue: the row is marked and says so in words, not only in colour. */
    standsOut: boolean;
    rowClass: string;
    dueDate: string | null;
    ownerName: string;
    canEdit: boolean;
}

/** Objectives of one horizon, soonest due first. */
export interface ObjectiveGroup {
    key: string;
    label: string;
    rows: ObjectiveRow[];
}

/** The edit form's fields, as the inputs hold them (text). */
export interface ObjectiveDraft {
    id: string | null;
    version: string | null;
    name: string;
    measure: string;
    measureType: string;
    targetValue: string;
    currentValue: string;
    unit: string;
    horizon: string;
    ownerId: string;
    dueDate: string;
}

const STATUS_THEMES: Readonly<Record<string, string>> = {
    Done: 'slds-theme_success',
    'On Track': 'status_on-track',
    'At Risk': 'slds-theme_warning',
    'Off Track': 'slds-theme_error',
    'Not Started': 'slds-badge_lightest'
};

/**
 * Whether Keystone calculates a measure (any measure but Entered).
 * @param measureType the objective's measure
 * @returns true when the current value is not typed
 */
export function isCalculated(measureType: string | null | undefined): boolean {
    return !!measureType && measureType !== ENTERED;
}

/**
 * The status badge's classes: a theme per status, so colour and the status word go together.
 * @param status the derived status
 * @returns SLDS classes
 */
export function statusClass(status: string | null | undefined): string {
    return `slds-badge status ${STATUS_THEMES[status ?? ''] ?? 'slds-badge_lightest'}`;
}

/**
 * The progress bar's filled share: 0–100, whatever the progress (an objective past its target fills it).
 * @param progressPercent current ÷ target in percent
 * @returns the width in percent
 */
export function barWidth(progressPercent: number | null | undefined): number {
    const value = Number(progressPercent ?? 0);
    if (!Number.isFinite(value) || value <= 0) return 0;
    return Math.min(100, value);
}

function labelOf(options: readonly PlanObjectiveService_Option[] | null, value: string | null): string {
    return options?.find((option) => option.value === value)?.label ?? value ?? '';
}

function byDueDate(a: PlanObjectiveService_ObjectiveView, b: PlanObjectiveService_ObjectiveView): number {
    if (a.dueDate !== b.dueDate) {
        if (!a.dueDate) return 1;
        if (!b.dueDate) return -1;
        return a.dueDate < b.dueDate ? -1 : 1;
    }
    return (a.name ?? '').localeCompare(b.name ?? '');
}

/**
 * One objective as a row.
 * @param objective the server's objective
 * @param view the whole view, for the measure labels
 * @returns the row
 */
export function toRow(
    objective: PlanObjectiveService_ObjectiveView,
    view: PlanObjectiveService_ObjectivesView
): ObjectiveRow {
    const progress = Number(objective.progressPercent ?? 0);
    const overdue = !!objective.overdue;
    const standsOut = overdue || objective.status === 'Off Track';
    const done = objective.status === 'Done';
    return {
        id: objective.id ?? '',
        name: objective.name ?? '',
        measure: objective.measure ?? '',
        measureTypeLabel: labelOf(view.measureTypes, objective.measureType),
        calculated: !!objective.calculated,
        currentValue: objective.currentValue,
        targetValue: objective.targetValue,
        isCurrency: objective.unit === 'Currency',
        unit: labelOf(view.units, objective.unit),
        progressPercent: progress,
        barStyle: `width: ${barWidth(progress)}%`,
        barClass: `slds-progress-bar__value${done ? ' slds-progress-bar__value_success' : standsOut ? ' bar_off-track' : ''}`,
        status: objective.status ?? '',
        statusClass: statusClass(objective.status),
        overdue,
        standsOut,
        rowClass: `objective slds-p-around_x-small${standsOut ? ' objective_stands-out' : ''}`,
        dueDate: objective.dueDate,
        ownerName: objective.ownerName ?? '',
        canEdit: !!objective.canEdit
    };
}

/**
 * The objectives grouped by horizon, in the horizons' own order (short, mid, long term), objectives
 * without one last; within a group the soonest due first, undated last, then by name.
 * @param view the server's view
 * @param noHorizonLabel the heading of objectives without a horizon
 * @returns the groups that have objectives
 */
export function groupObjectives(
    view: PlanObjectiveService_ObjectivesView | null | undefined,
    noHorizonLabel: string
): ObjectiveGroup[] {
    if (!view?.objectives?.length) return [];
    const order = (view.horizons ?? []).map((option) => option.value ?? '');
    const groups = new Map<string, PlanObjectiveService_ObjectiveView[]>();
    for (const objective of view.objectives) {
        const key = objective.horizon && order.includes(objective.horizon) ? objective.horizon : '';
        groups.set(key, [...(groups.get(key) ?? []), objective]);
    }
    return [...order, '']
        .filter((key) => groups.has(key))
        .map((key) => ({
            key: key || 'none',
            label: key ? labelOf(view.horizons, key) : noHorizonLabel,
            rows: [...(groups.get(key) ?? [])].sort(byDueDate).map((objective) => toRow(objective, view))
        }));
}

/**
 * The form's draft: an objective's values, or a new objective's defaults.
 * @param objective the objective to edit, or undefined for a new one
 * @returns the draft
 */
export function draftOf(objective?: PlanObjectiveService_ObjectiveView | null): ObjectiveDraft {
    const text = (value: number | null | undefined): string => {
        return value === null || value === undefined ? '' : String(value);
    };
    return {
        id: objective?.id ?? null,
        version: objective?.version ?? null,
        name: objective?.name ?? '',
        measure: objective?.measure ?? '',
        measureType: objective?.measureType ?? ENTERED,
        targetValue: text(objective?.targetValue),
        currentValue: objective && !objective.calculated ? text(objective.currentValue) : '',
        unit: objective?.unit ?? 'Currency',
        horizon: objective?.horizon ?? 'Short Term',
        ownerId: objective?.ownerId ?? '',
        dueDate: objective?.dueDate ?? ''
    };
}

function numberOrNull(text: string): number | null {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    const value = Number(trimmed);
    return Number.isFinite(value) ? value : null;
}

/**
 * What the server saves for a draft: numbers as numbers, empty fields as null, and no current value for a
 * calculated measure (Keystone keeps it). The server checks the rest and says what is wrong.
 * @param draft the form's draft
 * @returns the ObjectiveInput
 */
export function inputOf(draft: ObjectiveDraft): Record<string, unknown> {
    return {
        id: draft.id,
        version: draft.version,
        name: draft.name.trim(),
        measure: draft.measure.trim() || null,
        measureType: draft.measureType || null,
        targetValue: numberOrNull(draft.targetValue),
        currentValue: isCalculated(draft.measureType) ? null : numberOrNull(draft.currentValue),
        unit: draft.unit || null,
        horizon: draft.horizon || null,
        ownerId: draft.ownerId || null,
        dueDate: draft.dueDate || null
    };
}
