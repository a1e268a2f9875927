// The Salesforce CLI steps that put Keystone into an org, as data: the scratch-org flow and the deploy
// to an existing org. Planning is pure (tested); running hands each step to an executor (`sf` by default)
// and stops at the first step that fails, naming it.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { readApexFile } from './apexModel';
import { FORCE_APP, ROOT, walk } from './project';

export interface OrgStep {
    title: string;
    args: string[];
}

/** Files the scratch-org flow writes before it runs (user definitions, the owner-assignment Apex). */
export const SCRATCH_WORK_DIR = '.verify/scratch';

/**
 * Metadata deployed to scratch orgs only: the Keystone app with our record pages as its defaults, and the
 * permission set that lets the installing admin load demo history. A customer's deploy takes `force-app`
 * alone, so it never replaces the record pages their users have nor opens approval dates to edits.
 */
export const SCRATCH_ONLY_SOURCE = 'config/scratch-org';

export const USER_PERMISSION_SET = 'Keystone_User';
export const MANAGER_PERMISSION_SET = 'Keystone_Manager';
export const ADMIN_PERMISSION_SET = 'Keystone_Admin';
/** Scratch-only (in {@link SCRATCH_ONLY_SOURCE}): approval dates, which only the approval process sets. */
export const DEMO_LOADER_PERMISSION_SET = 'Keystone_Demo_Data_Loader';
/**
 * What the installing admin holds in a scratch org: Keystone Manager gives the app and every plan, Keystone
 * Admin adds the catalog and configuration, the demo loader the approved plan's history. Together they may
 * write every field the demo story imports, so the import, which runs as the admin, cannot fail on access.
 */
export const INSTALLER_PERMISSION_SETS = [
    MANAGER_PERMISSION_SET,
    ADMIN_PERMISSION_SET,
    DEMO_LOADER_PERMISSION_SET
];

/** The last line of every dry run. */
export const DRY_RUN_LINE = 'Dry run: no sf command ran, so nothing in any org was changed.';

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

/**
 * Keystone's Apex test classes: every `@IsTest` class under `classes/tests` with at least one test
 * method (a test-data factory has none and cannot be named in RunSpecifiedTests), sorted.
 */
export function keystoneTestClasses(testsDir: string = path.join(FORCE_APP, 'classes', 'tests')): string[] {
    return walk(testsDir, (file) => file.endsWith('.cls'))
        .map((file) => readApexFile(file))
        .filter(
            (apex) =>
                apex.kind === 'class' &&
                apex.isTest &&
                apex.methods.some((method) =>
                    method.annotations.some((annotation) => annotation.toLowerCase() === '@istest')
                )
        )
        .map((apex) => apex.name)
        .sort();
}

function deployStep(title: string, sourceDir: string, targetOrg: string, extra: string[] = []): OrgStep {
    return {
        title,
        args: [
            'project',
            'deploy',
            'start',
            '--source-dir',
            sourceDir,
            '--target-org',
            targetOrg,
            '--wait',
            '30',
            ...extra
        ]
    };
}

function assignStep(title: string, names: string[], targetOrg: string): OrgStep {
    return {
        title,
        args: [
            'org',
            'assign',
            'permset',
            ...names.flatMap((name) => ['--name', name]),
            '--target-org',
            targetOrg
        ]
    };
}

/**
 * Create a scratch org, deploy, make our record pages the Keystone app's defaults, give the installing
 * admin Keystone Manager and Keystone Admin (and the demo loader), load the demo story as that admin, create the team (reps with
 * Keystone User, the manager with Keystone Manager), set relationship owners and plan approvers, run the
 * Apex tests. `setup:scratch` runs these in three parts ({@link scratchOrgBaseSteps}, {@link teamSteps},
 * {@link scratchOrgTestSteps}) because who is created depends on the org's free licences.
 */
export function scratchOrgSteps(options: ScratchOptions, teamAliases: string[] = []): OrgStep[] {
    return [
        ...scratchOrgBaseSteps(options),
        ...teamSteps(options.alias, teamAliases),
        ...scratchOrgTestSteps(options)
    ];
}

/** Create the org, deploy, grant the installing admin, activate the pages, import the demo story. */
export function scratchOrgBaseSteps(options: ScratchOptions): OrgStep[] {
    const hub = options.devHub ? ['--target-dev-hub', options.devHub] : [];
    return [
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
        deployStep('Deploy Keystone', 'force-app', options.alias),
        deployStep(
            'Activate the Keystone record pages (and deploy the demo loader permission set)',
            SCRATCH_ONLY_SOURCE,
            options.alias
        ),
        assignStep(
            'Assign Keystone Manager, Keystone Admin and Keystone Demo Data Loader to you (the installing admin)',
            INSTALLER_PERMISSION_SETS,
            options.alias
        ),
        {
            title: 'Import the demo story',
            args: ['data', 'import', 'tree', '--plan', DATA_PLAN, '--target-org', options.alias]
        }
    ];
}

/** The query of the org's user licences, answered as JSON (see `team.ts` for reading it). */
export function licenceQueryStep(targetOrg: string, query: string): OrgStep {
    return {
        title: 'Count the free user licences for the demo team',
        args: ['data', 'query', '--query', query, '--target-org', targetOrg, '--json']
    };
}

/** Create each team member that fits, then set relationship owners and plan approvers. */
export function teamSteps(targetOrg: string, teamAliases: string[]): OrgStep[] {
    if (!teamAliases.length) return [];
    return [
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
                targetOrg
            ]
        })),
        {
            title: "Set relationship owners, plan approvers and milestone assignees; measure today's key-account scores",
            args: [
                'apex',
                'run',
                '--file',
                `${SCRATCH_WORK_DIR}/relationship-owners.apex`,
                '--target-org',
                targetOrg
            ]
        }
    ];
}

/** Run the Apex tests with coverage (none with `--skip-tests`). */
export function scratchOrgTestSteps(options: ScratchOptions): OrgStep[] {
    if (!options.runTests) return [];
    return [
        {
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
        }
    ];
}

/**
 * Deploy `force-app` to an existing org running only Keystone's own tests (the org's other tests are not
 * ours to run or to fix), then give the deploying user Keystone User.
 */
export function deploySteps(options: DeployOptions, testClasses: string[]): OrgStep[] {
    if (options.runTests && !testClasses.length)
        throw new Error('no Keystone test classes found to run; use --skip-tests only for a sandbox');
    const tests = options.runTests
        ? ['--test-level', 'RunSpecifiedTests', ...testClasses.flatMap((name) => ['--tests', name])]
        : ['--test-level', 'NoTestRun'];
    return [
        deployStep('Deploy Keystone', 'force-app', options.targetOrg, tests),
        ...(options.assignPermissionSets
            ? [assignStep('Assign Keystone User to you', [USER_PERMISSION_SET], options.targetOrg)]
            : [])
    ];
}

/** What an admin does after a deploy, which a deploy must not decide for them. */
export function deployNextSteps(targetOrg: string): string[] {
    return [
        `Keystone is deployed to "${targetOrg}". Next:`,
        '  1. Assign the permission sets: Keystone User to reps, Keystone Manager to their managers (every plan,',
        '     key-account scoring), Keystone Admin on top for whoever keeps the offering catalog and settings:',
        `     sf org assign permset --name Keystone_User --on-behalf-of rep@yourcompany.com --target-org ${targetOrg}`,
        '  2. Activate the record pages: in Lightning App Builder open Keystone Account Record Page and',
        '     Keystone Account Plan Record Page and choose Activation (org, app or profile default), or add',
        '     Account Plan Summary to the Account page you already use.',
        "  3. Fill the Offering catalog (the landscape's columns): the Offerings tab in the Keystone app, or",
        `     sf data import tree --files offerings.json --target-org ${targetOrg}`
    ];
}

/** Runs one `sf` command; returns its exit status (null when ended by a signal). */
export type StepExecutor = (args: string[]) => number | null;

/** Runs one `sf` command and returns what it printed, for a step whose answer decides the next steps. */
export type StepReader = (args: string[]) => { status: number | null; stdout: string };

/** The project's own `sf`, its output shown as it runs. */
export const runSf: StepExecutor = (args) =>
    spawnSync(path.join(ROOT, 'node_modules', '.bin', 'sf'), args, { cwd: ROOT, stdio: 'inherit' }).status;

/** The project's own `sf`, its standard output captured (errors still shown). */
export const readSf: StepReader = (args) => {
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'sf'), args, {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024
    });
    return { status: result.status, stdout: result.stdout ?? '' };
};

export class StepFailedError extends Error {
    constructor(
        readonly step: string,
        readonly status: number | null
    ) {
        super(
            `step "${step}" failed (sf exited ${status ?? 'on a signal'}); the steps after it did not run. Fix the cause above and run again`
        );
    }
}

export interface RunOptions {
    dryRun: boolean;
    execute?: StepExecutor;
    log?: (line: string) => void;
    /** Printed only after every step succeeded (never on a dry run). */
    done?: string[];
}

/**
 * Runs the steps in order and stops at the first that fails with a {@link StepFailedError} naming it;
 * the `done` lines follow only when all succeeded. A dry run prints the steps and {@link DRY_RUN_LINE}.
 */
export function runSteps(steps: OrgStep[], options: RunOptions): void {
    const execute = options.execute ?? runSf;
    const log = options.log ?? ((line: string) => console.log(line));
    for (const [index, step] of steps.entries()) {
        log(`\n[${index + 1}/${steps.length}] ${step.title}\n$ sf ${step.args.join(' ')}`);
        if (options.dryRun) continue;
        const status = execute(step.args);
        if (status !== 0) throw new StepFailedError(step.title, status);
    }
    if (options.dryRun) {
        log(`\n${DRY_RUN_LINE}`);
        return;
    }
    if (options.done?.length) log(`\n${options.done.join('\n')}`);
}
