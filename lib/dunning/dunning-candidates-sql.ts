import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { activeHoldSql } from '@/lib/collections/active-hold-sql';
import { promiseStateSql } from '@/lib/collections/promise-state-sql';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';

/**
 * The run's candidates as rows (id, number, customer_id, currency (char(3), untrimmed: it matches the
 * invoice indexes), due_date, balance_minor, days_overdue, level, on_hold, disputed, promise_pending): open
 * invoices of the company with a balance, past due on `runOn`, at a level (the highest of `days` they
 * reached, 1-based) that no reminder item names yet, with the invoice's or customer's active holds and
 * disputes and a pending promise that covers it. `customerIds` narrows them to those customers.
 */
export function dunningCandidatesSql(companyId: string, days: number[], runOn: CalendarDate, customerIds: string[] | null = null): Prisma.Sql {
  const only = customerIds === null ? Prisma.empty : Prisma.sql`AND i.customer_id = ANY(${customerIds}::uuid[])`;
  return Prisma.sql`
    SELECT i.id, i.number, i.customer_id, i.currency, i.due_date, i.balance_minor,
      (${runOn}::date - i.due_date)::int AS days_overdue, lv.level,
      EXISTS (SELECT 1 FROM collection_holds h WHERE h.company_id = i.company_id AND h.customer_id = i.customer_id
        AND (h.invoice_id IS NULL OR h.invoice_id = i.id) AND h.kind = 'hold' AND ${activeHoldSql(runOn, 'h')}) AS on_hold,
      EXISTS (SELECT 1 FROM collection_holds h WHERE h.company_id = i.company_id AND h.customer_id = i.customer_id
        AND (h.invoice_id IS NULL OR h.invoice_id = i.id) AND h.kind = 'dispute' AND ${activeHoldSql(runOn, 'h')}) AS disputed,
      EXISTS (SELECT 1 FROM payment_promises p WHERE p.company_id = i.company_id AND p.customer_id = i.customer_id
        AND p.promised_on >= ${runOn}::date
        AND (EXISTS (SELECT 1 FROM payment_promise_invoices ppi WHERE ppi.company_id = p.company_id AND ppi.promise_id = p.id AND ppi.invoice_id = i.id)
          OR (p.currency = i.currency AND NOT EXISTS (SELECT 1 FROM payment_promise_invoices ppi WHERE ppi.company_id = p.company_id AND ppi.promise_id = p.id)))
        AND ${promiseStateSql(runOn, 'p')} = 'pending') AS promise_pending
    FROM invoices i
    CROSS JOIN LATERAL (SELECT max(t.ord)::int AS level FROM unnest(${days}::int[]) WITH ORDINALITY AS t(days, ord)
      WHERE t.days <= ${runOn}::date - i.due_date) lv
    WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.due_date < ${runOn}::date AND lv.level IS NOT NULL ${only}
      AND NOT EXISTS (SELECT 1 FROM dunning_reminder_items ri WHERE ri.company_id = i.company_id AND ri.invoice_id = i.id AND ri.level = lv.level)`;
}

/** The last run date (before `runOn`) a reminder that was not cancelled went to customer `c`. */
export function lastRemindedSql(runOn: CalendarDate, alias = 'c'): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`(SELECT max(run.run_on) FROM dunning_reminders r JOIN dunning_runs run ON run.company_id = r.company_id AND run.id = r.run_id
    WHERE r.company_id = ${c}.company_id AND r.customer_id = ${c}.id AND r.status <> 'cancelled' AND run.run_on < ${runOn}::date)`;
}
