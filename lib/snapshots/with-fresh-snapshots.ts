import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { INLINE_REFRESH_MAX, refreshAgingSnapshot } from './refresh-aging-snapshot';

type Db = Pick<Prisma.TransactionClient, '$queryRaw'>;

/** Refreshes then reads at most this many times before reading the ledger (changes keep landing). */
const ATTEMPTS = 3;

/**
 * Runs `read` with the company's ready snapshots of `dates`: `snapshots` maps a date to its snapshot id, and
 * a date missing from it (not built yet, too many stale customers to refresh now, or changed on every
 * attempt) is for the caller to read from the ledger. The read runs in one REPEATABLE READ transaction
 * that sees no customer noted stale in the snapshots it uses, so they equal the ledger as of that
 * transaction; stale customers are first replaced in short transactions of their own (refreshAgingSnapshot),
 * so readers never wait for each other. Without any ready snapshot it runs outside a transaction.
 */
export async function withFreshSnapshots<T>(
  companyId: string,
  dates: CalendarDate[],
  read: (db: Db, snapshots: Map<CalendarDate, bigint>) => Promise<T>,
): Promise<T> {
  const ready = await prisma.$queryRaw<{ id: bigint; as_of: string }[]>`
    SELECT id, as_of::text FROM aging_snapshots WHERE company_id = ${companyId}::uuid AND ready AND as_of = ANY(${dates}::date[])`;
  const usable = new Map(ready.map((s) => [s.as_of, s.id]));
  for (let attempt = 0; attempt < ATTEMPTS && usable.size > 0; attempt++) {
    const ids = [...usable.values()];
    const outcome = await prisma.$transaction(
      async (tx): Promise<{ stale: bigint[] } | { value: T }> => {
        const stale = await tx.$queryRaw<{ snapshot_id: bigint }[]>`
          SELECT DISTINCT snapshot_id FROM aging_snapshot_dirty WHERE snapshot_id = ANY(${ids}::bigint[])`;
        if (stale.length > 0) return { stale: stale.map((s) => s.snapshot_id) };
        return { value: await read(tx, usable) };
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
    );
    if ('value' in outcome) return outcome.value;
    for (const id of outcome.stale) {
      const snap = ready.find((s) => s.id === id)!;
      const refreshed = await prisma.$transaction((tx) => refreshAgingSnapshot(tx, { id, companyId, asOf: snap.as_of }, INLINE_REFRESH_MAX));
      if (!refreshed) usable.delete(snap.as_of);
    }
  }
  return read(prisma, new Map());
}
