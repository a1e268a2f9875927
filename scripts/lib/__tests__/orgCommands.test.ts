// The org install flows as planned commands: every step names our files and the org, and bad options
// are refused with a message before anything runs.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import { DATA_DIR, ROOT } from '../project';
import { ownerAssignmentApex, readTeam, userDefinition } from '../team';
import { deploySteps, parseDeployArgs, parseScratchArgs, scratchOrgSteps } from '../orgCommands';

describe('scratch org flow', () => {
    it('creates, deploys, grants access, imports the demo story and runs the tests, in that order', () => {
        const steps = scratchOrgSteps(parseScratchArgs(['--alias', 'ks', '--days', '3']));
        assert.deepEqual(
            steps.map((step) => step.args.slice(0, 3).join(' ')),
            [
                'org create scratch',
                'project deploy start',
                'org assign permset',
                'data import tree',
                'apex run test'
            ]
        );
        for (const step of steps.slice(1)) assert.ok(step.args.includes('ks'), step.title);
        assert.ok(steps[0]!.args.includes('3'));
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

describe('deploy to an existing org', () => {
    it('needs the target org', () => {
        assert.throws(() => parseDeployArgs([]), /--target-org ALIAS/);
    });

    it('deploys with the local tests and assigns the permission set', () => {
        const steps = deploySteps(parseDeployArgs(['--target-org', 'uat']));
        assert.deepEqual(steps[0]!.args.slice(-2), ['--test-level', 'RunLocalTests']);
        assert.equal(steps[1]!.args.join(' '), 'org assign permset --name Keystone_User --target-org uat');
    });

    it('can skip tests and permission sets', () => {
        const steps = deploySteps(parseDeployArgs(['--target-org', 'uat', '--skip-tests', '--no-permsets']));
        assert.equal(steps.length, 1);
        assert.ok(steps[0]!.args.includes('NoTestRun'));
    });
});

describe('demo team in the scratch org', () => {
    it('creates each team member and then sets the relationship owners', () => {
        const steps = scratchOrgSteps(parseScratchArgs([]), ['ksAlex', 'ksSam']);
        const titles = steps.map((step) => step.title);
        assert.ok(titles.indexOf('Create team member ksAlex') > titles.indexOf('Import the demo story'));
        assert.ok(titles.indexOf('Set relationship owners') > titles.indexOf('Create team member ksSam'));
    });

    it('generates owner-assignment Apex that parses, runs in user mode and names every owned contact', () => {
        const team = readTeam(DATA_DIR);
        const apex = ownerAssignmentApex(team);
        const errors: string[] = [];
        class Collector extends ApexErrorListener {
            apexSyntaxError(line: number, _column: number, message: string): void {
                errors.push(`${line}: ${message}`);
            }
        }
        const { parser } = ApexParserFactory.createLexerAndParser(apex, new Collector());
        parser.anonymousUnit();
        assert.deepEqual(errors, []);
        assert.match(apex, /update as user owned;/);
        assert.equal((apex.match(/WITH USER_MODE/g) ?? []).length, 2);
        for (const email of Object.keys(team.relationshipOwners))
            assert.ok(apex.includes(`'${email}'`), email);
    });

    it('defines each user with the Keystone User permission set', () => {
        const definition = userDefinition({
            alias: 'ksAlex',
            firstName: 'Alex',
            lastName: 'Morgan',
            title: 'Key Account Manager'
        });
        assert.deepEqual(definition.permsets, ['Keystone_User']);
        assert.equal(definition.Alias, 'ksAlex');
    });
});
