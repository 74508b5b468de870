import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { bucketsOf } from '@/lib/aging/scheme';
import { calendarDateOf, daysBetween, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import { AppError } from '@/lib/errors/app-error';
import { AGEABLE_INVOICE, bucketDueRange, bucketIndexCase, toMinor } from '@/lib/receivables/aging-sql';
import { getAgingScheme } from '@/lib/receivables/get-aging-scheme';
import { locationScope } from '@/lib/receivables/resolve-location-filter';
import type { InvoiceListParams } from './invoice-list-params';

export interface InvoiceListRow {
  id: string;
  number: string;
  customer: { id: string; name: string };
  location: string;
  billSource: string | null;
  status: string;
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  currency: string;
  amount: number;
  balance: number;
  /** Open invoices past due today; 0 otherwise. */
  daysOverdue: number;
}

export interface InvoiceList {
  today: CalendarDate;
  buckets: { key: string; label: string }[];
  rows: InvoiceListRow[];
  totalRows: number;
  /** Amount and balance of every matching invoice, per currency (never summed across currencies). */
  totals: { currency: string; count: number; amount: number; balance: number }[];
  page: number;
  perPage: number;
  totalPages: number;
}

const ORDER: Record<InvoiceListParams['sort'], string> = {
  '-invoiceDate': 'i.invoice_date DESC, i.id DESC',
  invoiceDate: 'i.invoice_date, i.id',
  '-dueDate': 'i.due_date DESC, i.id DESC',
  dueDate: 'i.due_date, i.id',
  number: 'i.number',
  '-number': 'i.number DESC',
};

/**
 * Every invoice in the locations the user may view, whatever its state, with its dates, amount and balance:
 * filtered by state, today's aging bucket, customer, location, bill source, currency, invoice dates and
 * number, a page at a time, with the totals of every match per currency.
 */
export async function listInvoices(access: CompanyAccess, p: InvoiceListParams, now: Date = new Date()): Promise<InvoiceList> {
  const companyId = access.company.id;
  const today = todayInTimeZone(access.company.timeZone, now);
  const locationIds = locationScope(access, p.locations);
  const buckets = bucketsOf(await getAgingScheme(companyId));
  const bucket = p.bucket === undefined ? -1 : buckets.findIndex((b) => b.key === p.bucket);
  if (p.bucket !== undefined && bucket < 0) {
    throw new AppError('BAD_REQUEST', `Bucket: "${p.bucket}" is not a bucket of the aging periods.`, [
      { path: 'bucket', message: `Must be one of ${buckets.map((b) => b.key).join(', ')}` },
    ]);
  }
  const where = [
    Prisma.sql`i.company_id = ${companyId}::uuid`,
    locationIds === null ? null : Prisma.sql`i.location_id = ANY(${locationIds}::uuid[])`,
    p.state.length ? Prisma.sql`i.status = ANY(${p.state}::text[])` : null,
    bucket >= 0 ? Prisma.sql`${AGEABLE_INVOICE} AND ${bucketIndexCase(buckets, today)} = ${bucket} ${bucketDueRange(buckets, bucket, today)}` : null,
    p.customer ? Prisma.sql`i.customer_id = ${p.customer}::uuid` : null,
    p.billSource ? Prisma.sql`i.bill_source_id = ${p.billSource}::uuid` : null,
    p.currency ? Prisma.sql`i.currency = ${p.currency}` : null,
    p.from ? Prisma.sql`i.invoice_date >= ${p.from}::date` : null,
    p.to ? Prisma.sql`i.invoice_date <= ${p.to}::date` : null,
    p.q ? Prisma.sql`i.number LIKE ${`${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : null,
  ].filter((x): x is Prisma.Sql => x !== null);
  const filter = Prisma.join(where, ' AND ');
  const [rows, totals] = await prisma.$transaction(
    [
      prisma.$queryRaw<
        {
          id: string;
          number: string;
          customer_id: string;
          customer_name: string;
          location_name: string;
          bill_source: string | null;
          status: string;
          invoice_date: Date;
          due_date: Date;
          currency: string;
          amount_minor: bigint;
          balance_minor: bigint;
        }[]
      >`SELECT i.id, i.number, i.customer_id, c.name AS customer_name, l.name AS location_name, bs.name AS bill_source, i.status,
          i.invoice_date, i.due_date, i.currency, i.amount_minor, i.balance_minor
        FROM (SELECT i.* FROM invoices i WHERE ${filter} ORDER BY ${Prisma.raw(ORDER[p.sort])} LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage}) i
        JOIN customers c ON c.company_id = i.company_id AND c.id = i.customer_id
        JOIN locations l ON l.company_id = i.company_id AND l.id = i.location_id
        LEFT JOIN bill_sources bs ON bs.company_id = i.company_id AND bs.id = i.bill_source_id
        ORDER BY ${Prisma.raw(ORDER[p.sort])}`,
      prisma.$queryRaw<{ currency: string; n: bigint; amount: bigint; balance: bigint }[]>`
        SELECT i.currency, count(*) AS n, sum(i.amount_minor)::bigint AS amount, sum(i.balance_minor)::bigint AS balance
        FROM invoices i WHERE ${filter} GROUP BY i.currency ORDER BY i.currency`,
    ],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  const totalRows = totals.reduce((t, r) => t + Number(r.n), 0);
  return {
    today,
    buckets: buckets.map(({ key, label }) => ({ key, label })),
    rows: rows.map((r) => {
      const dueDate = calendarDateOf(r.due_date);
      const owing = (r.status === 'open' || r.status === 'partially_paid') && r.balance_minor > 0n;
      return {
        id: r.id,
        number: r.number,
        customer: { id: r.customer_id, name: r.customer_name },
        location: r.location_name,
        billSource: r.bill_source,
        status: r.status,
        invoiceDate: calendarDateOf(r.invoice_date),
        dueDate,
        currency: r.currency,
        amount: toMinor(r.amount_minor),
        balance: toMinor(r.balance_minor),
        daysOverdue: owing ? Math.max(0, daysBetween(dueDate, today)) : 0,
      };
    }),
    totalRows,
    totals: totals.map((t) => ({ currency: t.currency, count: Number(t.n), amount: toMinor(t.amount), balance: toMinor(t.balance) })),
    page: p.page,
    perPage: p.perPage,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
