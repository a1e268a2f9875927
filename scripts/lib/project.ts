// Where things are in the project, and small file helpers every script shares.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FORCE_APP = path.join(ROOT, 'force-app', 'main', 'default');
export const LWC_SOURCE = path.join(ROOT, 'lwc-ts');
export const LWC_OUTPUT = path.join(FORCE_APP, 'lwc');
export const DATA_DIR = path.join(ROOT, 'scripts', 'data');

/** Every file below `dir` (recursively) whose name passes `accept`, sorted for stable output. */
export function walk(dir: string, accept: (file: string) => boolean = () => true): string[] {
    if (!fs.existsSync(dir)) {
        return [];
    }
    const out: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
                out.push(...walk(full, accept));
            }
        } else if (accept(full)) {
            out.push(full);
        }
    }
    return out.sort();
}

/** A path relative to the project root, with forward slashes, for messages. */
export function rel(file: string, root: string = ROOT): string {
    return path.relative(root, file).split(path.sep).join('/');
}

/** The LWC bundle folders of a source tree: folders holding `<name>.ts`, `<name>.js` or `<name>.html`. */
export function bundleNames(dir: string): string[] {
    if (!fs.existsSync(dir)) {
        return [];
    }
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .filter((name) =>
            ['.ts', '.js', '.html'].some((ext) => fs.existsSync(path.join(dir, name, `${name}${ext}`)))
        )
        .sort();
}

/** Writes a file, creating its folder. */
export function writeFile(file: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
}

/** 1-based line of a character offset in a text. */
export function lineOf(text: string, offset: number): number {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 10) line++;
    }
    return line;
}
