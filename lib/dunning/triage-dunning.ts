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

/**
 * What the run needs of the triage: the customers with something to send, and how many customers have
 * candidates at all (the rest are skipped). The same rules as triageSql, but customers are read only for those
 * the money rules let through (a few hundred on a following night), not for each of 90,000 with candidates,
 * and nothing is sorted by name.
 */
export async function triageSending(
  companyId: string,
  policy: DunningPolicy,
  runOn: CalendarDate,
): Promise<{ sending: string[]; candidates: number }> {
  const rows = await prisma.$queryRaw<{ id: string | null; candidates: number }[]>(triageSendingSql(companyId, policy, runOn));
  return { sending: rows.flatMap((r) => (r.id ? [r.id] : [])), candidates: rows[0]?.candidates ?? 0 };
}

/** The statement of triageSending: rows (id of a customer that sends, or null when none does; candidates). */
export function triageSendingSql(co: string, policy: DunningPolicy, runOn: CalendarDate): Prisma.Sql {
  return Prisma.sql`
    ${verdictCtes(co, policy, runOn)}
    SELECT s.id, (SELECT count(DISTINCT customer_id)::int FROM cur) AS candidates
    FROM (SELECT 1) one LEFT JOIN (
      SELECT c.id, c.name FROM verdict v JOIN customers c ON c.company_id = ${co}::uuid AND c.id = v.customer_id
      WHERE v.sends AND NOT c.reminders_opt_out
        AND NOT EXISTS (SELECT 1 FROM (${lastRemindedSql(co, runOn, policy.minIntervalDays)}) lr WHERE lr.customer_id = c.id)
    ) s ON true
    ORDER BY s.name, s.id`;
}

/** The statement of triageDunning: rows (id, sends, and a boolean per skip reason). */
export function triageSql(co: string, policy: DunningPolicy, runOn: CalendarDate): Prisma.Sql {
  return Prisma.sql`
    ${verdictCtes(co, policy, runOn)},
    cust AS MATERIALIZED (
      SELECT c.id, c.name, c.reminders_opt_out AS opted_out, lr.customer_id IS NOT NULL AS min_interval
      FROM customers c LEFT JOIN (${lastRemindedSql(co, runOn, policy.minIntervalDays)}) lr ON lr.customer_id = c.id
      WHERE c.company_id = ${co}::uuid AND c.id IN (SELECT customer_id FROM cur)),
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

/**
 * The triage's common part, a WITH clause: inv (overdue invoices), cur (per customer and currency with
 * candidates: the overdue amount, the candidates' holds, disputes and promises, and whether one is left), and verdict (per customer with a
 * sendable candidate: covered by credit, under the minimum, or sends).
 */
function verdictCtes(co: string, policy: DunningPolicy, runOn: CalendarDate): Prisma.Sql {
  const minimums = Object.entries(policy.minimums);
  return Prisma.sql`
    WITH inv AS (${overdueInvoicesSql(
      co,
      policy.levels.map((l) => l.days),
      runOn,
    )}),
    -- Per customer and currency with candidates, in one pass: everything overdue (also invoices already reminded
    -- at their level), the candidates' holds, disputes and pending promises, and whether a candidate is left
    -- once those are taken out.
    cur AS MATERIALIZED (
      SELECT customer_id, currency, sum(balance_minor) AS overdue, bool_or(disputed) FILTER (WHERE candidate) AS disputed,
        bool_or(on_hold) FILTER (WHERE candidate) AS on_hold, bool_or(promise_pending) FILTER (WHERE candidate) AS promise_pending,
        bool_or(candidate AND NOT (disputed OR on_hold OR promise_pending)) AS sendable
      FROM inv GROUP BY customer_id, currency HAVING bool_or(candidate)),
    unapplied AS MATERIALIZED (
      SELECT customer_id, currency, sum(unapplied_minor) AS amount FROM (
        SELECT customer_id, currency, unapplied_minor FROM payments WHERE company_id = ${co}::uuid AND unapplied_minor > 0
        UNION ALL
        SELECT customer_id, currency, unapplied_minor FROM credit_notes WHERE company_id = ${co}::uuid AND unapplied_minor > 0) m
      GROUP BY customer_id, currency),
    money AS (
      SELECT cur.customer_id, (coalesce(u.amount, 0) > 0 AND coalesce(u.amount, 0) >= cur.overdue) AS covered, cur.overdue,
        coalesce(mn.minimum, 0) AS minimum
      FROM cur
      LEFT JOIN unapplied u ON u.customer_id = cur.customer_id AND u.currency = cur.currency
      LEFT JOIN unnest(${minimums.map(([c]) => c)}::text[], ${minimums.map(([, m]) => BigInt(m))}::bigint[]) AS mn(currency, minimum)
        ON mn.currency = trim(cur.currency)
      WHERE cur.sendable),
    verdict AS MATERIALIZED (
      SELECT customer_id, bool_or(covered) AS covered_by_credit, bool_or(NOT covered AND overdue < minimum) AS under_minimum,
        bool_or(NOT covered AND overdue >= minimum) AS sends
      FROM money GROUP BY customer_id)`;
}
