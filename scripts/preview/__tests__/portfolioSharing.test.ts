// The portfolio through the preview's Apex runtime over the demo story, as the browser calls it: the manager
// sees the demo's key accounts ranked with Aeronova's plan waiting for them, and under a private Account
// sharing model a rep sees only the key accounts they may read (the runtime has no role hierarchy, so the
// record owner is what grants access here).
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DATA_DIR } from '../../lib/project';
import { invokeAura } from '../apex/auraBridge';
import { createPreviewOrg, userForRole } from '../apex/previewOrg';
import type { KeyAccountPortfolioService_Portfolio } from '@salesforce/apex/types';

type Portfolio = KeyAccountPortfolioService_Portfolio;

function portfolioAs(
    role: 'rep' | 'manager',
    privateAccounts: boolean,
    ownedByRep: string[] = []
): Portfolio {
    const { apex, registry } = createPreviewOrg(DATA_DIR);
    const userId = userForRole(apex, DATA_DIR, role);
    if (privateAccounts) apex.access.setOrgWideDefault('Account', 'Private');
    const repId = userForRole(apex, DATA_DIR, 'rep');
    for (const account of apex.store.all('Account'))
        if (ownedByRep.includes(String(account.Name))) apex.store.update(account.Id, { OwnerId: repId });
    return invokeAura(
        { org: apex, registry, userId },
        'KeyAccountPortfolioController.getPortfolio',
        {}
    ) as Portfolio;
}

describe('the portfolio over the demo story', () => {
    it('ranks the demo key accounts for the manager with Aeronova waiting for sign-off', () => {
        const view = portfolioAs('manager', false);
        assert.equal(view.canRead, true);
        assert.deepEqual(
            view.accounts!.map((account) => account.name),
            ['Aeronova Group', 'Meridian Bank', 'Globex Industries']
        );
        assert.deepEqual(
            view.awaitingSignOff!.map((plan) => [plan.accountName, plan.approverName]),
            [['Aeronova Group', 'Morgan Reyes']]
        );
    });

    it('shows a rep only the key accounts they may read under a private sharing model', () => {
        const view = portfolioAs('rep', true, ['Meridian Bank']);
        assert.deepEqual(
            view.accounts!.map((account) => account.name),
            ['Meridian Bank']
        );
        assert.deepEqual(view.awaitingSignOff, [], "Aeronova's plan is not the rep's to see");
    });
});
