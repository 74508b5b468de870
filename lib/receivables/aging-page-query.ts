import { Prisma } from '@/lib/generated/prisma/client';
import { agedInvoices, bucketSums, unappliedByCustomer } from './aging-sql';
import { agingPageFromTotals } from './aging-page-from-totals';
import { likePattern, outputOrder, pageRows, sortColumn, sortsByBucketFromTotals, type AgingPageQuery } from './aging-page-rows';

export type { AgingPageQuery } from './aging-page-rows';

/**
 * Largest page read from the running totals: each of its customers' invoices is bucketed on its own. An
 * export reads every customer in pages this size (exportAgingReport).
 */
export const TOTALS_MAX_PAGE = 5_000;
/**
 * Fewest open invoices for which the running totals pay. Below it one pass over the invoices is cheaper than
 * the totals' larger statement (demo data, 2,300 open: 3.9 ms against 6.4 ms per page under bench:load, a
 * third of it planning); at 700,000 the totals are three times faster (README, Speed).
 */
const TOTALS_MIN_OPEN_INVOICES = 10_000;

/**
 * Whether the page can be read from the running totals: they hold today's open balances (an earlier as-of date
 * adds back what was paid since); they know customers' totals but not their buckets, so they order by name or
 * total, or by a bucket (either way), read from that bucket's due dates or a snapshot's running balances (pageCustomersByBucket); a name search or a collections filter goes to the invoices of the customers it finds, unless the
 * filter leaves out fewer customers than it finds (`filteredOut`); they do not know bill sources; an export of every row, or a company with
 * few open invoices, is cheaper as one pass over the invoices. A snapshot of an earlier date (`snapshotId`) is read the same way.
 */
export function usesRunningTotals(p: AgingPageQuery): boolean {
  return (
    !p.fromInvoices &&
    !p.q &&
    !p.billSourceId &&
    (!p.customerFilter || Boolean(p.filteredOut)) &&
    p.perPage <= TOTALS_MAX_PAGE &&
    (['name', '-name', 'total', '-total'].includes(p.sort) || sortsByBucketFromTotals(p)) &&
    (Boolean(p.snapshotId) || (p.openInvoices ?? Infinity) >= TOTALS_MIN_OPEN_INVOICES)
  );
}

/**
 * One statement for the whole page. From the running totals when it can (agingPageFromTotals), else from the
 * invoices: the per-customer aggregate runs once, feeding both the summary (over all
 * rows, so it always equals the sum of every row on every page) and the requested page of rows. The first
 * row always carries the summary (`n`, `s0..`, `stotal`); page columns are null when the page is empty.
 */
export function agingPageQuery(p: AgingPageQuery): Prisma.Sql {
  sortColumn(p.sort, p.buckets); // rejects an unknown sort key before any SQL runs
  if (usesRunningTotals(p)) return agingPageFromTotals(p);
  // A name search and the collections filters narrow the customers, on the invoices and the unapplied money alike.
  const narrow = [p.q ? Prisma.sql`c.name ILIKE ${likePattern(p.q)}` : null, p.customerFilter ?? null].filter((x): x is Prisma.Sql => x !== null);
  const searched = (column: string) =>
    narrow.length
      ? Prisma.sql`AND ${Prisma.raw(column)} IN (SELECT c.id FROM customers c WHERE c.company_id = ${p.companyId}::uuid AND ${Prisma.join(narrow, ' AND ')})`
      : Prisma.empty;
  const summaryCols = Prisma.join(
    [
      ...p.buckets.map((_, i) => Prisma.raw(`coalesce(sum(b${i}), 0)::bigint AS s${i}`)),
      Prisma.raw('coalesce(sum(unapplied), 0)::bigint AS sunapplied'),
      Prisma.raw('coalesce(sum(total), 0)::bigint AS stotal'),
    ],
    ', ',
  );
  const grouped = Prisma.sql`
      SELECT customer_id, ${bucketSums(p.buckets)}
      FROM (${agedInvoices({ ...p, extra: searched('i.customer_id') })}) x
      GROUP BY customer_id`;
  // Net of unapplied money: total = buckets - unapplied. Customers with only unapplied credit get a row too.
  const a = p.withUnapplied
    ? Prisma.sql`
      WITH g AS MATERIALIZED (${grouped}),
      u AS MATERIALIZED (${unappliedByCustomer({ ...p, extra: searched('p.customer_id') })}),
      a AS MATERIALIZED (
        SELECT coalesce(g.customer_id, u.customer_id) AS customer_id,
          ${Prisma.join(
            p.buckets.map((_, i) => Prisma.raw(`coalesce(g.b${i}, 0)::bigint AS b${i}`)),
            ', ',
          )},
          coalesce(u.unapplied, 0)::bigint AS unapplied, (coalesce(g.total, 0) - coalesce(u.unapplied, 0))::bigint AS total
        FROM g FULL JOIN u ON u.customer_id = g.customer_id
      )`
    : Prisma.sql`
      WITH a AS MATERIALIZED (
        SELECT customer_id, ${Prisma.join(
          p.buckets.map((_, i) => Prisma.raw(`b${i}`)),
          ', ',
        )}, 0::bigint AS unapplied, total FROM (${grouped}) g
      )`;
  return Prisma.sql`
    ${a},
    s AS (SELECT count(*)::int AS n, ${summaryCols} FROM a)
    SELECT s.*, p.* FROM s LEFT JOIN LATERAL (${pageRows(p)}) p ON true
    ORDER BY ${outputOrder(p.sort, p.buckets)}`;
}
