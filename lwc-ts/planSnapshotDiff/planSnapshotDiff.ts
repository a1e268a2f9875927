// "Changed since approved", DOM-free: compares the plan frozen at approval with the plan now, both in the
// shape PlanSnapshotService builds, and says what was added, removed or changed, section by section.
import addedLabel from '@salesforce/label/c.Keystone_SignOff_Added';
import removedLabel from '@salesforce/label/c.Keystone_SignOff_Removed';
import changedLabel from '@salesforce/label/c.Keystone_SignOff_Changed';
import blankLabel from '@salesforce/label/c.Keystone_SignOff_Blank';
import goalLabel from '@salesforce/label/c.Keystone_SignOff_Field_Goal';
import revenueGoalLabel from '@salesforce/label/c.Keystone_SignOff_Field_Revenue_Goal';
import miningLabel from '@salesforce/label/c.Keystone_SignOff_Field_Mining';
import farmingLabel from '@salesforce/label/c.Keystone_SignOff_Field_Farming';
import periodStartLabel from '@salesforce/label/c.Keystone_SignOff_Field_Period_Start';
import periodEndLabel from '@salesforce/label/c.Keystone_SignOff_Field_Period_End';
import approverLabel from '@salesforce/label/c.Keystone_SignOff_Field_Approver';
import nameLabel from '@salesforce/label/c.Keystone_SignOff_Field_Name';
import targetLabel from '@salesforce/label/c.Keystone_SignOff_Field_Target';
import currentLabel from '@salesforce/label/c.Keystone_SignOff_Field_Current';
import statusLabel from '@salesforce/label/c.Keystone_SignOff_Field_Status';
import dueLabel from '@salesforce/label/c.Keystone_SignOff_Field_Due';
import measureLabel from '@salesforce/label/c.Keystone_SignOff_Field_Measure';
import measureTypeLabel from '@salesforce/label/c.Keystone_SignOff_Field_Measure_Type';
import categoryLabel from '@salesforce/label/c.Keystone_SignOff_Field_Category';
import priorityLabel from '@salesforce/label/c.Keystone_SignOff_Field_Priority';
import descriptionLabel from '@salesforce/label/c.Keystone_SignOff_Field_Description';
import titleLabel from '@salesforce/label/c.Keystone_SignOff_Field_Title';
import existingLabel from '@salesforce/label/c.Keystone_SignOff_Field_Existing';
import pipelineLabel from '@salesforce/label/c.Keystone_SignOff_Field_Pipeline';
import whitespaceLabel from '@salesforce/label/c.Keystone_SignOff_Field_Whitespace';
import planSectionLabel from '@salesforce/label/c.Keystone_SignOff_Section_Plan';
import objectivesSectionLabel from '@salesforce/label/c.Keystone_SignOff_Section_Objectives';
import swotSectionLabel from '@salesforce/label/c.Keystone_SignOff_Section_Swot';
import milestonesSectionLabel from '@salesforce/label/c.Keystone_SignOff_Section_Milestones';
import landscapeSectionLabel from '@salesforce/label/c.Keystone_SignOff_Section_Landscape';
import { formatIsoDate, formatLabel } from 'c/keystoneText';
import type {
    PlanSnapshotService_LandscapeTotals,
    PlanSnapshotService_MilestoneShape,
    PlanSnapshotService_ObjectiveShape,
    PlanSnapshotService_PlanShape,
    PlanSnapshotService_SwotShape
} from '@salesforce/apex/types';

export type PlanShape = PlanSnapshotService_PlanShape;
export type DiffSection = 'plan' | 'objectives' | 'swot' | 'milestones' | 'landscape';
export type ChangeKind = 'added' | 'removed' | 'changed';
export type DiffValue = string | number | null;

/** One difference: an item added or removed, or one field of a plan or an item that moved. */
export interface PlanChange {
    section: DiffSection;
    kind: ChangeKind;
    /** Stable key for rendering: section, item and field. */
    key: string;
    /** What the change is about: the objective's wording, the SWOT description, the milestone title… */
    item: string | null;
    /** The field that changed (a key of the section's shape), null for added/removed. */
    field: string | null;
    before: DiffValue;
    after: DiffValue;
}

const PLAN_FIELDS = [
    'name',
    'goalStatement',
    'revenueGoal',
    'miningTarget',
    'farmingTarget',
    'periodStart',
    'periodEnd',
    'approverName'
] as const;
const OBJECTIVE_FIELDS = [
    'name',
    'measure',
    'measureType',
    'target',
    'current',
    'status',
    'dueDate'
] as const;
const SWOT_FIELDS = ['category', 'description', 'priority'] as const;
const MILESTONE_FIELDS = ['title', 'dueDate', 'status'] as const;
const LANDSCAPE_FIELDS = ['existingBusiness', 'pipeline', 'whitespacePotential'] as const;

function normal(value: unknown): DiffValue {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'number') return value;
    return String(value);
}

function same(a: DiffValue, b: DiffValue): boolean {
    if (typeof a === 'number' || typeof b === 'number')
        return a !== null && b !== null && Number(a) === Number(b);
    return a === b;
}

function fieldChanges<T extends object>(
    section: DiffSection,
    itemKey: string,
    item: string | null,
    fields: readonly (keyof T & string)[],
    before: T,
    after: T
): PlanChange[] {
    const changes: PlanChange[] = [];
    for (const field of fields) {
        const was = normal(before[field]);
        const now = normal(after[field]);
        if (!same(was, now)) {
            changes.push({
                section,
                kind: 'changed',
                key: `${section}:${itemKey}:${field}`,
                item,
                field,
                before: was,
                after: now
            });
        }
    }
    return changes;
}

// Items are matched by their record Id; an item without one (never the case for saved records) by its label.
function itemChanges<T extends { id: string | null }>(
    section: DiffSection,
    labelOf: (item: T) => string | null,
    fields: readonly (keyof T & string)[],
    before: readonly T[] | null,
    after: readonly T[] | null
): PlanChange[] {
    const keyOf = (item: T): string => item.id ?? `label:${labelOf(item) ?? ''}`;
    const was = new Map((before ?? []).map((item) => [keyOf(item), item]));
    const now = new Map((after ?? []).map((item) => [keyOf(item), item]));
    const changes: PlanChange[] = [];
    for (const [key, item] of was) {
        const current = now.get(key);
        if (!current) {
            changes.push({
                section,
                kind: 'removed',
                key: `${section}:${key}`,
                item: labelOf(item),
                field: null,
                before: labelOf(item),
                after: null
            });
        } else {
            changes.push(...fieldChanges(section, key, labelOf(current), fields, item, current));
        }
    }
    for (const [key, item] of now) {
        if (!was.has(key)) {
            changes.push({
                section,
                kind: 'added',
                key: `${section}:${key}`,
                item: labelOf(item),
                field: null,
                before: null,
                after: labelOf(item)
            });
        }
    }
    return changes;
}

const ZERO_TOTALS: PlanSnapshotService_LandscapeTotals = {
    existingBusiness: 0,
    pipeline: 0,
    whitespacePotential: 0
};

function totals(shape: PlanShape): PlanSnapshotService_LandscapeTotals {
    const landscape = shape.landscape ?? ZERO_TOTALS;
    return {
        existingBusiness: landscape.existingBusiness ?? 0,
        pipeline: landscape.pipeline ?? 0,
        whitespacePotential: landscape.whitespacePotential ?? 0
    };
}

/**
 * What changed between the approved plan and the plan now: plan fields (old → new), objectives, SWOT items
 * and milestones added, removed or changed, and landscape totals that moved. Empty when nothing changed,
 * and empty when either side is missing (a plan never approved through Keystone has nothing to compare).
 */
export function diffPlans(
    approved: PlanShape | null | undefined,
    current: PlanShape | null | undefined
): PlanChange[] {
    if (!approved || !current) return [];
    return [
        ...fieldChanges('plan', 'plan', null, PLAN_FIELDS, approved, current),
        ...itemChanges<PlanSnapshotService_ObjectiveShape>(
            'objectives',
            (o) => o.name,
            OBJECTIVE_FIELDS,
            approved.objectives,
            current.objectives
        ),
        ...itemChanges<PlanSnapshotService_SwotShape>(
            'swot',
            (s) => s.description ?? s.category,
            SWOT_FIELDS,
            approved.swotItems,
            current.swotItems
        ),
        ...itemChanges<PlanSnapshotService_MilestoneShape>(
            'milestones',
            (m) => m.title,
            MILESTONE_FIELDS,
            approved.milestones,
            current.milestones
        ),
        ...fieldChanges('landscape', 'totals', null, LANDSCAPE_FIELDS, totals(approved), totals(current))
    ];
}

/** The changes grouped by section, in the order the panel lists them; sections without changes left out. */
export function groupBySection(
    changes: readonly PlanChange[]
): { section: DiffSection; changes: PlanChange[] }[] {
    const order: DiffSection[] = ['plan', 'objectives', 'swot', 'milestones', 'landscape'];
    return order
        .map((section) => ({ section, changes: changes.filter((change) => change.section === section) }))
        .filter((group) => group.changes.length > 0);
}

const SECTION_LABELS: Readonly<Record<DiffSection, string>> = {
    plan: planSectionLabel,
    objectives: objectivesSectionLabel,
    swot: swotSectionLabel,
    milestones: milestonesSectionLabel,
    landscape: landscapeSectionLabel
};

const FIELD_LABELS: Readonly<Record<string, string>> = {
    name: nameLabel,
    goalStatement: goalLabel,
    revenueGoal: revenueGoalLabel,
    miningTarget: miningLabel,
    farmingTarget: farmingLabel,
    periodStart: periodStartLabel,
    periodEnd: periodEndLabel,
    approverName: approverLabel,
    measure: measureLabel,
    measureType: measureTypeLabel,
    target: targetLabel,
    current: currentLabel,
    status: statusLabel,
    dueDate: dueLabel,
    category: categoryLabel,
    description: descriptionLabel,
    priority: priorityLabel,
    title: titleLabel,
    existingBusiness: existingLabel,
    pipeline: pipelineLabel,
    whitespacePotential: whitespaceLabel
};

/** A section's heading, in the org's custom labels. */
export function sectionLabel(section: DiffSection): string {
    return SECTION_LABELS[section];
}

function shown(value: DiffValue, locale?: string): string {
    if (value === null) return blankLabel;
    if (typeof value === 'number') return value.toLocaleString(locale);
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatIsoDate(value, locale) : value;
}

/**
 * One change as the panel says it: "Added: QBR Q2", "Removed: …", or "Win Helicopters MRO · Target: 2,000,000 →
 * 2,500,000" (the item's name first for objectives, SWOT items and milestones).
 */
export function describeChange(change: PlanChange, locale?: string): string {
    if (change.kind === 'added') return formatLabel(addedLabel, change.item ?? blankLabel);
    if (change.kind === 'removed') return formatLabel(removedLabel, change.item ?? blankLabel);
    const field = FIELD_LABELS[change.field ?? ''] ?? change.field ?? '';
    const what = change.item ? `${change.item} · ${field}` : field;
    return formatLabel(changedLabel, what, shown(change.before, locale), shown(change.after, locale));
}
