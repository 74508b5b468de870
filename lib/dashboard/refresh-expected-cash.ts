import 'server-only';
import { prisma } from '@/lib/db/client';
import { addDays, todayInTimeZone } from '@/lib/aging/calendar-date';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';
import { FORECAST_WEEKS, weekStart } from './get-dashboard';

/** How far back paid invoices count toward a customer's habit. */
export const HABIT_DAYS = 365;

/**
 * Recomputes a company's payment habits and expected cash (tables in
 * prisma/migrations/1733900000000_aging-snapshots.sql) in one transaction: each customer's days late is the
 * amount-weighted average of (last payment date - due date) over its invoices paid in full in the last year,
 * per currency; a customer with none takes the company's average in that currency (0 without any). Each open
 * balance is expected on its due date plus that many days, in the Sunday-anchored week of that date; what
 * was expected before today is expected this week. Returns how many expected-cash rows it wrote.
 */
export async function refreshExpectedCash(company: { id: string; timeZone: string }, now: Date = new Date()): Promise<number> {
  const today = todayInTimeZone(company.timeZone, now);
  const week0 = weekStart(today);
  const end = addDays(week0, 7 * FORECAST_WEEKS);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`DELETE FROM customer_payment_habits WHERE company_id = ${company.id}::uuid`;
    await tx.$executeRaw`
      INSERT INTO customer_payment_habits (company_id, customer_id, currency, days_late, paid_invoices)
      SELECT ${company.id}::uuid, customer_id, currency, round(sum(amount_minor::numeric * (paid_on - due_date)) / sum(amount_minor))::int, count(*)::int
      FROM (
        SELECT i.customer_id, i.currency, i.amount_minor, i.due_date, max(a.applied_on) AS paid_on
        FROM invoices i JOIN applications a ON a.company_id = i.company_id AND a.invoice_id = i.id
        WHERE i.company_id = ${company.id}::uuid AND i.status = 'paid' AND i.due_date > ${addDays(today, -2 * HABIT_DAYS)}::date
        GROUP BY i.id, i.customer_id, i.currency, i.amount_minor, i.due_date
        HAVING max(a.applied_on) > ${addDays(today, -HABIT_DAYS)}::date
      ) paid
      GROUP BY customer_id, currency`;
    await tx.$executeRaw`DELETE FROM expected_cash WHERE company_id = ${company.id}::uuid`;
    return tx.$executeRaw`
      WITH usual AS (
        SELECT currency, round(sum(days_late::numeric * paid_invoices) / sum(paid_invoices))::int AS days_late
        FROM customer_payment_habits WHERE company_id = ${company.id}::uuid GROUP BY currency
      ),
      expected AS (
        SELECT i.currency, i.location_id, i.balance_minor,
          greatest(i.due_date + coalesce(h.days_late, u.days_late, 0), ${today}::date) AS expected_on
        FROM invoices i
        LEFT JOIN customer_payment_habits h ON h.company_id = i.company_id AND h.customer_id = i.customer_id AND h.currency = i.currency
        LEFT JOIN usual u ON u.currency = i.currency
        WHERE i.company_id = ${company.id}::uuid AND ${AGEABLE_INVOICE}
      )
      INSERT INTO expected_cash (company_id, currency, location_id, week_start, amount_minor, computed_at)
      SELECT ${company.id}::uuid, currency, location_id, expected_on - extract(dow FROM expected_on)::int, sum(balance_minor), now()
      FROM expected WHERE expected_on < ${end}::date
      GROUP BY 2, 3, 4`;
  });
}
