import { buildLandscape } from 'c/landscapeModel';
import { landscapeCsv } from 'c/landscapeCsv';
import { CSV_WORDS } from 'c/landscapeWords';
import { aeronova } from '../../landscapeModel/__tests__/landscape';

describe('landscapeCsv', () => {
    it.each([
        ['=1+1', "'=1+1", "'  =1+1"],
        ['+1', "'+1", "'  +1"],
        ['-1', "'-1", "'  -1"],
        ['@SUM(A1)', "'@SUM(A1)", "'  @SUM(A1)"],
        ['\tcmd', "'\tcmd", "'  \tcmd"],
        ['\rcmd', '"\'\rcmd', '"\'  \rcmd"'],
        ['Plain name', 'Plain name', '  Plain name']
    ])(
        'defuses a buying center named %j so no spreadsheet runs it, indented or not',
        (name, parent, child) => {
            const dto = aeronova();
            Object.assign(
                dto.buyingCenters.find((center) => center.id === 'heli')!,
                { name }
            );
            Object.assign(
                dto.buyingCenters.find((center) => center.parentId === 'heli')!,
                { name }
            );
            const lines = landscapeCsv(buildLandscape(dto), 'status', () => '', CSV_WORDS).split('\r\n');
            expect(lines.some((line) => line.startsWith(parent))).toBe(true);
            expect(lines.some((line) => line.startsWith(`${child},`))).toBe(true);
        }
    );

    it('writes numbers as numbers, one line per figure, and says what a parent row holds', () => {
        const dto = aeronova();
        dto.buyingCenters[0] = { ...dto.buyingCenters[0]!, name: '=HYPERLINK("x"), CIO' };
        const grid = buildLandscape(dto);
        const csv = landscapeCsv(grid, 'value', () => 'unused', CSV_WORDS);
        const lines = csv.split('\r\n');
        expect(lines[0]).toBe(
            'Buying center,Figure,Engineering Consulting,IoT Platforms,Cloud Migration,Salesforce Practice,Unmapped,Total'
        );
        expect(lines[1]).toBe('"\'=HYPERLINK(""x""), CIO",Won,2100000,0,0,0,0,2100000');
        expect(lines.slice(9, 13)).toEqual([
            'Helicopters (own business only; sub-centers listed below),Won,0,0,0,0,0,0',
            'Helicopters (own business only; sub-centers listed below),Pipeline,0,1200000,0,0,0,1200000',
            'Helicopters (own business only; sub-centers listed below),Weighted pipeline,0,900000,0,0,0,900000',
            'Helicopters (own business only; sub-centers listed below),Whitespace targets,0,0,0,0,0,0'
        ]);
        expect(lines[14]).toBe('  Helicopters Europe,Pipeline,0,800000,0,0,0,800000');
        expect(lines.slice(-4)).toEqual([
            'Total,Won,2100000,0,0,0,0,2100000',
            'Total,Pipeline,0,2000000,0,0,250000,2250000',
            'Total,Weighted pipeline,0,980000,0,0,225000,1205000',
            'Total,Whitespace targets,0,0,0,1000000,0,1000000'
        ]);
        // every number parses back as a number: no currency signs, no rounding
        for (const line of lines.slice(5))
            for (const value of line.split(',').slice(2)) expect(Number.isFinite(Number(value))).toBe(true);
    });

    it('keeps signs in the change view and says when a folded parent includes its sub-centers', () => {
        const grid = buildLandscape(aeronova(), { collapsed: new Set(['heli']) });
        const lines = landscapeCsv(grid, 'change', () => 'unused', CSV_WORDS).split('\r\n');
        expect(lines[1]).toBe('CIO Org,Won change,-1100000,0,0,0,0,-1100000');
        expect(lines[11]).toBe('Helicopters (including sub-centers),Opened,0,2000000,0,0,0,2000000');
    });

    it('writes the status view as shown, with numeric won + pipeline totals', () => {
        const grid = buildLandscape(aeronova());
        const lines = landscapeCsv(grid, 'status', (cell) => cell.state, CSV_WORDS).split('\r\n');
        expect(lines[0]).toBe(
            'Buying center,Engineering Consulting,IoT Platforms,Cloud Migration,Salesforce Practice,Unmapped,Total'
        );
        expect(lines[1]).toBe('CIO Org,existing,whitespace,whitespace,whitespace,whitespace,2100000');
        expect(lines[lines.length - 1]).toBe('Total,2100000,2000000,0,0,250000,4350000');
    });
});
