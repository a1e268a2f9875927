// prettier --check over everything we write by hand, Apex included (prettier-plugin-apex's native
// parser), so formatting and Apex syntax errors both surface here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as prettier from 'prettier';
import { ROOT, walk } from '../../lib/project';
import type { Checker, Finding, Project } from '../finding';

const EXTENSIONS = /\.(ts|js|html|css|xml|cls|trigger)$/;
const SKIP =
    /(^|\/)(node_modules|\.verify|\.preview-build|coverage|lwc-platform)(\/|$)|force-app\/main\/default\/lwc\//;

export const prettierChecker: Checker = {
    name: 'prettier',
    description:
        'prettier --check on ts/js/html/css/xml/cls/trigger with prettier-plugin-apex and the XML plugin',
    async run(project: Project): Promise<Finding[]> {
        const ignorePath = [path.join(project.root, '.prettierignore')].filter((file) => fs.existsSync(file));
        const files = walk(
            project.root,
            (file) => EXTENSIONS.test(file) && !SKIP.test(path.relative(project.root, file))
        );
        const findings: Finding[] = [];
        const config = path.join(ROOT, '.prettierrc');
        for (const file of files) {
            // the product's config decides, for fixtures too: the rules under test are ours
            const target = path.join(ROOT, path.relative(project.root, file));
            const options = (await prettier.resolveConfig(target, { config })) ?? {};
            const info = await prettier.getFileInfo(file, { ignorePath, plugins: options.plugins ?? [] });
            if (info.ignored || !info.inferredParser) continue;
            const source = fs.readFileSync(file, 'utf8');
            try {
                const formatted = await prettier.check(source, { ...options, filepath: file });
                if (!formatted) {
                    findings.push({
                        file,
                        line: firstDifference(
                            source,
                            await prettier.format(source, { ...options, filepath: file })
                        ),
                        rule: 'prettier/format',
                        message: 'not formatted as prettier would (run npm run format)'
                    });
                }
            } catch (error) {
                const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
                const line = /\((\d+):\d+\)|line (\d+)/.exec(message);
                findings.push({
                    file,
                    line: Number(line?.[1] ?? line?.[2] ?? 1),
                    rule: 'prettier/syntax',
                    message
                });
            }
        }
        return findings;
    }
};

function firstDifference(a: string, b: string): number {
    const left = a.split('\n');
    const right = b.split('\n');
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
        if (left[i] !== right[i]) return i + 1;
    }
    return 1;
}
