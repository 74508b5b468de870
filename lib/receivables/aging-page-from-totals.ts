import { Prisma } from '@/lib/generated/prisma/client';
import { agedInvoices, bucketIndexCase, bucketSums, unappliedByCustomer } from './aging-sql';
import { customerTotals, dateTotals } from './aging-totals-sql';
import { outputOrder, pageCustomers, type AgingPageQuery } from './aging-page-rows';

/**
 * The aging page from the running totals, in one statement with the same columns as the invoice aggregate
 * (agingPageQuery): the summary ages the date totals instead of every open invoice, the customer totals give
 * the row count and the page order, and only the page's customers have their invoices bucketed. Totals and
 * invoices are read in one snapshot, so the rows on all pages still add up to the summary.
 */
export function agingPageFromTotals(p: AgingPageQuery): Prisma.Sql {
  const scope = { companyId: p.companyId, currency: p.currency, locationIds: p.locationIds };
  // `a`: every customer with a row, with the net total the page sorts by (open balance less unapplied money).
  const a = p.withUnapplied
    ? Prisma.sql`
      c AS MATERIALIZED (${customerTotals(scope)}),
      u AS MATERIALIZED (${unappliedByCustomer(p)}),
      a AS MATERIALIZED (
        SELECT coalesce(c.customer_id, u.customer_id) AS customer_id, coalesce(u.unapplied, 0)::bigint AS unapplied,
          (coalesce(c.open, 0) - coalesce(u.unapplied, 0))::bigint AS total
        FROM c FULL JOIN u ON u.customer_id = c.customer_id
      )`
    : Prisma.sql`a AS MATERIALIZED (SELECT customer_id, 0::bigint AS unapplied, open AS total FROM (${customerTotals(scope)}) c)`;
  const unapplied = p.withUnapplied
    ? Prisma.sql`coalesce((SELECT u.unapplied FROM u WHERE u.customer_id = pc.customer_id), 0)::bigint`
    : Prisma.sql`0::bigint`;
  const summaryCols = Prisma.join(
    [
      ...p.buckets.map((_, i) => Prisma.raw(`t.b${i} AS s${i}`)),
      Prisma.raw('s.sunapplied'),
      Prisma.raw('(t.total - s.sunapplied)::bigint AS stotal'),
    ],
    ', ',
  );
  const rowBuckets = Prisma.join(p.buckets.map((_, i) => Prisma.raw(`g.b${i}`)), ', ');
  return Prisma.sql`
    WITH ${a},
    s AS (SELECT count(*)::int AS n, coalesce(sum(unapplied), 0)::bigint AS sunapplied FROM a),
    t AS (SELECT ${bucketSums(p.buckets)} FROM (SELECT bal, ${bucketIndexCase(p.buckets, p.asOf)} AS b FROM (${dateTotals(scope)}) i) x)
    SELECT s.n, ${summaryCols}, p.*
    FROM s CROSS JOIN t LEFT JOIN LATERAL (
      SELECT r.customer_id, r.customer_name, ${rowBuckets}, r.unapplied, (g.total - r.unapplied)::bigint AS total
      FROM (SELECT pc.*, ${unapplied} AS unapplied FROM (${pageCustomers(p)}) pc) r
      CROSS JOIN LATERAL (
        SELECT ${bucketSums(p.buckets)}
        FROM (${agedInvoices({ ...p, extra: Prisma.sql`AND i.customer_id = r.customer_id` })}) x
      ) g
    ) p ON true
    ORDER BY ${outputOrder(p.sort, p.buckets)}`;
}
