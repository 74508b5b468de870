import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { bucketsOf } from '@/lib/aging/scheme';
import { calendarDateOf, daysBetween, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError, notFound } from '@/lib/errors/app-error';
import { effectiveCollectorSql } from '@/lib/collections/effective-collector-sql';
import { agedInvoices, bucketDueRange, toMinor } from './aging-sql';
import { dateTotals } from './aging-totals-sql';
import { bucketIndexCase } from './aging-sql';
import { getAgingContext } from './get-aging-context';
import { locationScope } from './resolve-location-filter';
import type { AgingDetailParams } from './aging-detail-params';

export interface AgingDetailRow {
  invoice: { id: string; number: string };
  customer: { id: string; name: string };
  location: string;
  billSource: string | null;
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  /** Calendar days past due on the as-of date; 0 when not yet due. */
  daysOverdue: number;
  bucket: string;
  /** The balance on the as-of date, in minor units. */
  balance: number;
  collector: string | null;
  lastContact: { at: string; kind: string | null } | null;
}

export interface AgingDetail {
  company: string;
  asOf: CalendarDate;
  currency: string;
  buckets: { key: string; label: string }[];
  /** The bucket shown; null: every bucket. */
  bucket: string | null;
  billSource: { id: string; name: string } | null;
  rows: AgingDetailRow[];
  totalRows: number;
  /** Every matching invoice's balance, on every page. */
  totalBalance: number;
  page: number;
  perPage: number;
  totalPages: number;
  sort: 'days' | '-days';
}

type Row = {
  id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  location_name: string;
  bill_source: string | null;
  invoice_date: Date;
  due_date: Date;
  bal: bigint;
  b: number;
  collector: string | null;
  last_contact_at: Date | null;
  last_contact_kind: string | null;
};

/** Where a keyset read resumes: after this due date and invoice id, in the detail's order. */
export interface DetailCursor {
  dueDate: CalendarDate;
  id: string;
}

/**
 * The AR aging detail's context and statements for one set of parameters: the scheme's buckets, the rows in
 * order (a page by offset, or the next rows after a cursor, for exports that read every row in constant
 * memory), and the count and balance of every match.
 */
export async function prepareAgingDetail(access: CompanyAccess, params: Omit<AgingDetailParams, 'page' | 'perPage'>, now: Date = new Date()) {
  const companyId = access.company.id;
  const locationIds = locationScope(access, params.locations);
  const asOf = params.asOf ?? todayInTimeZone(access.company.timeZone, now);
  const currency = params.currency ?? access.company.baseCurrency;
  const billSourceId = params.billSource ?? null;
  const { scheme, historical, billSource } = await getAgingContext(companyId, asOf, currency, billSourceId);
  if (billSourceId && !billSource) throw notFound('Bill source');
  const buckets = bucketsOf(scheme);
  const index = params.bucket === undefined ? -1 : buckets.findIndex((b) => b.key === params.bucket);
  if (params.bucket !== undefined && index < 0) {
    throw new AppError('BAD_REQUEST', `Bucket: "${params.bucket}" is not a bucket of these aging periods.`, [
      { path: 'bucket', message: `Must be one of ${buckets.map((b) => b.key).join(', ')}` },
    ]);
  }
  const customer = params.customer ? Prisma.sql`AND i.customer_id = ${params.customer}::uuid` : Prisma.empty;
  const aged = agedInvoices({
    buckets,
    asOf,
    companyId,
    currency,
    locationIds,
    billSourceId,
    historical,
    extra: Prisma.sql`${customer} ${index >= 0 ? bucketDueRange(buckets, index, asOf) : Prisma.empty}`,
  });
  const inBucket = index >= 0 ? Prisma.sql`AND x.b = ${index}` : Prisma.empty;
  const desc = params.sort === 'days';
  const direction = Prisma.raw(desc ? 'DESC' : 'ASC');
  const rowsSql = (window: { offset: number } | { after: DetailCursor | null }, limit: number) => {
    const after =
      'after' in window && window.after
        ? desc
          ? Prisma.sql`AND (x.due_date, x.id) < (${window.after.dueDate}::date, ${window.after.id}::uuid)`
          : Prisma.sql`AND (x.due_date, x.id) > (${window.after.dueDate}::date, ${window.after.id}::uuid)`
        : Prisma.empty;
    const offset = 'offset' in window ? Prisma.sql`OFFSET ${window.offset}` : Prisma.empty;
    return Prisma.sql`
    SELECT p.id, p.number, p.customer_id, c.name AS customer_name, l.name AS location_name, bs.name AS bill_source,
      p.invoice_date, p.due_date, p.bal, p.b, u.name AS collector, c.last_contact_at, c.last_contact_kind
    FROM (SELECT * FROM (${aged}) x WHERE true ${inBucket} ${after} ORDER BY x.due_date ${direction}, x.id ${direction} LIMIT ${limit} ${offset}) p
    JOIN customers c ON c.company_id = ${companyId}::uuid AND c.id = p.customer_id
    JOIN locations l ON l.company_id = ${companyId}::uuid AND l.id = p.location_id
    LEFT JOIN bill_sources bs ON bs.company_id = ${companyId}::uuid AND bs.id = p.bill_source_id
    LEFT JOIN users u ON u.id = ${effectiveCollectorSql('c')}
    ORDER BY p.due_date ${direction}, p.id ${direction}`;
  };
  const fromTotals = !historical && !params.customer && !billSourceId;
  const bucketOnly = index >= 0 ? Prisma.sql`WHERE x.b = ${index}` : Prisma.empty;
  const totalsSql = fromTotals
    ? Prisma.sql`SELECT coalesce(sum(n), 0)::bigint AS n, coalesce(sum(bal), 0)::bigint AS total
        FROM (SELECT n, bal, ${bucketIndexCase(buckets, asOf)} AS b FROM (${dateTotals({ companyId, currency, locationIds })}) i) x ${bucketOnly}`
    : Prisma.sql`SELECT count(*)::bigint AS n, coalesce(sum(x.bal), 0)::bigint AS total FROM (${aged}) x ${bucketOnly}`;
  const toRow = (r: Row): AgingDetailRow => {
    const dueDate = calendarDateOf(r.due_date);
    return {
      invoice: { id: r.id, number: r.number },
      customer: { id: r.customer_id, name: r.customer_name },
      location: r.location_name,
      billSource: r.bill_source,
      invoiceDate: calendarDateOf(r.invoice_date),
      dueDate,
      daysOverdue: Math.max(0, daysBetween(dueDate, asOf)),
      bucket: buckets[r.b]?.key ?? '',
      balance: toMinor(r.bal),
      collector: r.collector,
      lastContact: r.last_contact_at ? { at: r.last_contact_at.toISOString(), kind: r.last_contact_kind } : null,
    };
  };
  return {
    asOf,
    currency,
    buckets,
    bucket: index >= 0 ? buckets[index]!.key : null,
    billSource,
    totalsSql,
    rowsSql,
    /** The next `limit` rows after `after` (from the first when null). */
    rowsAfter: async (after: DetailCursor | null, limit: number) => (await prisma.$queryRaw<Row[]>(rowsSql({ after }, limit))).map(toRow),
    toRow,
  };
}

/**
 * AR aging detail: one row per open invoice on the as-of date, in the locations the user may view, filtered
 * by bucket, location, bill source and customer, most overdue first (or fewest days first), a page at a time,
 * with the count and balance of every matching invoice. The rows walk the open invoices by due date, so a
 * page reads about a page of invoices; the count and balance come from the running totals where no customer,
 * bill source or earlier date narrows them. Both are read in one snapshot.
 */
export async function getAgingDetail(access: CompanyAccess, params: AgingDetailParams, now: Date = new Date()): Promise<AgingDetail> {
  const d = await prepareAgingDetail(access, params, now);
  const { asOf, currency, buckets, billSource } = d;
  const rowsSql = d.rowsSql({ offset: (params.page - 1) * params.perPage }, params.perPage);
  const totalsSql = d.totalsSql;
  const [rows, [totals]] = await prisma.$transaction(
    [prisma.$queryRaw<Row[]>(rowsSql), prisma.$queryRaw<{ n: bigint; total: bigint }[]>(totalsSql)],
    {
      isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    },
  );
  const totalRows = toMinor(totals?.n);
  return {
    company: access.company.slug,
    asOf,
    currency,
    buckets: buckets.map(({ key, label }) => ({ key, label })),
    bucket: d.bucket,
    billSource,
    rows: rows.map(d.toRow),
    totalRows,
    totalBalance: toMinor(totals?.total),
    page: params.page,
    perPage: params.perPage,
    totalPages: Math.ceil(totalRows / params.perPage),
    sort: params.sort,
  };
}
