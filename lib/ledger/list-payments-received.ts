import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { visibleCustomerIdsSql, visibleCustomerSql } from '@/lib/auth/visible-customers';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { toMinor } from '@/lib/receivables/aging-sql';
import type { PaymentsReceivedParams } from './payments-received-params';

export interface PaymentReceivedRow {
  id: string;
  receivedOn: CalendarDate;
  customer: { id: string; name: string };
  method: string | null;
  reference: string;
  currency: string;
  amount: number;
  applied: number;
  unapplied: number;
}

export interface PaymentsReceived {
  rows: PaymentReceivedRow[];
  /** Per day on this page, what every matching payment of that day adds up to (per currency). */
  days: { date: CalendarDate; currency: string; count: number; amount: number }[];
  /** Every matching payment, per currency. */
  totals: { currency: string; count: number; amount: number; applied: number; unapplied: number }[];
  totalRows: number;
  page: number;
  perPage: number;
  totalPages: number;
}

/**
 * The filter on payments `p`: the user's customers and the parameters. `visible` 'set' reads the user's
 * customers once as a set (for totals over every payment); 'row' tests each payment's customer (for a page,
 * which reads about a page of payments).
 */
export function paymentsReceivedFilter(
  access: CompanyAccess,
  p: Omit<PaymentsReceivedParams, 'page' | 'perPage'>,
  visible: 'set' | 'row',
): Prisma.Sql {
  return Prisma.join(
    [
      Prisma.sql`p.company_id = ${access.company.id}::uuid`,
      visible === 'set'
        ? Prisma.sql`p.customer_id IN (${visibleCustomerIdsSql(access)})`
        : Prisma.sql`EXISTS (SELECT 1 FROM customers c WHERE c.company_id = p.company_id AND c.id = p.customer_id AND ${visibleCustomerSql(access)})`,
      p.from ? Prisma.sql`p.received_on >= ${p.from}::date` : null,
      p.to ? Prisma.sql`p.received_on <= ${p.to}::date` : null,
      p.customer ? Prisma.sql`p.customer_id = ${p.customer}::uuid` : null,
      p.method ? Prisma.sql`p.method = ${p.method}` : null,
      p.currency ? Prisma.sql`p.currency = ${p.currency}` : null,
      p.q ? Prisma.sql`p.reference ILIKE ${`${p.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}` : null,
    ].filter((x): x is Prisma.Sql => x !== null),
    ' AND ',
  );
}

/**
 * Every payment received from the user's customers, newest first, with what was applied and what is left on
 * account: filtered by dates, customer, method, reference and currency, a page at a time, with each day's
 * totals and the totals of every match per currency. Read in one snapshot.
 */
export async function listPaymentsReceived(access: CompanyAccess, p: PaymentsReceivedParams): Promise<PaymentsReceived> {
  const from = Prisma.sql`FROM payments p WHERE ${paymentsReceivedFilter(access, p, 'row')}`;
  const every = Prisma.sql`FROM payments p WHERE ${paymentsReceivedFilter(access, p, 'set')}`;
  const [rows, totals, days] = await prisma.$transaction(
    [
      prisma.$queryRaw<
        {
          id: string;
          received_on: Date;
          customer_id: string;
          name: string;
          method: string | null;
          reference: string;
          currency: string;
          amount_minor: bigint;
          unapplied_minor: bigint;
        }[]
      >`SELECT p.id, p.received_on, p.customer_id, c.name, p.method, p.reference, p.currency, p.amount_minor, p.unapplied_minor
        FROM (SELECT p.* ${from} ORDER BY p.received_on DESC, p.id DESC LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage}) p
        JOIN customers c ON c.company_id = p.company_id AND c.id = p.customer_id
        ORDER BY p.received_on DESC, p.id DESC`,
      prisma.$queryRaw<{ currency: string; n: bigint; amount: bigint; unapplied: bigint }[]>`
        SELECT p.currency, count(*) AS n, sum(p.amount_minor)::bigint AS amount, sum(p.unapplied_minor)::bigint AS unapplied
        ${every} GROUP BY p.currency ORDER BY p.currency`,
      // The days on this page: the page's last day may go on to the next page, so its total is the whole day's.
      prisma.$queryRaw<{ received_on: Date; currency: string; n: bigint; amount: bigint }[]>`
        WITH page AS (SELECT p.received_on ${from} ORDER BY p.received_on DESC, p.id DESC LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage})
        SELECT p.received_on, p.currency, count(*) AS n, sum(p.amount_minor)::bigint AS amount
        ${from} AND p.received_on IN (SELECT received_on FROM page)
        GROUP BY p.received_on, p.currency ORDER BY p.received_on DESC, p.currency`,
    ],
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead },
  );
  const totalRows = totals.reduce((t, r) => t + Number(r.n), 0);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      receivedOn: calendarDateOf(r.received_on),
      customer: { id: r.customer_id, name: r.name },
      method: r.method,
      reference: r.reference,
      currency: r.currency,
      amount: toMinor(r.amount_minor),
      applied: toMinor(r.amount_minor - r.unapplied_minor),
      unapplied: toMinor(r.unapplied_minor),
    })),
    days: days.map((d) => ({ date: calendarDateOf(d.received_on), currency: d.currency, count: Number(d.n), amount: toMinor(d.amount) })),
    totals: totals.map((t) => ({
      currency: t.currency,
      count: Number(t.n),
      amount: toMinor(t.amount),
      applied: toMinor(t.amount - t.unapplied),
      unapplied: toMinor(t.unapplied),
    })),
    totalRows,
    page: p.page,
    perPage: p.perPage,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
