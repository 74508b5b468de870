import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import type { DunningPolicy } from './dunning-policy';
import { lastRemindedSql, overdueInvoicesSql } from './overdue-invoices-sql';
import type { SkipReason } from './skip-reasons';

/** A customer with candidates on the run date: whether something of theirs goes out, and every reason something is held back. */
export interface TriagedCustomer {
  customerId: string;
  sends: boolean;
  reasons: SkipReason[];
}

type Row = {
  id: string;
  sends: boolean;
  opted_out: boolean;
  min_interval: boolean;
  disputed: boolean;
  on_hold: boolean;
  promise_pending: boolean;
  covered_by_credit: boolean;
  under_minimum: boolean;
};
const REASON_COLUMNS = ['opted_out', 'min_interval', 'disputed', 'on_hold', 'promise_pending', 'covered_by_credit', 'under_minimum'] as const;

/**
 * Every customer with candidates on `runOn`, in the preview's order (those with something to send first, then
 * by name), decided in one statement by the rules of skip-reasons.ts (decideCustomer), which stays the
 * authority: the run plans only the customers this finds sending, and decideCustomer words each reason. On
 * the 1M-invoice bench this keeps 90,000 customers' invoices in the database instead of loading them each night.
 */
export async function triageDunning(companyId: string, policy: DunningPolicy, runOn: CalendarDate): Promise<TriagedCustomer[]> {
  const rows = await prisma.$queryRaw<Row[]>(triageSql(companyId, policy, runOn));
  return rows.map((r) => ({ customerId: r.id, sends: r.sends, reasons: REASON_COLUMNS.filter((k) => r[k]) }));
}

/** The statement of triageDunning: rows (id, sends, and a boolean per skip reason). */
export function triageSql(co: string, policy: DunningPolicy, runOn: CalendarDate): Prisma.Sql {
  const minimums = Object.entries(policy.minimums);
  return Prisma.sql`
    WITH inv AS MATERIALIZED (${overdueInvoicesSql(
      co,
      policy.levels.map((l) => l.days),
      runOn,
    )}),
    cand AS MATERIALIZED (SELECT * FROM inv WHERE candidate),
    cust AS MATERIALIZED (
      SELECT c.id, c.name, c.reminders_opt_out AS opted_out, lr.customer_id IS NOT NULL AS min_interval
      FROM customers c LEFT JOIN (${lastRemindedSql(co, runOn, policy.minIntervalDays)}) lr ON lr.customer_id = c.id
      WHERE c.company_id = ${co}::uuid AND c.id IN (SELECT customer_id FROM cand)),
    -- Per currency, whether any candidate is left once disputes, holds and pending promises are taken out.
    cur AS MATERIALIZED (
      SELECT customer_id, currency, bool_or(disputed) AS disputed, bool_or(on_hold) AS on_hold, bool_or(promise_pending) AS promise_pending,
        bool_or(NOT (disputed OR on_hold OR promise_pending)) AS sendable
      FROM cand GROUP BY customer_id, currency),
    unapplied AS MATERIALIZED (
      SELECT customer_id, currency, sum(unapplied_minor) AS amount FROM (
        SELECT customer_id, currency, unapplied_minor FROM payments WHERE company_id = ${co}::uuid AND unapplied_minor > 0
        UNION ALL
        SELECT customer_id, currency, unapplied_minor FROM credit_notes WHERE company_id = ${co}::uuid AND unapplied_minor > 0) m
      GROUP BY customer_id, currency),
    -- Everything overdue per customer and currency, also invoices already reminded at their level.
    overdue AS (SELECT customer_id, currency, sum(balance_minor) AS overdue FROM inv GROUP BY customer_id, currency),
    money AS (
      SELECT cur.customer_id, (coalesce(u.amount, 0) > 0 AND coalesce(u.amount, 0) >= o.overdue) AS covered, o.overdue,
        coalesce(mn.minimum, 0) AS minimum
      FROM cur
      JOIN overdue o ON o.customer_id = cur.customer_id AND o.currency = cur.currency
      LEFT JOIN unapplied u ON u.customer_id = cur.customer_id AND u.currency = cur.currency
      LEFT JOIN unnest(${minimums.map(([c]) => c)}::text[], ${minimums.map(([, m]) => BigInt(m))}::bigint[]) AS mn(currency, minimum)
        ON mn.currency = trim(cur.currency)
      WHERE cur.sendable),
    verdict AS (
      SELECT customer_id, bool_or(covered) AS covered_by_credit, bool_or(NOT covered AND overdue < minimum) AS under_minimum,
        bool_or(NOT covered AND overdue >= minimum) AS sends
      FROM money GROUP BY customer_id),
    held AS (
      SELECT customer_id, bool_or(disputed) AS disputed, bool_or(on_hold) AS on_hold, bool_or(promise_pending) AS promise_pending
      FROM cur GROUP BY customer_id)
    SELECT c.id, c.opted_out, c.min_interval,
      -- Opted out or reminded too recently says it all (decideCustomer stops there too).
      NOT (c.opted_out OR c.min_interval) AND coalesce(v.sends, false) AS sends,
      NOT (c.opted_out OR c.min_interval) AND h.disputed AS disputed,
      NOT (c.opted_out OR c.min_interval) AND h.on_hold AS on_hold,
      NOT (c.opted_out OR c.min_interval) AND h.promise_pending AS promise_pending,
      NOT (c.opted_out OR c.min_interval) AND coalesce(v.covered_by_credit, false) AS covered_by_credit,
      NOT (c.opted_out OR c.min_interval) AND coalesce(v.under_minimum, false) AS under_minimum
    FROM cust c JOIN held h ON h.customer_id = c.id LEFT JOIN verdict v ON v.customer_id = c.id
    ORDER BY 4 DESC, c.name, c.id`;
}
