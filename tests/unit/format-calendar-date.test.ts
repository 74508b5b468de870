import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';

describe('formatCalendarDate', () => {
  it.each([
    ['2026-11-23', 'November 23, 2026', 'Nov 23, 2026'],
    ['2026-01-01', 'January 1, 2026', 'Jan 1, 2026'],
    ['2024-02-29', 'February 29, 2024', 'Feb 29, 2024'],
    ['2026-12-31', 'December 31, 2026', 'Dec 31, 2026'],
  ])('%s prints as the same calendar day', (date, long, short) => {
    expect(formatCalendarDate(date)).toBe(long);
    expect(formatCalendarDate(date, 'short')).toBe(short);
  });

  it('rejects what is not a calendar date', () => {
    expect(() => formatCalendarDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatCalendarDate('23/11/2026')).toThrow(RangeError);
  });
});
