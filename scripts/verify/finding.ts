// What every offline check reports, and the project layout it checks (the product or a fixture).
import * as path from 'node:path';

export interface Finding {
    file: string;
    line: number;
    rule: string;
    message: string;
}

export interface Project {
    root: string;
    forceApp: string;
    lwcSource: string;
}

export interface Checker {
    name: string;
    /** What the checker proves, shown by `npm run verify -- --list`. */
    description: string;
    run(project: Project): Promise<Finding[]>;
}

/** The layout of a project rooted at `root`: force-app/main/default and lwc-ts/. */
export function projectAt(root: string): Project {
    return {
        root,
        forceApp: path.join(root, 'force-app', 'main', 'default'),
        lwcSource: path.join(root, 'lwc-ts')
    };
}

/** One readable line: `file:line rule message`, the file relative to the project root. */
export function formatFinding(finding: Finding, root: string): string {
    const file = path.isAbsolute(finding.file) ? path.relative(root, finding.file) : finding.file;
    return `${file.split(path.sep).join('/')}:${finding.line} ${finding.rule} ${finding.message}`;
}
