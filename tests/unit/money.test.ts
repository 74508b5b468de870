import { describe, expect, it } from 'vitest';
import { formatMoney, minorDigits } from '@/lib/money/currency';

const NBSP = '\u00a0';

describe('minorDigits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['CLP', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['TND', 3],
  ])('%s has %i', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });

  it('rejects a malformed currency code', () => {
    expect(() => minorDigits('US')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [123456, 'USD', 'en-US', '$1,234.56'],
    [5, 'USD', 'en-US', '$0.05'],
    [100, 'USD', 'en-US', '$1.00'],
    [0, 'USD', 'en-US', '$0.00'],
    [-123456, 'USD', 'en-US', '-$1,234.56'],
    [-5, 'USD', 'en-US', '-$0.05'],
    [123456, 'EUR', 'de-DE', `1.234,56${NBSP}€`],
    [-123456, 'EUR', 'de-DE', `-1.234,56${NBSP}€`],
    [7, 'EUR', 'de-DE', `0,07${NBSP}€`],
    [123456, 'JPY', 'en-US', '¥123,456'],
    [-1, 'JPY', 'en-US', '-¥1'],
    [1234567, 'KWD', 'en-US', `KWD${NBSP}1,234.567`],
    [1, 'KWD', 'en-US', `KWD${NBSP}0.001`],
    [-1050, 'KWD', 'en-US', `-KWD${NBSP}1.050`],
  ])('%i %s in %s is %s', (minor, currency, locale, expected) => {
    expect(formatMoney(minor, currency, locale)).toBe(expected);
  });

  it('defaults to en-US', () => {
    expect(formatMoney(199, 'USD')).toBe('$1.99');
  });

  it.each([
    // Dividing by 100 as a float would print ...409.90 for the first one.
    [Number.MAX_SAFE_INTEGER, 'USD', '$90,071,992,547,409.91'],
    [-Number.MAX_SAFE_INTEGER, 'USD', '-$90,071,992,547,409.91'],
    [Number.MAX_SAFE_INTEGER, 'JPY', '¥9,007,199,254,740,991'],
    [Number.MAX_SAFE_INTEGER, 'KWD', `KWD${NBSP}9,007,199,254,740.991`],
    [1_000_000_000_000_001, 'USD', '$10,000,000,000,000.01'],
  ])('formats the large amount %i %s exactly', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it.each([1.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1, -(2 ** 60)])(
    'throws on %s, which is not a safe integer of minor units',
    (minor) => {
      expect(() => formatMoney(minor, 'USD')).toThrow(RangeError);
    },
  );
});
