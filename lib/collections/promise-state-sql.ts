import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';

/**
 * The money that counts toward promise `alias` (a payment_promises row), as a bigint SQL expression:
 * applications to its invoices dated from the day it was made to its date, or, when it names no invoice,
 * the customer's payments in its currency received in those days.
 */
export function promisePaidSql(alias = 'p'): Prisma.Sql {
  const p = Prisma.raw(alias);
  return Prisma.sql`(CASE WHEN EXISTS (SELECT 1 FROM payment_promise_invoices ppi WHERE ppi.company_id = ${p}.company_id AND ppi.promise_id = ${p}.id)
    THEN (SELECT coalesce(sum(a.amount_minor), 0) FROM payment_promise_invoices ppi
          JOIN applications a ON a.company_id = ppi.company_id AND a.invoice_id = ppi.invoice_id
          WHERE ppi.company_id = ${p}.company_id AND ppi.promise_id = ${p}.id AND a.applied_on BETWEEN ${p}.made_on AND ${p}.promised_on)
    ELSE (SELECT coalesce(sum(pay.amount_minor), 0) FROM payments pay
          WHERE pay.company_id = ${p}.company_id AND pay.customer_id = ${p}.customer_id AND pay.currency = ${p}.currency
            AND pay.received_on BETWEEN ${p}.made_on AND ${p}.promised_on) END)::bigint`;
}

/**
 * The state of promise `alias` on `asOf` as text ('pending', 'kept', 'partly_kept', 'broken'): the rule of
 * lib/collections/promise-state.ts. `paid` is the expression of promisePaidSql, or a column that holds it.
 */
export function promiseStateSql(asOf: CalendarDate, alias = 'p', paid: Prisma.Sql = promisePaidSql(alias)): Prisma.Sql {
  const p = Prisma.raw(alias);
  return Prisma.sql`(CASE WHEN ${paid} >= ${p}.amount_minor THEN 'kept'
    WHEN ${asOf}::date <= ${p}.promised_on THEN 'pending'
    WHEN ${paid} > 0 THEN 'partly_kept' ELSE 'broken' END)`;
}
