import { Prisma } from '@/lib/generated/prisma/client';
import type { Bucket } from '@/lib/aging/scheme';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AppError } from '@/lib/errors/app-error';
import { agedInvoices, bucketSums, unappliedByCustomer } from './aging-sql';

export interface AgingPageQuery {
  companyId: string;
  buckets: Bucket[];
  asOf: CalendarDate;
  currency: string;
  /** null: every location of the company, with no per-row location test. */
  locationIds: string[] | null;
  q?: string;
  /** Ledger entries exist after asOf (see agedInvoices). */
  historical?: boolean;
  /** Unapplied payments or credits exist on asOf: join them in as the Unapplied column (see unappliedByCustomer). */
  withUnapplied?: boolean;
  sort: string;
  page: number;
  perPage: number;
}

/** Sort keys: `name`, `total` or a bucket key; `-` prefix for descending. Unknown keys are a 400. */
function orderBy(sort: string, buckets: Bucket[]): Prisma.Sql {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const dir = Prisma.raw(desc ? 'DESC' : 'ASC');
  if (key === 'name') return Prisma.sql`c.name ${dir}, c.id ${dir}`;
  const index = buckets.findIndex((b) => b.key === key);
  const column = key === 'total' ? 'total' : index >= 0 ? `b${index}` : null;
  if (!column) {
    const allowed = ['name', 'total', ...buckets.map((b) => b.key)].join(', ');
    throw new AppError('BAD_REQUEST', `Unknown sort key "${sort}". Use one of: ${allowed} (prefix - for descending).`, [
      { path: 'sort', message: `Unknown sort key "${sort}"` },
    ]);
  }
  return Prisma.sql`a.${Prisma.raw(column)} ${dir}, c.name ASC, c.id ASC`;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The requested page of `a` joined to customer names. By name, customers are read in name order from
 * customers_name_idx and kept while in `a`: the IS TRUE stops PostgreSQL from turning the IN into a hash join
 * (which loses the order and sorts all ~100k names), so it tests a hashed set and stops after the page.
 */
function pageRows(p: AgingPageQuery): Prisma.Sql {
  const offset = (p.page - 1) * p.perPage;
  if (p.sort === 'name' || p.sort === '-name') {
    const dir = Prisma.raw(p.sort === 'name' ? 'ASC' : 'DESC');
    return Prisma.sql`
      SELECT ids.id AS customer_id, ids.name AS customer_name, a.*
      FROM (SELECT c.id, c.name FROM customers c
            WHERE c.company_id = ${p.companyId}::uuid AND (c.id IN (SELECT customer_id FROM a)) IS TRUE
            ORDER BY c.name ${dir}, c.id ${dir} LIMIT ${p.perPage} OFFSET ${offset}) ids
      JOIN a ON a.customer_id = ids.id
      ORDER BY ids.name ${dir}, ids.id ${dir}`;
  }
  return Prisma.sql`
    SELECT c.id AS customer_id, c.name AS customer_name, a.*
    FROM a JOIN customers c ON c.company_id = ${p.companyId}::uuid AND c.id = a.customer_id
    ORDER BY ${orderBy(p.sort, p.buckets)}
    LIMIT ${p.perPage} OFFSET ${offset}`;
}

/**
 * One statement for the whole page: the per-customer aggregate runs once, feeding both the summary (over all
 * rows, so it always equals the sum of every row on every page) and the requested page of rows. The first
 * row always carries the summary (`n`, `s0..`, `stotal`); page columns are null when the page is empty.
 */
export function agingPageQuery(p: AgingPageQuery): Prisma.Sql {
  orderBy(p.sort, p.buckets); // rejects an unknown sort key before any SQL runs
  const searched = (column: string) => p.q
    ? Prisma.sql`AND ${Prisma.raw(column)} IN (SELECT id FROM customers WHERE company_id = ${p.companyId}::uuid AND name ILIKE ${likePattern(p.q)})`
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
          ${Prisma.join(p.buckets.map((_, i) => Prisma.raw(`coalesce(g.b${i}, 0)::bigint AS b${i}`)), ', ')},
          coalesce(u.unapplied, 0)::bigint AS unapplied, (coalesce(g.total, 0) - coalesce(u.unapplied, 0))::bigint AS total
        FROM g FULL JOIN u ON u.customer_id = g.customer_id
      )`
    : Prisma.sql`
      WITH a AS MATERIALIZED (
        SELECT customer_id, ${Prisma.join(p.buckets.map((_, i) => Prisma.raw(`b${i}`)), ', ')}, 0::bigint AS unapplied, total FROM (${grouped}) g
      )`;
  return Prisma.sql`
    ${a},
    s AS (SELECT count(*)::int AS n, ${summaryCols} FROM a)
    SELECT s.*, p.* FROM s LEFT JOIN LATERAL (${pageRows(p)}) p ON true`;
}
