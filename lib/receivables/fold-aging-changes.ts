import 'server-only';
import { prisma } from '@/lib/db/client';

/**
 * Folds the committed invoice changes into the aging running totals (aging_fold_changes() in
 * prisma/migrations/1732700000000_aging-rollups.sql); returns how many change rows it folded, 0 when there were
 * none or another fold was running. Reads are exact either way; folding keeps them fast.
 */
export async function foldAgingChanges(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ folded: number }[]>`SELECT aging_fold_changes() AS folded`;
  return row?.folded ?? 0;
}
