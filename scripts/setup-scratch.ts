// `npm run setup:scratch -- [--alias NAME] [--days N] [--target-dev-hub HUB] [--skip-tests] [--dry-run]`:
// builds, creates a scratch org, deploys Keystone, assigns permission sets, imports the demo story and
// runs the Apex tests. Needs a Dev Hub authorised with `sf org login web --set-default-dev-hub`.
import { buildAll } from './build';
import { parseScratchArgs, runSteps, scratchOrgSteps } from './lib/orgCommands';

async function main(): Promise<void> {
    const options = parseScratchArgs(process.argv.slice(2));
    await buildAll();
    runSteps(scratchOrgSteps(options), options.dryRun);
    console.log(
        `\nKeystone is ready in scratch org "${options.alias}": sf org open --target-org ${options.alias}`
    );
}

main().catch((error: unknown) => {
    console.error(`setup:scratch: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
