import { gridWindow } from 'c/landscapeWindow';

describe('gridWindow', () => {
    const metrics = {
        rowHeight: 64,
        columnWidth: 128,
        headerWidth: 224,
        overscanRows: 0,
        overscanColumns: 0
    };

    it.each([
        [{ top: 0, left: 0, height: 640, width: 1504 }, [0, 10, 0, 10]],
        [{ top: 64 * 50, left: 0, height: 640, width: 1504 }, [50, 60, 0, 10]],
        [{ top: 64 * 50 + 10, left: 128 * 20 + 5, height: 640, width: 1504 }, [50, 61, 20, 31]],
        [{ top: 64 * 195, left: 128 * 95, height: 640, width: 1504 }, [195, 200, 95, 100]],
        [{ top: 0, left: 0, height: 0, width: 0 }, [0, 0, 0, 0]]
    ])('scrolled to %j draws rows and columns %j', (viewport, [firstRow, endRow, firstColumn, endColumn]) => {
        expect(gridWindow(200, 100, viewport, metrics)).toMatchObject({
            firstRow,
            endRow,
            firstColumn,
            endColumn
        });
    });

    it('draws every cell that shows, and holds the place of the others, for any scroll', () => {
        let state = 3;
        const random = (): number => {
            state = (state * 1103515245 + 12345) % 2147483648;
            return state / 2147483648;
        };
        const problems: string[] = [];
        for (let round = 0; round < 500; round++) {
            const rows = 1 + Math.floor(random() * 300);
            const columns = 1 + Math.floor(random() * 150);
            const viewport = {
                top: random() * rows * 64,
                left: random() * columns * 128,
                height: 100 + random() * 900,
                width: 300 + random() * 1500
            };
            const overscan = {
                overscanRows: Math.floor(random() * 5),
                overscanColumns: Math.floor(random() * 3)
            };
            const window = gridWindow(rows, columns, viewport, { ...metrics, ...overscan });
            const lastShownRow = Math.min(rows - 1, Math.floor((viewport.top + viewport.height - 1) / 64));
            const lastShownColumn = Math.min(
                columns - 1,
                Math.floor((viewport.left + viewport.width - metrics.headerWidth - 1) / 128)
            );
            if (window.firstRow > Math.floor(viewport.top / 64) && window.firstRow < rows)
                problems.push(`first row ${round}`);
            if (window.endRow <= lastShownRow) problems.push(`last row ${round}`);
            if (window.firstColumn > Math.floor(viewport.left / 128) && window.firstColumn < columns)
                problems.push(`first column ${round}`);
            if (lastShownColumn >= 0 && window.endColumn <= lastShownColumn)
                problems.push(`last column ${round}`);
            if (window.topPad + (window.endRow - window.firstRow) * 64 + window.bottomPad !== rows * 64)
                problems.push(`height ${round}`);
            if (
                window.leftPad + (window.endColumn - window.firstColumn) * 128 + window.rightPad !==
                columns * 128
            )
                problems.push(`width ${round}`);
        }
        expect(problems).toEqual([]);
    });
});
