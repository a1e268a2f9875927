// The scale-account generator: deterministic, within the tree-import limits, a deep and wide hierarchy
// where every contact reports to someone who exists, and loadable by the preview's org emulator.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generate, MAX_LINKS_PER_CONTACT, parseGenerateArgs } from '../generate';
import { createOrg } from '../../preview/server';
import { readTeam } from '../../lib/team';

function digest(dir: string): string {
    const hash = crypto.createHash('sha256');
    for (const file of fs.readdirSync(dir).sort())
        hash.update(file).update(fs.readFileSync(path.join(dir, file)));
    return hash.digest('hex');
}

const DEFAULT_1500_SEED_42 = '79abe4a580b82b85cd31067ee4992f539811ef678af9a0f2b31e50326f3f6e12';

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-generate-'));
}

describe('data:generate', () => {
    it('writes the same files for the same seed, and different ones for another seed', () => {
        const [a, b, c] = [tempDir(), tempDir(), tempDir()];
        generate({ contacts: 1500, seed: 42, out: a });
        generate({ contacts: 1500, seed: 42, out: b });
        generate({ contacts: 1500, seed: 43, out: c });
        assert.equal(digest(a), digest(b));
        assert.notEqual(digest(a), digest(c));
    });

    it('writes 20,000 contacts in tree-import files of at most 200 records that the preview loads whole', () => {
        const out = tempDir();
        const { counts } = generate({ contacts: 20000, seed: 7, out });
        assert.equal(counts.Contact, 20000);
        for (const file of fs.readdirSync(out).filter((name) => !name.endsWith('-plan.json'))) {
            const records = (
                JSON.parse(fs.readFileSync(path.join(out, file), 'utf8')) as { records: unknown[] }
            ).records;
            assert.ok(records.length > 0 && records.length <= 200, file);
        }
        const { org } = createOrg(out, '2026-11-22');
        const contacts = org.all('Contact');
        assert.equal(contacts.length, 20000);
        let maxDepth = 0;
        const reports = new Map<string, number>();
        for (const contact of contacts) {
            let depth = 0;
            for (let current = contact; current.ReportsToId; depth++) {
                const manager = org.get(String(current.ReportsToId));
                assert.ok(manager, `${contact.Id}'s manager exists`);
                current = manager;
            }
            maxDepth = Math.max(maxDepth, depth);
            if (contact.ReportsToId)
                reports.set(String(contact.ReportsToId), (reports.get(String(contact.ReportsToId)) ?? 0) + 1);
        }
        assert.ok(maxDepth >= 10, `deep: ${maxDepth} levels`);
        assert.ok(Math.max(...reports.values()) >= 30, 'wide: some manager has 30 or more reports');
        assert.ok(org.all('Buying_Center__c').length >= 24, 'dozens of buying centers');
    });

    it('keeps the default account as it always was (the demo, preview and tests read it)', () => {
        // the digest of the generator's output before the busy-network option existed
        const out = tempDir();
        generate({ contacts: 1500, seed: 42, out });
        assert.equal(digest(out), DEFAULT_1500_SEED_42);
    });

    it('gives every contact five links on request, mostly within their buying center, and a team owning some', () => {
        const [sparse, busy] = [tempDir(), tempDir()];
        generate({ contacts: 1000, seed: 7, out: sparse });
        const { counts } = generate({ contacts: 1000, seed: 7, out: busy, linksPerContact: 5 });
        const records = (dir: string, prefix: string): Record<string, string>[] =>
            fs
                .readdirSync(dir)
                .filter((file) => file.startsWith(prefix))
                .flatMap(
                    (file) =>
                        (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { records: [] }).records
                );
        // the same people, deals and plan as the default account: only links and owners' emails differ
        const withoutEmail = (rows: Record<string, string>[]): unknown =>
            rows.map((row) => {
                const rest = { ...row };
                delete rest.Email;
                return rest;
            });
        assert.deepEqual(withoutEmail(records(busy, 'Contact')), records(sparse, 'Contact'));
        assert.deepEqual(records(busy, 'Opportunity'), records(sparse, 'Opportunity'));

        const links = records(busy, 'Stakeholder_Link__c');
        assert.equal(counts.Stakeholder_Link__c, 5000);
        assert.equal(links.length, 5000);
        const center = new Map(
            records(busy, 'Contact').map((row) => [
                `@${(row.attributes as unknown as { referenceId: string }).referenceId}`,
                row.Buying_Center__c
            ])
        );
        const started = new Map<string, number>();
        const keys = new Set<string>();
        let within = 0;
        for (const link of links) {
            assert.notEqual(link.From_Contact__c, link.To_Contact__c, 'no self links');
            assert.ok(center.has(link.To_Contact__c!), "both ends are the account's contacts");
            keys.add(`${link.From_Contact__c}:${link.To_Contact__c}:${link.Link_Type__c}`);
            started.set(link.From_Contact__c!, (started.get(link.From_Contact__c!) ?? 0) + 1);
            if (center.get(link.From_Contact__c!) === center.get(link.To_Contact__c!)) within++;
        }
        assert.equal(keys.size, links.length, 'no duplicate (from, to, type)');
        assert.deepEqual(new Set(started.values()), new Set([5]), 'each contact starts five links');
        assert.ok(within / links.length > 0.7 && within / links.length < 0.95, `${within} within a center`);

        const team = readTeam(busy);
        const owned = Object.keys(team.relationshipOwners).length;
        assert.ok(owned > 100 && owned < 190, `about one in seven owned: ${owned}`);
        const { org } = createOrg(busy, '2026-11-22');
        const owners = org.all('Contact').filter((person) => person.Relationship_Owner__c);
        assert.equal(owners.length, owned, 'the preview gives each owned contact its owner');
        assert.equal(org.all('Stakeholder_Link__c').length, 5000, "every link passes the object's rules");
        assert.throws(
            () => generate({ contacts: 10, seed: 1, out: tempDir(), linksPerContact: 0 }),
            new RegExp(`linksPerContact must be a whole number from 1 to ${MAX_LINKS_PER_CONTACT}, not 0`)
        );
    });

    it('refuses bad options with a clear message', () => {
        assert.throws(
            () => parseGenerateArgs(['--contacts', '0', '--out', 'x']),
            /--contacts must be a whole number/
        );
        assert.throws(() => parseGenerateArgs(['--contacts', '10']), /--out DIR is required/);
        assert.throws(() => parseGenerateArgs(['--size', '10', '--out', 'x']), /unknown option --size/);
        assert.deepEqual(parseGenerateArgs(['--contacts', '10', '--seed', '3', '--out', '/tmp/x']), {
            contacts: 10,
            seed: 3,
            out: '/tmp/x'
        });
        assert.equal(
            parseGenerateArgs(['--contacts', '10', '--out', '/tmp/x', '--links-per-contact', '5'])
                .linksPerContact,
            5
        );
        assert.throws(
            () => parseGenerateArgs(['--out', 'x', '--links-per-contact', '2.5']),
            /--links-per-contact must be a whole number from 1 to 20/
        );
    });
});
