import { Prisma } from '@/lib/generated/prisma/client';
import type { Bucket } from '@/lib/aging/scheme';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { AppError } from '@/lib/errors/app-error';
import { AGEABLE_INVOICE, inBucket } from './aging-sql';
import { snapshotBucketAmounts, type SnapshotScope } from './aging-snapshot-sql';

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
  /** Aggregate the invoices even where the running totals could answer (to compare the two). */
  fromInvoices?: boolean;
  /** Narrows the customers: a condition on customers `c` (the collections filters). */
  customerFilter?: Prisma.Sql | null;
  /**
   * The customers customerFilter leaves out, as a condition on customers `c`, when they are the fewer: the
   * running totals can then answer, less these customers (agingPageFromTotals).
   */
  filteredOut?: Prisma.Sql | null;
  /** One bill source's invoices only (the running totals do not know bill sources). */
  billSourceId?: string | null;
  /** The company's open invoices in the currency (countOpenInvoices); unknown: assume many. */
  openInvoices?: number;
  /** A ready, refreshed aging snapshot of asOf: the running totals' reads come from it instead (aging-snapshot-sql.ts). */
  snapshotId?: bigint | null;
  /** Pages count from after this customer in the page's order rather than from the first (an export's next batch). */
  after?: AgingCursor | null;
}

/**
 * A customer's place in the page's order: its name and id, and by an amount (total or a bucket) that amount. An
 * export reads each batch after the last customer it wrote, so customers added or paid off before that one while
 * the file is written do not shift the batch (skipping a count of rows would write one twice or leave one out).
 */
export interface AgingCursor {
  name: string;
  id: string;
  /** The sorted column's amount for this customer, in minor units; unused by name. */
  amount: number;
}

/** The column a sort key orders by in `a` (`total` or `b<index>`), null for name; throws a 400 for an unknown key. */
export function sortColumn(sort: string, buckets: Bucket[]): string | null {
  const key = sort.startsWith('-') ? sort.slice(1) : sort;
  if (key === 'name') return null;
  const index = buckets.findIndex((b) => b.key === key);
  const column = key === 'total' ? 'total' : index >= 0 ? `b${index}` : null;
  if (!column) {
    const allowed = ['name', 'total', ...buckets.map((b) => b.key)].join(', ');
    throw new AppError('BAD_REQUEST', `Unknown sort key "${sort}". Use one of: ${allowed} (prefix - for descending).`, [
      { path: 'sort', message: `Unknown sort key "${sort}"` },
    ]);
  }
  return column;
}

/**
 * ORDER BY for sort keys `name`, `total` or a bucket key (`-` prefix for descending), over a table `value` that
 * has the amounts and one `name` with the customer's name and id; ties go by name. Unknown keys are a 400.
 */
function orderBy(sort: string, buckets: Bucket[], value: string, name: { name: string; id: string }): Prisma.Sql {
  const dir = sort.startsWith('-') ? 'DESC' : 'ASC';
  const column = sortColumn(sort, buckets);
  if (column === null) return Prisma.raw(`${name.name} ${dir}, ${name.id} ${dir}`);
  return Prisma.raw(`${value}.${column} ${dir}, ${name.name} ASC, ${name.id} ASC`);
}

/** The page's order on its output columns (customer_id, customer_name and the amounts). */
export function outputOrder(sort: string, buckets: Bucket[]): Prisma.Sql {
  return orderBy(sort, buckets, 'p', { name: 'p.customer_name', id: 'p.customer_id' });
}

export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * The page's customers (customer_id, customer_name) among those in `a`, in order. By name, customers are read
 * in name order from customers_name_idx and kept while in `a`: the IS TRUE stops PostgreSQL from turning the
 * IN into a hash join (which loses the order and sorts all ~100k names), so it tests a hashed set and stops
 * after the page. By an amount, only the customers up to the page's end by that amount (with ties, which the
 * name then orders) are joined to their names and sorted, not all of `a`.
 */
export function pageCustomers(p: AgingPageQuery, columns = 'a.customer_id'): Prisma.Sql {
  const offset = (p.page - 1) * p.perPage;
  const descending = p.sort.startsWith('-');
  const column = sortColumn(p.sort, p.buckets);
  if (column === null) {
    const dir = Prisma.raw(descending ? 'DESC' : 'ASC');
    // A row comparison in the index's order: the scan starts at the cursor.
    const after = p.after
      ? Prisma.sql`AND (c.name, c.id) ${Prisma.raw(descending ? '<' : '>')} (${p.after.name}, ${p.after.id}::uuid)`
      : Prisma.empty;
    return Prisma.sql`
      SELECT c.id AS customer_id, c.name AS customer_name FROM customers c
      WHERE c.company_id = ${p.companyId}::uuid AND (c.id IN (SELECT customer_id FROM a)) IS TRUE ${after}
      ORDER BY c.name ${dir}, c.id ${dir} LIMIT ${p.perPage} OFFSET ${offset}`;
  }
  const amount = Prisma.raw(`${column} ${descending ? 'DESC' : 'ASC'}`);
  const end = offset + p.perPage;
  // After a cursor: the customers past its amount (up to the page's end, with ties), and those at its amount
  // whose name comes after it (ties order by name ascending either way).
  const candidates = p.after
    ? Prisma.sql`
      (SELECT * FROM a WHERE a.${Prisma.raw(column)} ${Prisma.raw(descending ? '<' : '>')} ${p.after.amount}::bigint
        ORDER BY ${amount} FETCH FIRST ${end} ROWS WITH TIES)
      UNION ALL (SELECT * FROM a WHERE a.${Prisma.raw(column)} = ${p.after.amount}::bigint)`
    : Prisma.sql`SELECT * FROM a ORDER BY ${amount} FETCH FIRST ${end} ROWS WITH TIES`;
  const after = p.after
    ? Prisma.sql`AND (a.${Prisma.raw(column)} <> ${p.after.amount}::bigint OR (c.name, c.id) > (${p.after.name}, ${p.after.id}::uuid))`
    : Prisma.empty;
  return Prisma.sql`
    SELECT ${Prisma.raw(columns)}, c.name AS customer_name
    FROM (${candidates}) a
    JOIN customers c ON c.company_id = ${p.companyId}::uuid AND c.id = a.customer_id ${after}
    ORDER BY ${orderBy(p.sort, p.buckets, 'a', { name: 'c.name', id: 'c.id' })}
    LIMIT ${p.perPage} OFFSET ${offset}`;
}

/** The index of the bucket the page is sorted by, either way; -1 for another order. */
function sortedBucket(p: AgingPageQuery): number {
  return p.buckets.findIndex((b) => b.key === p.sort.replace(/^-/, ''));
}

/**
 * Whether the running totals can order the page by its bucket, either direction: today's balances of every
 * location by a bucket decided by due dates (not Pending), or a snapshot's by any bucket.
 */
export function sortsByBucketFromTotals(p: AgingPageQuery): boolean {
  const bucket = p.buckets[sortedBucket(p)];
  if (bucket === undefined) return false;
  if (p.snapshotId) return true;
  return p.locationIds === null && !p.historical && bucket.kind !== 'pending';
}

/**
 * The page's customers (customer_id, customer_name) by one bucket (sortsByBucketFromTotals): the customers
 * with money in the bucket are read from its due dates alone (invoices_ageable_due_idx, inBucket; in a
 * snapshot, snapshotBucketAmounts) and only the page's end of them joined to their names; the customers of
 * `a` with nothing there come after them largest first, before them smallest first, by name. `kept` drops
 * customers a filter leaves out.
 */
export function pageCustomersByBucket(p: AgingPageQuery, kept: Prisma.Sql, snap: SnapshotScope | null): Prisma.Sql {
  if (p.after) throw new Error('A page by a bucket from the running totals has no cursor: exports by a bucket read every row at once');
  const descending = p.sort.startsWith('-');
  const direction = Prisma.raw(descending ? 'DESC' : 'ASC');
  const index = sortedBucket(p);
  const offset = (p.page - 1) * p.perPage;
  const end = offset + p.perPage;
  const withAmount = (limit: Prisma.Sql, part: number) => Prisma.sql`
      (SELECT x.customer_id, (SELECT c.name FROM customers c WHERE c.company_id = ${p.companyId}::uuid AND c.id = x.customer_id) AS customer_name,
        x.amt, ${part} AS part
        FROM (SELECT * FROM cand ORDER BY amt ${direction} FETCH FIRST (${limit}) ROWS WITH TIES) x)`;
  const without = (limit: Prisma.Sql, part: number) => Prisma.sql`
      (SELECT c.id AS customer_id, c.name AS customer_name, 0 AS amt, ${part} AS part FROM customers c
        WHERE c.company_id = ${p.companyId}::uuid AND (c.id IN (SELECT customer_id FROM a)) IS TRUE
          AND c.id NOT IN (SELECT customer_id FROM cand)
        ORDER BY c.name, c.id LIMIT ${limit})`;
  const parts = descending
    ? Prisma.sql`${withAmount(Prisma.sql`${end}`, 0)} UNION ALL ${without(Prisma.sql`greatest(0, ${end} - (SELECT count(*) FROM cand))`, 1)}`
    : Prisma.sql`${without(Prisma.sql`${end}`, 0)} UNION ALL ${withAmount(
        Prisma.sql`greatest(0, ${end} - ((SELECT count(*) FROM a) - (SELECT count(*) FROM cand)))`,
        1,
      )}`;
  return Prisma.sql`
    WITH cand AS MATERIALIZED (${
      snap
        ? Prisma.sql`SELECT i.customer_id, i.amt FROM (${snapshotBucketAmounts(snap, p.buckets, index, p.asOf)}) i WHERE true ${kept}`
        : Prisma.sql`
      SELECT i.customer_id, sum(i.balance_minor) AS amt FROM invoices i
      WHERE i.company_id = ${p.companyId}::uuid AND ${AGEABLE_INVOICE} AND i.currency = ${p.currency}
        ${inBucket(p.buckets, index, p.asOf)} ${kept}
      GROUP BY i.customer_id`
    })
    SELECT customer_id, customer_name FROM (${parts}) y
    ORDER BY part, amt ${direction}, customer_name, customer_id LIMIT ${p.perPage} OFFSET ${offset}`;
}

/** The requested page of `a` with every column of `a` (customer_id and amounts) and customer_name. */
export function pageRows(p: AgingPageQuery): Prisma.Sql {
  if (sortColumn(p.sort, p.buckets) !== null) return pageCustomers(p, 'a.*');
  return Prisma.sql`SELECT a.*, pc.customer_name FROM (${pageCustomers(p)}) pc JOIN a ON a.customer_id = pc.customer_id`;
}
