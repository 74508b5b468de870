import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { activeHoldSql } from '@/lib/collections/active-hold-sql';
import { promiseStateSql } from '@/lib/collections/promise-state-sql';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';

/** The level (1-based) an invoice `d` days overdue reached: the highest whose days it reached, else null. */
function levelCaseSql(days: number[], d: Prisma.Sql): Prisma.Sql {
  const whens = days.map((n, i) => Prisma.sql`WHEN ${d} >= ${n}::int THEN ${i + 1}::int`).reverse();
  return Prisma.sql`CASE ${Prisma.join(whens, ' ')} END`;
}

/**
 * Every overdue invoice of the company on `runOn` (open or partly paid, a balance, past due) as rows (id,
 * customer_id, currency (char(3), untrimmed: it matches the invoice indexes), due_date, balance_minor,
 * days_overdue, level, candidate, on_hold, disputed, promise_pending): `level` is the highest the invoice
 * reached (null before the first), `candidate` whether no reminder item names it at that level yet; then the
 * invoice's or customer's active holds and disputes and a pending promise that covers it (one naming the
 * invoice, or naming none in its currency). `customerIds` narrows them to those customers.
 *
 * Read from invoices_ageable_due_idx alone (index-only), and holds and pending promises, which are few, are
 * gathered once and joined by hash: a large company's 450,000 overdue invoices take a second, not sixteen.
 */
export function overdueInvoicesSql(companyId: string, days: number[], runOn: CalendarDate, customerIds: string[] | null = null): Prisma.Sql {
  const co = Prisma.sql`${companyId}::uuid`;
  const only = customerIds === null ? Prisma.empty : Prisma.sql`AND i.customer_id = ANY(${customerIds}::uuid[])`;
  return Prisma.sql`
    WITH holds AS MATERIALIZED (
      SELECT h.customer_id, h.invoice_id, h.kind FROM collection_holds h WHERE h.company_id = ${co} AND ${activeHoldSql(runOn, 'h')}),
    customer_holds AS (
      SELECT customer_id, bool_or(kind = 'hold') AS hold, bool_or(kind = 'dispute') AS dispute FROM holds WHERE invoice_id IS NULL GROUP BY customer_id),
    invoice_holds AS (
      SELECT invoice_id, bool_or(kind = 'hold') AS hold, bool_or(kind = 'dispute') AS dispute FROM holds WHERE invoice_id IS NOT NULL GROUP BY invoice_id),
    promised AS MATERIALIZED (
      SELECT p.customer_id, p.currency, ppi.invoice_id
      FROM payment_promises p LEFT JOIN payment_promise_invoices ppi ON ppi.company_id = p.company_id AND ppi.promise_id = p.id
      WHERE p.company_id = ${co} AND p.promised_on >= ${runOn}::date AND ${promiseStateSql(runOn, 'p')} = 'pending'),
    customer_promises AS (SELECT DISTINCT customer_id, currency FROM promised WHERE invoice_id IS NULL),
    invoice_promises AS (SELECT DISTINCT customer_id, invoice_id FROM promised WHERE invoice_id IS NOT NULL),
    overdue AS (
      SELECT i.id, i.customer_id, i.currency, i.due_date, i.balance_minor, (${runOn}::date - i.due_date)::int AS days_overdue,
        ${levelCaseSql(days, Prisma.sql`(${runOn}::date - i.due_date)`)} AS level
      FROM invoices i
      WHERE i.company_id = ${co} AND ${AGEABLE_INVOICE} AND i.due_date < ${runOn}::date ${only})
    SELECT o.id, o.customer_id, o.currency, o.due_date, o.balance_minor, o.days_overdue, o.level,
      (o.level IS NOT NULL AND ri.invoice_id IS NULL) AS candidate,
      (coalesce(ch.hold, false) OR coalesce(ih.hold, false)) AS on_hold,
      (coalesce(ch.dispute, false) OR coalesce(ih.dispute, false)) AS disputed,
      (cp.customer_id IS NOT NULL OR ip.invoice_id IS NOT NULL) AS promise_pending
    FROM overdue o
    LEFT JOIN dunning_reminder_items ri ON ri.company_id = ${co} AND ri.invoice_id = o.id AND ri.level = o.level
    LEFT JOIN customer_holds ch ON ch.customer_id = o.customer_id
    LEFT JOIN invoice_holds ih ON ih.invoice_id = o.id
    LEFT JOIN customer_promises cp ON cp.customer_id = o.customer_id AND cp.currency = o.currency
    LEFT JOIN invoice_promises ip ON ip.customer_id = o.customer_id AND ip.invoice_id = o.id`;
}

/**
 * Per customer reminded within the minimum interval before `runOn`, the last run date a reminder that was not
 * cancelled went out: rows (customer_id, last_reminded_on). Older reminders never hold one back, so only the
 * interval's runs are read, however long the company's history.
 */
export function lastRemindedSql(companyId: string, runOn: CalendarDate, minIntervalDays: number): Prisma.Sql {
  return Prisma.sql`SELECT r.customer_id, max(run.run_on) AS last_reminded_on
    FROM dunning_runs run JOIN dunning_reminders r ON r.company_id = run.company_id AND r.run_id = run.id
    WHERE run.company_id = ${companyId}::uuid AND run.run_on < ${runOn}::date AND run.run_on > ${runOn}::date - ${minIntervalDays}::int
      AND r.status <> 'cancelled'
    GROUP BY r.customer_id`;
}
