// OrgChartController's contract for the preview: the same pages, fields, errors and paging as the Apex
// (OrgChartController → OrgChartService), over the in-memory org.
import { loadCustomMetadata } from '../schema';
import type { FieldValue, OrgStore, SObjectRecord } from '../store';
import { FORCE_APP } from '../../../lib/project';
import { invalidParameter } from './apexError';
import { idParam, requireAccount } from './params';
import type { ApexClassHandler } from './registry';

const MAX_PAGE_SIZE = 2000;
const RECENT_STANCES = 3;
const STANCE_HISTORY_DAYS = 365;

const STAKEHOLDER_FIELDS: Record<string, string> = {
    name: 'Name',
    title: 'Title',
    department: 'Department',
    reportsToId: 'ReportsToId',
    decisionRole: 'Decision_Role__c',
    stance: 'Stance__c',
    influence: 'Influence__c',
    relationshipStrength: 'Relationship_Strength__c',
    budgetAuthority: 'Budget_Authority__c',
    relationshipOwnerId: 'Relationship_Owner__c',
    buyingCenterId: 'Buying_Center__c',
    competitorChampion: 'Competitor_Champion__c',
    leaving: 'Leaving__c',
    hasBoughtFromUs: 'Has_Bought_From_Us__c',
    contactFrequency: 'Contact_Frequency__c',
    lastActivityDate: 'LastActivityDate'
};

function value(record: SObjectRecord, field: string): FieldValue {
    const raw = record[field];
    return raw === undefined || (typeof raw === 'object' && raw !== null) ? null : (raw as FieldValue);
}

function contactName(record: SObjectRecord): string {
    const stored = value(record, 'Name');
    if (stored) return String(stored);
    return [value(record, 'FirstName'), value(record, 'LastName')].filter(Boolean).join(' ');
}

function pageSizeParam(args: Record<string, unknown>): number {
    const raw = args.pageSize;
    if (raw === null || raw === undefined) return MAX_PAGE_SIZE;
    if (typeof raw !== 'number' || !Number.isInteger(raw)) throw invalidParameter('pageSize', 'Integer');
    return Math.max(1, Math.min(raw, MAX_PAGE_SIZE));
}

/** The Default heat settings as the controller returns them. */
export function heatSettings(): Record<string, unknown> {
    const record = loadCustomMetadata(FORCE_APP).Keystone_Heat_Setting?.Default ?? {};
    const number = (field: string): number | null =>
        record[field] === undefined ? null : Number(record[field]);
    return {
        stanceWeight: number('Stance_Weight__c'),
        strengthWeight: number('Strength_Weight__c'),
        influenceWeight: number('Influence_Weight__c'),
        recencyWeight: number('Recency_Weight__c'),
        recencyDays: number('Recency_Days__c'),
        warmThreshold: number('Warm_Threshold__c'),
        coldThreshold: number('Cold_Threshold__c'),
        warmColour: record.Warm_Colour__c ?? null,
        neutralColour: record.Neutral_Colour__c ?? null,
        coldColour: record.Cold_Colour__c ?? null,
        unknownColour: record.Unknown_Colour__c ?? null
    };
}

export function getOrgChart(org: OrgStore, args: Record<string, unknown>): Record<string, unknown> {
    const accountId = idParam(args, 'accountId');
    const afterId = idParam(args, 'afterId');
    const size = pageSizeParam(args);
    const account = requireAccount(org, accountId, 'Open an account to see its org chart.');
    const everyone = org
        .all('Contact')
        .filter((contact) => contact.AccountId === account.Id)
        .sort((a, b) => (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
    const contacts = everyone.filter((contact) => !afterId || contact.Id > afterId).slice(0, size);
    const ids = new Set(contacts.map((contact) => contact.Id));
    const userName = (id: FieldValue): string | null =>
        typeof id === 'string' ? ((org.get(id)?.Name as string | undefined) ?? null) : null;

    const since = new Date(Date.parse(`${org.today}T00:00:00Z`) - STANCE_HISTORY_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const trend = new Map<string, { observedOn: string; stance: string }[]>();
    org.all('Stance_Observation__c')
        .filter(
            (observation) =>
                ids.has(String(observation.Contact__c)) && String(observation.Observed_On__c) >= since
        )
        .sort((a, b) =>
            String(a.Contact__c) === String(b.Contact__c)
                ? String(b.Observed_On__c).localeCompare(String(a.Observed_On__c))
                : 0
        )
        .forEach((observation) => {
            const list = trend.get(String(observation.Contact__c)) ?? [];
            if (list.length < RECENT_STANCES)
                list.push({
                    observedOn: String(observation.Observed_On__c),
                    stance: String(observation.Stance__c)
                });
            trend.set(String(observation.Contact__c), list);
        });
    const openCases = new Map<string, number>();
    for (const item of org.all('Case')) {
        if (ids.has(String(item.ContactId)) && item.Status !== 'Closed')
            openCases.set(String(item.ContactId), (openCases.get(String(item.ContactId)) ?? 0) + 1);
    }

    const stakeholders = contacts.map((contact) => {
        const view: Record<string, unknown> = { id: contact.Id };
        for (const [key, field] of Object.entries(STAKEHOLDER_FIELDS))
            view[key] = field === 'Name' ? contactName(contact) : value(contact, field);
        view.relationshipOwnerName = userName(value(contact, 'Relationship_Owner__c'));
        view.openCases = openCases.get(contact.Id) ?? 0;
        view.recentStances = trend.get(contact.Id) ?? [];
        return view;
    });
    const firstPage = !afterId;
    return {
        accountId: account.Id,
        accountName: value(account, 'Name'),
        totalContacts: firstPage ? everyone.length : null,
        nextAfterId: contacts.length === size ? contacts[contacts.length - 1]!.Id : null,
        canEdit: true,
        hiddenFields: [],
        stakeholders,
        links: firstPage
            ? org
                  .all('Stakeholder_Link__c')
                  .filter((link) => link.Account__c === account.Id)
                  .map((link) => ({
                      id: link.Id,
                      fromId: value(link, 'From_Contact__c'),
                      toContactId: value(link, 'To_Contact__c'),
                      toUserId: value(link, 'To_User__c'),
                      toUserName: userName(value(link, 'To_User__c')),
                      type: value(link, 'Link_Type__c'),
                      strength: value(link, 'Strength__c'),
                      frequency: value(link, 'Frequency__c')
                  }))
            : null,
        heatSettings: firstPage ? heatSettings() : null
    };
}

export const orgChartController: ApexClassHandler = {
    getOrgChart: { params: ['accountId', 'afterId', 'pageSize'], cacheable: true, invoke: getOrgChart }
};
