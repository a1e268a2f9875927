// Test helper (not a test): one demo account's relationship network read from the demo story's import
// files in scripts/data — contacts, buying centers, stakeholder links and the team's relationship
// owners — with reference ids standing in for record Ids, so tests assert what the story plants.
import * as fs from 'fs';
import * as path from 'path';
import type { GraphInput, GraphPerson } from 'c/relationshipGraph';

interface ImportRecord {
    attributes: { referenceId: string };
    [field: string]: unknown;
}

function dataDir(): string {
    // the test runs compiled under force-app/, the source sits under lwc-ts/: look upwards for the data
    for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'scripts', 'data');
        if (fs.existsSync(path.join(candidate, 'team', 'team.json'))) return candidate;
    }
    throw new Error(`scripts/data not found above ${__dirname}`);
}

function records(file: string): ImportRecord[] {
    return (JSON.parse(fs.readFileSync(path.join(dataDir(), file), 'utf8')) as { records: ImportRecord[] })
        .records;
}

function ref(value: unknown): string | null {
    return typeof value === 'string' && value.startsWith('@') ? value.slice(1) : null;
}
const num = (value: unknown): number | null => (typeof value === 'number' ? value : null);
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

/** The demo account's network input; `account` is the account's reference id, e.g. AeronovaGroup. */
export function demoGraphInput(account: string): GraphInput {
    const team = JSON.parse(fs.readFileSync(path.join(dataDir(), 'team', 'team.json'), 'utf8')) as {
        users: { alias: string; firstName: string; lastName: string }[];
        relationshipOwners: Record<string, string>;
    };
    const contactFiles = fs
        .readdirSync(dataDir())
        .filter((file) => file.startsWith('Contact-') && file.endsWith('.json'));
    const contacts: GraphPerson[] = contactFiles
        .flatMap(records)
        .filter((record) => ref(record.AccountId) === account)
        .map((record) => ({
            id: record.attributes.referenceId,
            name: `${String(record.FirstName ?? '')} ${String(record.LastName ?? '')}`.trim(),
            title: text(record.Title),
            reportsToId: ref(record.ReportsToId),
            decisionRole: text(record.Decision_Role__c),
            stance: text(record.Stance__c),
            influence: num(record.Influence__c),
            relationshipStrength: num(record.Relationship_Strength__c),
            relationshipOwnerId: team.relationshipOwners[String(record.Email ?? '')] ?? null,
            buyingCenterId: ref(record.Buying_Center__c),
            competitorChampion: text(record.Competitor_Champion__c),
            leaving: record.Leaving__c === true
        }));
    const buyingCenters = ['Buying_Center__c.json', 'Buying_Center__c-regions.json']
        .flatMap(records)
        .filter((record) => ref(record.Account__c) === account)
        .map((record) => ({
            id: record.attributes.referenceId,
            name: text(record.Name),
            parentId: ref(record.Parent_Buying_Center__c)
        }));
    const links = records('Stakeholder_Link__c.json')
        .filter((record) => ref(record.Account__c) === account)
        .map((record) => ({
            id: record.attributes.referenceId,
            fromId: ref(record.From_Contact__c),
            toContactId: ref(record.To_Contact__c),
            toUserId: ref(record.To_User__c),
            type: text(record.Link_Type__c),
            strength: num(record.Strength__c),
            frequency: text(record.Frequency__c)
        }));
    const users = team.users.map((user) => ({ id: user.alias, name: `${user.firstName} ${user.lastName}` }));
    return { accountId: account, contacts, users, links, buyingCenters };
}
