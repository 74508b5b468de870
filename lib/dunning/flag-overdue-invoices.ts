import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';

/** Invoices flagged per statement (its own transaction: a crash keeps the batches before it). */
export const FLAG_BATCH = 50_000;

/**
 * Flags the company's invoices that are open or partly paid, owe money, fell due before `runOn` and are not
 * flagged yet: a row in invoice_overdue_flags and one audit row each, written by the same statement, in
 * batches. The unflagged ones are found from invoices_ageable_due_idx alone (index-only, anti-joined to the
 * flags), so a night with few new ones reads no invoice rows but theirs. The flag's primary key makes it
 * exactly-once: a second run at the same time inserts nothing the first inserted (ON CONFLICT DO NOTHING
 * waits for it), and only rows this call inserted are audited. Returns how many this call flagged.
 */
export async function flagOverdueInvoices(companyId: string, runOn: CalendarDate, now: Date, batchSize = FLAG_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const [row]: { n: number; picked: number }[] = await prisma.$queryRaw`
      WITH ids AS MATERIALIZED (
        SELECT i.id FROM invoices i
        WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.due_date < ${runOn}::date
          AND NOT EXISTS (SELECT 1 FROM invoice_overdue_flags f WHERE f.company_id = i.company_id AND f.invoice_id = i.id)
        LIMIT ${batchSize}::int),
      pick AS MATERIALIZED (
        SELECT i.company_id, i.id, i.number, i.customer_id, i.due_date, i.balance_minor, i.currency
        -- An id array: a probe per picked invoice, where a join would hash all the company's invoices.
        FROM invoices i WHERE i.company_id = ${companyId}::uuid AND i.id = ANY (ARRAY(SELECT id FROM ids))),
      flagged AS (
        INSERT INTO invoice_overdue_flags (company_id, invoice_id, customer_id, due_date, run_on, flagged_at)
        SELECT company_id, id, customer_id, due_date, ${runOn}::date, ${now}::timestamptz FROM pick
        ON CONFLICT (company_id, invoice_id) DO NOTHING
        RETURNING invoice_id),
      audit AS (
        INSERT INTO audit_logs (company_id, user_id, action, target_type, target_id, details, created_at)
        SELECT p.company_id, NULL, 'invoice.overdue_flagged', 'invoice', p.id::text,
          jsonb_build_object('number', p.number, 'customerId', p.customer_id, 'dueDate', p.due_date, 'balanceMinor', p.balance_minor,
            'currency', trim(p.currency), 'runOn', ${runOn}::text),
          ${now}::timestamptz
        FROM pick p WHERE p.id IN (SELECT invoice_id FROM flagged))
      SELECT (SELECT count(*)::int FROM flagged) AS n, (SELECT count(*)::int FROM ids) AS picked`;
    total += row?.n ?? 0;
    // A short batch was the last; a full one may have left some (or lost all to a concurrent run: look again).
    if (!row || row.picked < batchSize) return total;
  }
}
