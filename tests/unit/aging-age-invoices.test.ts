import { describe, expect, it } from 'vitest';
import { ageInvoices, bucketFor, daysPastDue, isAgeable, type AgeableInvoice } from '@/lib/aging/age-invoices';
import { AGING_SCHEME_PRESETS, bucketsOf, DEFAULT_AGING_SCHEME, type AgingScheme } from '@/lib/aging/scheme';

const AS_OF = '2026-06-30';
const defaultBuckets = bucketsOf(DEFAULT_AGING_SCHEME);

function open(dueDate: string, balanceMinor = 100, invoiceDate = '2026-01-01'): AgeableInvoice {
  return { invoiceDate, dueDate, balanceMinor, status: 'open' };
}

describe('daysPastDue', () => {
  it('counts calendar days from the due date to the as-of date', () => {
    expect(daysPastDue('2026-06-30', AS_OF)).toBe(0);
    expect(daysPastDue('2026-06-29', AS_OF)).toBe(1);
    expect(daysPastDue('2026-07-01', AS_OF)).toBe(-1);
    expect(daysPastDue('2025-12-31', '2026-01-01')).toBe(1);
  });
});

describe('bucketFor with the default scheme (as of 2026-06-30)', () => {
  it.each([
    ['2026-07-15', 'current'], // not yet due
    ['2026-06-30', 'current'], // due today
    ['2026-06-29', 'days_1_30'], // 1 day
    ['2026-05-31', 'days_1_30'], // 30 days
    ['2026-05-30', 'days_31_60'], // 31 days
    ['2026-05-01', 'days_31_60'], // 60 days
    ['2026-04-30', 'days_61_90'], // 61 days
    ['2026-04-01', 'days_61_90'], // 90 days
    ['2026-03-31', 'days_91_plus'], // 91 days
    ['2020-01-01', 'days_91_plus'],
  ])('due %s -> %s', (dueDate, key) => {
    expect(bucketFor(defaultBuckets, open(dueDate, 100, '2019-01-01'), AS_OF).key).toBe(key);
  });

  it('puts an invoice dated after the as-of date in pending, whatever its due date', () => {
    expect(bucketFor(defaultBuckets, open('2026-07-31', 100, '2026-07-01'), AS_OF).key).toBe('pending');
    // A due date before the invoice date is odd data, but the invoice is still not yet issued on the as-of date.
    expect(bucketFor(defaultBuckets, open('2026-01-01', 100, '2026-07-01'), AS_OF).key).toBe('pending');
  });

  it('ages an invoice dated on the as-of date', () => {
    expect(bucketFor(defaultBuckets, open('2026-06-30', 100, '2026-06-30'), AS_OF).key).toBe('current');
  });
});

describe('bucketFor with a custom scheme (15 / 45 / open-ended)', () => {
  const scheme: AgingScheme = {
    pendingLabel: 'Future',
    currentLabel: 'Not due',
    periods: [
      { label: 'Up to 15', maxDays: 15 },
      { label: '16 to 45', maxDays: 45 },
      { label: 'Over 45', maxDays: null },
    ],
  };
  const buckets = bucketsOf(scheme);

  it.each([
    ['2026-06-30', 'Not due'],
    ['2026-06-15', 'Up to 15'], // 15 days
    ['2026-06-14', '16 to 45'], // 16 days
    ['2026-05-16', '16 to 45'], // 45 days
    ['2026-05-15', 'Over 45'], // 46 days
    ['2016-05-15', 'Over 45'],
  ])('due %s -> %s', (dueDate, label) => {
    expect(bucketFor(buckets, open(dueDate), AS_OF).label).toBe(label);
  });
});

describe('ageInvoices with the Tribune example (30 / 60 / 90, written as the document has it)', () => {
  const tribune: AgingScheme = { ...DEFAULT_AGING_SCHEME, periods: [30, 60, 90].map((d) => ({ label: `${d - 29}-${d}`, maxDays: d })) };

  it('keeps balances older than 90 days in the third period, so nothing is dropped', () => {
    const invoices = [
      open('2026-07-15', 1_000), // not due
      open('2026-06-01', 2_000), // 29 days
      open('2026-05-01', 4_000), // 60 days
      open('2026-04-01', 8_000), // 90 days
      open('2025-06-30', 16_000), // 365 days
      open('2026-07-15', 32_000, '2026-07-01'), // dated after the as-of date
    ];
    expect(ageInvoices(invoices, tribune, AS_OF)).toEqual({
      amounts: { pending: 32_000, current: 1_000, days_1_30: 2_000, days_31_60: 4_000, days_61_plus: 24_000 },
      total: 63_000,
    });
  });
});

describe('bucketFor without Pending or Current', () => {
  const preset = (key: string) => bucketsOf(AGING_SCHEME_PRESETS.find((p) => p.key === key)!.scheme);

  it('0-30 / 31-60 / 61-90 / 90+: money not yet due and an invoice dated later count in 0-30', () => {
    const buckets = preset('0-30-60-90');
    expect(bucketFor(buckets, open('2026-07-31'), AS_OF).label).toBe('0-30');
    expect(bucketFor(buckets, open('2026-07-31', 100, '2026-07-15'), AS_OF).label).toBe('0-30');
    expect(bucketFor(buckets, open('2026-05-31'), AS_OF).label).toBe('0-30'); // 30 days
    expect(bucketFor(buckets, open('2026-05-30'), AS_OF).label).toBe('31-60');
    expect(bucketFor(buckets, open('2026-04-01'), AS_OF).label).toBe('61-90'); // 90 days
    expect(bucketFor(buckets, open('2026-03-31'), AS_OF).label).toBe('90+'); // 91 days
  });

  it('Pending / Current / 30+ / 60+ / 90+: not yet due is Pending, 1 to 29 days Current, then 30+', () => {
    const buckets = preset('pending-current-30-60-90');
    expect(bucketFor(buckets, open('2026-07-31', 100, '2026-07-15'), AS_OF).label).toBe('Pending');
    expect(bucketFor(buckets, open('2026-06-30'), AS_OF).label).toBe('Pending');
    expect(bucketFor(buckets, open('2026-06-01'), AS_OF).label).toBe('Current'); // 29 days
    expect(bucketFor(buckets, open('2026-05-31'), AS_OF).label).toBe('30+'); // 30 days
    expect(bucketFor(buckets, open('2026-04-01'), AS_OF).label).toBe('90+'); // 90 days
  });
});

describe('isAgeable', () => {
  it.each([
    ['open', 1, true],
    ['open', 0, false],
    ['open', -100, false],
    ['draft', 100, false],
    ['paid', 100, false],
    ['void', 100, false],
    ['OPEN', 100, false],
  ] as const)('%s with balance %i -> %s', (status, balanceMinor, expected) => {
    expect(isAgeable({ status, balanceMinor })).toBe(expected);
  });
});

describe('ageInvoices', () => {
  it('sums open balances per bucket and in total', () => {
    const invoices: AgeableInvoice[] = [
      open('2026-07-10', 1_000), // current
      open('2026-06-30', 250), // current (due today)
      open('2026-06-01', 2_000), // 29 days
      open('2026-05-31', 3_000), // 30 days
      open('2026-05-30', 4_000), // 31 days
      open('2026-04-01', 5_000), // 90 days
      open('2025-01-01', 6_000), // 545 days
      open('2026-08-01', 7_000, '2026-07-02'), // pending
    ];
    expect(ageInvoices(invoices, DEFAULT_AGING_SCHEME, AS_OF)).toEqual({
      amounts: { pending: 7_000, current: 1_250, days_1_30: 5_000, days_31_60: 4_000, days_61_90: 5_000, days_91_plus: 6_000 },
      total: 28_250,
    });
  });

  it('leaves out drafts, paid and void invoices and zero balances', () => {
    const excluded: AgeableInvoice[] = [
      { ...open('2026-01-01', 500), status: 'draft' },
      { ...open('2026-01-01', 500), status: 'paid' },
      { ...open('2026-01-01', 500), status: 'void' },
      open('2026-01-01', 0),
    ];
    const { amounts, total } = ageInvoices([...excluded, open('2026-01-01', 42)], DEFAULT_AGING_SCHEME, AS_OF);
    expect(total).toBe(42);
    expect(amounts.days_91_plus).toBe(42);
  });

  it('reports every bucket, zero when empty', () => {
    expect(ageInvoices([], DEFAULT_AGING_SCHEME, AS_OF)).toEqual({
      amounts: { pending: 0, current: 0, days_1_30: 0, days_31_60: 0, days_61_90: 0, days_91_plus: 0 },
      total: 0,
    });
  });

  it('rejects an invalid date rather than dropping the invoice', () => {
    expect(() => ageInvoices([open('2026-02-30')], DEFAULT_AGING_SCHEME, AS_OF)).toThrow(RangeError);
    expect(() => ageInvoices([open('2026-01-01')], DEFAULT_AGING_SCHEME, '2026-6-30')).toThrow(RangeError);
  });
});
