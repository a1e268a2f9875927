// The demo team fits the org it lands in: setup reads the free user licences, creates whom it can (the
// approving manager first), hands a left-out rep's relationships to a created one and says so — and a
// licence answer it cannot read stops the run by name instead of guessing.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { DATA_DIR } from '../project';
import { DRY_RUN_LINE, StepFailedError, parseScratchArgs } from '../orgCommands';
import { runScratchSetup, type ScratchSetupIo } from '../scratchSetup';
import { LICENCE_QUERY, fitTeamToLicences, freeLicences, readTeam, type Team } from '../team';

const team = readTeam(DATA_DIR);

function licenceAnswer(total: number, used: number): string {
    return JSON.stringify({
        status: 0,
        result: {
            totalSize: 1,
            done: true,
            records: [{ Name: 'Salesforce', TotalLicenses: total, UsedLicenses: used }]
        }
    });
}

function ownersOf(fitted: Team): Set<string> {
    return new Set(Object.values(fitted.relationshipOwners));
}

describe('which team members fit the free licences', () => {
    const cases: { free: number; created: string[] }[] = [
        { free: 0, created: [] },
        { free: 1, created: ['ksMorgan'] },
        // Sam owns the most relationships (8), then Alex (6): they come right after the approving manager.
        { free: 2, created: ['ksSam', 'ksMorgan'] },
        { free: 3, created: ['ksAlex', 'ksSam', 'ksMorgan'] },
        { free: 6, created: team.users.map((m) => m.alias) },
        { free: 40, created: team.users.map((m) => m.alias) }
    ];
    for (const { free, created } of cases) {
        it(`with ${free} free, creates ${created.join(', ') || 'no one'} (in file order)`, () => {
            const fitted = fitTeamToLicences(team, free);
            assert.deepEqual(
                fitted.created.map((m) => m.alias),
                created
            );
            assert.equal(fitted.created.length + fitted.skipped.length, team.users.length);
            for (const alias of ownersOf(fitted.team)) assert.ok(created.includes(alias), alias);
            for (const alias of Object.values(fitted.team.planApprovers)) assert.ok(created.includes(alias));
            for (const alias of Object.values(fitted.team.milestoneAssignees))
                assert.ok(created.includes(alias), alias);
        });
    }

    it('changes nothing and says nothing when the whole team fits', () => {
        const fitted = fitTeamToLicences(team, team.users.length);
        assert.deepEqual(fitted.team, team);
        assert.deepEqual(fitted.notices, []);
    });

    it("hands a left-out rep's relationships to the first created rep, and names both", () => {
        const fitted = fitTeamToLicences(team, 2);
        assert.equal(
            Object.keys(fitted.team.relationshipOwners).length,
            Object.keys(team.relationshipOwners).length
        );
        assert.deepEqual([...ownersOf(fitted.team)], ['ksSam']);
        assert.match(
            fitted.notices[0]!,
            /2 free Salesforce user licences for a team of 6: not created: Alex Morgan/
        );
        assert.ok(
            fitted.notices.some((n) => /Alex Morgan's 6 relationships are owned by Sam Patel instead/.test(n))
        );
    });

    it("hands a left-out member's milestones to the first created rep (Sam), so each milestone keeps someone", () => {
        const fitted = fitTeamToLicences(team, 3);
        assert.deepEqual(Object.keys(fitted.team.milestoneAssignees), Object.keys(team.milestoneAssignees));
        for (const [milestone, alias] of Object.entries(team.milestoneAssignees)) {
            const expected = ['ksAlex', 'ksSam', 'ksMorgan'].includes(alias) ? alias : 'ksSam';
            assert.equal(fitted.team.milestoneAssignees[milestone], expected, milestone);
        }
        assert.ok(
            fitted.notices.some((n) => /Robin Hart's 2 milestones are assigned to Sam Patel instead/.test(n)),
            fitted.notices.join('\n')
        );
    });

    it('with only the manager, the manager owns every relationship', () => {
        const fitted = fitTeamToLicences(team, 1);
        assert.deepEqual([...ownersOf(fitted.team)], ['ksMorgan']);
        assert.deepEqual(fitted.team.planApprovers, team.planApprovers);
    });

    it('with no licence, leaves relationships unowned and plans without approver, and says so', () => {
        const fitted = fitTeamToLicences(team, 0);
        assert.deepEqual(fitted.team, {
            users: [],
            relationshipOwners: {},
            planApprovers: {},
            milestoneAssignees: {}
        });
        assert.ok(fitted.notices.some((n) => /milestones have no assignee/.test(n)));
        assert.ok(fitted.notices.some((n) => /0 free Salesforce user licences/.test(n)));
        for (const plan of Object.keys(team.planApprovers))
            assert.ok(
                fitted.notices.some((n) => n.includes(`"${plan}" has no approver`)),
                plan
            );
        assert.ok(fitted.notices.some((n) => /relationships have no owner/.test(n)));
    });
});

describe('reading the licence answer', () => {
    it('is total minus used, never below zero', () => {
        assert.equal(freeLicences(licenceAnswer(2, 1)), 1);
        assert.equal(freeLicences(licenceAnswer(10, 10)), 0);
        assert.equal(freeLicences(licenceAnswer(1, 3)), 0);
    });

    it('refuses an answer it cannot read, naming what is missing', () => {
        assert.throws(() => freeLicences('Error: no org'), /did not answer JSON/);
        assert.throws(
            () => freeLicences(JSON.stringify({ result: { records: [] } })),
            /no "Salesforce" user licence/
        );
        assert.throws(
            () =>
                freeLicences(
                    JSON.stringify({ result: { records: [{ Name: 'Salesforce', TotalLicenses: '2' }] } })
                ),
            /no TotalLicenses\/UsedLicenses numbers/
        );
    });

    it('asks the org with a query on UserLicense for the licence the team profile takes', () => {
        assert.match(
            LICENCE_QUERY,
            /^SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name = 'Salesforce'$/
        );
    });
});

describe('the setup run', () => {
    function fakeIo(answer: { status: number | null; stdout: string }, failOn?: string) {
        const ran: string[][] = [];
        const lines: string[] = [];
        const written: Team[] = [];
        const io: ScratchSetupIo = {
            execute: (args) => {
                ran.push(args);
                return failOn && args.join(' ').includes(failOn) ? 1 : 0;
            },
            read: (args) => {
                ran.push(args);
                return answer;
            },
            log: (line) => lines.push(line),
            writeTeamFiles: (created) => written.push(created),
            readyLines: () => ['READY']
        };
        return { io, ran, lines, written };
    }
    const options = { ...parseScratchArgs(['--alias', 'ks']) };

    it('imports the story, counts licences, creates who fits, sets owners, runs tests, then says ready with notes', () => {
        const { io, ran, lines, written } = fakeIo({ status: 0, stdout: licenceAnswer(3, 1) });
        const fitted = runScratchSetup(options, team, io);
        const commands = ran.map((args) => args.slice(0, 3).join(' '));
        const query = commands.indexOf('data query --query');
        assert.ok(query > commands.indexOf('data import tree'));
        assert.deepEqual(
            ran.filter((args) => args[1] === 'create' && args[2] === 'user').map((args) => args[4]),
            ['.verify/scratch/ksSam.json', '.verify/scratch/ksMorgan.json']
        );
        assert.ok(commands.indexOf('apex run --file') > query);
        assert.equal(commands.at(-1), 'apex run test');
        assert.deepEqual(written, [fitted.team]);
        const ready = lines.at(-1)!;
        assert.match(ready, /^\nREADY\n {2}Note: The org has 2 free Salesforce user licences/);
    });

    it('stops naming the licence step when the query fails, creating no one', () => {
        const { io, ran } = fakeIo({ status: 1, stdout: '' });
        assert.throws(
            () => runScratchSetup(options, team, io),
            (error: unknown) =>
                error instanceof StepFailedError && /Count the free user licences/.test(error.message)
        );
        assert.equal(ran.filter((args) => args[2] === 'user').length, 0);
    });

    it('stops naming the licence step when the answer is unreadable', () => {
        const { io, ran } = fakeIo({ status: 0, stdout: '{"result":{"records":[]}}' });
        assert.throws(
            () => runScratchSetup(options, team, io),
            /step "Count the free user licences for the demo team" failed: the org reports no "Salesforce" user licence/
        );
        assert.equal(ran.filter((args) => args[2] === 'user').length, 0);
    });

    it('with no free licence, creates no one and skips the owner step, and still runs the tests', () => {
        const { io, ran, lines } = fakeIo({ status: 0, stdout: licenceAnswer(2, 2) });
        runScratchSetup(options, team, io);
        assert.equal(ran.filter((args) => args[2] === 'user' || args[2] === '--file').length, 0);
        assert.equal(ran.at(-1)!.slice(0, 3).join(' '), 'apex run test');
        assert.ok(lines.some((line) => /has no approver/.test(line)));
    });

    it('on a dry run lists every step and the whole team, runs nothing', () => {
        const { io, ran, lines } = fakeIo({ status: 0, stdout: licenceAnswer(6, 0) });
        runScratchSetup({ ...options, dryRun: true }, team, io);
        assert.deepEqual(ran, []);
        assert.equal(lines.at(-1), `\n${DRY_RUN_LINE}`);
        assert.equal(lines.filter((line) => / Create team member /.test(line)).length, team.users.length);
    });
});
