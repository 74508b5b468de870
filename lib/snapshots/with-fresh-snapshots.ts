import 'server-only';
import { prisma } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { INLINE_REFRESH_MAX, refreshAgingSnapshot } from './refresh-aging-snapshot';

type Db = Pick<Prisma.TransactionClient, '$queryRaw'>;

/**
 * Runs `read` with the company's ready snapshots of `dates`, each brought up to date first, in one
 * transaction: `snapshots` maps a date to its snapshot id, and a date with no ready snapshot, or with too
 * many stale customers to refresh now, is missing (the caller reads the ledger for it). Without any ready
 * snapshot it runs outside a transaction.
 */
export async function withFreshSnapshots<T>(
  companyId: string,
  dates: CalendarDate[],
  read: (db: Db, snapshots: Map<CalendarDate, bigint>) => Promise<T>,
): Promise<T> {
  const ready = await prisma.$queryRaw<{ id: bigint; as_of: string }[]>`
    SELECT id, as_of::text FROM aging_snapshots WHERE company_id = ${companyId}::uuid AND ready AND as_of = ANY(${dates}::date[])`;
  if (ready.length === 0) return read(prisma, new Map());
  return prisma.$transaction(async (tx) => {
    const snapshots = new Map<CalendarDate, bigint>();
    for (const s of ready) {
      if (await refreshAgingSnapshot(tx, { id: s.id, companyId, asOf: s.as_of }, INLINE_REFRESH_MAX)) snapshots.set(s.as_of, s.id);
    }
    return read(tx, snapshots);
  });
}
