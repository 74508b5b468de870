import { expect } from 'vitest';
import { prisma } from '@/lib/db/client';
import { checkAgingTotals } from '@/lib/receivables/check-aging-totals';

/**
 * Asserts that every running total of the company, with its unfolded changes added, equals the same total
 * computed from its invoices now; `folded` also asserts that nothing is left to fold and no empty total stays.
 */
export async function expectRunningTotalsMatchInvoices(companyId: string, opts: { folded?: boolean } = {}): Promise<void> {
  const checks = await checkAgingTotals(companyId);
  expect(checks.map(({ table, wrong }) => ({ table, wrong }))).toEqual(checks.map(({ table }) => ({ table, wrong: 0 })));
  if (opts.folded) {
    expect(checks.map(({ table, empty }) => ({ table, empty }))).toEqual(checks.map(({ table }) => ({ table, empty: 0 })));
    const [row] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM aging_changes WHERE company_id = ${companyId}::uuid`;
    expect(row?.n, 'unfolded changes').toBe(0);
  }
}

/** Folds the company's committed changes, waiting out a fold another test file may be running. */
export async function foldChanges(companyId: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await prisma.$queryRaw`SELECT aging_fold_changes()`;
    const [row] = await prisma.$queryRaw<
      { done: boolean }[]
    >`SELECT NOT EXISTS (SELECT 1 FROM aging_changes WHERE company_id = ${companyId}::uuid) AS done`;
    if (row?.done) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('aging changes were not folded');
}
