// The Salesforce platform LWC compiler over every bundle as it deploys (our transpiled JavaScript,
// templates and styles): missing iterator keys, invalid HTML, bad decorators, forbidden modules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transpile } from '../../build';
import { bundleNames, walk } from '../../lib/project';
import { compilePlatformBundle } from '../../lwc-platform/compile';
import type { Checker, Finding, Project } from '../finding';

/** A bundle's deployable files (tests left out), TypeScript transpiled as the build does. */
export function deployableFiles(bundleDir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const file of walk(bundleDir, (f) => !f.includes(`${path.sep}__tests__${path.sep}`))) {
        const relative = path.relative(bundleDir, file).split(path.sep).join('/');
        if (file.endsWith('.d.ts')) continue;
        if (file.endsWith('.ts'))
            files[relative.replace(/\.ts$/, '.js')] = transpile(fs.readFileSync(file, 'utf8'), file);
        else if (/\.(js|html|css)$/.test(file)) files[relative] = fs.readFileSync(file, 'utf8');
    }
    return files;
}

export const lwcPlatformChecker: Checker = {
    name: 'lwc-platform',
    description:
        '@lwc/sfdc-lwc-compiler (type platform) compiles every bundle: template, decorator and module errors',
    async run(project: Project): Promise<Finding[]> {
        const findings: Finding[] = [];
        for (const name of bundleNames(project.lwcSource)) {
            const dir = path.join(project.lwcSource, name);
            const diagnostics = await compilePlatformBundle(name, deployableFiles(dir));
            for (const diagnostic of diagnostics) {
                const source = path.join(dir, diagnostic.file);
                const tsSource = source.replace(/\.js$/, '.ts');
                findings.push({
                    file: fs.existsSync(source) ? source : fs.existsSync(tsSource) ? tsSource : dir,
                    line: diagnostic.line,
                    rule: `lwc-platform/${diagnostic.code}`,
                    message: diagnostic.message
                });
            }
        }
        return findings;
    }
};
