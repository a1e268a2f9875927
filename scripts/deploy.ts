// `npm run deploy -- --target-org ALIAS [--skip-tests] [--no-permsets] [--dry-run]`: builds and deploys
// Keystone to an org you have authorised with `sf org login web --alias ALIAS`, running only Keystone's
// own Apex tests, then prints what the admin does next (permission sets, record pages, offering catalog).
import { buildAll } from './build';
import {
    deployNextSteps,
    deploySteps,
    keystoneTestClasses,
    parseDeployArgs,
    runSteps
} from './lib/orgCommands';

async function main(): Promise<void> {
    const options = parseDeployArgs(process.argv.slice(2));
    await buildAll();
    runSteps(deploySteps(options, keystoneTestClasses()), {
        dryRun: options.dryRun,
        done: deployNextSteps(options.targetOrg)
    });
}

main().catch((error: unknown) => {
    console.error(`\ndeploy: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
});
