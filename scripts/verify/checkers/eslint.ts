// ESLint with the Salesforce LWC rules. Components are linted as the JavaScript that deploys (the
// build's own transpile) and findings are mapped back to TypeScript lines through the source map.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { SourceMapConsumer } from 'source-map-js';
import { transpileWithMap } from '../../build';
import { ROOT, walk } from '../../lib/project';
import type { Checker, Finding, Project } from '../finding';

const CONFIG_FILE = path.join(ROOT, 'eslint.config.js');

function toFindings(
    results: ESLint.LintResult[],
    mapLine: (file: string, line: number) => number,
    fileOf: (file: string) => string
): Finding[] {
    return results.flatMap((result) =>
        result.messages.map((message) => ({
            file: fileOf(result.filePath),
            line: mapLine(result.filePath, message.line ?? 1),
            rule: `eslint/${message.ruleId ?? 'parse'}`,
            message: message.message
        }))
    );
}

export const eslintChecker: Checker = {
    name: 'eslint',
    description:
        '@salesforce/eslint-config-lwc (recommended + lightning platform rules) on components; typescript-eslint on scripts',
    async run(project: Project): Promise<Finding[]> {
        const eslint = new ESLint({
            cwd: project.root,
            overrideConfigFile: CONFIG_FILE,
            errorOnUnmatchedPattern: false
        });
        const findings: Finding[] = [];
        const sources = walk(project.lwcSource, (file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
        for (const source of sources) {
            const { code, map } = transpileWithMap(fs.readFileSync(source, 'utf8'), source);
            const virtualPath = source.replace(/\.ts$/, '.js');
            const results = await eslint.lintText(code, { filePath: virtualPath });
            const consumer = new SourceMapConsumer(JSON.parse(map));
            findings.push(
                ...toFindings(
                    results,
                    (_file, line) =>
                        consumer.originalPositionFor({
                            line,
                            column: 0,
                            bias: SourceMapConsumer.LEAST_UPPER_BOUND
                        }).line ?? line,
                    () => source
                )
            );
        }
        const scriptTargets = ['lwc-ts', 'scripts', 'config', 'eslint.config.js', 'jest.config.js']
            .map((target) => path.join(project.root, target))
            .filter((target) => fs.existsSync(target));
        if (scriptTargets.length) {
            const results = await eslint.lintFiles(scriptTargets);
            findings.push(
                ...toFindings(
                    results,
                    (_file, line) => line,
                    (file) => file
                )
            );
        }
        return findings;
    }
};
