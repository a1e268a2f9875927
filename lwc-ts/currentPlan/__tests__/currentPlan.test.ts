import * as fs from 'fs';
import * as path from 'path';
import { chooseCurrentPlan, type PlanPeriod } from 'c/currentPlan';

interface VectorPlan {
    key: string;
    status: string;
    periodStart: string | null;
    periodEnd: string | null;
}
interface CurrentPlanVector {
    case: string;
    today: string;
    plans: VectorPlan[];
    expected: string | null;
}

// The same file the Apex tests read, so Apex and TypeScript agree case by case.
const VECTORS_FILE = path.resolve(__dirname, '../../../staticresources/KeystoneRuleVectors.json');
const vectors = JSON.parse(fs.readFileSync(VECTORS_FILE, 'utf8')) as { currentPlan: CurrentPlanVector[] };

describe('chooseCurrentPlan', () => {
    it('has the shared cases', () => {
        expect(vectors.currentPlan.length).toBeGreaterThan(5);
    });

    it.each(vectors.currentPlan.map((vector) => [vector.case, vector] as const))('%s', (_name, vector) => {
        const plans: PlanPeriod[] = vector.plans.map((row) => ({ id: row.key, ...row }));
        expect(chooseCurrentPlan(plans, vector.today)?.id ?? null).toBe(vector.expected);
    });

    it('does not depend on input order (generated)', () => {
        let seed = 7;
        const random = (): number => {
            seed = (seed * 1103515245 + 12345) % 2147483648;
            return seed / 2147483648;
        };
        const statuses = ['Draft', 'In Review', 'Approved', 'Closed'];
        for (let round = 0; round < 200; round++) {
            const plans: PlanPeriod[] = Array.from({ length: 1 + Math.floor(random() * 6) }, (_, i) => {
                const startYear = 2024 + Math.floor(random() * 4);
                const start = `${startYear}-0${1 + Math.floor(random() * 9)}-01`;
                return {
                    id: `p${i}`,
                    status: statuses[Math.floor(random() * statuses.length)] as string,
                    periodStart: start,
                    periodEnd: `${startYear + 1}-0${1 + Math.floor(random() * 9)}-15`
                };
            });
            const forward = chooseCurrentPlan(plans, '2026-06-15');
            const backward = chooseCurrentPlan([...plans].reverse(), '2026-06-15');
            expect(backward).toBe(forward);
            expect(forward?.status).not.toBe('Closed');
        }
    });
});
