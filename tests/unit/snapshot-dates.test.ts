import { describe, expect, it } from 'vitest';
import { closedMonthEnds, snapshotDates, trendWeekEnds, weekEnd } from '@/lib/snapshots/snapshot-dates';

describe('the dates aging snapshots are kept for', () => {
  it('ends a Sunday-anchored week on its Saturday', () => {
    expect(weekEnd('2026-11-29')).toBe('2026-12-05'); // a Sunday starts the week
    expect(weekEnd('2026-12-01')).toBe('2026-12-05');
    expect(weekEnd('2026-12-05')).toBe('2026-12-05');
  });

  it('keeps the 13 week ends before this week, oldest first', () => {
    const weeks = trendWeekEnds('2026-12-01');
    expect(weeks).toHaveLength(13);
    expect(weeks[0]).toBe('2026-09-05');
    expect(weeks.at(-1)).toBe('2026-11-28');
    // On a Saturday the week has not ended yet: the last one is a week earlier.
    expect(trendWeekEnds('2026-11-28').at(-1)).toBe('2026-11-21');
  });

  it('keeps the 12 month ends before this month, across a year end and February', () => {
    expect(closedMonthEnds('2026-03-01')).toEqual([
      '2025-03-31',
      '2025-04-30',
      '2025-05-31',
      '2025-06-30',
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
    ]);
  });

  it('lists each date once, sorted', () => {
    const dates = snapshotDates('2026-12-01');
    expect(dates).toHaveLength(24); // 2026-10-31 is a Saturday and a month end
    expect(dates[0]).toBe('2025-12-31');
    expect(dates.at(-1)).toBe('2026-11-30');
    expect([...dates].sort()).toEqual(dates);
  });
});
