import * as fs from 'fs';
import * as path from 'path';
import { buildHierarchy, moveRefusal, pathToTop, type MoveRefusal } from 'c/orgHierarchy';

interface MoveVector {
    case: string;
    lines: Record<string, string | null>;
    contact: string;
    newManager: string | null;
    expected: MoveRefusal | null;
}

// The same file the Apex tests read, so Apex and TypeScript agree case by case.
const VECTORS_FILE = path.resolve(__dirname, '../../../staticresources/KeystoneRuleVectors.json');
const vectors = JSON.parse(fs.readFileSync(VECTORS_FILE, 'utf8')) as { reportingLineMove: MoveVector[] };

function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return state / 2147483648;
    };
}

describe('moveRefusal', () => {
    it('has the shared cases', () => {
        expect(vectors.reportingLineMove.length).toBeGreaterThan(8);
    });

    it.each(vectors.reportingLineMove.map((vector) => [vector.case, vector] as const))(
        '%s',
        (_name, vector) => {
            const managerOf = new Map(Object.entries(vector.lines));
            expect(moveRefusal(managerOf, vector.contact, vector.newManager)).toBe(vector.expected);
        }
    );

    it('on generated accounts, refuses exactly the moves under oneself or one’s own people', () => {
        const next = random(11);
        for (let round = 0; round < 20; round++) {
            const size = 40 + Math.floor(next() * 200);
            const managerOf = new Map<string, string | null>([['p0', null]]);
            for (let i = 1; i < size; i++) managerOf.set(`p${i}`, `p${Math.floor(next() * i)}`);
            const hierarchy = buildHierarchy(
                [...managerOf].map(([id, reportsToId]) => ({ id, reportsToId }))
            );
            const mismatches: string[] = [];
            for (let move = 0; move < 50; move++) {
                const contact = `p${Math.floor(next() * size)}`;
                const manager = `p${Math.floor(next() * size)}`;
                const under = pathToTop(hierarchy, hierarchy.indexById.get(manager)!).map(
                    (index) => hierarchy.ids[index]
                );
                const expected = manager === contact ? 'self' : under.includes(contact) ? 'cycle' : null;
                const actual = moveRefusal(managerOf, contact, manager);
                if (actual !== expected) mismatches.push(`${contact} → ${manager}: ${actual} ≠ ${expected}`);
            }
            expect(mismatches).toEqual([]);
        }
    });

    it('answers at once on a 20,000-deep chain', () => {
        const managerOf = new Map<string, string | null>([['p0', null]]);
        for (let i = 1; i < 20000; i++) managerOf.set(`p${i}`, `p${i - 1}`);
        expect(moveRefusal(managerOf, 'p0', 'p19999')).toBe('cycle');
        expect(moveRefusal(managerOf, 'p19999', 'p0')).toBeNull();
    });
});
