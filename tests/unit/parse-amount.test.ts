import { describe, expect, it } from 'vitest';
import { parseAmount } from '@/lib/money/parse-amount';

// What a person types into the Threshold box, and what the statement run compares balances against.

describe('parseAmount accepts amounts and returns exact minor units', () => {
  it.each([
    ['1,250.50', 'USD', 125_050],
    ['1250.50', 'USD', 125_050],
    ['1250.5', 'USD', 125_050],
    ['1250', 'USD', 125_000],
    ['0.1', 'USD', 10],
    ['0.01', 'USD', 1],
    ['0', 'USD', 0],
    ['1,000,000', 'USD', 100_000_000],
    ['  12.34\t', 'USD', 1_234],
    ['\n1,250.50 ', 'USD', 125_050],
    // 0.29 * 100 is 28.999999999999996 as a float: the text shift must not go through one.
    ['0.29', 'USD', 29],
    ['1.005', 'KWD', 1_005],
    ['1500', 'JPY', 1_500],
    ['1,500', 'JPY', 1_500],
    // The largest amount that is still a safe integer of minor units.
    ['90071992547409.91', 'USD', 9_007_199_254_740_991],
  ])('%j %s -> %i', (text, currency, minor) => {
    expect(parseAmount(text, currency)).toEqual({ ok: true, minor });
  });
});

describe('parseAmount rejects with a message the user can act on', () => {
  it.each([
    ['10.999', 'USD', 'Use at most 2 decimals.'],
    ['1.0001', 'KWD', 'Use at most 3 decimals.'],
    ['1.5', 'JPY', 'JPY amounts have no decimals.'],
    ['-5', 'USD', 'The amount cannot be negative.'],
    [' -0.01 ', 'USD', 'The amount cannot be negative.'],
    ['', 'USD', 'Enter an amount.'],
    ['   ', 'USD', 'Enter an amount.'],
    ['abc', 'USD', '"abc" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['  1e3 ', 'USD', '"1e3" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['12,50', 'USD', '"12,50" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['1 250', 'USD', '"1 250" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['$5', 'USD', '"$5" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['5.5.5', 'USD', '"5.5.5" is not an amount. Use digits and an optional decimal point, like 1250.00.'],
    ['90071992547409.92', 'USD', 'The amount is too large.'],
    ['99999999999999999999999999', 'USD', 'The amount is too large.'],
    ['9007199254740992', 'JPY', 'The amount is too large.'],
  ])('%j %s -> %j', (text, currency, message) => {
    expect(parseAmount(text, currency)).toEqual({ ok: false, message });
  });
});
