// `npm run setup:scratch -- [--alias NAME] [--days N] [--target-dev-hub HUB] [--skip-tests] [--dry-run]`:
// builds, creates a scratch org, deploys Keystone, gives you Keystone Manager and Keystone Admin, activates
// the Keystone record pages, imports the demo story, creates the demo team members the org has licences for
// (reps and their manager), sets relationship owners and plan approvers and runs the Apex tests. Says
// "ready" only when every step succeeded. Needs a Dev Hub authorised with `sf org login web --set-default-dev-hub`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildAll } from './build';
import { SCRATCH_WORK_DIR, StepFailedError, parseScratchArgs, readSf, runSf } from './lib/orgCommands';
import { DATA_DIR, ROOT, writeFile } from './lib/project';
import { runScratchSetup } from './lib/scratchSetup';
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

function writeTeamFiles(team: Team): void {
    const work = path.join(ROOT, SCRATCH_WORK_DIR);
    fs.rmSync(work, { recursive: true, force: true });
    for (const member of team.users) {
        writeFile(
            path.join(work, `${member.alias}.json`),
            `${JSON.stringify(userDefinition(member), null, 2)}\n`
        );
    }
    writeFile(path.join(work, 'relationship-owners.apex'), ownerAssignmentApex(team));
}

async function main(): Promise<void> {
    const options = parseScratchArgs(process.argv.slice(2));
    await buildAll();
    const team = readTeam(DATA_DIR);
    if (options.dryRun) writeTeamFiles(team);
    runScratchSetup(options, team, {
        execute: runSf,
        read: readSf,
        log: (line) => console.log(line),
        writeTeamFiles,
        readyLines: (created) => readyLines(options.alias, created)
    });
}

main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`\nsetup:scratch: ${message}`);
    if (error instanceof StepFailedError || /step ".*" failed/.test(message))
        console.error('Keystone is NOT ready.');
    process.exit(1);
});
