import { errorMessage, formatIsoDate, formatLabel, isoToday } from 'c/keystoneText';

describe('formatLabel', () => {
    it.each([
        ['{0}% of goal won', [62], '62% of goal won'],
        ['{0} FY{1} plan', ['Aeronova', '2026'], 'Aeronova FY2026 plan'],
        ['{1} before {0}', ['a', 'b'], 'b before a'],
        ['missing {2}', ['a'], 'missing {2}'],
        ['no placeholders', [1], 'no placeholders']
    ] as const)('%s', (template, values, expected) => {
        expect(formatLabel(template, ...values)).toBe(expected);
    });
});

describe('errorMessage', () => {
    it.each([
        [
            'an AuraHandledException body',
            { body: { message: 'The revenue goal cannot be negative.' } },
            'The revenue goal cannot be negative.'
        ],
        ['a list of bodies', { body: [{ message: 'A' }, { message: 'B' }] }, 'A B'],
        [
            'page and field errors',
            { body: { pageErrors: [{ message: 'Page' }], fieldErrors: { X: [{ message: 'Field' }] } } },
            'Page Field'
        ],
        ['a JS error', new Error('Boom'), 'Boom'],
        ['a string', 'Plain', 'Plain'],
        [
            'an array of errors, deduplicated',
            [{ body: { message: 'Same' } }, { body: { message: 'Same' } }],
            'Same'
        ],
        ['nothing useful', {}, 'Something went wrong. Try again, or ask your Salesforce admin.'],
        ['null', null, 'Something went wrong. Try again, or ask your Salesforce admin.']
    ])('%s', (_name, error, expected) => {
        expect(errorMessage(error)).toBe(expected);
    });
});

describe('isoToday', () => {
    it('formats today in local time', () => {
        expect(isoToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    });
});

describe('formatIsoDate', () => {
    it.each([
        ['2026-11-22', 'en-GB', '22 Nov 2026'],
        ['2026-01-01', 'en-US', 'Jan 1, 2026'],
        ['2024-02-29', 'en-GB', '29 Feb 2024'],
        ['', 'en-GB', ''],
        [null, 'en-GB', ''],
        ['soon', 'en-GB', 'soon']
    ])('%s in %s is %s', (iso, locale, expected) => {
        expect(formatIsoDate(iso, locale)).toBe(expected);
    });
});
