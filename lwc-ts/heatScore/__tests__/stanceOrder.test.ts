import * as fs from 'fs';
import * as path from 'path';
import { STANCE_ORDER, STANCE_VALUES } from 'c/heatScore';
import { buildLandscape } from 'c/landscapeModel';
import { aeronova } from '../../landscapeModel/__tests__/landscape';

// The one source of the stance order is the Keystone Stance global value set: the picklist admins see and
// Apex saves. TypeScript keeps one copy (STANCE_ORDER) and every other order is checked against it here.
const VALUE_SET = path.resolve(__dirname, '../../../globalValueSets/Keystone_Stance.globalValueSet-meta.xml');
const valueSetOrder = [...fs.readFileSync(VALUE_SET, 'utf8').matchAll(/<fullName>([^<]+)<\/fullName>/g)].map(
    (match) => match[1]
);

describe('the stance order', () => {
    it('is the global value set’s, warmest first', () => {
        expect(valueSetOrder.length).toBe(5);
        expect(STANCE_ORDER).toEqual(valueSetOrder);
    });

    it('gives the heat of each stance from 1 down to 0 in that order', () => {
        expect(STANCE_ORDER.map((stance) => STANCE_VALUES[stance])).toEqual([1, 0.75, 0.5, 0.25, 0]);
        expect(Object.keys(STANCE_VALUES).sort()).toEqual([...STANCE_ORDER].sort());
    });

    it('decides the best stance the landscape shows for a buying center', () => {
        for (const [warmer, stance] of STANCE_ORDER.entries())
            for (const colder of STANCE_ORDER.slice(warmer + 1)) {
                const landscape = aeronova({
                    coverage: [
                        { buyingCenterId: 'cio', stance: colder, contacts: 1 },
                        { buyingCenterId: 'cio', stance, contacts: 1 }
                    ]
                });
                const row = buildLandscape(landscape).rows.find((candidate) => candidate.id === 'cio');
                expect([stance, colder, row?.bestStance]).toEqual([stance, colder, stance]);
            }
    });
});
