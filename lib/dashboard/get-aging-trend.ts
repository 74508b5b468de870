import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { addDays, type CalendarDate } from '@/lib/aging/calendar-date';
import { bucketsOf } from '@/lib/aging/scheme';
import { bucketIndexCase, toMinor } from '@/lib/receivables/aging-sql';
import { snapshotDateTotals } from '@/lib/receivables/aging-snapshot-sql';
import { getAgingScheme } from '@/lib/receivables/get-aging-scheme';
import { trendWeekEnds } from '@/lib/snapshots/snapshot-dates';
import { withFreshSnapshots } from '@/lib/snapshots/with-fresh-snapshots';
import { agingCreep, type CreepPoint } from './aging-creep';

export interface AgingTrendWeek extends CreepPoint {
  /** By bucket of the company's periods, as on that week end; null until its snapshot is built. */
  amounts: Record<string, number> | null;
  total: number | null;
  over60: number | null;
}

export interface AgingTrend {
  /** The company's periods but Pending (on a week end, AR is what was invoiced by then); `index`: in the whole scheme. */
  buckets: { key: string; label: string; index: number; of: number }[];
  weeks: AgingTrendWeek[];
  /** The share over 60 days past due rose three weeks in a row: the week ends compared. */
  creep: CreepPoint[] | null;
}

/**
 * The aging as of each of the last 13 week ends (Saturdays), by the company's periods, in one currency and
 * for the given locations (null: all), read from the weekly snapshots (refreshed first, so exact under
 * back-dated entries). AR on a week end is what had been invoiced by then: invoices dated later (which the
 * aging of that date shows as Pending) are left out, so every bucket but Pending equals the aging page as of
 * that date. A week whose snapshot the job has not built yet has no figures.
 */
export async function getAgingTrend(companyId: string, currency: string, locationIds: string[] | null, today: CalendarDate): Promise<AgingTrend> {
  const dates = trendWeekEnds(today);
  const buckets = bucketsOf(await getAgingScheme(companyId));
  const { rows, built } = await withFreshSnapshots(companyId, dates, async (db, snaps) => {
    const parts = dates.flatMap((d) => {
      const snapshotId = snaps.get(d);
      if (snapshotId === undefined) return [];
      return [
        Prisma.sql`SELECT ${d}::text AS week_end, b, sum(bal)::bigint AS amount,
          coalesce(sum(bal) FILTER (WHERE due_date < ${addDays(d, -60)}::date), 0)::bigint AS over60
        FROM (SELECT i.bal, i.due_date, ${bucketIndexCase(buckets, d)} AS b FROM (${snapshotDateTotals({ snapshotId, companyId, currency, locationIds })}) i
          WHERE i.invoice_date <= ${d}::date) x
        GROUP BY b`,
      ];
    });
    const rows =
      parts.length === 0
        ? []
        : await db.$queryRaw<{ week_end: string; b: number; amount: bigint; over60: bigint }[]>(Prisma.sql`${Prisma.join(parts, ' UNION ALL ')}`);
    return { rows, built: new Set(snaps.keys()) };
  });
  const shown = buckets.map((b, index) => ({ ...b, index })).filter((b) => b.kind !== 'pending');
  const weeks = dates.map((weekEnd): AgingTrendWeek => {
    if (!built.has(weekEnd)) {
      return { weekEnd, amounts: null, total: null, over60: null, over60Share: null };
    }
    const mine = rows.filter((r) => r.week_end === weekEnd);
    const amounts = Object.fromEntries(shown.map((b) => [b.key, toMinor(mine.find((r) => r.b === b.index)?.amount ?? 0n)]));
    const total = Object.values(amounts).reduce((a, b) => a + b, 0);
    const over60 = mine.reduce((a, r) => a + toMinor(r.over60), 0);
    return { weekEnd, amounts, total, over60, over60Share: total > 0 ? over60 / total : 0 };
  });
  return { buckets: shown.map(({ key, label, index }) => ({ key, label, index, of: buckets.length })), weeks, creep: agingCreep(weeks) };
}
