import 'server-only';
import { prisma } from '@/lib/db/client';
import { AGING_TOTALS_TABLES } from './aging-totals-sql';

/**
 * Folds the committed invoice changes into the aging running totals (aging_fold_changes() in
 * prisma/migrations/1732700000000_aging-rollups.sql); returns how many change rows it folded, 0 when there were
 * none or another fold was running. Reads are exact either way; folding keeps them fast.
 */
export async function foldAgingChanges(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ folded: number }[]>`SELECT aging_fold_changes() AS folded`;
  return row?.folded ?? 0;
}

/**
 * VACUUM (ANALYZE) of the running totals after many changes: fresh statistics for the planner and space back
 * from folded change rows (PGlite has no autovacuum).
 */
export async function vacuumAgingTotals(): Promise<void> {
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE) ${AGING_TOTALS_TABLES}`);
}
