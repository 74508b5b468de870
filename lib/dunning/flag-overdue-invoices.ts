import 'server-only';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';

/**
 * Invoices flagged per statement: each is its own transaction, so a crash keeps the batches before it, and a
 * batch of 50,000 flag rows with their audit rows takes about a second.
 */
export const FLAG_BATCH = 50_000;

/**
 * Flags the company's invoices that are open or partly paid, owe money, fell due before `runOn` and are not
 * flagged yet: a row in invoice_overdue_flags and one audit row each, written by the same statement, in batches
 * in due-date order. The flag's primary key makes it exactly-once: a second run at the same time inserts
 * nothing the first inserted (ON CONFLICT DO NOTHING, and only the rows it did insert are audited).
 * Returns how many this call flagged.
 */
export async function flagOverdueInvoices(companyId: string, runOn: CalendarDate, now: Date, batchSize = FLAG_BATCH): Promise<number> {
  let total = 0;
  let after: CalendarDate | null = null;
  for (;;) {
    // Batches walk the due dates: each picks up where the last ended, so none rescans what is flagged.
    const [row]: { n: number; last: Date | null; picked: number }[] = await prisma.$queryRaw`
      WITH pick AS MATERIALIZED (
        SELECT i.company_id, i.id, i.number, i.customer_id, i.due_date, i.balance_minor, i.currency
        FROM invoices i
        WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.due_date < ${runOn}::date
          AND (${after}::date IS NULL OR i.due_date >= ${after}::date)
          AND NOT EXISTS (SELECT 1 FROM invoice_overdue_flags f WHERE f.company_id = i.company_id AND f.invoice_id = i.id)
        ORDER BY i.due_date, i.id LIMIT ${batchSize}::int),
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
        FROM pick p JOIN flagged f ON f.invoice_id = p.id)
      SELECT (SELECT count(*)::int FROM flagged) AS n, (SELECT max(due_date) FROM pick) AS last, (SELECT count(*)::int FROM pick) AS picked`;
    total += row?.n ?? 0;
    if (!row || row.picked < batchSize || !row.last) return total;
    after = calendarDateOf(row.last);
  }
}
