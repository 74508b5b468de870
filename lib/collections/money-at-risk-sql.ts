import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AGEABLE_INVOICE } from '@/lib/receivables/aging-sql';

/** Days past due beyond which an invoice weighs no more: a 2-year-old debt is not 4 times riskier than a 6-month-old one. */
export const RISK_MAX_DAYS = 180;

/**
 * Money at risk of open invoice `i` on `asOf`: its balance weighted by how late it is, balance × min(days overdue,
 * 180) / 30 (one month late counts once, six months or more six times), in minor units. The one definition: the
 * worklist orders by it and shows it.
 */
export function invoiceRiskSql(asOf: CalendarDate, alias = 'i'): Prisma.Sql {
  const i = Prisma.raw(alias);
  return Prisma.sql`(${i}.balance_minor::numeric * least(${asOf}::date - ${i}.due_date, ${RISK_MAX_DAYS}) / 30)`;
}

export interface OverdueScope {
  companyId: string;
  asOf: CalendarDate;
  /** null: every location (an admin); else only invoices in these locations count. */
  locationIds: string[] | null;
  /** The customers, as a query of distinct ids (column customer_id). */
  customers: Prisma.Sql;
}

/**
 * Per customer and currency, the overdue open balance and its money at risk on `asOf`: rows (customer_id,
 * currency, overdue, risk), both bigint minor units, for the customers `customers` selects (a query of
 * customer ids). Each customer is read per company currency from invoices_aging_by_customer_idx, whose
 * columns hold all it needs: an index-only probe instead of a heap visit per invoice (on the 1M-invoice bench,
 * 43k customers in 0.4 s instead of 1.5 s).
 */
export function overdueByCustomerSql(s: OverdueScope): Prisma.Sql {
  const location = s.locationIds === null ? Prisma.empty : Prisma.sql`AND i.location_id = ANY(${s.locationIds}::uuid[])`;
  const co = Prisma.sql`${s.companyId}::uuid`;
  return Prisma.sql`SELECT fc.customer_id, cur.currency, o.overdue, o.risk
    FROM (${s.customers}) fc
    CROSS JOIN (SELECT currency FROM aging_date_totals WHERE company_id = ${co} UNION SELECT currency FROM aging_changes WHERE company_id = ${co}) cur
    CROSS JOIN LATERAL (
      SELECT sum(i.balance_minor)::bigint AS overdue, round(sum(${invoiceRiskSql(s.asOf)}))::bigint AS risk
      FROM invoices i
      WHERE i.company_id = ${co} AND i.currency = cur.currency AND i.customer_id = fc.customer_id AND ${AGEABLE_INVOICE}
        AND i.due_date < ${s.asOf}::date ${location}
    ) o
    WHERE o.overdue IS NOT NULL`;
}
