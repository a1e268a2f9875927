// Generated reporting lines both sides of every org chart benchmark share.
import type { ReportingLine } from '../../lwc-ts/orgHierarchy/orgHierarchy';
import { seededRandom } from '../data/generate';

/** The same shape the scale generator makes: mostly recent managers (deep), some early ones (wide). */
export function generatedLines(count: number, seed: number): ReportingLine[] {
    const random = seededRandom(seed);
    const lines: ReportingLine[] = [{ id: 'p0', reportsToId: null }];
    for (let i = 1; i < count; i++) {
        const manager =
            random() < 0.7
                ? Math.max(0, i - 1 - Math.floor(random() * 30))
                : Math.floor(random() * Math.min(200, i));
        lines.push({ id: `p${i}`, reportsToId: `p${manager}` });
    }
    return lines;
}
