import { subDays, subHours, subMonths } from 'date-fns';

export const SKIP_RECENT_OPTIONS = [
  { value: 'none', label: 'None' },
  { value: '24h', label: '24 hours' },
  { value: '72h', label: '72 hours' },
  { value: '1w', label: '1 week' },
  { value: '1m', label: '1 month' },
] as const;
export type SkipRecent = (typeof SKIP_RECENT_OPTIONS)[number]['value'];

/**
 * The start of the Skip Recent window: customers with a statement created at or after it are skipped; null
 * for None. A month is a calendar month back (Mar 31 -> Feb 28/29), not 30 days.
 */
export function skipRecentSince(option: SkipRecent, now: Date): Date | null {
  switch (option) {
    case 'none':
      return null;
    case '24h':
      return subHours(now, 24);
    case '72h':
      return subHours(now, 72);
    case '1w':
      return subDays(now, 7);
    case '1m':
      return subMonths(now, 1);
  }
}
