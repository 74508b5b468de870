import { isCalendarDate, type CalendarDate } from './calendar-date';

// Formatting UTC midnight in UTC keeps the printed day equal to the calendar date on any server time zone.
const LONG = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
const SHORT = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });

/** "2026-11-23" -> "November 23, 2026" (long) or "Nov 23, 2026" (short, for narrow table columns). */
export function formatCalendarDate(date: CalendarDate, style: 'long' | 'short' = 'long'): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (style === 'long' ? LONG : SHORT).format(Date.UTC(y, m - 1, d));
}
