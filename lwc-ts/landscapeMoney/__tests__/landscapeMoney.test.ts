import { compactMoney, exactMoney, isRoundedCompact } from 'c/landscapeMoney';

describe('compactMoney and exactMoney', () => {
    it('marks rounded short amounts, so $7.45M + $1.45M never reads $7.5M + $1.5M = $8.9M unexplained', () => {
        expect(compactMoney(7_450_000, 'USD', 'en-US')).toBe('≈$7.5M');
        expect(compactMoney(1_450_000, 'USD', 'en-US')).toBe('≈$1.5M');
        expect(compactMoney(8_900_000, 'USD', 'en-US')).toBe('$8.9M');
        expect(compactMoney(250_000, 'USD', 'en-US')).toBe('$250K');
        expect(compactMoney(999_950, 'USD', 'en-US')).toBe('≈$1M');
        expect(compactMoney(0.04, 'USD', 'en-US')).toBe('≈$0');
        expect(compactMoney(0, 'USD', 'en-US')).toBe('$0');
        expect(compactMoney(-1_100_000, 'USD', 'en-US', true)).toBe('−$1.1M');
        expect(compactMoney(1_100_000, 'USD', 'en-US', true)).toBe('+$1.1M');
        expect(compactMoney(1_234_567, 'EUR', 'de-DE')).toMatch(/^≈1,2\sMio\.\s€$/);
        expect(isRoundedCompact(2_000_000, new Intl.NumberFormat('ja-JP', { notation: 'compact' }))).toBe(
            false
        );
        expect(exactMoney(7_450_000, 'USD', 'en-US')).toBe('$7,450,000');
        expect(exactMoney(1_234.5, 'USD', 'en-US')).toBe('$1,234.50');
    });

    it('writes amounts short in the currency, and survives an unknown currency code', () => {
        expect(compactMoney(2_100_000, 'USD', 'en-US')).toBe('$2.1M');
        expect(compactMoney(950, 'EUR', 'en-US')).toBe('€950');
        expect(compactMoney(1_500, 'XYZ1', 'en-US')).toBe('1.5K');
    });
});
