// The org install flows as planned commands: every step names our files and the org, bad options are
// refused before anything runs, a failing step stops the run by name, and "ready" comes only at the end.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { DATA_DIR, FORCE_APP, ROOT } from '../project';
import { ownerAssignmentApex, readTeam, userDefinition } from '../team';
import {
    DRY_RUN_LINE,
    StepFailedError,
    deployNextSteps,
    deploySteps,
    keystoneTestClasses,
    parseDeployArgs,
    parseScratchArgs,
    runSteps,
    scratchOrgSteps,
    type OrgStep
} from '../orgCommands';

function syntaxErrors(apex: string): string[] {
    const errors: string[] = [];
    class Collector extends ApexErrorListener {
        apexSyntaxError(line: number, _column: number, message: string): void {
            errors.push(`${line}: ${message}`);
        }
    }
    const { parser } = ApexParserFactory.createLexerAndParser(apex, new Collector());
    parser.anonymousUnit();
    return errors;
}

describe('scratch org flow', () => {
    it('creates, deploys, grants the admin access, activates the pages, imports, then runs the tests', () => {
        const steps = scratchOrgSteps(parseScratchArgs(['--alias', 'ks', '--days', '3']));
        assert.deepEqual(
            steps.map((step) => step.args.slice(0, 3).join(' ')),
            [
                'org create scratch',
                'project deploy start',
                'project deploy start',
                'org assign permset',
                'data import tree',
                'apex run test'
            ]
        );
        for (const step of steps.slice(1)) assert.ok(step.args.includes('ks'), step.title);
        assert.ok(steps[0]!.args.includes('3'));
    });

    it('gives the installing admin Keystone Manager and Keystone Admin before the import runs as them', () => {
        const steps = scratchOrgSteps(parseScratchArgs(['--alias', 'ks']));
        const assign = steps.find((step) => step.args.slice(0, 3).join(' ') === 'org assign permset')!;
        assert.equal(
            assign.args.join(' '),
            'org assign permset --name Keystone_Manager --name Keystone_Admin --name Keystone_Demo_Data_Loader --target-org ks'
        );
        const titles = steps.map((step) => step.title);
        assert.ok(titles.indexOf(assign.title) < titles.indexOf('Import the demo story'));
        // the demo loader permission set exists only once the scratch-only folder is deployed
        assert.ok(titles.findIndex((title) => title.startsWith('Activate')) < titles.indexOf(assign.title));
    });

    it('activates the record pages from the scratch-only folder, after force-app is deployed', () => {
        const deploys = scratchOrgSteps(parseScratchArgs([])).filter((step) => step.args[0] === 'project');
        assert.deepEqual(
            deploys.map((step) => [step.title, step.args[step.args.indexOf('--source-dir') + 1]]),
            [
                ['Deploy Keystone', 'force-app'],
                [
                    'Activate the Keystone record pages (and deploy the demo loader permission set)',
                    'config/scratch-org'
                ]
            ]
        );
    });

    it('names files that exist', () => {
        const steps = scratchOrgSteps(parseScratchArgs([]));
        for (const flag of ['--definition-file', '--plan', '--source-dir']) {
            for (const step of steps) {
                const index = step.args.indexOf(flag);
                if (index >= 0)
                    assert.ok(
                        fs.existsSync(path.join(ROOT, step.args[index + 1]!)),
                        `${flag} ${step.args[index + 1]}`
                    );
            }
        }
    });

    it('refuses bad options', () => {
        assert.throws(() => parseScratchArgs(['--days', '90']), /1 to 30/);
        assert.throws(() => parseScratchArgs(['--alias']), /--alias needs a value/);
        assert.throws(() => parseScratchArgs(['--force']), /unknown option --force/);
    });
});

describe('running the steps', () => {
    const steps: OrgStep[] = [
        { title: 'First', args: ['one'] },
        { title: 'Second', args: ['two'] },
        { title: 'Third', args: ['three'] }
    ];

    it('stops at the first failing step, names it, and never says ready', () => {
        const ran: string[] = [];
        const log: string[] = [];
        assert.throws(
            () =>
                runSteps(steps, {
                    dryRun: false,
                    execute: (args) => {
                        ran.push(args[0]!);
                        return args[0] === 'two' ? 2 : 0;
                    },
                    log: (line) => log.push(line),
                    done: ['READY']
                }),
            (error: unknown) => {
                assert.ok(error instanceof StepFailedError);
                assert.equal(error.step, 'Second');
                assert.match(error.message, /step "Second" failed \(sf exited 2\)/);
                return true;
            }
        );
        assert.deepEqual(ran, ['one', 'two']);
        assert.ok(!log.join('\n').includes('READY'));
    });

    it('treats a command ended by a signal as failed', () => {
        assert.throws(
            () => runSteps(steps, { dryRun: false, execute: () => null, log: () => undefined }),
            /step "First" failed \(sf exited on a signal\)/
        );
    });

    it('says ready only after every step succeeded, as the last line', () => {
        const ran: string[] = [];
        const log: string[] = [];
        runSteps(steps, {
            dryRun: false,
            execute: (args) => {
                ran.push(args[0]!);
                assert.ok(!log.join('\n').includes('READY'), 'ready before a step ran');
                return 0;
            },
            log: (line) => log.push(line),
            done: ['READY']
        });
        assert.deepEqual(ran, ['one', 'two', 'three']);
        assert.equal(log.at(-1), '\nREADY');
    });

    it('on a dry run prints every step, runs none and ends saying nothing was changed', () => {
        const log: string[] = [];
        runSteps(steps, {
            dryRun: true,
            execute: () => assert.fail('a dry run ran a command'),
            log: (line) => log.push(line),
            done: ['READY']
        });
        for (const step of steps) assert.ok(log.some((line) => line.includes(`$ sf ${step.args[0]}`)));
        assert.equal(log.at(-1), `\n${DRY_RUN_LINE}`);
        assert.match(DRY_RUN_LINE, /nothing .*was changed/);
        assert.ok(!log.join('\n').includes('READY'));
    });
});

describe('deploy to an existing org', () => {
    const tests = keystoneTestClasses();

    it('needs the target org', () => {
        assert.throws(() => parseDeployArgs([]), /--target-org ALIAS/);
    });

    it('runs only the Keystone test classes, found in the source', () => {
        const steps = deploySteps(parseDeployArgs(['--target-org', 'uat']), tests);
        const args = steps[0]!.args;
        assert.deepEqual(args.slice(args.indexOf('--test-level'), args.indexOf('--test-level') + 2), [
            '--test-level',
            'RunSpecifiedTests'
        ]);
        const named = args.flatMap((arg, index) => (args[index - 1] === '--tests' ? [arg] : []));
        assert.deepEqual(named, tests);
        const files = fs
            .readdirSync(path.join(FORCE_APP, 'classes', 'tests'))
            .filter((file) => file.endsWith('Test.cls'))
            .map((file) => file.replace(/\.cls$/, ''))
            .sort();
        assert.deepEqual(tests, files);
        assert.ok(!tests.includes('KeystoneTestDataFactory'), 'a factory without test methods is not a test');
        assert.equal(steps[1]!.args.join(' '), 'org assign permset --name Keystone_User --target-org uat');
    });

    it('takes a class as a test when it is @IsTest and has a test method, whatever its name', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-tests-'));
        try {
            fs.writeFileSync(
                path.join(dir, 'Checks.cls'),
                '@isTest\nprivate class Checks {\n    @IsTest\n    static void itWorks() {\n        Assert.isTrue(true);\n    }\n}\n'
            );
            fs.writeFileSync(
                path.join(dir, 'Builders.cls'),
                '@IsTest\npublic class Builders {\n    public static Account account() {\n        return new Account();\n    }\n}\n'
            );
            fs.writeFileSync(
                path.join(dir, 'Helper.cls'),
                'public with sharing class Helper {\n    public static Integer one() {\n        return 1;\n    }\n}\n'
            );
            assert.deepEqual(keystoneTestClasses(dir), ['Checks']);
            assert.throws(
                () =>
                    deploySteps(
                        parseDeployArgs(['--target-org', 'uat']),
                        keystoneTestClasses(path.join(dir, 'none'))
                    ),
                /no Keystone test classes/
            );
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it('can skip tests and permission sets', () => {
        const steps = deploySteps(
            parseDeployArgs(['--target-org', 'uat', '--skip-tests', '--no-permsets']),
            tests
        );
        assert.equal(steps.length, 1);
        assert.ok(steps[0]!.args.includes('NoTestRun'));
        assert.ok(!steps[0]!.args.includes('--tests'));
    });

    it('tells the admin to assign permission sets, activate the pages and fill the offering catalog', () => {
        const next = deployNextSteps('uat').join('\n');
        assert.match(next, /deployed to "uat"/);
        for (const permissionSet of ['Keystone User', 'Keystone Manager', 'Keystone Admin'])
            assert.ok(next.includes(permissionSet), permissionSet);
        assert.match(next, /sf org assign permset --name Keystone_User --on-behalf-of \S+ --target-org uat/);
        assert.match(next, /Lightning App Builder/);
        // the record pages are the admin's to activate; the app's home and Portfolio page ship with the app
        for (const page of fs.readdirSync(path.join(FORCE_APP, 'flexipages'))) {
            const source = fs.readFileSync(path.join(FORCE_APP, 'flexipages', page), 'utf8');
            if (!source.includes('<type>RecordPage</type>')) continue;
            const label = /<masterLabel>([^<]+)<\/masterLabel>/.exec(source)?.[1];
            assert.ok(label && next.includes(label), `${page} named by its label`);
        }
        assert.match(next, /Offering catalog/);
    });
});

describe('demo team in the scratch org', () => {
    const team = readTeam(DATA_DIR);

    it('creates each team member and then sets the relationship owners and approvers', () => {
        const steps = scratchOrgSteps(parseScratchArgs([]), ['ksAlex', 'ksSam']);
        const titles = steps.map((step) => step.title);
        assert.ok(titles.indexOf('Create team member ksAlex') > titles.indexOf('Import the demo story'));
        assert.ok(
            titles.indexOf(
                "Set relationship owners, plan approvers and milestone assignees; measure today's key-account scores"
            ) > titles.indexOf('Create team member ksSam')
        );
    });

    it('generates Apex that parses, runs in user mode and names every owned contact, approved plan and assigned milestone', () => {
        const apex = ownerAssignmentApex(team);
        assert.deepEqual(syntaxErrors(apex), []);
        assert.match(apex, /update as user owned;/);
        assert.match(apex, /update as user plans;/);
        assert.match(apex, /update as user milestones;/);
        // owners, approvers, assignees, the users, and the key accounts measured today
        assert.equal((apex.match(/\[SELECT/g) ?? []).length, 5);
        assert.equal((apex.match(/WITH USER_MODE\]/g) ?? []).length, 5);
        for (const email of Object.keys(team.relationshipOwners))
            assert.ok(apex.includes(`'${email}'`), email);
        for (const plan of Object.keys(team.planApprovers)) assert.ok(apex.includes(`'${plan}'`), plan);
        for (const milestone of Object.keys(team.milestoneAssignees))
            assert.ok(apex.includes(`'${milestone}'`), milestone);
        assert.match(apex, /more than one milestone is named/);
        assert.match(apex, /throw new IllegalArgumentException\('Keystone: no user with alias '/);
    });

    it('generates valid Apex for a team with no approvers and no assignees', () => {
        const apex = ownerAssignmentApex({ ...team, planApprovers: {}, milestoneAssignees: {} });
        assert.deepEqual(syntaxErrors(apex), []);
        assert.match(apex, /approverByPlan = new Map<String, String>\(\);/);
        assert.match(apex, /assigneeByMilestone = new Map<String, String>\(\);/);
    });

    it("names an assignee on our team for every demo milestone, each name one milestone's", () => {
        const milestones = (
            JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'Plan_Milestone__c.json'), 'utf8')) as {
                records: { Name: string }[];
            }
        ).records.map((milestone) => milestone.Name);
        assert.deepEqual(Object.keys(team.milestoneAssignees).sort(), [...milestones].sort());
        assert.equal(new Set(milestones).size, milestones.length, 'no two demo milestones share a name');
        const aliases = new Set(team.users.map((member) => member.alias));
        for (const [milestone, alias] of Object.entries(team.milestoneAssignees))
            assert.ok(aliases.has(alias), `${milestone}: ${alias}`);
    });

    it('has a manager with Keystone Manager and reps with Keystone User', () => {
        const managers = team.users.filter((member) => member.role === 'manager');
        assert.equal(managers.length, 1);
        assert.deepEqual(userDefinition(managers[0]!).permsets, ['Keystone_Manager']);
        for (const rep of team.users.filter((member) => member.role !== 'manager'))
            assert.deepEqual(userDefinition(rep).permsets, ['Keystone_User'], rep.alias);
    });

    it('names an approver for every demo plan that is in review, so sign-off can be tried', () => {
        const plans = (
            JSON.parse(fs.readFileSync(path.join(DATA_DIR, 'Account_Plan__c.json'), 'utf8')) as {
                records: { Name: string; Status__c: string }[];
            }
        ).records;
        const inReview = plans.filter((plan) => plan.Status__c === 'In Review');
        assert.ok(inReview.length > 0);
        for (const plan of inReview) assert.ok(team.planApprovers[plan.Name], plan.Name);
        const names = new Set(plans.map((plan) => plan.Name));
        for (const plan of Object.keys(team.planApprovers))
            assert.ok(names.has(plan), `${plan} is in the data`);
    });

    it('refuses an approver who is not a manager, and an unknown one', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-team-'));
        try {
            fs.mkdirSync(path.join(dir, 'team'));
            const write = (approver: string): void =>
                fs.writeFileSync(
                    path.join(dir, 'team', 'team.json'),
                    JSON.stringify({
                        users: [{ alias: 'ksRep', firstName: 'R', lastName: 'Ep', title: 'Rep' }],
                        relationshipOwners: {},
                        planApprovers: { 'Some Plan': approver }
                    })
                );
            write('ksRep');
            assert.throws(() => readTeam(dir), /"Some Plan" is signed off by ksRep, who is not a manager/);
            write('ksNobody');
            assert.throws(() => readTeam(dir), /unknown alias ksNobody/);
            fs.writeFileSync(
                path.join(dir, 'team', 'team.json'),
                JSON.stringify({
                    users: [{ alias: 'ksRep', firstName: 'R', lastName: 'Ep', title: 'Rep' }],
                    milestoneAssignees: { 'Some milestone': 'ksGhost' }
                })
            );
            assert.throws(() => readTeam(dir), /"Some milestone" is assigned to unknown alias ksGhost/);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
