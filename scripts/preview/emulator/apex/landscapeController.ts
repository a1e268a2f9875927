// LandscapeController's contract for the preview: the same landscape, sums, defaults and messages as the
// Apex (LandscapeController → LandscapeService), over the in-memory org.
import type {
    LandscapeService_BuyingCenterView,
    LandscapeService_CellKey,
    LandscapeService_CellView,
    LandscapeService_Landscape
} from '@salesforce/apex/types';
import type { BusinessGroup, Omission } from '../../../../lwc-ts/landscapeModel/landscapeModel';
import { OPPORTUNITY_STAGES } from '../standardObjects';
import type { FieldValue, OrgStore, SObjectRecord } from '../store';
import { ApexError } from './apexError';
import { appeared, GONE, NO_VERSION, requireUnchanged, versionParam } from './recordVersion';
import { currentPlanRecord } from './accountPlanController';
import { dateValue, decimalValue, idParam, objectParam, requireAccount, stringValue } from './params';
import { toAuraError } from './errors';
import type { ApexClassHandler } from './registry';

function text(record: SObjectRecord, field: string): string | null {
    const value = record[field] as FieldValue | undefined;
    return value === null || value === undefined ? null : String(value);
}

function number(record: SObjectRecord, field: string): number | null {
    const value = record[field] as FieldValue | undefined;
    return value === null || value === undefined ? null : Number(value);
}

/** Date.addYears(-1), as Apex does it (29 February becomes 28 February). */
function yearEarlier(iso: string): string {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
    return `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** OpportunitySelector.sumByBuyingCenterAndOffering: sums per buying center × offering × outcome. */
function business(
    org: OrgStore,
    accountId: string,
    from: string,
    to: string,
    period: BusinessGroup['period'],
    maxRows: number
): { groups: BusinessGroup[]; rows: number; truncated: boolean } {
    const groups = new Map<string, BusinessGroup>();
    const inPeriod = newestFirst(
        org.all('Opportunity').filter((deal) => {
            const closeDate = text(deal, 'CloseDate') ?? '';
            return deal.AccountId === accountId && closeDate >= from && closeDate <= to;
        })
    );
    const read = inPeriod.slice(0, Math.max(0, maxRows));
    for (const deal of read) {
        const stage = OPPORTUNITY_STAGES[String(deal.StageName)];
        const outcome = stage?.isWon ? 'won' : stage?.isClosed ? 'lost' : 'open';
        const buyingCenterId = text(deal, 'Buying_Center__c');
        const offeringId = text(deal, 'Offering__c');
        const key = `${buyingCenterId}|${offeringId}|${outcome}`;
        const group = groups.get(key) ?? {
            buyingCenterId,
            offeringId,
            period,
            outcome,
            amount: null,
            expected: null,
            deals: 0
        };
        const amount = number(deal, 'Amount');
        if (amount !== null) {
            // SUM() is null only when every amount is
            group.amount = (group.amount ?? 0) + amount;
            group.expected = (group.expected ?? 0) + (amount * (stage?.probability ?? 0)) / 100;
        }
        group.deals++;
        groups.set(key, group);
    }
    return { groups: [...groups.values()], rows: read.length, truncated: inPeriod.length > read.length };
}

/** OpportunitySelector.selectPairsWonBefore: buying center × offering pairs won before a day (mining ground). */
function earlierWins(
    org: OrgStore,
    accountId: string,
    before: string,
    omitted: Omission[]
): LandscapeService_CellKey[] {
    const pairs = new Map<string, { buyingCenterId: string | null; offeringId: string | null }>();
    const wins = newestFirst(
        org
            .all('Opportunity')
            .filter(
                (deal) =>
                    deal.AccountId === accountId &&
                    (text(deal, 'CloseDate') ?? '') < before &&
                    OPPORTUNITY_STAGES[String(deal.StageName)]?.isWon
            )
    );
    const read = capped(wins, LANDSCAPE_CAPS.earlierWins, 'earlierWins', omitted);
    for (const deal of read) {
        const buyingCenterId = text(deal, 'Buying_Center__c');
        const offeringId = text(deal, 'Offering__c');
        pairs.set(`${buyingCenterId}|${offeringId}`, { buyingCenterId, offeringId });
    }
    return [...pairs.values()];
}

/** LandscapeService's caps: past them the view leaves the rest out and names it in `omitted`. */
export const LANDSCAPE_CAPS = {
    buyingCenters: 2000,
    offerings: 500,
    cells: 20000,
    periodOpportunities: 15000,
    earlierWins: 5000
};

/** The first `cap` items, and an omission when there were more. */
function capped<T>(items: T[], cap: number, what: Omission['what'], omitted: Omission[]): T[] {
    if (items.length <= cap) return items;
    omitted.push({ what, period: null, shown: cap });
    return items.slice(0, cap);
}

/** Opportunities newest first, then by Id: the order in which OpportunitySelector's pages read them. */
function newestFirst(deals: SObjectRecord[]): SObjectRecord[] {
    return [...deals].sort((a, b) => {
        const byDate = (text(b, 'CloseDate') ?? '').localeCompare(text(a, 'CloseDate') ?? '');
        return byDate !== 0 ? byDate : a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0;
    });
}

/** The grid's view of a cell: no notes (getCellNotes reads them when the cell opens). */
function gridCellView(cell: SObjectRecord): LandscapeService_CellView {
    return { ...cellView(cell), notes: null };
}

function cellView(cell: SObjectRecord): LandscapeService_CellView {
    return {
        id: cell.Id,
        buyingCenterId: String(cell.Buying_Center__c),
        offeringId: String(cell.Offering__c),
        status: text(cell, 'Status__c'),
        potentialValue: number(cell, 'Potential_Value__c'),
        targetDate: text(cell, 'Target_Date__c'),
        competitor: text(cell, 'Competitor__c'),
        notes: text(cell, 'Notes__c'),
        version: text(cell, 'LastModifiedDate')
    };
}

export function getLandscape(org: OrgStore, args: Record<string, unknown>): LandscapeService_Landscape {
    const accountId = idParam(args, 'accountId');
    let periodStart = dateValue(args.periodStart, 'periodStart', 'Date');
    let periodEnd = dateValue(args.periodEnd, 'periodEnd', 'Date');
    const account = requireAccount(org, accountId, 'Open an account to see its landscape.');
    if ((periodStart === null) !== (periodEnd === null))
        throw new ApexError('Choose both the start and the end of the period.');
    if (periodStart && periodEnd && periodStart > periodEnd)
        throw new ApexError('The period must start before it ends.');
    const plan = currentPlanRecord(org, account.Id);
    if (!periodStart || !periodEnd) {
        const year = org.today.slice(0, 4);
        periodStart = (plan && text(plan, 'Period_Start__c')) ?? `${year}-01-01`;
        periodEnd = (plan && text(plan, 'Period_End__c')) ?? `${year}-12-31`;
    }
    const previousStart = yearEarlier(periodStart);
    const previousEnd = yearEarlier(periodEnd);
    const omitted: Omission[] = [];
    const centers = capped(
        org
            .all('Buying_Center__c')
            .filter((center) => center.Account__c === account.Id)
            .sort((a, b) => String(a.Name).localeCompare(String(b.Name))),
        LANDSCAPE_CAPS.buyingCenters,
        'buyingCenters',
        omitted
    );
    const offerings = capped(
        org.all('Offering__c').filter((offering) => offering.Active__c === true),
        LANDSCAPE_CAPS.offerings,
        'offerings',
        omitted
    );
    const cells = capped(
        org
            .all('Landscape_Cell__c')
            .filter((cell) => org.get(String(cell.Buying_Center__c))?.Account__c === account.Id),
        LANDSCAPE_CAPS.cells,
        'cells',
        omitted
    );
    // the current period reads first: the previous period gives way when both are large
    const current = business(
        org,
        account.Id,
        periodStart,
        periodEnd,
        'current',
        LANDSCAPE_CAPS.periodOpportunities
    );
    const previous = business(
        org,
        account.Id,
        previousStart,
        previousEnd,
        'previous',
        LANDSCAPE_CAPS.periodOpportunities - current.rows
    );
    for (const [period, sums] of [
        ['current', current],
        ['previous', previous]
    ] as const) {
        if (sums.truncated) omitted.push({ what: 'opportunities', period, shown: sums.rows });
    }
    const wins = earlierWins(org, account.Id, periodStart, omitted);
    const coverage = new Map<string, { buyingCenterId: string; stance: string | null; contacts: number }>();
    for (const contact of org.all('Contact')) {
        const center = text(contact, 'Buying_Center__c');
        if (contact.AccountId !== account.Id || !center) continue;
        const stance = text(contact, 'Stance__c');
        const key = `${center}|${stance}`;
        const entry = coverage.get(key) ?? { buyingCenterId: center, stance, contacts: 0 };
        entry.contacts++;
        coverage.set(key, entry);
    }
    const openCases = new Map<string, number>();
    for (const item of org.all('Case')) {
        const contact = item.ContactId ? org.get(String(item.ContactId)) : undefined;
        const center = contact ? text(contact, 'Buying_Center__c') : null;
        if (item.AccountId !== account.Id || item.Status === 'Closed' || !center) continue;
        openCases.set(center, (openCases.get(center) ?? 0) + 1);
    }
    return {
        accountId: account.Id,
        accountName: text(account, 'Name') ?? '',
        currencyIsoCode: 'USD',
        periodStart,
        periodEnd,
        previousStart,
        previousEnd,
        canEdit: true,
        canAddBuyingCenter: true,
        hiddenFields: [],
        kinds: (org.schemas.get('Buying_Center__c')?.fields.get('Kind__c')?.picklistValues ?? []).map(
            (value) => ({
                value,
                label: value
            })
        ),
        buyingCenters: centers.map((center) => ({
            id: center.Id,
            name: text(center, 'Name') ?? '',
            parentId: text(center, 'Parent_Buying_Center__c'),
            kind: text(center, 'Kind__c'),
            active: center.Active__c === true
        })),
        offerings: offerings.map((offering) => ({
            id: offering.Id,
            name: text(offering, 'Name') ?? '',
            family: text(offering, 'Family__c'),
            sortOrder: number(offering, 'Sort_Order__c')
        })),
        cells: cells.map(gridCellView),
        business: [...current.groups, ...previous.groups],
        earlierWins: wins,
        omitted,
        coverage: [...coverage.values()],
        openCases: [...openCases].map(([buyingCenterId, cases]) => ({ buyingCenterId, cases })),
        plan: plan
            ? {
                  id: plan.Id,
                  name: text(plan, 'Name') ?? '',
                  miningTarget: number(plan, 'Mining_Target__c'),
                  farmingTarget: number(plan, 'Farming_Target__c')
              }
            : null
    };
}

const CELL_INPUT = 'LandscapeService.CellInput';

function trimmed(value: string | null): string | null {
    return value && value.trim() ? value.trim() : null;
}

function guarded<T>(work: () => T): T {
    try {
        return work();
    } catch (error) {
        throw toAuraError(error);
    }
}

export function saveCell(org: OrgStore, args: Record<string, unknown>): LandscapeService_CellView {
    const accountId = idParam(args, 'accountId');
    const buyingCenterId = idParam(args, 'buyingCenterId');
    const offeringId = idParam(args, 'offeringId');
    const input = objectParam(args, 'cell', CELL_INPUT);
    const account = requireAccount(org, accountId, 'Open an account to change its landscape.');
    if (!buyingCenterId || !offeringId) throw new ApexError('Choose the cell to mark.');
    const status = stringValue(input?.status, 'cell', CELL_INPUT);
    if (!status || !status.trim())
        throw new ApexError(
            "Choose what this cell is: a whitespace target, a competitor's business or not applicable."
        );
    if (org.get(buyingCenterId)?.Account__c !== account.Id)
        throw new ApexError('That buying center belongs to another account.');
    const potential = decimalValue(input?.potentialValue, 'cell', CELL_INPUT);
    const targetDate = dateValue(input?.targetDate, 'cell', CELL_INPUT);
    const values = {
        Status__c: status,
        Potential_Value__c: status === 'Not Applicable' ? null : potential,
        Target_Date__c: status === 'Whitespace Target' ? targetDate : null,
        Competitor__c:
            status === 'Competitor Incumbent'
                ? trimmed(stringValue(input?.competitor, 'cell', CELL_INPUT))
                : null,
        Notes__c: trimmed(stringValue(input?.notes, 'cell', CELL_INPUT))
    };
    const version = versionParam(input?.version, 'cell', CELL_INPUT);
    const existing = org
        .all('Landscape_Cell__c')
        .find((cell) => cell.Buying_Center__c === buyingCenterId && cell.Offering__c === offeringId);
    if (!existing && version !== null) throw new ApexError(GONE);
    // the rep saw this cell empty: someone marked it since
    if (existing && version === null) throw appeared(org, existing.Id);
    if (existing) requireUnchanged(org, existing.Id, version);
    return guarded(() => {
        const id = existing
            ? (org.update(existing.Id, values), existing.Id)
            : org.insert('Landscape_Cell__c', {
                  Buying_Center__c: buyingCenterId,
                  Offering__c: offeringId,
                  ...values
              });
        return cellView(org.get(id)!);
    });
}

export function getCellNotes(org: OrgStore, args: Record<string, unknown>): string | null {
    const cellId = idParam(args, 'cellId');
    if (!cellId) throw new ApexError('Choose the cell whose notes to read.');
    const cell = org.get(cellId);
    // the emulator knows an id's object only from its record: a missing id reads as a removed cell
    if (!cell) throw new ApexError('That cell was removed or you cannot see it. Refresh the landscape.');
    if (cell.attributes.type !== 'Landscape_Cell__c')
        throw new ApexError('Choose the cell whose notes to read.');
    return text(cell, 'Notes__c');
}

export function removeCell(org: OrgStore, args: Record<string, unknown>): null {
    const cellId = idParam(args, 'cellId');
    const version = versionParam(args.version, 'version');
    const cell = cellId ? org.get(cellId) : undefined;
    if (!cellId || (cell && cell.attributes.type !== 'Landscape_Cell__c'))
        throw new ApexError('Choose the cell to clear.');
    if (!cell) throw new ApexError(version === null ? NO_VERSION : GONE);
    requireUnchanged(org, cell.Id, version);
    guarded(() => org.delete(cell.Id));
    return null;
}

export function addBuyingCenter(
    org: OrgStore,
    args: Record<string, unknown>
): LandscapeService_BuyingCenterView {
    const accountId = idParam(args, 'accountId');
    const name = stringValue(args.name, 'name', 'String');
    const kind = stringValue(args.kind, 'kind', 'String');
    const parentId = idParam(args, 'parentId');
    const account = requireAccount(org, accountId, 'Open an account to add a buying center.');
    if (!name || !name.trim()) throw new ApexError('Give the buying center a name.');
    return guarded(() => {
        const id = org.insert('Buying_Center__c', {
            Account__c: account.Id,
            Name: name.trim(),
            Kind__c: kind && kind.trim() ? kind : null,
            Parent_Buying_Center__c: parentId,
            Active__c: true
        });
        return { id, name: name.trim(), parentId, kind: kind && kind.trim() ? kind : null, active: true };
    });
}

export const landscapeController: ApexClassHandler = {
    getLandscape: {
        params: ['accountId', 'periodStart', 'periodEnd'],
        cacheable: true,
        invoke: getLandscape
    },
    saveCell: {
        params: ['accountId', 'buyingCenterId', 'offeringId', 'cell'],
        cacheable: false,
        invoke: saveCell
    },
    getCellNotes: { params: ['cellId'], cacheable: false, invoke: getCellNotes },
    removeCell: { params: ['cellId', 'version'], cacheable: false, invoke: removeCell },
    addBuyingCenter: {
        params: ['accountId', 'name', 'kind', 'parentId'],
        cacheable: false,
        invoke: addBuyingCenter
    }
};
