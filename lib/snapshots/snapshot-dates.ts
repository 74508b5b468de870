import { addDays, endOfMonth, startOfMonth, type CalendarDate } from '@/lib/aging/calendar-date';

/** Weeks of the dashboard's trend. */
export const TREND_WEEKS = 13;
/** Month ends kept for closing, besides the week ends. */
export const SNAPSHOT_MONTHS = 12;

/** The Saturday that ends the Sunday-anchored week holding `date`. */
export function weekEnd(date: CalendarDate): CalendarDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, 6 - day);
}

/** The last `TREND_WEEKS` week ends before `today`, oldest first. */
export function trendWeekEnds(today: CalendarDate): CalendarDate[] {
  const last = addDays(weekEnd(today), -7);
  return Array.from({ length: TREND_WEEKS }, (_, i) => addDays(last, -7 * (TREND_WEEKS - 1 - i)));
}

/** The last `SNAPSHOT_MONTHS` month ends before `today`, oldest first. */
export function closedMonthEnds(today: CalendarDate): CalendarDate[] {
  const last = addDays(startOfMonth(today), -1);
  return Array.from({ length: SNAPSHOT_MONTHS }, (_, i) => {
    let d = last;
    for (let k = 0; k < SNAPSHOT_MONTHS - 1 - i; k++) d = addDays(startOfMonth(d), -1);
    return endOfMonth(d);
  });
}

/** The dates a company keeps snapshots of on `today`: the trend's week ends and the closed month ends, sorted. */
export function snapshotDates(today: CalendarDate): CalendarDate[] {
  return [...new Set([...trendWeekEnds(today), ...closedMonthEnds(today)])].sort();
}
