import { expect } from 'vitest';
import { prisma } from '@/lib/db/client';

/** Each running-totals table and the invoice columns it totals by (besides company and currency). */
const TOTALS: Record<string, string[]> = {
  aging_date_totals: ['invoice_date', 'due_date'],
  aging_location_date_totals: ['location_id', 'invoice_date', 'due_date'],
  aging_customer_totals: ['customer_id'],
  aging_customer_location_totals: ['customer_id', 'location_id'],
};

type Row = Record<string, unknown>;

/**
 * Asserts that every running total of the company, with its unfolded changes added, equals the same total
 * computed from its invoices now; `folded` also asserts that nothing is left to fold and no empty total stays.
 */
export async function expectRunningTotalsMatchInvoices(companyId: string, opts: { folded?: boolean } = {}): Promise<void> {
  for (const [table, keys] of Object.entries(TOTALS)) {
    const cols = ['currency', ...keys].join(', ');
    const expected = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${cols}, count(*)::int AS n, sum(balance_minor)::bigint AS bal FROM invoices
       WHERE company_id = $1::uuid AND status IN ('open', 'partially_paid') AND balance_minor > 0
       GROUP BY ${cols} ORDER BY ${cols}`,
      companyId,
    );
    const actual = await prisma.$queryRawUnsafe<Row[]>(
      `SELECT ${cols}, sum(invoice_count)::int AS n, sum(balance_minor)::bigint AS bal FROM (
         SELECT ${cols}, invoice_count, balance_minor FROM ${table} WHERE company_id = $1::uuid
         UNION ALL SELECT ${cols}, invoice_count, balance_minor FROM aging_changes WHERE company_id = $1::uuid
       ) t GROUP BY ${cols} HAVING sum(invoice_count) <> 0 OR sum(balance_minor) <> 0 ORDER BY ${cols}`,
      companyId,
    );
    expect(actual, table).toEqual(expected);
    if (opts.folded) {
      const [{ stale }] = await prisma.$queryRawUnsafe<{ stale: number }[]>(
        `SELECT (SELECT count(*) FROM ${table} WHERE company_id = $1::uuid AND invoice_count <= 0)::int
              + (SELECT count(*) FROM aging_changes WHERE company_id = $1::uuid)::int AS stale`,
        companyId,
      ) as [{ stale: number }];
      expect(stale, `${table}: empty totals or unfolded changes`).toBe(0);
    }
  }
}

/** Folds the company's committed changes, waiting out a fold another test file may be running. */
export async function foldChanges(companyId: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    await prisma.$queryRaw`SELECT aging_fold_changes()`;
    const [row] = await prisma.$queryRaw<{ done: boolean }[]>`SELECT NOT EXISTS (SELECT 1 FROM aging_changes WHERE company_id = ${companyId}::uuid) AS done`;
    if (row?.done) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('aging changes were not folded');
}
