import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Reads of the running totals kept by prisma/migrations/1732700000000_aging-rollups.sql: the company-wide
 * tables without a location filter, the per-location ones with it. Each adds the changes not yet folded
 * (aging_changes), so the answer is exact whenever the last fold ran, and `deltas`: a relation shaped like
 * aging_changes (already in scope) with more to add, such as what was paid after an earlier as-of date.
 */
/** The running totals and their change log (what a VACUUM after a big load should cover). */
export const AGING_TOTALS_TABLES =
  'aging_changes, aging_date_totals, aging_location_date_totals, aging_customer_totals, aging_customer_location_totals';

export interface AgingTotalsScope {
  companyId: string;
  currency: string;
  /** null: every location of the company. */
  locationIds: string[] | null;
}

function scopeFilter(s: AgingTotalsScope, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const location = s.locationIds === null ? Prisma.empty : Prisma.sql`AND ${a}.location_id = ANY(${s.locationIds}::uuid[])`;
  return Prisma.sql`${a}.company_id = ${s.companyId}::uuid AND ${a}.currency = ${s.currency} ${location}`;
}

/**
 * Open balances by invoice date and due date, as rows `i` (invoice_date, due_date, bal, n: the invoice count)
 * that bucketIndexCase can age: a few thousand rows for the whole company (~2k per location) instead of every
 * open invoice, and the same sums per bucket.
 */
export function dateTotals(s: AgingTotalsScope, deltas?: Prisma.Sql): Prisma.Sql {
  const table = Prisma.raw(s.locationIds === null ? 'aging_date_totals' : 'aging_location_date_totals');
  return Prisma.sql`SELECT invoice_date, due_date, balance_minor AS bal, invoice_count AS n FROM ${table} t WHERE ${scopeFilter(s, 't')}
    UNION ALL
    SELECT invoice_date, due_date, balance_minor, invoice_count FROM aging_changes t WHERE ${scopeFilter(s, 't')}
    ${deltas ? Prisma.sql`UNION ALL SELECT invoice_date, due_date, balance_minor, invoice_count FROM ${deltas} d` : Prisma.empty}`;
}

/**
 * Customers with an open invoice in scope: rows (customer_id, open), open being their open balance there.
 * The changes are summed first and joined to the totals in one hash join, so the company-wide read is one
 * pass over one row per customer with no grouping.
 */
export function customerTotals(s: AgingTotalsScope, deltas?: Prisma.Sql): Prisma.Sql {
  const byLocation = s.locationIds !== null;
  const table = Prisma.raw(byLocation ? 'aging_customer_location_totals' : 'aging_customer_totals');
  const keys = byLocation ? ['customer_id', 'location_id'] : ['customer_id'];
  const keyList = Prisma.raw(keys.join(', '));
  const sameKey = (a: string, b: string) => Prisma.raw(keys.map((k) => `${a}.${k} = ${b}.${k}`).join(' AND '));
  const rows = Prisma.sql`
    WITH ch AS MATERIALIZED (
      SELECT ${keyList}, sum(invoice_count) AS n, sum(balance_minor) AS bal FROM (
        SELECT ${keyList}, invoice_count, balance_minor FROM aging_changes t WHERE ${scopeFilter(s, 't')}
        ${deltas ? Prisma.sql`UNION ALL SELECT ${keyList}, invoice_count, balance_minor FROM ${deltas} d` : Prisma.empty}
      ) t GROUP BY ${keyList}
    )
    SELECT coalesce(t.customer_id, ch.customer_id) AS customer_id, coalesce(t.balance_minor, 0) + coalesce(ch.bal, 0) AS open
    FROM (SELECT ${keyList}, invoice_count, balance_minor FROM ${table} t WHERE ${scopeFilter(s, 't')}) t
    FULL JOIN ch ON ${sameKey('ch', 't')}
    WHERE coalesce(t.invoice_count, 0) + coalesce(ch.n, 0) > 0`;
  return byLocation
    ? Prisma.sql`SELECT customer_id, sum(open)::bigint AS open FROM (${rows}) r GROUP BY customer_id`
    : Prisma.sql`SELECT customer_id, open::bigint AS open FROM (${rows}) r`;
}
