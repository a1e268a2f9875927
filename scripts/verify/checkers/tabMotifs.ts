// A custom tab's `<motif>` names one of the platform's tab styles as "CustomN: Icon"; a number and a
// name that do not belong together is not a tab style, and the tab fails to deploy.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { walk } from '../../lib/project';
import { descendants, parseXml } from '../../lib/xmlTree';
import { TAB_MOTIFS } from '../tabMotifs';
import type { Checker, Finding, Project } from '../finding';

const BY_NUMBER = new Map(TAB_MOTIFS.map((motif) => [motif.split(':')[0]!, motif]));
const BY_ICON = new Map(TAB_MOTIFS.map((motif) => [motif.split(': ')[1]!.toLowerCase(), motif]));

/** Why a motif is not a documented tab style, or null when it is one. */
export function motifProblem(motif: string): string | null {
    if (TAB_MOTIFS.includes(motif)) return null;
    const [number = '', icon = ''] = motif.split(/:\s*/);
    const sameNumber = BY_NUMBER.get(number);
    const sameIcon = BY_ICON.get(icon.trim().toLowerCase());
    const hints = [
        sameNumber ? `${number} is "${sameNumber}"` : '',
        sameIcon && sameIcon !== sameNumber ? `${icon.trim()} is "${sameIcon}"` : ''
    ].filter(Boolean);
    return `motif "${motif}" is not a tab style${hints.length ? `: ${hints.join('; ')}` : ''}`;
}

export const tabMotifsChecker: Checker = {
    name: 'tab-motifs',
    description:
        'every custom tab motif is one of the platform tab styles ("CustomN: Icon", number and icon agreeing)',
    async run(project: Project): Promise<Finding[]> {
        const findings: Finding[] = [];
        for (const file of walk(path.join(project.forceApp, 'tabs'), (f) => f.endsWith('.tab-meta.xml'))) {
            let motifs;
            try {
                motifs = descendants(parseXml(fs.readFileSync(file, 'utf8')), 'motif');
            } catch {
                continue; // xml-wellformed reports it
            }
            for (const element of motifs) {
                const problem = motifProblem(element.text.trim());
                if (problem) findings.push({ file, line: element.line, rule: 'tab/motif', message: problem });
            }
        }
        return findings;
    }
};
