// `npm run data:generate -- --contacts N --seed S --out DIR`: a deterministic scale account (Globex
// Industries) in `sf data import tree` plan format — a deep, wide reporting hierarchy, dozens of buying
// centers, opportunities, stakeholder links and a plan — for large-account views and benchmarks.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GenerateOptions {
    contacts: number;
    seed: number;
    out: string;
    /**
     * A busy network for the relationship map: this many stakeholder links started by each contact (most
     * within their buying center), and our team owning one relationship in seven. Without it the account
     * has one link per twenty contacts and no team, as it always had (the demo and tests depend on that).
     */
    linksPerContact?: number;
}

type Value = string | number | boolean;
interface TreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: Value | { type: string; referenceId: string };
}
interface PlanEntry {
    sobject: string;
    saveRefs: boolean;
    resolveRefs: boolean;
    files: string[];
}

const MAX_PER_FILE = 200;
const OFFERINGS: [string, string][] = [
    ['Engineering Consulting', 'Consulting'],
    ['Enterprise Security', 'Security'],
    ['IoT Platforms', 'Platforms'],
    ['Cloud Migration', 'Cloud'],
    ['Data & Analytics', 'Data'],
    ['Salesforce Practice', 'CRM']
];
/** One score per shipped Keystone Scoring Criterion. */
const CRITERION_SCORES: [string, number][] = [
    ['Product_Fit', 9],
    ['Revenue_Potential', 8],
    ['Transaction_Size', 8],
    ['Purchasing_Process', 8],
    ['Existing_Relationships', 8]
];
const FIRST = [
    'Ada',
    'Ben',
    'Chloé',
    'Dmitri',
    'Eun-ji',
    'Farah',
    'Goran',
    'Hana',
    'Ivan',
    'Jia',
    'Kofi',
    'Lucía',
    'Mateus',
    'Nia',
    'Omar',
    'Priya',
    'Quinn',
    'Rosa',
    'Søren',
    'Tariq',
    'Uma',
    'Vera',
    'Wen',
    'Xavier',
    'Yara',
    'Zoltán'
];
const LAST = [
    'Abe',
    'Brown',
    'Costa',
    'Dubois',
    'Eriksen',
    'Fischer',
    'García',
    'Hughes',
    'Ibrahim',
    'Jensen',
    'Kowalski',
    'Lindqvist',
    'Müller',
    'Nakamura',
    'Okafor',
    'Popescu',
    'Quispe',
    'Rossi',
    'Singh',
    'Tanaka',
    'Usman',
    'Vogel',
    'Wright',
    'Xu',
    'Yilmaz',
    'Zhang'
];
const DIVISIONS = [
    'Power Systems',
    'Rail',
    'Chemicals',
    'Consumer Appliances',
    'Mining Equipment',
    'Water',
    'Robotics',
    'Semiconductors',
    'Logistics',
    'Building Tech',
    'Medical Devices',
    'Aerostructures',
    'Finance',
    'HR',
    'IT',
    'Procurement',
    'Marketing',
    'Sales',
    'Legal',
    'R&D'
];
const REGIONS = ['Americas', 'Europe', 'Asia Pacific', 'Middle East & Africa'];
const ROLES = [
    'Decision Maker',
    'Economic Buyer',
    'Technical Evaluator',
    'Influencer',
    'User',
    'User',
    'User',
    'Gatekeeper',
    'Procurement'
];
const STANCES = [
    'Champion',
    'Supporter',
    'Supporter',
    'Neutral',
    'Neutral',
    'Neutral',
    'Detractor',
    'Blocker'
];
const STAGES = [
    'Prospecting',
    'Qualification',
    'Needs Analysis',
    'Proposal/Price Quote',
    'Negotiation/Review',
    'Closed Won',
    'Closed Won',
    'Closed Lost'
];
const LINK_TYPES = ['Influences', 'Mentors', 'Dotted Line', 'Collaborates'];
/** Links a person starts inside their own buying center (the rest reach anywhere in the account). */
const WITHIN_CENTER = 0.8;
/** Our team on a busy network: who may own relationships there (the preview and scratch flow create them). */
const GLOBEX_TEAM = [
    { alias: 'gxAlex', firstName: 'Alex', lastName: 'Morgan', title: 'Key Account Manager' },
    { alias: 'gxSam', firstName: 'Sam', lastName: 'Patel', title: 'Sales Engineer' },
    { alias: 'gxJordan', firstName: 'Jordan', lastName: 'Lee', title: 'Delivery Lead' },
    { alias: 'gxCasey', firstName: 'Casey', lastName: 'Kim', title: 'Marketing Partner' },
    { alias: 'gxRobin', firstName: 'Robin', lastName: 'Hart', title: 'Executive Sponsor' },
    {
        alias: 'gxMorgan',
        firstName: 'Morgan',
        lastName: 'Reyes',
        title: 'Head of Key Accounts',
        role: 'manager'
    }
];
const OWNED_SHARE = 1 / 7;
const FREQUENCIES = ['Weekly', 'Monthly', 'Quarterly', 'Yearly', 'Rarely'];

/** mulberry32: a small, fast, seeded generator, so the same seed always gives the same account. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** More than this is not a network anyone keeps records of, and would outgrow the map's read. */
export const MAX_LINKS_PER_CONTACT = 20;

function isValidLinksPerContact(value: number): boolean {
    return Number.isInteger(value) && value >= 1 && value <= MAX_LINKS_PER_CONTACT;
}

export function parseGenerateArgs(argv: string[]): GenerateOptions {
    const value = (name: string): string | undefined => {
        const index = argv.indexOf(name);
        return index >= 0 ? argv[index + 1] : undefined;
    };
    for (const arg of argv.filter((a) => a.startsWith('--'))) {
        if (!['--contacts', '--seed', '--out', '--links-per-contact'].includes(arg))
            throw new Error(
                `unknown option ${arg} (use --contacts N --seed S --out DIR [--links-per-contact K])`
            );
    }
    const contacts = Number(value('--contacts') ?? 20000);
    const seed = Number(value('--seed') ?? 1);
    const out = value('--out');
    if (!Number.isInteger(contacts) || contacts < 1 || contacts > 200000)
        throw new Error('--contacts must be a whole number from 1 to 200000');
    if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
    if (!out) throw new Error('--out DIR is required: the folder to write the data set to');
    const links = value('--links-per-contact');
    const options: GenerateOptions = { contacts, seed, out: path.resolve(out) };
    if (links === undefined) return options;
    const linksPerContact = Number(links);
    if (!isValidLinksPerContact(linksPerContact))
        throw new Error(`--links-per-contact must be a whole number from 1 to ${MAX_LINKS_PER_CONTACT}`);
    return { ...options, linksPerContact };
}

interface Person {
    ref: string;
    level: number;
    parent: string | null;
    /** Links still to come in a single-report chain (deep lines of command); -1 inside a laid chain. */
    chain: number;
}

/** The reporting tree: breadth-first fan-outs of 0–12 with occasional long single-child chains (deep and wide). */
function hierarchy(count: number, random: () => number): Person[] {
    const people: Person[] = [{ ref: 'GlobexC0', level: 0, parent: null, chain: 0 }];
    const hire = (manager: Person, chain: number): void => {
        people.push({ ref: `GlobexC${people.length}`, level: manager.level + 1, parent: manager.ref, chain });
    };
    for (let head = 0; head < people.length && people.length < count; head++) {
        const manager = people[head]!;
        if (manager.chain < 0) continue; // inside a chain: its one report is already hired
        // a chain is laid down at once (a long single line of command), so depth does not wait for breadth
        for (let link = manager; link.chain > 0 && people.length < count; link = people[people.length - 1]!) {
            const remaining = link.chain;
            link.chain = link === manager ? 0 : -1;
            hire(link, remaining - 1);
        }
        // mostly small teams, now and then a very wide one (a shared service with dozens of reports)
        const children =
            head === 0
                ? 12
                : random() < 0.01
                  ? 30 + Math.floor(random() * 50)
                  : Math.floor(random() ** 1.6 * 13);
        for (let i = 0; i < children && people.length < count; i++) {
            hire(manager, random() < 0.01 ? 4 + Math.floor(random() * 9) : 0);
        }
        if (head === people.length - 1 && people.length < count) {
            // never stall: a leaf at the end of the queue still hires one report
            hire(manager, 0);
        }
    }
    return people;
}

function pick<T>(list: readonly T[], random: () => number): T {
    return list[Math.floor(random() * list.length)]!;
}

function isoDate(year: number, dayOfYear: number): string {
    return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

function linkRecord(
    referenceId: string,
    from: string,
    to: string,
    type: string,
    random: () => number
): TreeRecord {
    return {
        attributes: { type: 'Stakeholder_Link__c', referenceId },
        Account__c: '@Globex',
        From_Contact__c: `@${from}`,
        To_Contact__c: `@${to}`,
        Link_Type__c: type,
        Strength__c: 1 + Math.floor(random() * 5),
        Frequency__c: pick(FREQUENCIES, random)
    };
}

/** The default account's few links: one per twenty people, between anyone. */
function sparseLinks(people: readonly Person[], random: () => number): TreeRecord[] {
    const links: TreeRecord[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < Math.floor(people.length / 20) && people.length > 1; i++) {
        const from = pick(people, random).ref;
        const to = pick(people, random).ref;
        const type = pick(LINK_TYPES, random);
        const key = `${from}:${to}:${type}`;
        if (from === to || seen.has(key)) continue;
        seen.add(key);
        links.push(linkRecord(`GlobexLink${i}`, from, to, type, random));
    }
    return links;
}

/**
 * A busy network: each person starts `perContact` links, most to someone in their own buying center (who
 * talks to whom follows the org's units), the rest across the account. No self links and no duplicate
 * (from, to, type), as the object's rules require; a draw that would break them is drawn again.
 */
function busyLinks(contacts: readonly TreeRecord[], perContact: number, random: () => number): TreeRecord[] {
    const byCenter = new Map<unknown, string[]>();
    for (const contact of contacts) {
        const members = byCenter.get(contact.Buying_Center__c) ?? [];
        members.push(contact.attributes.referenceId);
        byCenter.set(contact.Buying_Center__c, members);
    }
    const everyone = contacts.map((contact) => contact.attributes.referenceId);
    const links: TreeRecord[] = [];
    const seen = new Set<string>();
    for (const contact of contacts) {
        const from = contact.attributes.referenceId;
        const colleagues = byCenter.get(contact.Buying_Center__c)!;
        for (
            let k = 0, tries = 0;
            k < perContact && tries < perContact * 10 && everyone.length > 1;
            tries++
        ) {
            const pool = colleagues.length > 1 && random() < WITHIN_CENTER ? colleagues : everyone;
            const to = pick(pool, random);
            const type = pick(LINK_TYPES, random);
            const key = `${from}:${to}:${type}`;
            if (to === from || seen.has(key)) continue;
            seen.add(key);
            links.push(linkRecord(`GlobexLink${links.length}`, from, to, type, random));
            k++;
        }
    }
    return links;
}

/** Writes the data set; returns the plan file's path and record counts. */
export function generate(options: GenerateOptions): { plan: string; counts: Record<string, number> } {
    const busy = options.linksPerContact;
    if (busy !== undefined && !isValidLinksPerContact(busy))
        throw new Error(
            `linksPerContact must be a whole number from 1 to ${MAX_LINKS_PER_CONTACT}, not ${busy}`
        );
    const random = seededRandom(options.seed);
    // the busy network draws from its own sequence, so its people, deals and plan are the default account's
    const network = seededRandom(options.seed ^ 0x6e6574);
    fs.mkdirSync(options.out, { recursive: true });
    const plan: PlanEntry[] = [];
    const counts: Record<string, number> = {};
    const write = (base: string, sobject: string, records: TreeRecord[]): void => {
        for (let start = 0, part = 1; start < records.length; start += MAX_PER_FILE, part++) {
            const file = records.length <= MAX_PER_FILE ? `${base}.json` : `${base}-${part}.json`;
            fs.writeFileSync(
                path.join(options.out, file),
                `${JSON.stringify({ records: records.slice(start, start + MAX_PER_FILE) }, null, 1)}\n`
            );
            plan.push({ sobject, saveRefs: true, resolveRefs: true, files: [file] });
        }
        counts[sobject] = (counts[sobject] ?? 0) + records.length;
    };
    const rec = (type: string, referenceId: string, fields: Record<string, Value | null>): TreeRecord => {
        const record: TreeRecord = { attributes: { type, referenceId } };
        for (const [key, value] of Object.entries(fields)) if (value !== null) record[key] = value;
        return record;
    };

    write('Account', 'Account', [
        rec('Account', 'Globex', {
            Name: 'Globex Industries',
            Type: 'Customer - Direct',
            Industry: 'Manufacturing',
            AnnualRevenue: 41000000000,
            BillingCity: 'Chicago',
            Website: 'www.globex.example'
        })
    ]);
    // the key-account score and tier are Keystone's, derived from these scores on import (8.25: Tier 1)
    write(
        'Criterion_Score__c',
        'Criterion_Score__c',
        CRITERION_SCORES.map(([criterion, score]) =>
            rec('Criterion_Score__c', `Globex${criterion.replace(/_/g, '')}`, {
                Account__c: '@Globex',
                Criterion__c: criterion,
                Score__c: score
            })
        )
    );
    write(
        'Offering__c',
        'Offering__c',
        OFFERINGS.map(([name, family], i) =>
            rec('Offering__c', `GlobexOffering${i}`, {
                Name: name,
                Family__c: family,
                Active__c: true,
                Sort_Order__c: i + 1
            })
        )
    );

    const divisionCount = Math.max(4, Math.min(DIVISIONS.length, Math.round(options.contacts / 1000)));
    const divisions = DIVISIONS.slice(0, divisionCount).map((name, i) =>
        rec('Buying_Center__c', `GlobexBC${i}`, {
            Account__c: '@Globex',
            Name: name,
            Kind__c: 'Division',
            Active__c: true
        })
    );
    const regions: TreeRecord[] = [];
    divisions.forEach((division, i) => {
        const n = 2 + Math.floor(random() * 3);
        for (let r = 0; r < n; r++) {
            regions.push(
                rec('Buying_Center__c', `GlobexBC${i}R${r}`, {
                    Account__c: '@Globex',
                    Name: `${String(division.Name)} ${REGIONS[r]}`,
                    Parent_Buying_Center__c: `@GlobexBC${i}`,
                    Kind__c: 'Region',
                    Region__c: REGIONS[r]!,
                    Active__c: true
                })
            );
        }
    });
    write('Buying_Center__c', 'Buying_Center__c', divisions);
    write('Buying_Center__c-regions', 'Buying_Center__c', regions);
    const centers = [...divisions, ...regions].map((center) => center.attributes.referenceId);

    const people = hierarchy(options.contacts, random);
    const byLevel = new Map<number, TreeRecord[]>();
    const contactRecords: TreeRecord[] = [];
    for (const person of people) {
        const stanceKnown = random() < 0.6;
        const record = rec('Contact', person.ref, {
            AccountId: '@Globex',
            FirstName: pick(FIRST, random),
            LastName: `${pick(LAST, random)} ${person.ref.slice(7)}`,
            Title:
                person.level === 0
                    ? 'Chief Executive Officer'
                    : person.level === 1
                      ? 'President'
                      : person.level <= 3
                        ? 'Director'
                        : 'Manager',
            ReportsToId: person.parent ? `@${person.parent}` : null,
            Buying_Center__c: `@${pick(centers, random)}`,
            Decision_Role__c: pick(ROLES, random),
            Stance__c: stanceKnown ? pick(STANCES, random) : null,
            Influence__c: 1 + Math.floor(random() * 5),
            Relationship_Strength__c: stanceKnown ? 1 + Math.floor(random() * 5) : null,
            Leaving__c: random() < 0.01,
            Competitor_Champion__c: random() < 0.02 ? 'Brightwave Consulting' : null,
            Contact_Frequency__c: stanceKnown ? pick(FREQUENCIES, random) : null
        });
        if (!byLevel.has(person.level)) byLevel.set(person.level, []);
        byLevel.get(person.level)!.push(record);
        contactRecords.push(record);
    }
    // the preview and the scratch flow give owners by email (Users cannot be tree-imported)
    const relationshipOwners: Record<string, string> = {};
    if (busy !== undefined) {
        for (const record of contactRecords) {
            if (network() >= OWNED_SHARE) continue;
            const email = `${record.attributes.referenceId.toLowerCase()}@globex.example`;
            record.Email = email;
            relationshipOwners[email] = GLOBEX_TEAM[Math.floor(network() * GLOBEX_TEAM.length)]!.alias;
        }
    }
    for (const [level, records] of [...byLevel].sort((a, b) => a[0] - b[0]))
        write(`Contact-level${level}`, 'Contact', records);

    const opportunities: TreeRecord[] = [];
    for (let i = 0; i < Math.max(10, Math.round(options.contacts / 10)); i++) {
        const mapped = random() < 0.95;
        opportunities.push(
            rec('Opportunity', `GlobexOpp${i}`, {
                AccountId: '@Globex',
                Name: `Globex deal ${i}`,
                StageName: pick(STAGES, random),
                CloseDate: isoDate(2025 + Math.floor(random() * 3), Math.floor(random() * 365)),
                Amount: Math.round(10000 + random() * 990000),
                Buying_Center__c: mapped ? `@${pick(centers, random)}` : null,
                Offering__c: mapped ? `@GlobexOffering${Math.floor(random() * OFFERINGS.length)}` : null
            })
        );
    }
    write('Opportunity', 'Opportunity', opportunities);

    const links: TreeRecord[] =
        busy === undefined ? sparseLinks(people, random) : busyLinks(contactRecords, busy, network);
    write('Stakeholder_Link__c', 'Stakeholder_Link__c', links);
    write('Account_Plan__c', 'Account_Plan__c', [
        rec('Account_Plan__c', 'GlobexFY2026', {
            Account__c: '@Globex',
            Name: 'Globex Industries FY2026 Account Plan',
            Period_Start__c: '2026-01-01',
            Period_End__c: '2026-12-31',
            Status__c: 'Draft',
            Revenue_Goal__c: 25000000,
            Review_Frequency__c: 'Quarterly'
        })
    ]);
    if (busy !== undefined) {
        fs.mkdirSync(path.join(options.out, 'team'), { recursive: true });
        const team = { users: GLOBEX_TEAM, relationshipOwners, planApprovers: {}, milestoneAssignees: {} };
        fs.writeFileSync(path.join(options.out, 'team', 'team.json'), `${JSON.stringify(team, null, 2)}\n`);
    }
    const planFile = path.join(options.out, 'globex-data-plan.json');
    fs.writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);
    return { plan: planFile, counts };
}

if (require.main === module) {
    try {
        const started = Date.now();
        const options = parseGenerateArgs(process.argv.slice(2));
        const { plan, counts } = generate(options);
        const summary = Object.entries(counts)
            .map(([object, count]) => `${count} ${object}`)
            .join(', ');
        console.log(`data:generate: ${summary} → ${plan} in ${Date.now() - started} ms`);
    } catch (error) {
        console.error(`data:generate: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
    }
}
