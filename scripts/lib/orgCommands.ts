// The Salesforce CLI steps that put Keystone into an org, as data: the scratch-org flow and the deploy
// to an existing org. Planning is pure (tested); running hands each step to `sf`.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from './project';

export interface OrgStep {
    title: string;
    args: string[];
}

/** Files the scratch-org flow writes before it runs (user definitions, the owner-assignment Apex). */
export const SCRATCH_WORK_DIR = '.verify/scratch';

export interface ScratchOptions {
    alias: string;
    days: number;
    devHub?: string;
    runTests: boolean;
}

export interface DeployOptions {
    targetOrg: string;
    runTests: boolean;
    assignPermissionSets: boolean;
}

export const PERMISSION_SETS = ['Keystone_User'];
const DATA_PLAN = 'scripts/data/keystone-data-plan.json';

function flagValue(argv: string[], name: string): string | undefined {
    const index = argv.indexOf(name);
    if (index === -1) return undefined;
    const value = argv[index + 1];
    if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
    return value;
}

function rejectUnknown(argv: string[], known: string[]): void {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (!arg.startsWith('--')) continue;
        if (!known.includes(arg)) throw new Error(`unknown option ${arg} (known: ${known.join(', ')})`);
    }
}

export function parseScratchArgs(argv: string[]): ScratchOptions & { dryRun: boolean } {
    rejectUnknown(argv, ['--alias', '--days', '--target-dev-hub', '--skip-tests', '--dry-run']);
    const days = Number(flagValue(argv, '--days') ?? 7);
    if (!Number.isInteger(days) || days < 1 || days > 30)
        throw new Error('--days must be a whole number from 1 to 30');
    return {
        alias: flagValue(argv, '--alias') ?? 'keystone',
        days,
        devHub: flagValue(argv, '--target-dev-hub'),
        runTests: !argv.includes('--skip-tests'),
        dryRun: argv.includes('--dry-run')
    };
}

export function parseDeployArgs(argv: string[]): DeployOptions & { dryRun: boolean } {
    rejectUnknown(argv, ['--target-org', '--skip-tests', '--no-permsets', '--dry-run']);
    const targetOrg = flagValue(argv, '--target-org');
    if (!targetOrg) throw new Error('name the org to deploy to: npm run deploy -- --target-org ALIAS');
    return {
        targetOrg,
        runTests: !argv.includes('--skip-tests'),
        assignPermissionSets: !argv.includes('--no-permsets'),
        dryRun: argv.includes('--dry-run')
    };
}

function deployStep(targetOrg: string, extra: string[] = []): OrgStep {
    return {
        title: 'Deploy Keystone',
        args: [
            'project',
            'deploy',
            'start',
            '--source-dir',
            'force-app',
            '--target-org',
            targetOrg,
            '--wait',
            '30',
            ...extra
        ]
    };
}

function assignSteps(targetOrg: string): OrgStep[] {
    return PERMISSION_SETS.map((name) => ({
        title: `Assign ${name}`,
        args: ['org', 'assign', 'permset', '--name', name, '--target-org', targetOrg]
    }));
}

/** Create a scratch org, deploy, grant access, load the demo story, run the Apex tests. */
export function scratchOrgSteps(options: ScratchOptions, teamAliases: string[] = []): OrgStep[] {
    const hub = options.devHub ? ['--target-dev-hub', options.devHub] : [];
    const steps: OrgStep[] = [
        {
            title: 'Create the scratch org',
            args: [
                'org',
                'create',
                'scratch',
                '--definition-file',
                'config/project-scratch-def.json',
                '--alias',
                options.alias,
                '--set-default',
                '--duration-days',
                String(options.days),
                '--wait',
                '15',
                ...hub
            ]
        },
        deployStep(options.alias),
        ...assignSteps(options.alias),
        {
            title: 'Import the demo story',
            args: ['data', 'import', 'tree', '--plan', DATA_PLAN, '--target-org', options.alias]
        },
        ...teamAliases.map((alias) => ({
            title: `Create team member ${alias}`,
            args: [
                'org',
                'create',
                'user',
                '--definition-file',
                `${SCRATCH_WORK_DIR}/${alias}.json`,
                '--set-unique-username',
                '--target-org',
                options.alias
            ]
        })),
        ...(teamAliases.length
            ? [
                  {
                      title: 'Set relationship owners',
                      args: [
                          'apex',
                          'run',
                          '--file',
                          `${SCRATCH_WORK_DIR}/relationship-owners.apex`,
                          '--target-org',
                          options.alias
                      ]
                  }
              ]
            : [])
    ];
    if (options.runTests) {
        steps.push({
            title: 'Run the Apex tests',
            args: [
                'apex',
                'run',
                'test',
                '--test-level',
                'RunLocalTests',
                '--code-coverage',
                '--result-format',
                'human',
                '--wait',
                '30',
                '--target-org',
                options.alias
            ]
        });
    }
    return steps;
}

/** Deploy to an existing org (sandbox or production) with the Apex tests, then grant access. */
export function deploySteps(options: DeployOptions): OrgStep[] {
    const tests = options.runTests ? ['--test-level', 'RunLocalTests'] : ['--test-level', 'NoTestRun'];
    return [
        deployStep(options.targetOrg, tests),
        ...(options.assignPermissionSets ? assignSteps(options.targetOrg) : [])
    ];
}

/** Runs steps with the project's own `sf`, stopping at the first failure with its title. */
export function runSteps(steps: OrgStep[], dryRun: boolean): void {
    const sf = path.join(ROOT, 'node_modules', '.bin', 'sf');
    for (const [index, step] of steps.entries()) {
        console.log(`\n[${index + 1}/${steps.length}] ${step.title}\n$ sf ${step.args.join(' ')}`);
        if (dryRun) continue;
        const result = spawnSync(sf, step.args, { cwd: ROOT, stdio: 'inherit' });
        if (result.status !== 0) {
            throw new Error(
                `"${step.title}" failed (sf exited ${result.status ?? 'on a signal'}); fix the cause above and run again`
            );
        }
    }
}
