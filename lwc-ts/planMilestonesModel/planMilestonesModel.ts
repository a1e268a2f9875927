// What the plan milestones view draws, from what PlanMilestoneController.getMilestones returns: milestone
// rows (overdue in words and colour, which actions the user may take) and the meeting cadence rows (who is
// overdue for a meeting first, as the server sorted them). Dates stay ISO; the caller formats them.
import type {
    PlanMilestoneService_CadenceRow,
    PlanMilestoneService_MilestoneView,
    PlanMilestoneService_MilestonesView
} from '@salesforce/apex/types';
import { formatIsoDate, formatLabel } from 'c/keystoneText';

/** The texts a row needs, from custom labels (the component passes its labels). */
export interface MilestoneTexts {
    dueOn: string;
    doneOn: string;
    overdue: string;
    nobody: string;
    lastMet: string;
    neverMet: string;
    nextDue: string;
    dueNow: string;
}

/** One milestone as the list draws it. */
export interface MilestoneRow {
    id: string;
    name: string;
    type: string;
    status: string;
    meta: string;
    dateText: string;
    overdue: boolean;
    overdueText: string;
    rowClass: string;
    statusClass: string;
    canMarkDone: boolean;
    canEdit: boolean;
    canDelete: boolean;
}

/** One key stakeholder's meeting cadence as the list draws it. */
export interface CadenceRowModel {
    id: string;
    name: string;
    title: string;
    frequency: string;
    lastMetText: string;
    nextDueText: string;
    overdue: boolean;
    overdueText: string;
    rowClass: string;
}

/** The edit form's values: ISO date, Ids or '' for none. */
export interface MilestoneDraft {
    id: string | null;
    name: string;
    type: string;
    status: string;
    dueDate: string;
    assigneeId: string;
    stakeholderId: string;
}

const CLOSED = new Set(['Done', 'Cancelled']);

/**
 * The milestone rows: overdue ones say by how many days (text, not colour alone); done ones say when.
 * @param view what the server returned
 * @param texts the labels
 * @param locale the reader's locale for dates (the browser's when omitted)
 */
export function buildMilestoneRows(
    view: PlanMilestoneService_MilestonesView,
    texts: MilestoneTexts,
    locale?: string
): MilestoneRow[] {
    return (view.milestones ?? []).map((milestone) => milestoneRow(milestone, view, texts, locale));
}

function milestoneRow(
    milestone: PlanMilestoneService_MilestoneView,
    view: PlanMilestoneService_MilestonesView,
    texts: MilestoneTexts,
    locale?: string
): MilestoneRow {
    const status = milestone.status ?? '';
    const done = status === 'Done';
    const overdue = milestone.overdue === true;
    const dateText = done
        ? formatLabel(texts.doneOn, formatIsoDate(milestone.completedDate ?? milestone.dueDate, locale))
        : formatLabel(texts.dueOn, formatIsoDate(milestone.dueDate, locale));
    const people = [milestone.assigneeName, milestone.stakeholderName].filter(
        (name): name is string => !!name
    );
    return {
        id: milestone.id ?? '',
        name: milestone.name ?? '',
        type: milestone.type ?? '',
        status,
        meta: [milestone.type, ...people].filter(Boolean).join(' · '),
        dateText,
        overdue,
        overdueText: overdue ? formatLabel(texts.overdue, milestone.daysOverdue ?? 0) : '',
        rowClass: `milestone slds-p-around_x-small${overdue ? ' milestone_overdue' : ''}${done ? ' milestone_done' : ''}`,
        statusClass: `slds-badge${done ? ' slds-theme_success' : overdue ? ' slds-theme_error' : ''}`,
        canMarkDone: view.canEdit === true && !CLOSED.has(status),
        canEdit: view.canEdit === true,
        canDelete: view.canDelete === true
    };
}

/**
 * The cadence rows in the server's order (overdue first): last met or never, and when the next meeting is due.
 * @param rows the server's cadence rows
 * @param texts the labels
 * @param locale the reader's locale for dates
 */
export function buildCadenceRows(
    rows: PlanMilestoneService_CadenceRow[] | null | undefined,
    texts: MilestoneTexts,
    locale?: string
): CadenceRowModel[] {
    return (rows ?? []).map((row) => {
        const overdue = row.overdue === true;
        const neverMet = !row.lastMet;
        return {
            id: row.contactId ?? '',
            name: row.name ?? '',
            title: row.title ?? '',
            frequency: row.frequency ?? row.decisionRole ?? '',
            lastMetText: neverMet
                ? texts.neverMet
                : formatLabel(texts.lastMet, formatIsoDate(row.lastMet, locale)),
            nextDueText: neverMet
                ? texts.dueNow
                : formatLabel(texts.nextDue, formatIsoDate(row.nextDue, locale)),
            overdue,
            overdueText: overdue && !neverMet ? formatLabel(texts.overdue, row.daysOverdue ?? 0) : '',
            rowClass: `cadence slds-p-around_x-small${overdue ? ' cadence_overdue' : ''}`
        };
    });
}

/** How many meetings the folded list shows at least: an account's 40 stakeholders would bury the page. */
export const CADENCE_FOLDED = 5;

/**
 * The meetings a folded list shows: every overdue one (each needs a meeting booked), then the next due in
 * the order given, up to `folded` rows in all. Unfolded, every row.
 * @param rows the cadence rows, soonest due first
 * @param unfolded whether the user asked for all of them
 * @param folded how many rows the folded list holds when few are overdue
 */
export function foldCadence<T extends { overdue: boolean }>(
    rows: readonly T[],
    unfolded: boolean,
    folded: number = CADENCE_FOLDED
): T[] {
    if (unfolded) return [...rows];
    let room = Math.max(0, folded - rows.filter((row) => row.overdue).length);
    return rows.filter((row) => row.overdue || room-- > 0);
}

/**
 * The form's starting values: the milestone's own, or a new Planned meeting due today.
 * @param milestone the milestone to edit, or null for a new one
 * @param today ISO today
 */
export function draftFor(
    milestone: PlanMilestoneService_MilestoneView | null,
    today: string
): MilestoneDraft {
    if (!milestone) {
        return {
            id: null,
            name: '',
            type: 'Meeting',
            status: 'Planned',
            dueDate: today,
            assigneeId: '',
            stakeholderId: ''
        };
    }
    return {
        id: milestone.id,
        name: milestone.name ?? '',
        type: milestone.type ?? '',
        status: milestone.status ?? 'Planned',
        dueDate: milestone.dueDate ?? '',
        assigneeId: milestone.assigneeId ?? '',
        stakeholderId: milestone.stakeholderId ?? ''
    };
}

/** What saveMilestone receives: blanks become null so the server decides what is missing. */
// a type alias, not an interface: the Apex call takes it as a plain record of values
export type MilestoneInputDto = {
    id: string | null;
    planId: string;
    name: string;
    type: string | null;
    status: string | null;
    dueDate: string | null;
    assigneeId: string | null;
    stakeholderId: string | null;
};

/**
 * The Apex input for a draft.
 * @param draft the form's values
 * @param planId the plan
 */
export function inputFor(draft: MilestoneDraft, planId: string): MilestoneInputDto {
    return {
        id: draft.id,
        planId,
        name: draft.name,
        type: draft.type || null,
        status: draft.status || null,
        dueDate: draft.dueDate || null,
        assigneeId: draft.assigneeId || null,
        stakeholderId: draft.stakeholderId || null
    };
}
