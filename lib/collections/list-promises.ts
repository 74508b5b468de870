import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { calendarDateOf, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { storableString } from '@/lib/validation/storable-text';
import { COLLECTION_MAX_PER_PAGE, optionalIdFilter, pageField } from './collection-input';
import { findVisibleCustomer, visibleCollectionRowSql } from './collection-scope';
import { PROMISE_STATES, type PromiseState } from './promise-state';
import { promisePaidSql, promiseStateSql } from './promise-state-sql';

export const listPromisesSchema = z.object({
  customerId: optionalIdFilter('Customer'),
  state: storableString()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.enum(PROMISE_STATES, `State must be one of ${PROMISE_STATES.join(', ')}`).optional()),
  page: pageField(1, 100_000),
  perPage: pageField(25, COLLECTION_MAX_PER_PAGE, 'Per page'),
});

export interface PromiseRow {
  id: string;
  customer: { id: string; name: string };
  currency: string;
  amountMinor: number;
  /** Money counted toward it so far (applications to its invoices, or the customer's payments, from madeOn to promisedOn). */
  paidMinor: number;
  state: PromiseState;
  promisedOn: CalendarDate;
  madeOn: CalendarDate;
  invoices: { id: string; number: string }[];
  entryId: string | null;
  createdBy: { id: string; name: string } | null;
  followedUpAt: string | null;
}

export interface PromisePage {
  asOf: CalendarDate;
  rows: PromiseRow[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}

type Row = {
  n: number;
  id: string;
  customer_id: string;
  customer_name: string;
  currency: string;
  amount_minor: bigint;
  paid: bigint;
  state: PromiseState;
  promised_on: Date;
  made_on: Date;
  invoices: { id: string; number: string }[];
  entry_id: string | null;
  created_by: string | null;
  creator_name: string | null;
  followed_up_at: Date | null;
};

/**
 * Promises to pay with the money counted toward them and their state today (pending, kept, partly kept,
 * broken), latest date first; filters: customer, state. Visibility as the collection log's.
 */
export async function listPromises(access: CompanyAccess, input: unknown, opts: { now?: Date } = {}): Promise<PromisePage> {
  const p = parseOrThrow(listPromisesSchema, input);
  if (access.viewLocations.length === 0) throw new AppError('FORBIDDEN', 'You have no permission to view invoices in any location of this company.');
  if (p.customerId) await findVisibleCustomer(prisma, access, p.customerId);
  const asOf = todayInTimeZone(access.company.timeZone, opts.now ?? new Date());
  const co = access.company.id;
  const filters = [
    Prisma.sql`p.company_id = ${co}::uuid`,
    visibleCollectionRowSql(
      access,
      Prisma.sql`SELECT ppi.invoice_id FROM payment_promise_invoices ppi WHERE ppi.company_id = p.company_id AND ppi.promise_id = p.id`,
      Prisma.sql`p.customer_id`,
    ),
  ];
  if (p.customerId) filters.push(Prisma.sql`p.customer_id = ${p.customerId}::uuid`);
  const state = p.state ? Prisma.sql`WHERE s.state = ${p.state}` : Prisma.empty;
  const offset = (p.page - 1) * p.perPage;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH f AS MATERIALIZED (
      SELECT s.* FROM (
        SELECT p.*, pd.paid, ${promiseStateSql(asOf, 'p', Prisma.raw('pd.paid'))} AS state
        FROM payment_promises p CROSS JOIN LATERAL (SELECT ${promisePaidSql('p')} AS paid) pd
        WHERE ${Prisma.join(filters, ' AND ')}
      ) s ${state}
    )
    SELECT (SELECT count(*)::int FROM f) AS n, pg.* FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT f.id, f.customer_id, c.name AS customer_name, trim(f.currency) AS currency, f.amount_minor, f.paid, f.state, f.promised_on,
        f.made_on, f.entry_id, f.created_by, u.name AS creator_name, f.followed_up_at,
        coalesce((SELECT json_agg(json_build_object('id', i.id, 'number', i.number) ORDER BY i.number)
          FROM payment_promise_invoices pi JOIN invoices i ON i.company_id = pi.company_id AND i.id = pi.invoice_id
          WHERE pi.company_id = f.company_id AND pi.promise_id = f.id), '[]') AS invoices
      FROM f JOIN customers c ON c.company_id = f.company_id AND c.id = f.customer_id LEFT JOIN users u ON u.id = f.created_by
      ORDER BY f.promised_on DESC, f.created_at DESC, f.id
      LIMIT ${p.perPage} OFFSET ${offset}
    ) pg ON true`;
  const totalRows = rows[0]?.n ?? 0;
  return {
    asOf,
    rows: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id,
        customer: { id: r.customer_id, name: r.customer_name },
        currency: r.currency,
        amountMinor: Number(r.amount_minor),
        paidMinor: Number(r.paid),
        state: r.state,
        promisedOn: calendarDateOf(r.promised_on),
        madeOn: calendarDateOf(r.made_on),
        invoices: r.invoices,
        entryId: r.entry_id,
        createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
        followedUpAt: r.followed_up_at?.toISOString() ?? null,
      })),
    page: p.page,
    perPage: p.perPage,
    totalRows,
    totalPages: Math.max(1, Math.ceil(totalRows / p.perPage)),
  };
}
