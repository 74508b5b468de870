import { TZDate } from '@date-fns/tz';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';

/** The local hour the nightly run starts at. */
export const RUN_HOUR = 2;

/**
 * Whether a company's nightly run is due at `now`: its local wall clock has reached 02:00 today and no run for
 * today's local date has finished. Reading the wall clock (not "midnight + 2 hours") makes DST nights right by
 * construction: on a spring-forward night 02:00 does not exist and the clock jumps 01:59 -> 03:00, so the first
 * check after the jump runs it; on a fall-back night 01:00-01:59 happens twice but 02:00 once, and the run
 * date then has a finished run. A process that was down catches up at its next check.
 */
export function isRunDue(now: Date, timeZone: string, lastFinishedRunOn: CalendarDate | null): { due: boolean; runOn: CalendarDate } {
  const runOn = todayInTimeZone(timeZone, now);
  const localHour = new TZDate(now.getTime(), timeZone).getHours();
  const due = localHour >= RUN_HOUR && (lastFinishedRunOn === null || lastFinishedRunOn < runOn);
  return { due, runOn };
}
