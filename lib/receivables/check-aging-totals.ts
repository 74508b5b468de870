import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { prisma } from '@/lib/db/client';
import { AGEABLE_INVOICE } from './aging-sql';

/** Each running-totals table and the invoice columns it totals by (besides company and currency). */
const TOTALS = {
  aging_date_totals: ['invoice_date', 'due_date'],
  aging_location_date_totals: ['location_id', 'invoice_date', 'due_date'],
  aging_customer_totals: ['customer_id'],
  aging_customer_location_totals: ['location_id', 'customer_id'],
} as const;

export interface AgingTotalsCheck {
  table: keyof typeof TOTALS;
  /** Keys whose total (with unfolded changes added) differs from the company's invoices now. */
  wrong: number;
  /** Rows that should not stay after a fold: totals of zero invoices or fewer. */
  empty: number;
}

/**
 * Compares a company's running totals, with the changes not yet folded, to totals computed from its invoices
 * in the same snapshot: every `wrong` is 0 unless the totals drifted (`npm run cli -- aging rebuild` repairs).
 */
export async function checkAgingTotals(companyId: string): Promise<AgingTotalsCheck[]> {
  const out: AgingTotalsCheck[] = [];
  for (const [table, keys] of Object.entries(TOTALS) as [keyof typeof TOTALS, readonly string[]][]) {
    const cols = Prisma.raw(['currency', ...keys].join(', '));
    const same = Prisma.raw(['currency', ...keys].map((k) => `e.${k} = a.${k}`).join(' AND '));
    const [row] = await prisma.$queryRaw<{ wrong: number; empty: number }[]>`
      WITH e AS (
        SELECT ${cols}, count(*) AS n, sum(balance_minor) AS bal FROM invoices i
        WHERE company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE}
        GROUP BY ${cols}
      ), a AS (
        SELECT ${cols}, sum(invoice_count) AS n, sum(balance_minor) AS bal FROM (
          SELECT ${cols}, invoice_count, balance_minor FROM ${Prisma.raw(table)} WHERE company_id = ${companyId}::uuid
          UNION ALL SELECT ${cols}, invoice_count, balance_minor FROM aging_changes WHERE company_id = ${companyId}::uuid
        ) t GROUP BY ${cols} HAVING sum(invoice_count) <> 0 OR sum(balance_minor) <> 0
      )
      SELECT (SELECT count(*) FROM e FULL JOIN a ON ${same} WHERE e.n IS DISTINCT FROM a.n OR e.bal IS DISTINCT FROM a.bal)::int AS wrong,
        (SELECT count(*) FROM ${Prisma.raw(table)} WHERE company_id = ${companyId}::uuid AND invoice_count <= 0)::int AS empty`;
    out.push({ table, wrong: row?.wrong ?? 0, empty: row?.empty ?? 0 });
  }
  return out;
}

/**
 * Replaces the company's running totals with ones computed from its invoices (aging_rebuild_totals), in one
 * REPEATABLE READ transaction so invoice writes may go on meanwhile; returns the change rows folded.
 */
export async function rebuildAgingTotals(companyId: string): Promise<number> {
  const [row] = await prisma.$transaction((tx) => tx.$queryRaw<{ folded: number }[]>`SELECT aging_rebuild_totals(${companyId}::uuid) AS folded`, {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    timeout: 300_000,
  });
  return row?.folded ?? 0;
}
