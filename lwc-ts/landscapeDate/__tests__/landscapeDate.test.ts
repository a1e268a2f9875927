import { parseTypedDate } from 'c/landscapeDate';

describe('parseTypedDate', () => {
    it.each([
        ['2026-09-30', 'en-US', '2026-09-30'],
        [' 2026-9-30 ', 'en-US', '2026-09-30'],
        ['2026/09/30', 'en-GB', '2026-09-30'],
        ['9/30/2026', 'en-US', '2026-09-30'],
        ['30/09/2026', 'en-GB', '2026-09-30'],
        ['30.09.2026', 'de-DE', '2026-09-30'],
        ['Sep 30, 2026', 'en-US', '2026-09-30'],
        ['30 September 2026', 'en-GB', '2026-09-30'],
        ['sept 30 2026', 'en-GB', '2026-09-30'],
        ['', 'en-US', null],
        ['   ', 'en-US', null],
        ['2026-02-30', 'en-US', undefined],
        ['30/09/2026', 'en-US', undefined],
        ['next friday', 'en-US', undefined],
        ['2026-09', 'en-US', undefined]
    ])('"%s" in %s reads as %s', (text, locale, expected) => {
        expect(parseTypedDate(text, locale)).toBe(expected);
    });
});
