import { buyingCenterChoices, buyingCenterPath, observationOutcome } from '../panelChoices';

const centers = [
    { id: 'div', name: 'Helicopters', parentId: null, active: true },
    { id: 'reg', name: 'Europe', parentId: 'div', active: true },
    { id: 'sub', name: 'Marignane', parentId: 'reg' },
    { id: 'old', name: 'Airships', parentId: null, active: false },
    { id: 'orphan', name: 'Training', parentId: 'hidden', active: true }
];

describe('buyingCenterChoices', () => {
    it('names each active buying center by its path and sorts by it', () => {
        expect(buyingCenterChoices(centers, null)).toEqual([
            { value: 'div', label: 'Helicopters' },
            { value: 'reg', label: 'Helicopters › Europe' },
            { value: 'sub', label: 'Helicopters › Europe › Marignane' },
            { value: 'orphan', label: 'Training' }
        ]);
    });

    it("keeps a retired buying center only when it is the stakeholder's current one", () => {
        expect(buyingCenterChoices(centers, 'old').map((choice) => choice.value)).toContain('old');
        expect(buyingCenterChoices(centers, 'div').map((choice) => choice.value)).not.toContain('old');
    });

    it('names a current buying center the user cannot see instead of showing none', () => {
        expect(buyingCenterChoices([], 'secret', 'Unknown')).toEqual([{ value: 'secret', label: 'Unknown' }]);
    });

    it('answers no buying centers with no choices', () => {
        expect(buyingCenterChoices(null, null)).toEqual([]);
    });
});

describe('buyingCenterPath', () => {
    it('stops at a loop in bad data instead of running forever', () => {
        const looped = new Map([
            ['a', { id: 'a', name: 'A', parentId: 'b' }],
            ['b', { id: 'b', name: 'B', parentId: 'a' }]
        ]);
        expect(buyingCenterPath('a', looped)).toBe('B › A');
    });
});

describe('observationOutcome', () => {
    it('tells whether the observation became the stance', () => {
        expect(observationOutcome('Champion', { stance: 'Champion' })).toEqual({
            becameStance: true,
            stance: 'Champion'
        });
        expect(observationOutcome('Blocker', { stance: 'Supporter' })).toEqual({
            becameStance: false,
            stance: 'Supporter'
        });
        expect(observationOutcome('Blocker', null)).toEqual({ becameStance: false, stance: '' });
    });
});
