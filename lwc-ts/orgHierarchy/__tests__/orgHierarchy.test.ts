import {
    ROOT,
    buildHierarchy,
    descendantCounts,
    pathToTop,
    type Hierarchy,
    type ReportingLine
} from 'c/orgHierarchy';

function line(id: string, reportsToId: string | null = null): ReportingLine {
    return { id, reportsToId };
}

function parentOf(hierarchy: Hierarchy, id: string): string | null {
    const p = hierarchy.parent[hierarchy.indexById.get(id)!]!;
    return p === ROOT ? null : hierarchy.ids[p]!;
}

/** Every contact exactly once, every parent link consistent with the children lists, no loop. */
function expectWellFormed(hierarchy: Hierarchy, input: readonly ReportingLine[]): void {
    const uniqueIds = new Set(input.map((contact) => contact.id));
    expect(hierarchy.ids.length).toBe(uniqueIds.size);
    const seen = new Uint8Array(hierarchy.ids.length);
    const stack = [...hierarchy.roots];
    const problems: string[] = [];
    let visited = 0;
    while (stack.length) {
        const node = stack.pop()!;
        if (seen[node]) problems.push(`${hierarchy.ids[node]} placed twice`);
        seen[node] = 1;
        visited++;
        for (const child of hierarchy.children[node]!) {
            if (hierarchy.parent[child] !== node) problems.push(`${hierarchy.ids[child]} parent mismatch`);
            if (hierarchy.depth[child] !== hierarchy.depth[node]! + 1)
                problems.push(`${hierarchy.ids[child]} depth`);
            stack.push(child);
        }
    }
    expect(problems).toEqual([]);
    expect(visited).toBe(hierarchy.ids.length);
}

describe('buildHierarchy', () => {
    it.each([
        ['an empty account', [], [], []],
        ['one person', [line('a')], ['a'], []],
        ['a chain', [line('c', 'b'), line('b', 'a'), line('a')], ['a'], []],
        [
            'a missing manager puts the person under the account',
            [line('a'), line('b', 'gone')],
            ['a', 'b'],
            ['manager-not-visible:b']
        ],
        ['a self-report is cut and reported', [line('a', 'a')], ['a'], ['self-report:a']],
        ['a two-person loop is cut at the smaller id', [line('b', 'a'), line('a', 'b')], ['a'], ['cycle:a']],
        [
            'a loop with a tail keeps the tail',
            [line('t', 'y'), line('x', 'z'), line('y', 'x'), line('z', 'y')],
            ['x'],
            ['cycle:x']
        ],
        ['an empty manager id counts as none', [{ id: 'a', reportsToId: '' }], ['a'], []],
        ['a duplicate id keeps its first line', [line('a'), line('b', 'a'), line('b')], ['a'], []]
    ] as [string, ReportingLine[], string[], string[]][])('%s', (_name, input, roots, issues) => {
        const hierarchy = buildHierarchy(input);
        expect(hierarchy.roots.map((index) => hierarchy.ids[index])).toEqual(roots);
        expect(hierarchy.issues.map((issue) => `${issue.kind}:${issue.contactId}`)).toEqual(issues);
        expectWellFormed(hierarchy, input);
    });

    it('reports a loop with its members in reporting order from the cut', () => {
        const hierarchy = buildHierarchy([line('m', 'k'), line('k', 'q'), line('q', 'm')]);
        expect(hierarchy.issues).toEqual([{ kind: 'cycle', contactId: 'k', members: ['k', 'q', 'm'] }]);
        expect(parentOf(hierarchy, 'q')).toBe('m');
        expect(parentOf(hierarchy, 'm')).toBe('k');
    });

    it('cuts a loop at the same person whatever the input order', () => {
        const input = [line('d', 'c'), line('c', 'b'), line('b', 'e'), line('e', 'd'), line('f', 'd')];
        const forward = buildHierarchy(input);
        const backward = buildHierarchy([...input].reverse());
        expect(forward.issues.map((issue) => issue.contactId)).toEqual(['b']);
        expect(backward.issues.map((issue) => issue.contactId)).toEqual(['b']);
        for (const id of ['b', 'c', 'd', 'e', 'f'])
            expect(parentOf(backward, id)).toBe(parentOf(forward, id));
    });

    it('keeps unicode and empty names out of it: ids decide', () => {
        const hierarchy = buildHierarchy([line('Zoë'), line('Ünal', 'Zoë'), line('', 'Zoë')]);
        expect(
            hierarchy.children[hierarchy.indexById.get('Zoë')!]!.map((index) => hierarchy.ids[index])
        ).toEqual(['Ünal', '']);
    });

    it('gives the path to the top and the team size below each person', () => {
        const hierarchy = buildHierarchy([
            line('ceo'),
            line('cio', 'ceo'),
            line('dev', 'cio'),
            line('ops', 'cio'),
            line('cfo', 'ceo')
        ]);
        const index = (id: string): number => hierarchy.indexById.get(id)!;
        expect(pathToTop(hierarchy, index('dev')).map((i) => hierarchy.ids[i])).toEqual(['cio', 'ceo']);
        expect(pathToTop(hierarchy, index('ceo'))).toEqual([]);
        const counts = descendantCounts(hierarchy);
        expect([counts[index('ceo')], counts[index('cio')], counts[index('dev')]]).toEqual([4, 2, 0]);
    });
});

describe('generated forests', () => {
    function random(seed: number): () => number {
        let state = seed >>> 0;
        return () => {
            state = (state * 1664525 + 1013904223) >>> 0;
            return state / 4294967296;
        };
    }

    it.each([1, 2, 3, 4, 5, 6, 7, 8])('never throws and places everyone once (seed %d)', (seed) => {
        const next = random(seed);
        const size = 50 + Math.floor(next() * 400);
        const input: ReportingLine[] = [];
        for (let i = 0; i < size; i++) {
            const roll = next();
            const reportsToId =
                roll < 0.05
                    ? null
                    : roll < 0.1
                      ? `missing${i}`
                      : roll < 0.12
                        ? `p${i}`
                        : `p${Math.floor(next() * size)}`;
            input.push(line(`p${i}`, reportsToId));
        }
        const hierarchy = buildHierarchy(input);
        expectWellFormed(hierarchy, input);
        for (const issue of hierarchy.issues) expect(parentOf(hierarchy, issue.contactId)).toBeNull();
    });

    it('builds 20,000 people, deep and wide, with every one placed once', () => {
        const next = random(42);
        const input: ReportingLine[] = [line('p0')];
        for (let i = 1; i < 20000; i++) {
            // mostly a recent manager (deep), sometimes a very early one (wide)
            const manager =
                next() < 0.8
                    ? Math.max(0, i - 1 - Math.floor(next() * 20))
                    : Math.floor(next() * Math.min(50, i));
            input.push(line(`p${i}`, `p${manager}`));
        }
        input.push(line('loop1', 'loop2'), line('loop2', 'loop1'));
        const hierarchy = buildHierarchy(input);
        expectWellFormed(hierarchy, input);
        expect(hierarchy.issues).toEqual([
            { kind: 'cycle', contactId: 'loop1', members: ['loop1', 'loop2'] }
        ]);
        expect(Math.max(...hierarchy.depth)).toBeGreaterThan(20);
        expect(Math.max(...hierarchy.children.map((reports) => reports.length))).toBeGreaterThan(50);
    });
});
