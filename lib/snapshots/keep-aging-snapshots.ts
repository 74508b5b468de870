import 'server-only';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { snapshotDates } from './snapshot-dates';
import { lockSnapshot, refreshAgingSnapshot } from './refresh-aging-snapshot';
import { replaceSnapshotCustomers } from './replace-snapshot-customers';

/** A full build reads every invoice of the company: minutes at a million. */
const BUILD_TIMEOUT_MS = 15 * 60_000;

export interface KeepSnapshotsResult {
  built: CalendarDate[];
  refreshed: number;
  dropped: number;
}

/**
 * Keeps a company's aging snapshots for `now`: the trend's 13 week ends and the last 12 month ends. Drops
 * older ones, builds missing ones from the ledger (a backfill the first time), and refreshes the customers
 * changes have noted in the rest. Safe to run again and from several processes at once: a snapshot is
 * built and refreshed under its own lock, and a new snapshot's row is committed before it is built, so the
 * triggers note every change made during the build.
 */
export async function keepAgingSnapshots(company: { id: string; timeZone: string }, now: Date = new Date()): Promise<KeepSnapshotsResult> {
  const wanted = snapshotDates(todayInTimeZone(company.timeZone, now));
  const dropped = await prisma.$executeRaw`
    DELETE FROM aging_snapshots WHERE company_id = ${company.id}::uuid AND as_of <> ALL(${wanted}::date[])`;
  await prisma.$executeRaw`
    INSERT INTO aging_snapshots (company_id, as_of) SELECT ${company.id}::uuid, d FROM unnest(${wanted}::date[]) d
    ON CONFLICT (company_id, as_of) DO NOTHING`;
  const snapshots = await prisma.$queryRaw<{ id: bigint; as_of: string; ready: boolean }[]>`
    SELECT id, as_of::text, ready FROM aging_snapshots WHERE company_id = ${company.id}::uuid ORDER BY as_of DESC`;
  const built: CalendarDate[] = [];
  let refreshed = 0;
  for (const s of snapshots) {
    const snap = { id: s.id, companyId: company.id, asOf: s.as_of };
    const made = await prisma.$transaction(
      async (tx) => {
        if (!s.ready) {
          await lockSnapshot(tx, snap.id);
          const [row] = await tx.$queryRaw<{ ready: boolean }[]>`SELECT ready FROM aging_snapshots WHERE id = ${snap.id}::bigint`;
          if (row && !row.ready) {
            // Everything is read from the ledger now; what commits from here on stays noted for the next refresh.
            await tx.$executeRaw`DELETE FROM aging_snapshot_dirty WHERE snapshot_id = ${snap.id}::bigint`;
            await replaceSnapshotCustomers(tx, snap, null);
            await tx.$executeRaw`UPDATE aging_snapshots SET ready = true, built_at = now() WHERE id = ${snap.id}::bigint`;
            return true;
          }
        }
        await refreshAgingSnapshot(tx, snap);
        return false;
      },
      { timeout: BUILD_TIMEOUT_MS, maxWait: 60_000 },
    );
    if (made) built.push(s.as_of);
    else refreshed += 1;
  }
  // A backfill adds millions of rows at once. Planned on the statistics of the empty tables, the first page as of
  // a week end by 91+ took 2.2 s instead of 0.2 s until autovacuum analyzed them (never, where it is off).
  if (built.length) await prisma.$executeRaw`ANALYZE aging_snapshots, aging_snapshot_customers, aging_snapshot_dates, aging_snapshot_unapplied`;
  return { built, refreshed, dropped };
}
