// The Salesforce CLI's own source conversion (what a deploy does first), plus the companions it
// drops silently when missing: every Apex file's -meta.xml and every component's js-meta.xml.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT, bundleNames, walk } from '../../lib/project';
import type { Checker, Finding, Project } from '../finding';

const SF = path.join(ROOT, 'node_modules', '.bin', 'sf');

/** Runs `sf` offline with its state in a temporary home, so checks never touch the user's ~/.sf. */
export function runSf(
    args: string[],
    cwd: string
): { status: number | null; stdout: string; stderr: string } {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-sf-'));
    try {
        const result = spawnSync(SF, args, {
            cwd,
            encoding: 'utf8',
            env: {
                ...process.env,
                HOME: home,
                XDG_CONFIG_HOME: home,
                XDG_DATA_HOME: home,
                XDG_CACHE_HOME: home,
                SF_DISABLE_TELEMETRY: 'true',
                SF_AUTOUPDATE_DISABLE: 'true',
                SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
                SF_SKIP_NEW_VERSION_CHECK: 'true'
            },
            timeout: 180_000
        });
        return {
            status: result.status,
            stdout: result.stdout ?? '',
            stderr: result.stderr ?? result.error?.message ?? ''
        };
    } finally {
        fs.rmSync(home, { recursive: true, force: true });
    }
}

function missingCompanions(project: Project): Finding[] {
    const findings: Finding[] = [];
    for (const file of walk(project.forceApp, (f) => /\.(cls|trigger)$/.test(f))) {
        if (!fs.existsSync(`${file}-meta.xml`)) {
            findings.push({
                file,
                line: 1,
                rule: 'source/meta-xml',
                message: `missing ${path.basename(file)}-meta.xml: the CLI would leave this Apex out of the deploy`
            });
        }
    }
    for (const name of bundleNames(project.lwcSource)) {
        const meta = path.join(project.lwcSource, name, `${name}.js-meta.xml`);
        if (!fs.existsSync(meta)) {
            findings.push({
                file: path.join(project.lwcSource, name),
                line: 1,
                rule: 'source/meta-xml',
                message: `missing ${name}.js-meta.xml: the bundle would not deploy`
            });
        }
    }
    for (const file of walk(
        path.join(project.forceApp, 'staticresources'),
        (f) => !f.endsWith('-meta.xml')
    )) {
        const base = file.replace(/\.[^./]+$/, '');
        if (!fs.existsSync(`${base}.resource-meta.xml`)) {
            findings.push({
                file,
                line: 1,
                rule: 'source/meta-xml',
                message: `missing ${path.basename(base)}.resource-meta.xml`
            });
        }
    }
    return findings;
}

export const sourceConvertChecker: Checker = {
    name: 'source-convert',
    description:
        'sf project convert source (metadata API format) and every .cls/.trigger/bundle/static resource has its -meta.xml',
    async run(project: Project): Promise<Finding[]> {
        const findings = missingCompanions(project);
        const output = fs.mkdtempSync(path.join(os.tmpdir(), 'keystone-convert-'));
        try {
            const result = runSf(
                [
                    'project',
                    'convert',
                    'source',
                    '--source-dir',
                    'force-app',
                    '--output-dir',
                    output,
                    '--json'
                ],
                project.root
            );
            if (result.status !== 0) {
                let message = result.stderr.trim() || result.stdout.trim();
                try {
                    message = (JSON.parse(result.stdout) as { message?: string }).message ?? message;
                } catch {
                    // not JSON: keep the raw text
                }
                const file = /(force-app\/[^\s:'"]+)/.exec(message)?.[1];
                findings.push({
                    file: file ? path.join(project.root, file) : path.join(project.root, 'force-app'),
                    line: 1,
                    rule: 'source/convert',
                    message: message.split('\n')[0] ?? message
                });
            }
        } finally {
            fs.rmSync(output, { recursive: true, force: true });
        }
        return findings;
    }
};
