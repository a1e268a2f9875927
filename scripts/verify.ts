// `npm run verify`: every offline Salesforce and TypeScript check over the project, one line per
// finding (file:line rule message), non-zero exit on any finding.
//   --only a,b   run only these checkers      --list   name each checker and what it proves
import * as path from 'node:path';
import { buildAll } from './build';
import { ROOT } from './lib/project';
import { CHECKERS } from './verify/checkers';
import { formatFinding, projectAt, type Finding } from './verify/finding';

async function main(argv: string[]): Promise<number> {
    if (argv.includes('--list')) {
        for (const checker of CHECKERS) console.log(`${checker.name.padEnd(18)} ${checker.description}`);
        return 0;
    }
    const onlyIndex = argv.indexOf('--only');
    const only = onlyIndex >= 0 ? new Set((argv[onlyIndex + 1] ?? '').split(',')) : null;
    const unknown = only
        ? [...only].filter((name) => !CHECKERS.some((checker) => checker.name === name))
        : [];
    if (unknown.length) {
        console.error(`verify: unknown checker ${unknown.join(', ')} (see --list)`);
        return 2;
    }
    await buildAll(); // generated typings (c/* paths, Apex methods) must match the sources checked
    const project = projectAt(ROOT);
    let total = 0;
    for (const checker of CHECKERS) {
        if (only && !only.has(checker.name)) continue;
        const started = Date.now();
        let findings: Finding[];
        try {
            findings = await checker.run(project);
        } catch (error) {
            findings = [
                {
                    file: ROOT,
                    line: 1,
                    rule: checker.name,
                    message: `checker crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
                }
            ];
        }
        for (const finding of findings) console.log(formatFinding(finding, ROOT));
        total += findings.length;
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
            `verify ${checker.name}: ${findings.length ? `${findings.length} finding(s)` : 'ok'} (${seconds}s)`
        );
    }
    console.log(
        total ? `verify: ${total} finding(s) in ${path.basename(ROOT)}` : 'verify: all checks passed'
    );
    return total ? 1 : 0;
}

main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
        console.error(error);
        process.exit(1);
    }
);
