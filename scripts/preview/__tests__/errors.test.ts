// The preview's mirror of KeystoneErrorService: the same readable message for each failure as the Apex
// (the cases in KeystoneRuleVectors.json, read by KeystoneErrorServiceTest too), and for anything
// unexpected a reference code the user sees and one Keystone Error Log record the admin finds.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DATA_DIR, FORCE_APP } from '../../lib/project';
import { readLabels } from '../../lib/labels';
import { DmlError, type SObjectRecord } from '../emulator/store';
import { ApexError, formatLabel } from '../emulator/apex/apexError';
import { readableRowMessage, toAuraError } from '../emulator/apex/errors';
import { invokeApex } from '../emulator/apex/registry';
import { createOrg } from '../server';

const TODAY = '2026-11-22';
const REFERENCE = /KS-[0-9A-F]{10}/;
const LABELS = readLabels(FORCE_APP);
const VECTORS = JSON.parse(
    fs.readFileSync(path.join(FORCE_APP, 'staticresources', 'KeystoneRuleVectors.json'), 'utf8')
) as {
    rowErrorMessage: {
        case: string;
        statusCode: string;
        platformMessage: string;
        fieldLabels: string[];
        expectedMessage?: string;
        expectsReference?: boolean;
    }[];
};

function failed(work: () => unknown): ApexError {
    try {
        work();
    } catch (error) {
        assert.ok(error instanceof ApexError, `an ApexError, not ${String(error)}`);
        return error;
    }
    assert.fail('the call must fail');
}

describe('readable errors (KeystoneErrorService mirror)', () => {
    for (const vector of VECTORS.rowErrorMessage) {
        it(vector.case, () => {
            const direct = readableRowMessage(vector.statusCode, vector.platformMessage, vector.fieldLabels);
            if (vector.expectsReference) {
                assert.equal(direct, null, 'not a failure Keystone can word');
                const aura = toAuraError(new DmlError(vector.statusCode, vector.platformMessage));
                const reference = REFERENCE.exec(aura.message)?.[0];
                assert.ok(reference, `a reference in "${aura.message}"`);
                assert.equal(aura.message, formatLabel(LABELS.Keystone_Error_Unexpected!, reference));
                assert.ok(!aura.message.includes(vector.platformMessage), 'no platform text');
            } else {
                assert.equal(direct, vector.expectedMessage);
            }
        });
    }

    it('passes a message Keystone wrote unchanged and logs nothing', () => {
        const { org } = createOrg(DATA_DIR, TODAY);
        const error = failed(() =>
            invokeApex(org, 'OrgChartController.getOrgChart', {
                accountId: null,
                afterId: null,
                pageSize: null
            })
        );
        assert.doesNotMatch(error.message, REFERENCE);
        assert.equal(org.all('Keystone_Error_Log__c').length, 0);
    });

    it('shows a reference for a bug, never its text, and logs it once with the context', () => {
        const { org } = createOrg(DATA_DIR, TODAY);
        const aeronova = org.all('Account').find((account) => account.Name === 'Aeronova Group')!;
        // a bug in the org chart's reads: the truly unexpected
        const all = org.all.bind(org);
        org.all = (sobject: string): SObjectRecord[] => {
            if (sobject === 'Contact')
                throw new TypeError("Cannot read properties of undefined (reading 'Id')");
            return all(sobject);
        };

        const error = failed(() =>
            invokeApex(org, 'OrgChartController.getOrgChart', {
                accountId: aeronova.Id,
                afterId: null,
                pageSize: null
            })
        );
        org.all = all;

        const reference = REFERENCE.exec(error.message)?.[0];
        assert.ok(reference, `a reference in "${error.message}"`);
        assert.equal(error.message, formatLabel(LABELS.Keystone_Error_Unexpected!, reference));
        assert.ok(!error.message.includes('Cannot read'), 'no platform text for the user');
        const logs = org.all('Keystone_Error_Log__c');
        assert.equal(logs.length, 1, 'logged once');
        const log = logs[0]!;
        assert.equal(log.Name, reference);
        assert.equal(log.Reference__c, reference);
        assert.equal(log.Location__c, 'OrgChartController.getOrgChart');
        assert.equal(log.Exception_Type__c, 'TypeError');
        assert.equal(log.Message__c, "Cannot read properties of undefined (reading 'Id')");
        assert.match(String(log.Stack_Trace__c), /TypeError/);
        assert.equal(log.User_Message__c, error.message);
        assert.equal(log.User__c, org.currentUserId);
    });
});
