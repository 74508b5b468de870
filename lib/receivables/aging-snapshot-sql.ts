import { Prisma } from '@/lib/generated/prisma/client';
import type { Bucket } from '@/lib/aging/scheme';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { bucketDueBounds, bucketIndexCase } from './aging-sql';

/** The location of a customer's rows over every location in the snapshot tables. */
export const ALL_LOCATIONS = '00000000-0000-0000-0000-000000000000';

/**
 * Reads of an aging snapshot (prisma/migrations/1733900000000_aging-snapshots.sql), shaped like the running
 * totals' reads (aging-totals-sql.ts) so the aging page reads either the same way (agingPageFromTotals).
 */
export interface SnapshotScope {
  snapshotId: bigint;
  currency: string;
  /** null: every location (the customers' all-location rows). */
  locationIds: string[] | null;
  companyId: string;
}

function scope(s: SnapshotScope, alias: string): Prisma.Sql {
  const a = Prisma.raw(alias);
  const location =
    s.locationIds === null ? Prisma.sql`${a}.location_id = ${ALL_LOCATIONS}::uuid` : Prisma.sql`${a}.location_id = ANY(${s.locationIds}::uuid[])`;
  return Prisma.sql`${a}.snapshot_id = ${s.snapshotId}::bigint AND ${a}.currency = ${s.currency} AND ${location}`;
}

/** Balances by invoice date and due date on the snapshot's date: rows `i` (invoice_date, due_date, bal, n), like dateTotals. */
export function snapshotDateTotals(s: SnapshotScope): Prisma.Sql {
  return Prisma.sql`SELECT invoice_date, due_date, balance_minor AS bal, invoice_count AS n FROM aging_snapshot_dates t WHERE ${scope(s, 't')}`;
}

/** Customers with a balance in scope: rows (customer_id, open), like customerTotals. */
export function snapshotCustomerTotals(s: SnapshotScope): Prisma.Sql {
  return s.locationIds === null
    ? Prisma.sql`SELECT customer_id, balance_minor AS open FROM aging_snapshot_customers t WHERE ${scope(s, 't')}`
    : Prisma.sql`SELECT customer_id, sum(balance_minor)::bigint AS open FROM aging_snapshot_customers t WHERE ${scope(s, 't')} GROUP BY customer_id`;
}

/** The balances of the customers `customers` (an SQL list of ids), bucketed on asOf: rows (customer_id, bal, b). */
export function snapshotInvoices(s: SnapshotScope, customers: Prisma.Sql, buckets: Bucket[], asOf: CalendarDate): Prisma.Sql {
  return Prisma.sql`SELECT t.customer_id, i.bal, ${bucketIndexCase(buckets, asOf)} AS b
    FROM aging_snapshot_customers t, unnest(t.invoice_dates, t.due_dates, t.balances) AS i(invoice_date, due_date, bal)
    WHERE ${scope(s, 't')} AND t.customer_id IN (${customers})`;
}

/** Unapplied money on the snapshot's date, per customer in scope (by default location, as unappliedByCustomer): rows (customer_id, unapplied). */
export function snapshotUnapplied(s: SnapshotScope, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const location =
    s.locationIds === null
      ? Prisma.empty
      : Prisma.sql`AND p.customer_id IN (SELECT id FROM customers WHERE company_id = ${s.companyId}::uuid AND default_location_id = ANY(${s.locationIds}::uuid[]))`;
  return Prisma.sql`SELECT p.customer_id, p.unapplied_minor AS unapplied FROM aging_snapshot_unapplied p
    WHERE p.snapshot_id = ${s.snapshotId}::bigint AND p.currency = ${s.currency} ${location} ${extra}`;
}

/**
 * Each customer's balance in bucket `index` on the snapshot's date, for those with money there: rows
 * (customer_id, amt). No balance is unnested: a row's elements are in invoice-date then due-date order, and
 * its invoice dates are only the snapshot's date or the day after (Pending), so a bucket's due-date range is
 * one stretch of each part; its ends are found by binary search (width_bucket) and its sum is the difference
 * of the running balances there.
 */
export function snapshotBucketAmounts(s: SnapshotScope, buckets: Bucket[], index: number, asOf: CalendarDate): Prisma.Sql {
  const running = (at: Prisma.Sql) => Prisma.sql`coalesce(t.running_balances[${at}], 0)`;
  // Elements not Pending: the first k; the rest are.
  const k = Prisma.sql`width_bucket(${asOf}::date, t.invoice_dates)`;
  const n = Prisma.sql`cardinality(t.due_dates)`;
  const bounds = bucketDueBounds(buckets, index, asOf);
  /** The sum of elements first..last (1-based) whose due date is in the bucket's range. */
  const stretch = (first: Prisma.Sql, last: Prisma.Sql, dues: Prisma.Sql) => {
    const upTo = (date: CalendarDate | null, open: Prisma.Sql) =>
      date ? Prisma.sql`(${first} - 1 + width_bucket(${date}::date - 1, ${dues}))` : open;
    return Prisma.sql`${running(upTo(bounds!.before, last))} - ${running(upTo(bounds!.from, Prisma.sql`${first} - 1`))}`;
  };
  // The part not Pending, whole when nothing is Pending (most rows): no copy of a slice.
  const dated = () => stretch(Prisma.sql`1`, k, Prisma.sql`CASE WHEN ${k} = ${n} THEN t.due_dates ELSE t.due_dates[1:${k}] END`);
  const amount = !bounds
    ? Prisma.sql`${running(n)} - ${running(k)}`
    : buckets.some((b) => b.kind === 'pending')
      ? dated()
      : Prisma.sql`${dated()} + ${stretch(Prisma.sql`${k} + 1`, n, Prisma.sql`t.due_dates[${k} + 1:${n}]`)}`;
  const rows = Prisma.sql`SELECT t.customer_id, (${amount})::bigint AS amt FROM aging_snapshot_customers t WHERE ${scope(s, 't')}`;
  return s.locationIds === null
    ? Prisma.sql`SELECT customer_id, amt FROM (${rows}) r WHERE amt > 0`
    : Prisma.sql`SELECT customer_id, sum(amt)::bigint AS amt FROM (${rows}) r GROUP BY customer_id HAVING sum(amt) > 0`;
}
