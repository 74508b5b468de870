import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';
import { invoiceRiskSql } from './money-at-risk-sql';

/**
 * How long a refresh may hold its transaction, waiting for another caller's refresh included (Prisma's default
 * is 5 s; the 1M-invoice bench refreshes in about 2 s).
 */
const REFRESH_TIMEOUT_MS = 120_000;

/**
 * Replaces the company's customer_risk rows with its money at risk on `asOf`: per customer, location and currency,
 * the overdue balance of its ageable invoices (due before `asOf`) and their risk (invoiceRiskSql, rounded per
 * row), with each customer's total over its locations in customer_risk_totals, and records `asOf` in
 * customer_risk_refreshes. One transaction under an advisory lock of the company, so readers see the old rows or
 * the new ones, never a mix, and a second caller waits for the first and then finds the day already refreshed.
 * Returns whether this call refreshed.
 */
export async function refreshCustomerRisk(companyId: string, asOf: CalendarDate, now: Date): Promise<boolean> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`customer_risk:${companyId}`}, 0))`;
      // Read after the lock: this statement's snapshot includes a refresh committed while we waited.
      const [current] = await tx.$queryRaw<{ as_of: Date }[]>`
        SELECT as_of FROM customer_risk_refreshes WHERE company_id = ${companyId}::uuid AND as_of = ${asOf}::date`;
      if (current) return false;
      await tx.$executeRaw`DELETE FROM customer_risk WHERE company_id = ${companyId}::uuid`;
      await tx.$executeRaw`DELETE FROM customer_risk_totals WHERE company_id = ${companyId}::uuid`;
      // Grouped in the order of invoices_aging_idx (company, currency, location, customer), whose partial predicate
      // is AGEABLE_INVOICE and whose columns hold all it reads: one index-only pass, aggregated as it streams.
      await tx.$executeRaw`
        INSERT INTO customer_risk (company_id, customer_id, location_id, currency, overdue_minor, risk_minor)
        SELECT i.company_id, i.customer_id, i.location_id, i.currency, sum(i.balance_minor)::bigint, round(sum(${invoiceRiskSql(asOf)}))::bigint
        FROM invoices i
        WHERE i.company_id = ${companyId}::uuid AND ${AGEABLE_INVOICE} AND i.due_date < ${asOf}::date
        GROUP BY i.company_id, i.currency, i.location_id, i.customer_id`;
      await tx.$executeRaw`
        INSERT INTO customer_risk_totals (company_id, customer_id, risk_minor)
        SELECT company_id, customer_id, sum(risk_minor) FROM customer_risk WHERE company_id = ${companyId}::uuid GROUP BY company_id, customer_id`;
      await tx.$executeRaw`
        INSERT INTO customer_risk_refreshes (company_id, as_of, refreshed_at) VALUES (${companyId}::uuid, ${asOf}::date, ${now}::timestamptz)
        ON CONFLICT (company_id) DO UPDATE SET as_of = excluded.as_of, refreshed_at = excluded.refreshed_at`;
      return true;
    },
    { timeout: REFRESH_TIMEOUT_MS, maxWait: REFRESH_TIMEOUT_MS },
  );
}

/**
 * Makes sure the company's customer_risk is as of `today`: one primary-key read when it is (every worklist read
 * but the first of a day the nightly run has not refreshed), else a refresh (refreshCustomerRisk, which waits for
 * a concurrent one rather than repeating it). Returns whether this call refreshed.
 */
export async function ensureCustomerRisk(companyId: string, today: CalendarDate, now: Date): Promise<boolean> {
  const [current] = await prisma.$queryRaw<{ as_of: Date }[]>`
    SELECT as_of FROM customer_risk_refreshes WHERE company_id = ${companyId}::uuid AND as_of = ${today}::date`;
  if (current) return false;
  return refreshCustomerRisk(companyId, today, now);
}
