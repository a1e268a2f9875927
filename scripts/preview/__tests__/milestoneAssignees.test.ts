// Who delivers each demo milestone: the team file names an assignee per milestone (as it names each plan's
// approver), the preview applies them when it loads the demo, and the Apex setup:scratch runs sets the same
// assignees in an org — run here in the Apex runtime over a freshly loaded demo whose assignees were cleared.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DATA_DIR } from '../../lib/project';
import { ownerAssignmentApex, readTeam } from '../../lib/team';
import { ApexThrow, Interpreter } from '../../apex-runtime/interpreter';
import { createPreviewOrg, milestoneAssignments } from '../apex/previewOrg';
import { demoOrg } from './demoOrg';

const TODAY = '2026-11-30';
const team = readTeam(DATA_DIR);

function aliasOf(org: ReturnType<typeof demoOrg>['org'], userId: unknown): string | undefined {
    return userId ? String(org.get(String(userId))?.Alias ?? '') : undefined;
}

test('every demo milestone has the assignee the team file names, a user of the team', () => {
    const { org } = demoOrg(TODAY);
    const milestones = org.all('Plan_Milestone__c');
    assert.ok(milestones.length > 0);
    for (const milestone of milestones) {
        const name = String(milestone.Name);
        assert.ok(team.milestoneAssignees[name], `${name} is named in team.json`);
        assert.equal(aliasOf(org, milestone.Assignee__c), team.milestoneAssignees[name], name);
    }
});

test('a milestone name that is no demo milestone, or more than one, is refused by name', () => {
    const users = new Map([['ksAlex', '005000000000001AAA']]);
    const withAssignee = (name: string): typeof team => ({
        ...team,
        milestoneAssignees: { [name]: 'ksAlex' }
    });
    assert.throws(
        () => milestoneAssignments(withAssignee('Lunch'), [{ Id: 'a1', Name: 'Review' }], users),
        /the team assigns "Lunch", but no demo milestone has that name/
    );
    assert.throws(
        () =>
            milestoneAssignments(
                withAssignee('Review'),
                [
                    { Id: 'a1', Name: 'Review' },
                    { Id: 'a2', Name: 'Review' }
                ],
                users
            ),
        /the team assigns "Review", but 2 demo milestones have that name/
    );
    assert.deepEqual(milestoneAssignments(withAssignee('Review'), [{ Id: 'a1', Name: 'Review' }], users), [
        { Id: 'a1', value: '005000000000001AAA' }
    ]);
});

test("setup:scratch's Apex sets the assignees as the installing admin, in user mode", () => {
    const { apex, registry } = createPreviewOrg(DATA_DIR, TODAY);
    for (const milestone of apex.store.all('Plan_Milestone__c'))
        apex.store.update(String(milestone.Id), { Assignee__c: null });
    new Interpreter(registry, apex).runSnippet(ownerAssignmentApex(team));
    for (const milestone of apex.store.all('Plan_Milestone__c')) {
        const name = String(milestone.Name);
        assert.equal(
            String(apex.store.get(String(milestone.Assignee__c))?.Alias),
            team.milestoneAssignees[name],
            name
        );
    }
});

test("setup:scratch's Apex stops, naming it, when a milestone name is not one milestone's", () => {
    const { apex, registry } = createPreviewOrg(DATA_DIR, TODAY);
    const [first, second] = apex.store.all('Plan_Milestone__c');
    apex.store.update(String(second!.Id), { Name: String(first!.Name) });
    const before = apex.store.all('Plan_Milestone__c').map((row) => row.Assignee__c);
    let message = '';
    try {
        new Interpreter(registry, apex).runSnippet(ownerAssignmentApex(team));
    } catch (error) {
        if (!(error instanceof ApexThrow)) throw error;
        message = String(error.exception.fields.get('message'));
    }
    assert.match(message, new RegExp(`not imported: ${String(second!.Name)}`));
    assert.deepEqual(
        apex.store.all('Plan_Milestone__c').map((row) => row.Assignee__c),
        before,
        'nothing changed'
    );
});
