import { describe, expect, it } from 'vitest';
import { AGING_SCHEME_PRESETS, agingSchemeSchema, bucketsOf, DEFAULT_AGING_SCHEME, type AgingScheme } from '@/lib/aging/scheme';

const valid: AgingScheme = {
  pendingLabel: 'Not yet invoiced',
  currentLabel: 'Not due',
  periods: [
    { label: 'Up to 15', maxDays: 15 },
    { label: '16 to 45', maxDays: 45 },
    { label: 'Over 45', maxDays: null },
  ],
};

/** The messages of a failed parse, one per issue. */
function errorsOf(input: unknown): { path: string; message: string }[] {
  const result = agingSchemeSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('agingSchemeSchema', () => {
  it('accepts the default scheme and a custom one', () => {
    expect(errorsOf(DEFAULT_AGING_SCHEME)).toEqual([]);
    expect(errorsOf(valid)).toEqual([]);
  });

  it('accepts a single open-ended period', () => {
    expect(errorsOf({ ...valid, periods: [{ label: 'Overdue', maxDays: null }] })).toEqual([]);
  });

  it('rejects bounds that do not increase', () => {
    const equal = {
      ...valid,
      periods: [
        { label: 'a', maxDays: 30 },
        { label: 'b', maxDays: 30 },
        { label: 'c', maxDays: null },
      ],
    };
    expect(errorsOf(equal)).toEqual([{ path: 'periods.1.maxDays', message: 'Day bounds must increase' }]);
    const down = {
      ...valid,
      periods: [
        { label: 'a', maxDays: 60 },
        { label: 'b', maxDays: 30 },
        { label: 'c', maxDays: null },
      ],
    };
    expect(errorsOf(down)).toEqual([{ path: 'periods.1.maxDays', message: 'Day bounds must increase' }]);
  });

  it('rejects an open-ended period that is not last', () => {
    const input = {
      ...valid,
      periods: [
        { label: 'a', maxDays: null },
        { label: 'b', maxDays: null },
      ],
    };
    expect(errorsOf(input)).toEqual([{ path: 'periods.0.maxDays', message: 'Only the last period may be open-ended' }]);
  });

  it('accepts a last period written with a bound (older balances stay in it)', () => {
    const tribune = { ...valid, periods: [30, 60, 90].map((d) => ({ label: `${d - 29}-${d}`, maxDays: d })) };
    expect(errorsOf(tribune)).toEqual([]);
  });

  it('rejects empty and blank labels', () => {
    expect(errorsOf({ ...valid, currentLabel: '' })).toEqual([{ path: 'currentLabel', message: 'Label is required' }]);
    expect(errorsOf({ ...valid, pendingLabel: '   ' })).toEqual([{ path: 'pendingLabel', message: 'Label is required' }]);
    const blankPeriod = {
      ...valid,
      periods: [
        { label: ' ', maxDays: 15 },
        { label: 'rest', maxDays: null },
      ],
    };
    expect(errorsOf(blankPeriod)).toEqual([{ path: 'periods.0.label', message: 'Label is required' }]);
  });

  it('rejects a label over 40 characters', () => {
    expect(errorsOf({ ...valid, currentLabel: 'x'.repeat(41) })).toEqual([{ path: 'currentLabel', message: 'Label is at most 40 characters' }]);
  });

  it('accepts 13 periods and rejects none and 14', () => {
    expect(errorsOf({ ...valid, periods: [] })).toEqual([{ path: 'periods', message: 'At least one overdue period is required' }]);
    const periods = (n: number) => Array.from({ length: n }, (_, i) => ({ label: `p${i}`, maxDays: (i + 1) * 30 }));
    expect(errorsOf({ ...valid, periods: periods(13) })).toEqual([]);
    expect(errorsOf({ ...valid, periods: periods(14) })).toEqual([{ path: 'periods', message: 'At most 13 overdue periods' }]);
  });

  it('rejects a bound over 999 days, naming the period', () => {
    const input = { ...valid, periods: [{ label: 'a', maxDays: 1000 }] };
    expect(errorsOf(input)).toEqual([{ path: 'periods.0.maxDays', message: 'Days must be at most 999' }]);
  });

  it('rejects day bounds that are not positive whole numbers', () => {
    for (const maxDays of [0, -5, 1.5]) {
      const input = {
        ...valid,
        periods: [
          { label: 'a', maxDays },
          { label: 'b', maxDays: null },
        ],
      };
      expect(errorsOf(input).map((e) => e.path)).toContain('periods.0.maxDays');
    }
  });

  it('trims labels', () => {
    expect(agingSchemeSchema.parse({ ...valid, currentLabel: '  Not due  ' }).currentLabel).toBe('Not due');
  });
});

describe('bucketsOf', () => {
  it('lists the default buckets in order with contiguous day ranges', () => {
    expect(bucketsOf(DEFAULT_AGING_SCHEME)).toEqual([
      { key: 'pending', label: 'Pending', kind: 'pending', minDays: null, maxDays: null, reach: null },
      { key: 'current', label: 'Current', kind: 'current', minDays: null, maxDays: 0, reach: null },
      { key: 'days_1_30', label: '1-30', kind: 'overdue', minDays: 1, maxDays: 30, reach: { unit: 'days', count: 30 }, period: 1 },
      { key: 'days_31_60', label: '31-60', kind: 'overdue', minDays: 31, maxDays: 60, reach: { unit: 'days', count: 60 }, period: 2 },
      { key: 'days_61_90', label: '61-90', kind: 'overdue', minDays: 61, maxDays: 90, reach: { unit: 'days', count: 90 }, period: 3 },
      { key: 'days_91_plus', label: '91+', kind: 'overdue', minDays: 91, maxDays: null, reach: null, period: 4 },
    ]);
  });

  it('keeps the last period open-ended whatever bound it was written with (the Tribune example: 30 / 60 / 90)', () => {
    const tribune: AgingScheme = { ...DEFAULT_AGING_SCHEME, periods: [30, 60, 90].map((d) => ({ label: `${d - 29}-${d}`, maxDays: d })) };
    expect(bucketsOf(tribune).map((b) => [b.key, b.label, b.minDays, b.maxDays])).toEqual([
      ['pending', 'Pending', null, null],
      ['current', 'Current', null, 0],
      ['days_1_30', '1-30', 1, 30],
      ['days_31_60', '31-60', 31, 60],
      ['days_61_plus', '61-90', 61, null],
    ]);
  });

  it('leaves out Pending and Current when they are switched off; the first period then starts at not yet due', () => {
    const preset = AGING_SCHEME_PRESETS.find((p) => p.key === '0-30-60-90')!.scheme;
    expect(bucketsOf(preset).map((b) => [b.key, b.label, b.kind, b.minDays, b.maxDays])).toEqual([
      ['days_0_30', '0-30', 'overdue', null, 30],
      ['days_31_60', '31-60', 'overdue', 31, 60],
      ['days_61_90', '61-90', 'overdue', 61, 90],
      ['days_91_plus', '90+', 'overdue', 91, null],
    ]);
  });

  it('has the presets of the product documents, each valid, with the bucket labels they are named by', () => {
    for (const p of AGING_SCHEME_PRESETS) {
      expect(errorsOf(p.scheme), p.key).toEqual([]);
      expect(
        bucketsOf(p.scheme)
          .map((b) => b.label)
          .join(' / '),
      ).toBe(p.name.replace(' (default)', ''));
    }
  });

  it('uses custom periods and labels', () => {
    expect(bucketsOf(valid).map(({ key, label, minDays, maxDays }) => ({ key, label, minDays, maxDays }))).toEqual([
      { key: 'pending', label: 'Not yet invoiced', minDays: null, maxDays: null },
      { key: 'current', label: 'Not due', minDays: null, maxDays: 0 },
      { key: 'days_1_15', label: 'Up to 15', minDays: 1, maxDays: 15 },
      { key: 'days_16_45', label: '16 to 45', minDays: 16, maxDays: 45 },
      { key: 'days_46_plus', label: 'Over 45', minDays: 46, maxDays: null },
    ]);
  });
});
