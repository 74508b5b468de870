import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { replaceSnapshotCustomers, type SnapshotRef } from './replace-snapshot-customers';

/**
 * More stale customers than this and a read goes to the ledger instead (a large import touches every
 * snapshot); the snapshot job catches up.
 */
export const INLINE_REFRESH_MAX = 2_000;

type Tx = Pick<Prisma.TransactionClient, '$executeRaw' | '$queryRaw'>;

/** Takes a snapshot's lock until the transaction ends: one build or refresh of it at a time. */
export async function lockSnapshot(tx: Pick<Tx, '$executeRaw'>, id: bigint): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`aging_snapshot:${id}`}, 0))`;
}

/**
 * Brings a snapshot up to date inside the caller's transaction: takes its lock (one refresh at a time; a
 * reader waiting here then sees the other's work), and replaces from the ledger the customers changes have
 * noted since. Changes committed meanwhile stay noted for the next refresh. Returns false, having changed
 * nothing, when more than `max` customers are stale.
 */
export async function refreshAgingSnapshot(tx: Tx, snap: SnapshotRef, max = Infinity): Promise<boolean> {
  await lockSnapshot(tx, snap.id);
  if (Number.isFinite(max)) {
    const [row] = await tx.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT DISTINCT customer_id FROM aging_snapshot_dirty WHERE snapshot_id = ${snap.id}::bigint LIMIT ${max + 1}) d`;
    if ((row?.n ?? 0) > max) return false;
  }
  const stale = await tx.$queryRaw<{ customer_id: string }[]>`
    WITH gone AS (DELETE FROM aging_snapshot_dirty WHERE snapshot_id = ${snap.id}::bigint RETURNING customer_id)
    SELECT DISTINCT customer_id::text FROM gone`;
  if (stale.length > 0)
    await replaceSnapshotCustomers(
      tx,
      snap,
      stale.map((r) => r.customer_id),
    );
  return true;
}
