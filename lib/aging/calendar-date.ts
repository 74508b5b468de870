import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** A calendar date, `YYYY-MM-DD`, with no time and no zone. */
export type CalendarDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isCalendarDate(value: string): value is CalendarDate {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function epochDay(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). Time zones and DST play no part. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return epochDay(to) - epochDay(from);
}

/** Today's calendar date in an IANA time zone, at the instant `now`. */
export function todayInTimeZone(timeZone: string, now: Date = new Date()): CalendarDate {
  return format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd');
}

/** The calendar date a `date` column holds, as returned by drivers as UTC midnight. */
export function calendarDateOf(value: Date): CalendarDate {
  return value.toISOString().slice(0, 10);
}

function fromEpochDay(day: number): CalendarDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days (negative: earlier). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(epochDay(date) + days);
}

/** `date` moved by whole months, clamped to the month's last day (Mar 31 less one month is Feb 28 or 29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first day of `date`'s month. */
export function startOfMonth(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of `date`'s month. */
export function endOfMonth(date: CalendarDate): CalendarDate {
  return addDays(addMonths(startOfMonth(date), 1), -1);
}
