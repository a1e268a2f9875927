// The scale-account generator: deterministic, within the tree-import limits, a deep and wide hierarchy
// where every contact reports to someone who exists, and loadable by the preview's org emulator.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generate, parseGenerateArgs } from '../generate';
import { createOrg } from '../../preview/server';

function digest(dir: string): string {
    const hash = crypto.createHash('sha256');
    for (const file of fs.readdirSync(dir).sort())
        hash.update(file).update(fs.readFileSync(path.join(dir, file)));
    return hash.digest('hex');
}

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
    });
});
