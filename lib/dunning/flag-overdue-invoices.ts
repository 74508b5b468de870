import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/** Invoices flagged per statement: one UPDATE of this many rows takes well under a second. */
export const FLAG_BATCH = 20_000;

/**
 * Stamps overdue_flagged_at on the company's invoices that are open or partly paid, owe money, fell due before
 * `runOn` and are not flagged yet, with one audit row each written by the same statement, in batches. The
 * `overdue_flagged_at IS NULL` test is re-checked on the locked row, so a second run at the same time waits for
 * the first one's batch and then finds nothing left to flag: no invoice is flagged (or audited) twice.
 * Returns how many this call flagged.
 */
export async function flagOverdueInvoices(companyId: string, runOn: CalendarDate, now: Date, batchSize = FLAG_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await prisma.$queryRaw<{ n: number }[]>`
      WITH flagged AS (
        UPDATE invoices i SET overdue_flagged_at = ${now}::timestamptz
        WHERE (i.company_id, i.id) IN (
            SELECT company_id, id FROM invoices
            WHERE company_id = ${companyId}::uuid AND status IN ('open', 'partially_paid') AND balance_minor > 0
              AND overdue_flagged_at IS NULL AND due_date < ${runOn}::date
            ORDER BY due_date, id LIMIT ${batchSize}::int FOR UPDATE)
          AND i.overdue_flagged_at IS NULL
        RETURNING i.company_id, i.id, i.number, i.customer_id, i.due_date, i.balance_minor, i.currency),
      audit AS (
        INSERT INTO audit_logs (company_id, user_id, action, target_type, target_id, details, created_at)
        SELECT company_id, NULL, 'invoice.overdue_flagged', 'invoice', id::text,
          jsonb_build_object('number', number, 'customerId', customer_id, 'dueDate', due_date, 'balanceMinor', balance_minor,
            'currency', trim(currency), 'runOn', ${runOn}::text),
          ${now}::timestamptz
        FROM flagged)
      SELECT count(*)::int AS n FROM flagged`;
    const n = row?.n ?? 0;
    total += n;
    if (n < batchSize) return total;
  }
}
