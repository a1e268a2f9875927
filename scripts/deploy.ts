// `npm run deploy -- --target-org ALIAS [--skip-tests] [--no-permsets] [--dry-run]`: builds and deploys
// Keystone to an org you have authorised with `sf org login web --alias ALIAS`, running the Apex tests.
import { buildAll } from './build';
import { deploySteps, parseDeployArgs, runSteps } from './lib/orgCommands';

async function main(): Promise<void> {
    const options = parseDeployArgs(process.argv.slice(2));
    await buildAll();
    runSteps(deploySteps(options), options.dryRun);
    console.log(`\nKeystone is deployed to "${options.targetOrg}".`);
}

main().catch((error: unknown) => {
    console.error(`deploy: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
