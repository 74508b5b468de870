import type { CalendarDate } from '@/lib/aging/calendar-date';

/** Week ends compared: three rises need four points. */
export const CREEP_WEEKS = 3;

export interface CreepPoint {
  weekEnd: CalendarDate;
  /** Share of the balance over 60 days past due on that date; null when not known yet. */
  over60Share: number | null;
}

/**
 * Whether the share over 60 days past due rose in each of the last three weeks (each week end above the one
 * before): the points it compared, oldest first, or null when it did not or some are unknown.
 */
export function agingCreep(points: CreepPoint[]): CreepPoint[] | null {
  const last = points.slice(-(CREEP_WEEKS + 1));
  if (last.length < CREEP_WEEKS + 1 || last.some((p) => p.over60Share === null)) return null;
  const rising = last.every((p, i) => i === 0 || p.over60Share! > last[i - 1]!.over60Share!);
  return rising ? last : null;
}
