import { describe, expect, it } from 'vitest';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import { isRunDue } from '@/lib/dunning/is-run-due';

/**
 * Walks the clock in 15-minute steps (the schedule) from `from` (whose local day already ran) to `to`, running
 * whenever due: the instants it ran.
 */
function simulate(timeZone: string, from: string, to: string): string[] {
  const ran: string[] = [];
  let last: string | null = todayInTimeZone(timeZone, new Date(from));
  for (let t = Date.parse(from); t <= Date.parse(to); t += 15 * 60_000) {
    const { due, runOn } = isRunDue(new Date(t), timeZone, last);
    if (due) {
      ran.push(`${runOn}@${new Date(t).toISOString()}`);
      last = runOn;
    }
  }
  return ran;
}

describe('isRunDue', () => {
  it('is due from 02:00 local time until that day has a finished run', () => {
    expect(isRunDue(new Date('2026-06-10T05:45:00Z'), 'America/New_York', '2026-06-09')).toEqual({ due: false, runOn: '2026-06-10' });
    expect(isRunDue(new Date('2026-06-10T06:00:00Z'), 'America/New_York', '2026-06-09')).toEqual({ due: true, runOn: '2026-06-10' });
    expect(isRunDue(new Date('2026-06-10T06:00:00Z'), 'America/New_York', '2026-06-10')).toEqual({ due: false, runOn: '2026-06-10' });
    expect(isRunDue(new Date('2026-06-10T23:00:00Z'), 'America/New_York', null)).toEqual({ due: true, runOn: '2026-06-10' });
  });

  it('runs once a day at 02:00 local on ordinary days', () => {
    expect(simulate('Europe/Berlin', '2026-06-09T12:00:00Z', '2026-06-11T12:00:00Z')).toEqual([
      '2026-06-10@2026-06-10T00:00:00.000Z',
      '2026-06-11@2026-06-11T00:00:00.000Z',
    ]);
  });

  it('New York, spring forward (2026-03-08): 02:00 does not exist, it runs at 03:00 EDT, once', () => {
    expect(simulate('America/New_York', '2026-03-07T12:00:00Z', '2026-03-09T12:00:00Z')).toEqual([
      '2026-03-08@2026-03-08T07:00:00.000Z',
      '2026-03-09@2026-03-09T06:00:00.000Z',
    ]);
  });

  it('New York, fall back (2026-11-01): 01:00-01:59 happens twice, the run happens once at 02:00 EST', () => {
    expect(simulate('America/New_York', '2026-10-31T12:00:00Z', '2026-11-02T12:00:00Z')).toEqual([
      '2026-11-01@2026-11-01T07:00:00.000Z',
      '2026-11-02@2026-11-02T07:00:00.000Z',
    ]);
  });

  it('Berlin, both changes: spring forward (2026-03-29) runs at 03:00 CEST; fall back (2026-10-25), where 02:00-02:59 happens twice, runs once at the first 02:00', () => {
    expect(simulate('Europe/Berlin', '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toEqual(['2026-03-29@2026-03-29T01:00:00.000Z']);
    expect(simulate('Europe/Berlin', '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toEqual(['2026-10-25@2026-10-25T00:00:00.000Z']);
  });

  it('catches up after downtime: the first check of the day runs it', () => {
    expect(isRunDue(new Date('2026-06-10T20:00:00Z'), 'Asia/Tokyo', '2026-06-08')).toEqual({ due: true, runOn: '2026-06-11' });
  });
});
