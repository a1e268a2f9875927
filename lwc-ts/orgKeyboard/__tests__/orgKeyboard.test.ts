import { buildHierarchy } from 'c/orgHierarchy';
import { keyMove } from 'c/orgKeyboard';

// ceo ─ cio ─ dev
//     └ cfo
const hierarchy = buildHierarchy([
    { id: 'ceo', reportsToId: null },
    { id: 'cio', reportsToId: 'ceo' },
    { id: 'dev', reportsToId: 'cio' },
    { id: 'cfo', reportsToId: 'ceo' }
]);
const index = (id: string): number => hierarchy.indexById.get(id)!;
const expandedCeoOnly = new Uint8Array([1, 0, 0, 0]);
const visible = [index('ceo'), index('cio'), index('cfo')];

describe('keyMove', () => {
    it.each([
        ['ArrowDown', 'ceo', { focus: 'cio' }],
        ['ArrowDown', 'cfo', { focus: 'cfo' }],
        ['ArrowUp', 'cio', { focus: 'ceo' }],
        ['ArrowUp', 'ceo', { focus: 'ceo' }],
        ['Home', 'cfo', { focus: 'ceo' }],
        ['End', 'ceo', { focus: 'cfo' }],
        ['ArrowRight', 'ceo', { focus: 'cio' }],
        ['ArrowRight', 'cio', { focus: 'cio', toggle: 'cio' }],
        ['ArrowRight', 'cfo', { focus: 'cfo' }],
        ['ArrowLeft', 'ceo', { focus: 'ceo', toggle: 'ceo' }],
        ['ArrowLeft', 'cio', { focus: 'ceo' }],
        ['Enter', 'cio', { focus: 'cio', activate: true }],
        ['Enter', 'cfo', { focus: 'cfo', activate: true }],
        [' ', 'cio', { focus: 'cio', toggle: 'cio' }],
        [' ', 'ceo', { focus: 'ceo', toggle: 'ceo' }],
        [' ', 'cfo', { focus: 'cfo' }]
    ])('%s on %s', (key, from, expected) => {
        const move = keyMove(hierarchy, expandedCeoOnly, visible, index(from), key);
        const named = Object.fromEntries(
            Object.entries(move ?? {}).map(([k, v]) => [k, typeof v === 'number' ? hierarchy.ids[v] : v])
        );
        expect(named).toEqual(expected);
    });

    it('ignores other keys and empty charts', () => {
        expect(keyMove(hierarchy, expandedCeoOnly, visible, index('ceo'), 'x')).toBeNull();
        expect(keyMove(hierarchy, expandedCeoOnly, [], 0, 'ArrowDown')).toBeNull();
    });

    it('starts from the first person when the focus is not on screen', () => {
        expect(keyMove(hierarchy, expandedCeoOnly, visible, index('dev'), 'ArrowDown')).toEqual({
            focus: index('cio')
        });
    });
});
