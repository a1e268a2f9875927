// `npm run setup:scratch -- [--alias NAME] [--days N] [--target-dev-hub HUB] [--skip-tests] [--dry-run]`:
// builds, creates a scratch org, deploys Keystone, gives you Keystone Manager and Keystone Admin, activates
// the Keystone record pages, imports the demo story, creates the demo team (reps and their manager), sets
// relationship owners and plan approvers and runs the Apex tests. Says "ready" only when every step
// succeeded. Needs a Dev Hub authorised with `sf org login web --set-default-dev-hub`.
import * as path from 'node:path';
import { buildAll } from './build';
import {
    SCRATCH_WORK_DIR,
    StepFailedError,
    parseScratchArgs,
    runSteps,
    scratchOrgSteps
} from './lib/orgCommands';
import { DATA_DIR, ROOT, writeFile } from './lib/project';
import { ownerAssignmentApex, readTeam, userDefinition, type Team } from './lib/team';

function readyLines(alias: string, team: Team): string[] {
    const lines = [`Keystone is ready in scratch org "${alias}": sf org open --target-org ${alias}`];
    for (const [plan, approverAlias] of Object.entries(team.planApprovers)) {
        const approver = team.users.find((member) => member.alias === approverAlias);
        if (approver)
            lines.push(
                `  "${plan}" names ${approver.firstName} ${approver.lastName} (Keystone Manager) as approver.`
            );
    }
    if (Object.keys(team.planApprovers).length)
        lines.push(
            '  To try sign-off: submit an In Review plan for approval from its page, then log in as the approver',
            '  (Setup > Users > Login) and approve it.'
        );
    return lines;
}

async function main(): Promise<void> {
    const options = parseScratchArgs(process.argv.slice(2));
    await buildAll();
    const team = readTeam(DATA_DIR);
    const work = path.join(ROOT, SCRATCH_WORK_DIR);
    for (const member of team.users) {
        writeFile(
            path.join(work, `${member.alias}.json`),
            `${JSON.stringify(userDefinition(member), null, 2)}\n`
        );
    }
    writeFile(path.join(work, 'relationship-owners.apex'), ownerAssignmentApex(team));
    runSteps(
        scratchOrgSteps(
            options,
            team.users.map((member) => member.alias)
        ),
        { dryRun: options.dryRun, done: readyLines(options.alias, team) }
    );
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nsetup:scratch: ${message}`);
    if (error instanceof StepFailedError) console.error('Keystone is NOT ready.');
    process.exit(1);
});
