// What the plan open cases view draws, from what PlanOpenCasesController.getOpenCases returns: the four
// age buckets with bar widths relative to the largest, the priorities, the oldest case and the case rows.
import type {
    PlanOpenCasesService_CaseRow,
    PlanOpenCasesService_OpenCasesView
} from '@salesforce/apex/types';
import { formatLabel } from 'c/keystoneText';

/** The texts the model needs, from custom labels. */
export interface CasesTexts {
    buckets: Record<string, string>;
    noPriority: string;
    ageDays: string;
    oldest: string;
    untitled: string;
}

/** A count with its label and a bar width in percent of the largest count. */
export interface FigureRow {
    key: string;
    label: string;
    count: number;
    barStyle: string;
}

/** One case as the list draws it. */
export interface CaseRowModel {
    id: string;
    title: string;
    priority: string;
    ageText: string;
    contactName: string;
    rowClass: string;
}

/** The whole view. */
export interface CasesModel {
    total: number;
    buckets: FigureRow[];
    priorities: FigureRow[];
    oldestText: string;
    oldestId: string;
    rows: CaseRowModel[];
}

function figures(items: { key: string; label: string; count: number }[]): FigureRow[] {
    const largest = Math.max(1, ...items.map((item) => item.count));
    return items.map((item) => ({
        ...item,
        barStyle: `width: ${Math.round((item.count / largest) * 100)}%`
    }));
}

function titleOf(row: PlanOpenCasesService_CaseRow, texts: CasesTexts): string {
    const subject = row.subject?.trim() || texts.untitled;
    return row.caseNumber ? `${row.caseNumber} · ${subject}` : subject;
}

/**
 * The view's model; the oldest case is the server's first (it reads them oldest first).
 * @param view what the server returned
 * @param texts the labels
 */
export function buildCasesModel(view: PlanOpenCasesService_OpenCasesView, texts: CasesTexts): CasesModel {
    const buckets = figures(
        (view.buckets ?? []).map((bucket) => ({
            key: bucket.key ?? '',
            label: texts.buckets[bucket.key ?? ''] ?? bucket.key ?? '',
            count: bucket.count ?? 0
        }))
    );
    const priorities = figures(
        (view.byPriority ?? []).map((figure) => ({
            key: figure.key ?? '',
            label: figure.key || texts.noPriority,
            count: figure.count ?? 0
        }))
    );
    const rows = (view.cases ?? []).map((row) => ({
        id: row.id ?? '',
        title: titleOf(row, texts),
        priority: row.priority || texts.noPriority,
        ageText: formatLabel(texts.ageDays, row.ageDays ?? 0),
        contactName: row.contactName ?? '',
        rowClass: `case-row slds-p-around_x-small${(row.ageDays ?? 0) > 90 ? ' case-row_old' : ''}`
    }));
    const oldest = view.oldest;
    return {
        total: view.total ?? 0,
        buckets,
        priorities,
        oldestText: oldest ? formatLabel(texts.oldest, titleOf(oldest, texts), oldest.ageDays ?? 0) : '',
        oldestId: oldest?.id ?? '',
        rows
    };
}
