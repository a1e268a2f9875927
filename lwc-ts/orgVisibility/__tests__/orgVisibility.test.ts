import { buildHierarchy, pathToTop, type Hierarchy } from 'c/orgHierarchy';
import {
    collapseAll,
    expandAll,
    expandToDepth,
    buyingCenterFamily,
    matchFilter,
    normaliseForSearch,
    reveal,
    revealAll,
    search,
    toggle
} from 'c/orgVisibility';

function tree(): Hierarchy {
    return buildHierarchy([
        { id: 'ceo', reportsToId: null },
        { id: 'cio', reportsToId: 'ceo' },
        { id: 'dev', reportsToId: 'cio' },
        { id: 'qa', reportsToId: 'dev' },
        { id: 'cfo', reportsToId: 'ceo' }
    ]);
}

function open(hierarchy: Hierarchy, expanded: Uint8Array): string[] {
    return hierarchy.ids.filter((_, i) => expanded[i] === 1);
}

describe('org chart visibility', () => {
    it.each([
        [0, []],
        [1, []],
        [2, ['ceo']],
        [3, ['ceo', 'cio']],
        [10, ['ceo', 'cio', 'dev']]
    ])('shows %d levels by opening %j', (levels, expected) => {
        const hierarchy = tree();
        expect(open(hierarchy, expandToDepth(hierarchy, levels))).toEqual(expected);
    });

    it('expands and collapses everything; leaves are never "open"', () => {
        const hierarchy = tree();
        expect(open(hierarchy, expandAll(hierarchy))).toEqual(['ceo', 'cio', 'dev']);
        expect(open(hierarchy, collapseAll(hierarchy))).toEqual([]);
    });

    it('toggles one manager without touching the original', () => {
        const hierarchy = tree();
        const before = expandToDepth(hierarchy, 2);
        const after = toggle(before, hierarchy.indexById.get('cio')!);
        expect(open(hierarchy, after)).toEqual(['ceo', 'cio']);
        expect(open(hierarchy, before)).toEqual(['ceo']);
        expect(toggle(before, 99)).toEqual(before);
    });

    it('reveals a person by opening everyone above them', () => {
        const hierarchy = tree();
        const revealed = reveal(hierarchy, collapseAll(hierarchy), hierarchy.indexById.get('qa')!);
        expect(open(hierarchy, revealed)).toEqual(['ceo', 'cio', 'dev']);
    });

    it.each([
        ['Léa Fontaine', 'lea fontaine'],
        ["Ryan O'Connor", 'ryan o connor'],
        ['  ÇA  va ', 'ca va'],
        ['Yılmaz', 'yılmaz'],
        ['', '']
    ])('normalises %j to %j', (input, expected) => {
        expect(normaliseForSearch(input)).toBe(expected);
    });

    it('finds people by every word of the query, accents and case aside, in hierarchy order', () => {
        const hierarchy = tree();
        const texts = [
            'Helena Marsh CEO',
            'Rafael Okafor CIO',
            'Léa Fontaine Developer',
            'Quinn QA Lead',
            'Margaret Osei CFO'
        ];
        expect(search(hierarchy, texts, 'lea dev').map((i) => hierarchy.ids[i])).toEqual(['dev']);
        expect(search(hierarchy, texts, 'c').map((i) => hierarchy.ids[i])).toEqual(['ceo', 'cio', 'cfo']);
        expect(search(hierarchy, texts, '   ')).toEqual([]);
        expect(search(hierarchy, texts, 'nobody')).toEqual([]);
        expect(search(hierarchy, texts, 'o', 2)).toHaveLength(2);
    });

    it('lists people whose words start with the query before those who only contain it', () => {
        const people = buildHierarchy([
            { id: 'helena', reportsToId: null },
            { id: 'elena', reportsToId: 'helena' },
            { id: 'elenaToo', reportsToId: 'helena' }
        ]);
        const names = ['Helena Marsh CEO', 'Elena Popescu Director', 'Anna Elenakis Manager'];
        expect(search(people, names, 'elena').map((i) => people.ids[i])).toEqual([
            'elena',
            'elenaToo',
            'helena'
        ]);
        expect(search(people, names, 'elena', 1).map((i) => people.ids[i])).toEqual(['elena']);
    });
});

describe('matchFilter and revealAll', () => {
    const people = [
        { buyingCenterId: 'it', stance: 'Champion', decisionRole: 'Decision Maker' },
        { buyingCenterId: 'it', stance: 'Detractor', decisionRole: 'Influencer' },
        { buyingCenterId: 'finance', stance: 'Detractor', decisionRole: 'Decision Maker' },
        { buyingCenterId: null, stance: null, decisionRole: null }
    ];

    it.each([
        [{}, null],
        [{ buyingCenterId: 'it' }, [1, 1, 0, 0]],
        [{ stance: 'Detractor' }, [0, 1, 1, 0]],
        [{ role: 'Decision Maker', stance: 'Detractor' }, [0, 0, 1, 0]],
        [{ buyingCenterId: 'sales' }, [0, 0, 0, 0]],
        [{ buyingCenterId: '', stance: '', role: '' }, null]
    ])('%j matches %j', (filter, expected) => {
        const matches = matchFilter(people, filter);
        expect(matches === null ? null : [...matches]).toEqual(expected);
    });

    it('matches the people of a buying center and of every center under it', () => {
        const centers = [
            { id: 'heli', parentId: null },
            { id: 'heliEu', parentId: 'heli' },
            { id: 'heliEuFr', parentId: 'heliEu' },
            { id: 'sales', parentId: null }
        ];
        const staff = [
            { buyingCenterId: 'heli' },
            { buyingCenterId: 'heliEu' },
            { buyingCenterId: 'heliEuFr' },
            { buyingCenterId: 'sales' },
            { buyingCenterId: null }
        ];
        expect([...matchFilter(staff, { buyingCenterId: 'heli' }, centers)!]).toEqual([1, 1, 1, 0, 0]);
        expect([...matchFilter(staff, { buyingCenterId: 'heliEu' }, centers)!]).toEqual([0, 1, 1, 0, 0]);
        expect([...matchFilter(staff, { buyingCenterId: 'sales' }, centers)!]).toEqual([0, 0, 0, 1, 0]);
    });

    it('walks a buying-center family once even when parents loop', () => {
        const looped = [
            { id: 'a', parentId: 'b' },
            { id: 'b', parentId: 'a' },
            { id: 'c', parentId: 'b' }
        ];
        expect([...buyingCenterFamily(looped, 'a')].sort()).toEqual(['a', 'b', 'c']);
        expect([...buyingCenterFamily(looped, 'c')]).toEqual(['c']);
    });

    it('opens every manager above each match, and nothing else, on a generated account', () => {
        const lines = [{ id: 'p0', reportsToId: null as string | null }];
        for (let i = 1; i < 3000; i++) lines.push({ id: `p${i}`, reportsToId: `p${(i * 7919) % i}` });
        const hierarchy = buildHierarchy(lines);
        const matches = new Uint8Array(lines.length);
        for (let i = 0; i < lines.length; i += 97) matches[i] = 1;
        const expanded = revealAll(hierarchy, new Uint8Array(lines.length), matches);
        const expected = new Uint8Array(lines.length);
        matches.forEach((match, index) => {
            if (match) for (const manager of pathToTop(hierarchy, index)) expected[manager] = 1;
        });
        expect([...expanded]).toEqual([...expected]);
    });
});
