// `npm run setup:scratch -- [--alias NAME] [--days N] [--target-dev-hub HUB] [--skip-tests] [--dry-run]`:
// builds, creates a scratch org, deploys Keystone, assigns permission sets, imports the demo story and
// runs the Apex tests. Needs a Dev Hub authorised with `sf org login web --set-default-dev-hub`.
import * as path from 'node:path';
import { buildAll } from './build';
import { SCRATCH_WORK_DIR, parseScratchArgs, runSteps, scratchOrgSteps } from './lib/orgCommands';
import { DATA_DIR, ROOT, writeFile } from './lib/project';
import { ownerAssignmentApex, readTeam, userDefinition } from './lib/team';

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
        options.dryRun
    );
    console.log(
        `\nKeystone is ready in scratch org "${options.alias}": sf org open --target-org ${options.alias}`
    );
}

main().catch((error: unknown) => {
    console.error(`setup:scratch: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
