/**
 * Instants (timestamptz, ISO strings) as the company reads them: in its time zone, not the server's or UTC.
 * Pure (Intl only), so client components can use it. Formatters are cached per zone and style: building one
 * per table cell is slow.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

const OPTIONS = {
  day: { month: 'short', day: 'numeric' },
  dayYear: { month: 'short', day: 'numeric', year: 'numeric' },
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  year: { year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function formatter(timeZone: string, style: keyof typeof OPTIONS): Intl.DateTimeFormat {
  const key = `${timeZone}|${style}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { ...OPTIONS[style], timeZone });
    cache.set(key, f);
  }
  return f;
}

const yearIn = (date: Date, timeZone: string) => formatter(timeZone, 'year').format(date);

/**
 * The calendar day of `iso` in `timeZone`, short: "Nov 28"; with the year ("Nov 28, 2025") when it is not the
 * year of `now` in that zone, so an old contact is not mistaken for a recent one.
 */
export function formatInstantDay(iso: string, timeZone: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return formatter(timeZone, yearIn(date, timeZone) === yearIn(now, timeZone) ? 'day' : 'dayYear').format(date);
}

/** Date and time of `iso` in `timeZone`: "Nov 28, 2026, 9:15 AM". */
export function formatInstantDateTime(iso: string, timeZone: string): string {
  return formatter(timeZone, 'dateTime').format(new Date(iso));
}
