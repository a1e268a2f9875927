// OrgChartController's contract for the preview: the same pages, fields, errors and paging as the Apex
// (OrgChartController → OrgChartService), over the in-memory org.
import { loadCustomMetadata } from '../schema';
import type { FieldValue, OrgStore, SObjectRecord } from '../store';
import { FORCE_APP } from '../../../lib/project';
import { invalidParameter } from './apexError';
import { dateValue, idParam, objectParam, requireAccount, stringValue } from './params';
import { ApexError } from './apexError';
import { requireUnchanged, versionOf, versionParam } from './recordVersion';
import { toAuraError } from './errors';
import { whileObservingStances } from '../behaviours';
import { moveRefusal, type MoveRefusal } from '../../../../lwc-ts/orgHierarchy/orgHierarchy';
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

/** OrgChartService.picklists: the side panel's choices from the fields' value sets. */
function picklists(org: OrgStore): Record<string, { value: string; label: string }[]> {
    const fields: Record<string, string> = {
        decisionRole: 'Decision_Role__c',
        stance: 'Stance__c',
        contactFrequency: 'Contact_Frequency__c'
    };
    const contact = org.schemas.get('Contact');
    return Object.fromEntries(
        Object.entries(fields).map(([name, field]) => [
            name,
            (contact?.fields.get(field)?.picklistValues ?? []).map((value) => ({ value, label: value }))
        ])
    );
}

function nameOf(org: OrgStore, id: FieldValue): string | null {
    return typeof id === 'string' ? ((org.get(id)?.Name as string | undefined) ?? null) : null;
}

/** Stakeholder views with owner names, open cases and recent stances (OrgChartService.viewsOf). */
function viewsOf(org: OrgStore, contacts: SObjectRecord[]): Record<string, unknown>[] {
    const ids = new Set(contacts.map((contact) => contact.Id));
    const userName = (id: FieldValue): string | null => nameOf(org, id);
    const since = new Date(Date.parse(`${org.today}T00:00:00Z`) - STANCE_HISTORY_DAYS * 86_400_000)
        .toISOString()
        .slice(0, 10);
    const trend = new Map<string, { observedOn: string; stance: string }[]>();
    // newest first; on the same day the later record first (CreatedDate DESC, Id DESC in the Apex)
    org.all('Stance_Observation__c')
        .reverse()
        .filter(
            (observation) =>
                ids.has(String(observation.Contact__c)) && String(observation.Observed_On__c) >= since
        )
        .sort(
            (a, b) =>
                String(a.Contact__c).localeCompare(String(b.Contact__c)) ||
                String(b.Observed_On__c).localeCompare(String(a.Observed_On__c))
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

    return contacts.map((contact) => {
        const view: Record<string, unknown> = { id: contact.Id };
        for (const [key, field] of Object.entries(STAKEHOLDER_FIELDS))
            view[key] = field === 'Name' ? contactName(contact) : value(contact, field);
        view.relationshipOwnerName = userName(value(contact, 'Relationship_Owner__c'));
        view.openCases = openCases.get(contact.Id) ?? 0;
        view.recentStances = trend.get(contact.Id) ?? [];
        view.version = value(contact, 'LastModifiedDate');
        return view;
    });
}

/** OrgChartService.MAX_SCANNED_FOR_PAGE_STARTS: past this many contacts the pages follow one another. */
const MAX_SCANNED_FOR_PAGE_STARTS = 40000;

/** StakeholderSelector.selectPageStarts: the last Id of every full page that has a page after it. */
function pageStarts(everyone: readonly { Id: string }[], size: number): string[] | null {
    if (everyone.length > MAX_SCANNED_FOR_PAGE_STARTS) return null;
    const starts: string[] = [];
    for (let end = size - 1; end < everyone.length - 1; end += size) starts.push(everyone[end]!.Id);
    return starts;
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
    // OrgChartService reads one row past the page: a full last page has no page after it
    const following = everyone.filter((contact) => !afterId || contact.Id > afterId).slice(0, size + 1);
    const contacts = following.slice(0, size);
    const userName = (id: FieldValue): string | null => nameOf(org, id);

    const stakeholders = viewsOf(org, contacts);
    const firstPage = !afterId;
    return {
        accountId: account.Id,
        accountName: value(account, 'Name'),
        totalContacts: firstPage ? everyone.length : null,
        nextAfterId: following.length > size ? contacts[contacts.length - 1]!.Id : null,
        pageStarts: firstPage ? pageStarts(everyone, size) : null,
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
        heatSettings: firstPage ? heatSettings() : null,
        picklists: firstPage ? picklists(org) : null,
        buyingCenters: firstPage
            ? org
                  .all('Buying_Center__c')
                  .filter((center) => center.Account__c === account.Id)
                  .map((center) => ({
                      id: center.Id,
                      name: value(center, 'Name'),
                      parentId: value(center, 'Parent_Buying_Center__c') ?? null,
                      active: value(center, 'Active__c') === true
                  }))
                  .sort((a, b) => String(a.name).localeCompare(String(b.name)))
            : null
    };
}

/** StakeholderService.EDITABLE_FIELDS: the stakeholder attributes the chart edits, by the chart's names. */
const EDITABLE_FIELDS: Record<string, string> = Object.fromEntries(
    [
        'decisionRole',
        'stance',
        'influence',
        'relationshipStrength',
        'budgetAuthority',
        'relationshipOwnerId',
        'buyingCenterId',
        'competitorChampion',
        'leaving',
        'hasBoughtFromUs',
        'contactFrequency'
    ].map((name) => [name, STAKEHOLDER_FIELDS[name]!])
);

const MOVE_MESSAGES: Record<MoveRefusal, string> = {
    self: 'Nobody can report to themselves.',
    cycle: 'That move would make a reporting loop: the new manager already reports, directly or not, to this person.',
    'unknown-manager': 'The new manager must be a contact of the same account.',
    'unknown-contact': 'This person is not a contact of the account.'
};

/** StakeholderService.valueFor: the value in the field's type, blanks clear (checkboxes to false). */
function valueFor(org: OrgStore, field: string, raw: unknown): FieldValue {
    const schema = org.schemas.get('Contact')?.fields.get(field);
    const type = schema?.type ?? 'Text';
    const blank = raw === null || raw === undefined || (typeof raw === 'string' && !raw.trim());
    if (type === 'Checkbox') return blank ? false : raw === true || String(raw).toLowerCase() === 'true';
    if (blank) return null;
    if (type === 'Number' || type === 'Currency' || type === 'Percent') {
        const number = Number(raw);
        if (typeof raw === 'boolean' || !Number.isFinite(number))
            throw new ApexError(`${schema?.label ?? field}: "${String(raw)}" is not a valid value.`);
        return number;
    }
    return String(raw);
}

function stakeholderView(org: OrgStore, contactId: string): Record<string, unknown> | null {
    const contact = org.get(contactId);
    return contact ? viewsOf(org, [contact])[0]! : null;
}

function guarded<T>(work: () => T): T {
    try {
        return work();
    } catch (error) {
        throw toAuraError(error);
    }
}

export function saveStakeholder(
    org: OrgStore,
    args: Record<string, unknown>
): Record<string, unknown> | null {
    const contactId = idParam(args, 'contactId');
    const changes = objectParam(args, 'changes', 'Map<String,ANY>');
    const version = versionParam(args.version, 'version');
    if (!contactId) throw new ApexError('Choose the person to change.');
    if (!changes || !Object.keys(changes).length) throw new ApexError('There is nothing to save.');
    const values: Record<string, FieldValue> = {};
    for (const [name, raw] of Object.entries(changes)) {
        const field = EDITABLE_FIELDS[name];
        if (!field) throw new ApexError(`"${name}" cannot be changed from the org chart.`);
        values[field] = valueFor(org, field, raw);
    }
    requireUnchanged(org, contactId, version);
    return guarded(() => {
        org.update(contactId, values);
        return stakeholderView(org, contactId);
    });
}

export function recordStance(org: OrgStore, args: Record<string, unknown>): Record<string, unknown> | null {
    const contactId = idParam(args, 'contactId');
    const stance = stringValue(args.stance, 'stance', 'String');
    const observedOn = dateValue(args.observedOn, 'observedOn', 'Date');
    const note = stringValue(args.note, 'note', 'String');
    if (!contactId) throw new ApexError('Choose the person you observed.');
    if (!stance || !stance.trim()) throw new ApexError('Choose the stance you observed.');
    return guarded(() => {
        const day = observedOn ?? org.today;
        // StanceObservationService.recordObservations: the latest observation becomes the stance
        const latest = org
            .all('Stance_Observation__c')
            .filter((observation) => observation.Contact__c === contactId)
            .reduce<string | null>((max, observation) => {
                const on = String(observation.Observed_On__c);
                return max === null || on > max ? on : max;
            }, null);
        const id = org.insert('Stance_Observation__c', {
            Contact__c: contactId,
            Stance__c: stance,
            Observed_On__c: day,
            Note__c: note && note.trim() ? note.trim() : null,
            Source__c: 'Manual'
        });
        if (latest === null || day >= latest) {
            try {
                whileObservingStances(org, new Map([[contactId, stance]]), () =>
                    org.update(contactId, { Stance__c: stance })
                );
            } catch (error) {
                // the Apex rolls back to before the observation: nothing is saved
                org.delete(id);
                throw error;
            }
        }
        return stakeholderView(org, contactId);
    });
}

const MAX_OWNER_CHOICES = 10;

/** StakeholderService.findRelationshipOwners: active users whose name contains the text, by name. */
export function findRelationshipOwners(
    org: OrgStore,
    args: Record<string, unknown>
): { id: string; name: string; title: string | null }[] {
    const query = stringValue(args.query, 'query', 'String');
    if (!query || !query.trim()) return [];
    const part = query.trim().toLowerCase();
    return org
        .all('User')
        .filter(
            (user) =>
                user.IsActive !== false &&
                String(user.Name ?? '')
                    .toLowerCase()
                    .includes(part)
        )
        .map((user) => ({
            id: user.Id,
            name: String(user.Name),
            title: (value(user, 'Title') as string | null) ?? null
        }))
        .sort((a, b) => a.name.localeCompare(b.name))
        .slice(0, MAX_OWNER_CHOICES);
}

export function moveStakeholder(
    org: OrgStore,
    args: Record<string, unknown>
): { previousManagerId: string | null; version: string | null } {
    const accountId = idParam(args, 'accountId');
    const contactId = idParam(args, 'contactId');
    const newManagerId = idParam(args, 'newManagerId');
    const version = versionParam(args.version, 'version');
    const account = requireAccount(org, accountId, 'Open an account to change its org chart.');
    const managerOf = new Map<string, string | null>(
        org
            .all('Contact')
            .filter((contact) => contact.AccountId === account.Id)
            .map((contact) => [contact.Id, (value(contact, 'ReportsToId') as string | null) ?? null])
    );
    const refusal = moveRefusal(managerOf, contactId ?? '', newManagerId);
    if (refusal) throw new ApexError(MOVE_MESSAGES[refusal]);
    requireUnchanged(org, contactId!, version);
    const previous = managerOf.get(contactId!) ?? null;
    guarded(() => org.update(contactId!, { ReportsToId: newManagerId }));
    return { previousManagerId: previous, version: versionOf(org, contactId!) };
}

export function addDottedLine(org: OrgStore, args: Record<string, unknown>): Record<string, unknown> {
    const accountId = idParam(args, 'accountId');
    const contactId = idParam(args, 'contactId');
    const managerId = idParam(args, 'managerId');
    const account = requireAccount(org, accountId, 'Open an account to change its org chart.');
    if (!contactId || !managerId) throw new ApexError('Choose the person and their dotted-line manager.');
    return guarded(() => {
        const id = org.insert('Stakeholder_Link__c', {
            Account__c: account.Id,
            From_Contact__c: managerId,
            To_Contact__c: contactId,
            Link_Type__c: 'Dotted Line'
        });
        const link = org.get(id)!;
        return {
            id,
            fromId: managerId,
            toContactId: contactId,
            toUserId: null,
            toUserName: null,
            type: 'Dotted Line',
            strength: value(link, 'Strength__c'),
            frequency: value(link, 'Frequency__c')
        };
    });
}

export const orgChartController: ApexClassHandler = {
    getOrgChart: { params: ['accountId', 'afterId', 'pageSize'], cacheable: true, invoke: getOrgChart },
    saveStakeholder: {
        params: ['contactId', 'changes', 'version'],
        cacheable: false,
        invoke: saveStakeholder
    },
    recordStance: {
        params: ['contactId', 'stance', 'observedOn', 'note'],
        cacheable: false,
        invoke: recordStance
    },
    findRelationshipOwners: { params: ['query'], cacheable: true, invoke: findRelationshipOwners },
    moveStakeholder: {
        params: ['accountId', 'contactId', 'newManagerId', 'version'],
        cacheable: false,
        invoke: moveStakeholder
    },
    addDottedLine: {
        params: ['accountId', 'contactId', 'managerId'],
        cacheable: false,
        invoke: addDottedLine
    }
};
