// The org install flows as planned commands: every step names our files and the org, and bad options
// are refused with a message before anything runs.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../project';
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
