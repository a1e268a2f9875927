// Runs one checker on its deliberately broken fixture (scripts/verify/fixtures/<checker>/) and
// returns the findings as the readable lines verify prints, with paths relative to the fixture.
import * as path from 'node:path';
import { ROOT } from '../lib/project';
import { CHECKERS } from './checkers';
import { formatFinding, projectAt } from './finding';

export const FIXTURES = path.join(ROOT, 'scripts', 'verify', 'fixtures');

export async function runOnFixture(checkerName: string): Promise<string[]> {
    const checker = CHECKERS.find((candidate) => candidate.name === checkerName);
    if (!checker) throw new Error(`no checker ${checkerName}`);
    const root = path.join(FIXTURES, checkerName);
    const findings = await checker.run(projectAt(root));
    return findings.map((finding) => formatFinding(finding, root)).sort();
}

if (require.main === module) {
    const names = process.argv.slice(2);
    (async () => {
        for (const name of names.length ? names : CHECKERS.map((checker) => checker.name)) {
            console.log(`== ${name}`);
            for (const line of await runOnFixture(name)) console.log(line);
        }
    })().catch((error: unknown) => {
        console.error(error);
        process.exit(1);
    });
}
