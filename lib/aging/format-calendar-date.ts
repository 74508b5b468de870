import type { CalendarDate } from './calendar-date';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-23" -> "November 23, 2026", from the digits: no Date, so no time zone can shift the day. */
export function formatCalendarDate(date: CalendarDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1]} ${d}, ${y}`;
}
