import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { agedInvoices, unappliedSources } from '@/lib/receivables/aging-sql';
import { ALL_LOCATIONS } from '@/lib/receivables/aging-snapshot-sql';

export interface SnapshotRef {
  id: bigint;
  companyId: string;
  asOf: CalendarDate;
}

type Tx = Pick<Prisma.TransactionClient, '$executeRaw'>;

/**
 * Replaces the rows of `customerIds` (null: every customer) in a snapshot with what the ledger gives on its
 * date (agedInvoices with `historical`, the aging page's own rule): their old balances come off the date
 * totals, their new ones go on. Run inside a transaction that holds the snapshot's lock (refreshAgingSnapshot).
 */
export async function replaceSnapshotCustomers(tx: Tx, snap: SnapshotRef, customerIds: string[] | null): Promise<void> {
  const id = Prisma.sql`${snap.id}::bigint`;
  const only = customerIds ? Prisma.sql`AND customer_id = ANY(${customerIds}::uuid[])` : Prisma.empty;
  const addDates = (rows: string, sign: '' | '-') => Prisma.sql`
    INSERT INTO aging_snapshot_dates AS t (snapshot_id, currency, location_id, invoice_date, due_date, invoice_count, balance_minor)
    SELECT ${id}, currency, location_id, invoice_date, due_date, ${Prisma.raw(sign)}sum(n), ${Prisma.raw(sign)}sum(bal) FROM ${Prisma.raw(rows)}
    GROUP BY currency, location_id, invoice_date, due_date
    ORDER BY currency, location_id, invoice_date, due_date
    ON CONFLICT (snapshot_id, currency, location_id, invoice_date, due_date) DO UPDATE
      SET invoice_count = t.invoice_count + excluded.invoice_count, balance_minor = t.balance_minor + excluded.balance_minor`;
  if (customerIds) {
    await tx.$executeRaw`
      WITH old AS (DELETE FROM aging_snapshot_customers WHERE snapshot_id = ${id} ${only} RETURNING *),
      d AS (SELECT o.currency, o.location_id, x.invoice_date, x.due_date, x.n, x.bal
        FROM old o, unnest(o.invoice_dates, o.due_dates, o.counts, o.balances) AS x(invoice_date, due_date, n, bal))
      ${addDates('d', '-')}`;
  }
  const invoices = agedInvoices({
    companyId: snap.companyId,
    asOf: snap.asOf,
    currency: null,
    locationIds: null,
    historical: true,
    customerIds: customerIds ?? undefined,
  });
  await tx.$executeRaw`
    WITH g AS MATERIALIZED (
      SELECT customer_id, coalesce(location_id, ${ALL_LOCATIONS}::uuid) AS location_id, currency, invoice_date, due_date,
        count(*)::int AS n, sum(bal)::bigint AS bal
      FROM (
        -- Of an invoice date, a bucket asks only whether it is after the as-of date (Pending): kept as the
        -- as-of date or the day after, the rows of a customer collapse to one per due date.
        SELECT customer_id, location_id, currency, due_date, bal,
          CASE WHEN invoice_date > ${snap.asOf}::date THEN ${snap.asOf}::date + 1 ELSE ${snap.asOf}::date END AS invoice_date
        FROM (${invoices}) x
      ) i
      GROUP BY GROUPING SETS ((customer_id, location_id, currency, invoice_date, due_date), (customer_id, currency, invoice_date, due_date))
    ),
    c AS (
      INSERT INTO aging_snapshot_customers (snapshot_id, currency, location_id, customer_id, invoice_count, balance_minor,
        invoice_dates, due_dates, counts, balances, running_balances)
      SELECT ${id}, currency, location_id, customer_id, sum(n), sum(bal),
        array_agg(invoice_date ORDER BY invoice_date, due_date), array_agg(due_date ORDER BY invoice_date, due_date),
        array_agg(n ORDER BY invoice_date, due_date), array_agg(bal ORDER BY invoice_date, due_date),
        array_agg(running ORDER BY invoice_date, due_date)
      FROM (SELECT g.*, sum(bal) OVER (PARTITION BY currency, location_id, customer_id ORDER BY invoice_date, due_date)::bigint AS running FROM g) g
      GROUP BY currency, location_id, customer_id
    )
    ${addDates('g', '')}`;
  await tx.$executeRaw`DELETE FROM aging_snapshot_dates WHERE snapshot_id = ${id} AND invoice_count = 0`;
  await tx.$executeRaw`DELETE FROM aging_snapshot_unapplied WHERE snapshot_id = ${id} ${only}`;
  await tx.$executeRaw`
    INSERT INTO aging_snapshot_unapplied (snapshot_id, currency, customer_id, unapplied_minor)
    SELECT ${id}, currency, customer_id, sum(amt) FROM (${unappliedSources({
      companyId: snap.companyId,
      currency: null,
      asOf: snap.asOf,
      historical: true,
      customerIds: customerIds ?? undefined,
    })}) u
    GROUP BY currency, customer_id`;
}
