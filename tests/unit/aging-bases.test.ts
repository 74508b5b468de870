import { describe, expect, it } from 'vitest';
import { ageInvoices } from '@/lib/aging/age-invoices';
import { addMonths, endOfMonth } from '@/lib/aging/calendar-date';
import { agingSchemeSchema, bucketsOf, describeBucket, fullScheme, type AgingScheme } from '@/lib/aging/scheme';
import type { BillingFrequency } from '@/lib/aging/billing-frequency';

const periods = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `P${i + 1}`, maxDays: null }));
const scheme = (basis: AgingScheme['basis'], n: number, billingFrequency?: BillingFrequency, extra: Partial<AgingScheme> = {}): AgingScheme => ({
  pendingLabel: 'Pending',
  currentLabel: 'Current',
  showPending: false,
  basis,
  periods: periods(n),
  billingFrequency,
  ...extra,
});
/** Ages one invoice of `amount` per due date, all dated long ago, and returns the bucket amounts. */
const age = (s: AgingScheme, asOf: string, dues: [string, number][]) =>
  ageInvoices(
    dues.map(([dueDate, amount]) => ({ invoiceDate: '2020-01-01', dueDate, balanceMinor: amount, status: 'open' })),
    s,
    asOf,
  );

describe('calendar arithmetic', () => {
  it('moves by months, clamped to the month end', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
  });
});

describe('aging by billing periods', () => {
  it('weekly: period k holds up to k weeks past due; older stays in the last', () => {
    const s = scheme('billing_periods', 4, { kind: 'weekly' });
    expect(bucketsOf(s).map((b) => b.key)).toEqual(['current', 'period_1', 'period_2', 'period_3', 'period_4_plus']);
    const r = age(s, '2026-03-31', [
      ['2026-03-31', 100], // due today: current
      ['2026-03-24', 200], // 7 days: period 1
      ['2026-03-23', 400], // 8 days: period 2
      ['2026-03-10', 800], // 21 days: period 3
      ['2026-03-09', 1_600], // 22 days: period 4 and older
      ['2025-01-01', 3_200],
    ]);
    expect(r.amounts).toEqual({ current: 100, period_1: 200, period_2: 400, period_3: 800, period_4_plus: 4_800 });
    expect(r.total).toBe(6_300);
  });

  it('every 30 days: the document example, 30 days past due in period 1, 31 in period 2, 61 in period 3', () => {
    const s = scheme('billing_periods', 3, { kind: 'every_n_days', days: 30 });
    const r = age(s, '2026-12-01', [
      ['2026-11-01', 1], // 30 days
      ['2026-10-31', 10], // 31 days
      ['2026-10-02', 100], // 60 days
      ['2026-10-01', 1_000], // 61 days
      ['2026-09-01', 10_000], // 91 days: stays in period 3
    ]);
    expect(r.amounts).toEqual({ current: 0, period_1: 1, period_2: 110, period_3_plus: 11_000 });
  });

  it('monthly: a month back from the as-of date, clamped at month ends (as of 31 March)', () => {
    const s = scheme('billing_periods', 3, { kind: 'monthly' });
    const r = age(s, '2026-03-31', [
      ['2026-02-28', 1], // one month back (28 Feb): period 1
      ['2026-02-27', 10], // period 2
      ['2026-01-31', 100], // two months back: period 2
      ['2026-01-30', 1_000], // period 3
    ]);
    expect(r.amounts).toEqual({ current: 0, period_1: 1, period_2: 110, period_3_plus: 1_000 });
  });

  it('quarterly: three months per period', () => {
    const s = scheme('billing_periods', 3, { kind: 'quarterly' });
    const r = age(s, '2026-05-31', [
      ['2026-03-01', 1], // within a quarter (earliest 28 Feb)
      ['2026-02-28', 10], // exactly a quarter: period 1
      ['2026-02-27', 100], // period 2
      ['2025-11-30', 1_000], // two quarters: period 2
      ['2025-11-29', 10_000], // period 3
    ]);
    expect(r.amounts).toEqual({ current: 0, period_1: 11, period_2: 1_100, period_3_plus: 10_000 });
  });

  it('needs the bill source: a scheme by billing periods without a frequency has no buckets', () => {
    expect(() => bucketsOf(scheme('billing_periods', 3))).toThrow(/bill source/);
  });
});

describe('aging by calendar months', () => {
  it('period 1 holds what fell due in the as-of month, period 2 the month before', () => {
    const s = scheme('calendar_months', 3);
    const r = age(s, '2026-03-15', [
      ['2026-03-20', 1], // not yet due: current
      ['2026-03-14', 10], // fell due in March
      ['2026-03-01', 100],
      ['2026-02-28', 1_000], // February
      ['2026-02-01', 10_000],
      ['2026-01-31', 100_000], // January and before: the last period
      ['2024-06-30', 1_000_000],
    ]);
    expect(r.amounts).toEqual({ current: 1, period_1: 110, period_2: 11_000, period_3_plus: 1_100_000 });
  });

  it('without Current, money not yet due counts in period 1', () => {
    const r = age(scheme('calendar_months', 2, undefined, { showCurrent: false }), '2026-03-15', [
      ['2026-04-30', 5],
      ['2026-03-02', 7],
      ['2026-02-27', 11],
    ]);
    expect(r.amounts).toEqual({ period_1: 12, period_2_plus: 11 });
  });
});

describe('schemes of other bases', () => {
  it('need no day bounds, and drop any that are sent', () => {
    const parsed = agingSchemeSchema.parse({
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      basis: 'calendar_months',
      periods: [
        { label: 'This month', maxDays: 90 },
        { label: 'Last month', maxDays: 30 },
        { label: 'Older', maxDays: null },
      ],
    });
    expect(fullScheme(parsed).periods.map((p) => p.maxDays)).toEqual([null, null, null]);
  });

  it('name an unknown basis', () => {
    const r = agingSchemeSchema.safeParse({ pendingLabel: 'P', currentLabel: 'C', basis: 'weeks', periods: periods(2) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['basis'], message: 'Basis must be one of days, billing_periods, calendar_months' });
  });

  it('describe their buckets in words', () => {
    const weekly = scheme('billing_periods', 3, { kind: 'weekly' });
    expect(bucketsOf(weekly).map((b) => describeBucket(b, weekly))).toEqual([
      'not yet due',
      'up to 7 days past due',
      'up to 14 days past due',
      'more than 14 days past due',
    ]);
    const monthly = scheme('billing_periods', 2, { kind: 'monthly' });
    expect(bucketsOf(monthly).map((b) => describeBucket(b, monthly))).toEqual([
      'not yet due',
      'up to 1 month past due',
      'more than 1 month past due',
    ]);
    const calendar = scheme('calendar_months', 3);
    expect(bucketsOf(calendar).map((b) => describeBucket(b, calendar))).toEqual([
      'not yet due',
      'fell due in the as-of month',
      'fell due 1 month before the as-of month',
      'fell due 2 or more months before the as-of month',
    ]);
  });
});
