import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { neutralizeCell } from '@/lib/csv/neutralize-cell';
import { toCsv } from '@/lib/csv/to-csv';
import { minorToDecimal } from '@/lib/money/currency';

describe('neutralizeCell', () => {
  it.each(['=SUM(A1:A2)', '+1', '-2+3', '@cmd', '\tx', '\rx'])('prefixes %j with an apostrophe', (text) => {
    expect(neutralizeCell(text)).toBe(`'${text}`);
  });
  it.each(['Acme', 'Łódź Sp. z o.o.', '', ' =not first', "'quoted"])('leaves %j alone', (text) => {
    expect(neutralizeCell(text)).toBe(text);
  });
});

describe('toCsv', () => {
  it('neutralizes text columns only, quotes what needs quoting, and round-trips through a CSV parser', () => {
    const csv = toCsv<{ name: string; amount: string }>(
      [
        { header: 'Customer', text: true, value: (r) => r.name },
        { header: 'Amount', value: (r) => r.amount },
      ],
      [
        { name: '=HYPERLINK("http://x")', amount: '-5.00' },
        { name: 'Comma, Inc.\nSecond line', amount: '12.30' },
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toEqual([
      ['Customer', 'Amount'],
      ['\'=HYPERLINK("http://x")', '-5.00'],
      ['Comma, Inc.\nSecond line', '12.30'],
    ]);
  });
});

describe('minorToDecimal', () => {
  it.each([
    [123456, 'USD', '1234.56'],
    [5, 'USD', '0.05'],
    [-5, 'USD', '-0.05'],
    [1500, 'JPY', '1500'],
    [1234, 'KWD', '1.234'],
    [0, 'EUR', '0.00'],
  ])('%i %s -> %s', (minor, currency, text) => expect(minorToDecimal(minor, currency)).toBe(text));
});
