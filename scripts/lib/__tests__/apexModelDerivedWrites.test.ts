// The verify checks see a hand-over to Keystone's derived-data writer as a system-mode write (the writer saves
// only derived fields, on purpose), and still see a plain update beside it as a write that must run as the user.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readApexFile } from '../apexModel';

const SOURCE = `public with sharing class Scorer {
    public static void score(List<Account> updates, Set<Id> ids) {
        DerivedFieldWriter.updateAccounts(updates, ids, true);
        // DerivedFieldWriter.upsertSnapshots(snapshots, ids) in a comment is no write
        update updates;
    }
}
`;

describe('derived-data writes in the Apex model', () => {
    it('reads DerivedFieldWriter calls as system-mode DML and plain DML as it is', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-model-'));
        const file = path.join(dir, 'Scorer.cls');
        fs.writeFileSync(file, SOURCE);
        const dml = readApexFile(file).dml.map((each) => [each.line, each.kind, each.accessLevel]);
        assert.deepEqual(
            dml.sort((a, b) => Number(a[0]) - Number(b[0])),
            [
                [3, 'update', 'system'],
                [5, 'update', null]
            ]
        );
    });
});
