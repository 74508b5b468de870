import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { calendarDateOf, daysBetween, isCalendarDate, todayInTimeZone } from '@/lib/aging/calendar-date';

describe('isCalendarDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-02-28'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-01-00',
    '2026-1-1',
    '2026-01-1',
    '26-01-01',
    '2026/01/01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
    '',
  ])('rejects %j', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('daysBetween', () => {
  // Run in a zone with DST so that any local-time arithmetic would show up as a lost or extra hour.
  const originalTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });

  it.each([
    ['2026-03-01', '2026-03-01', 0],
    ['2026-03-07', '2026-03-09', 2], // US spring forward on 2026-03-08 (23-hour day)
    ['2026-10-31', '2026-11-02', 2], // US fall back on 2026-11-01 (25-hour day)
    ['2026-03-28', '2026-03-30', 2], // EU spring forward on 2026-03-29
    ['2026-03-01', '2026-04-01', 31],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-12-01', '2026-01-31', 61],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2026-02-28', '2026-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-01-01', '2027-01-01', 365],
    ['2026-01-01', '2025-12-31', -1],
    ['2026-03-09', '2026-03-07', -2],
  ])('from %s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('throws on a string that is not a calendar date', () => {
    expect(() => daysBetween('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-03-01', '2026-3-1')).toThrow('Not a calendar date: 2026-3-1');
  });
});

describe('todayInTimeZone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // [zone, instant, expected local date]: pairs straddle a local midnight, several on a DST-change day.
  it.each([
    // New York: midnight is 05:00Z in winter, 04:00Z in summer.
    ['America/New_York', '2026-03-08T04:59:59Z', '2026-03-07'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08'],
    ['America/New_York', '2026-03-08T06:59:00Z', '2026-03-08'], // 01:59 EST
    ['America/New_York', '2026-03-08T07:00:00Z', '2026-03-08'], // 03:00 EDT: the clock jumps, the date does not
    ['America/New_York', '2026-03-09T03:59:59Z', '2026-03-08'],
    ['America/New_York', '2026-03-09T04:00:00Z', '2026-03-09'],
    ['America/New_York', '2026-11-01T03:59:59Z', '2026-10-31'],
    ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T04:59:59Z', '2026-11-01'],
    ['America/New_York', '2026-11-02T05:00:00Z', '2026-11-02'],
    ['America/New_York', '2026-11-23T04:30:00Z', '2026-11-22'],
    ['America/New_York', '2027-01-01T04:59:59Z', '2026-12-31'],
    ['America/New_York', '2027-01-01T05:00:00Z', '2027-01-01'],
    // Berlin: midnight is 23:00Z the day before in winter, 22:00Z in summer.
    ['Europe/Berlin', '2026-03-28T22:59:59Z', '2026-03-28'],
    ['Europe/Berlin', '2026-03-28T23:00:00Z', '2026-03-29'],
    ['Europe/Berlin', '2026-03-29T21:59:59Z', '2026-03-29'],
    ['Europe/Berlin', '2026-03-29T22:00:00Z', '2026-03-30'],
    ['Europe/Berlin', '2026-10-25T22:59:59Z', '2026-10-25'],
    ['Europe/Berlin', '2026-10-25T23:00:00Z', '2026-10-26'],
    // Sydney (southern hemisphere): DST ends 2026-04-05, starts 2026-10-04.
    ['Australia/Sydney', '2026-04-04T12:59:59Z', '2026-04-04'],
    ['Australia/Sydney', '2026-04-04T13:00:00Z', '2026-04-05'],
    ['Australia/Sydney', '2026-04-05T13:59:59Z', '2026-04-05'],
    ['Australia/Sydney', '2026-04-05T14:00:00Z', '2026-04-06'],
    ['Australia/Sydney', '2026-10-04T12:59:59Z', '2026-10-04'],
    ['Australia/Sydney', '2026-10-04T13:00:00Z', '2026-10-05'],
    ['Australia/Sydney', '2025-12-31T12:59:59Z', '2025-12-31'],
    ['Australia/Sydney', '2025-12-31T13:00:00Z', '2026-01-01'],
    // Auckland: DST ends 2026-04-05, starts 2026-09-27.
    ['Pacific/Auckland', '2026-04-04T10:59:59Z', '2026-04-04'],
    ['Pacific/Auckland', '2026-04-04T11:00:00Z', '2026-04-05'],
    ['Pacific/Auckland', '2026-04-05T11:59:59Z', '2026-04-05'],
    ['Pacific/Auckland', '2026-04-05T12:00:00Z', '2026-04-06'],
    ['Pacific/Auckland', '2026-09-27T10:59:59Z', '2026-09-27'],
    ['Pacific/Auckland', '2026-09-27T11:00:00Z', '2026-09-28'],
    // Kolkata: UTC+05:30 all year, across a year end.
    ['Asia/Kolkata', '2025-12-31T18:29:59Z', '2025-12-31'],
    ['Asia/Kolkata', '2025-12-31T18:30:00Z', '2026-01-01'],
    ['UTC', '2026-02-28T23:59:59Z', '2026-02-28'],
    ['UTC', '2026-03-01T00:00:00Z', '2026-03-01'],
  ])('in %s at %s it is %s', (zone, instant, expected) => {
    expect(todayInTimeZone(zone, new Date(instant))).toBe(expected);
    vi.useFakeTimers();
    vi.setSystemTime(new Date(instant));
    expect(todayInTimeZone(zone)).toBe(expected);
  });

  it('gives different dates for one instant in different zones', () => {
    const instant = new Date('2026-06-30T23:30:00Z');
    expect(todayInTimeZone('Pacific/Auckland', instant)).toBe('2026-07-01');
    expect(todayInTimeZone('Asia/Kolkata', instant)).toBe('2026-07-01');
    expect(todayInTimeZone('Europe/Berlin', instant)).toBe('2026-07-01');
    expect(todayInTimeZone('America/New_York', instant)).toBe('2026-06-30');
  });

  it('rejects an unknown time zone instead of guessing', () => {
    expect(() => todayInTimeZone('Mars/Olympus_Mons', new Date('2026-01-01T00:00:00Z'))).toThrow();
  });
});

describe('calendarDateOf', () => {
  it('reads the date a driver returns as UTC midnight', () => {
    expect(calendarDateOf(new Date(Date.UTC(2026, 1, 28)))).toBe('2026-02-28');
    expect(calendarDateOf(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
  });
});
