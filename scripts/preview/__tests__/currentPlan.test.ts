// The emulator's current-plan rule, case for case against the vectors AccountPlanServiceTest reads.
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FORCE_APP } from '../../lib/project';
import { chooseCurrentPlan, type PlanPeriod } from '../emulator/currentPlan';

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
const VECTORS_FILE = path.join(FORCE_APP, 'staticresources', 'KeystoneRuleVectors.json');
const vectors = JSON.parse(fs.readFileSync(VECTORS_FILE, 'utf8')) as { currentPlan: CurrentPlanVector[] };

describe('chooseCurrentPlan', () => {
    it('has the shared cases', () => {
        assert.ok(vectors.currentPlan.length > 5);
    });

    for (const vector of vectors.currentPlan) {
        it(vector.case, () => {
            const plans: PlanPeriod[] = vector.plans.map((row) => ({ id: row.key, ...row }));
            assert.equal(chooseCurrentPlan(plans, vector.today)?.id ?? null, vector.expected);
        });
    }

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
            assert.equal(backward, forward);
            assert.notEqual(forward?.status, 'Closed');
        }
    });
});
