import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { calendarDateOf, todayInTimeZone, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { storableString } from '@/lib/validation/storable-text';
import { activeHoldSql } from './active-hold-sql';
import { COLLECTION_MAX_PER_PAGE, optionalIdFilter, pageField, type HoldKind } from './collection-input';
import { findVisibleCustomer, findVisibleInvoice, visibleCollectionRowSql } from './collection-scope';

export const listHoldsSchema = z.object({
  customerId: optionalIdFilter('Customer'),
  /** Holds that cover this invoice: on it, or on its whole customer. */
  invoiceId: optionalIdFilter('Invoice'),
  /** true: active today only; false: past and scheduled only; absent: all. */
  active: z
    .union([z.boolean(), storableString().trim()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v === true || v === 'true' ? true : v === false || v === 'false' ? false : v))
    .pipe(z.boolean('Active must be true or false').optional()),
  page: pageField(1, 100_000),
  perPage: pageField(50, COLLECTION_MAX_PER_PAGE, 'Per page'),
});

/** active: in force today; scheduled: starts later; ended: ended by hand; expired: its end date passed. */
export type HoldStatus = 'active' | 'scheduled' | 'ended' | 'expired';

export interface HoldRow {
  id: string;
  kind: HoldKind;
  customer: { id: string; name: string };
  /** Null: on the whole customer. */
  invoice: { id: string; number: string } | null;
  reason: string;
  note: string | null;
  startsOn: CalendarDate;
  endsOn: CalendarDate | null;
  status: HoldStatus;
  active: boolean;
  endedAt: string | null;
  createdBy: { id: string; name: string } | null;
}

export interface HoldPage {
  asOf: CalendarDate;
  rows: HoldRow[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}

type Row = {
  n: number;
  id: string;
  kind: HoldKind;
  customer_id: string;
  customer_name: string;
  invoice_id: string | null;
  invoice_number: string | null;
  reason: string;
  note: string | null;
  starts_on: Date;
  ends_on: Date | null;
  status: HoldStatus;
  ended_at: Date | null;
  created_by: string | null;
  creator_name: string | null;
};

/**
 * Disputes and holds, active first (then the latest), with their status today; filters: customer, invoice
 * (what covers it), active. A hold on an invoice is visible to who may view its location; one on a customer,
 * to who sees the customer.
 */
export async function listHolds(access: CompanyAccess, input: unknown, opts: { now?: Date } = {}): Promise<HoldPage> {
  const p = parseOrThrow(listHoldsSchema, input);
  if (access.viewLocations.length === 0) throw new AppError('FORBIDDEN', 'You have no permission to view invoices in any location of this company.');
  if (p.customerId) await findVisibleCustomer(prisma, access, p.customerId);
  const invoice = p.invoiceId ? await findVisibleInvoice(prisma, access, p.invoiceId) : null;
  const asOf = todayInTimeZone(access.company.timeZone, opts.now ?? new Date());
  const co = access.company.id;
  const active = activeHoldSql(asOf, 'h');
  const filters = [
    Prisma.sql`h.company_id = ${co}::uuid`,
    visibleCollectionRowSql(access, Prisma.sql`SELECT h.invoice_id WHERE h.invoice_id IS NOT NULL`, Prisma.sql`h.customer_id`),
  ];
  if (p.customerId) filters.push(Prisma.sql`h.customer_id = ${p.customerId}::uuid`);
  if (invoice)
    filters.push(Prisma.sql`h.customer_id = ${invoice.customer_id}::uuid AND (h.invoice_id IS NULL OR h.invoice_id = ${invoice.id}::uuid)`);
  if (p.active !== undefined) filters.push(p.active ? active : Prisma.sql`NOT ${active}`);
  const offset = (p.page - 1) * p.perPage;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH f AS MATERIALIZED (
      SELECT h.*, CASE WHEN ${active} THEN 'active' WHEN h.ended_at IS NOT NULL THEN 'ended'
        WHEN h.starts_on > ${asOf}::date THEN 'scheduled' ELSE 'expired' END AS status
      FROM collection_holds h WHERE ${Prisma.join(filters, ' AND ')}
    )
    SELECT (SELECT count(*)::int FROM f) AS n, pg.* FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT f.id, f.kind, f.customer_id, c.name AS customer_name, f.invoice_id, i.number AS invoice_number, f.reason, f.note, f.starts_on,
        f.ends_on, f.status, f.ended_at, f.created_by, u.name AS creator_name
      FROM f JOIN customers c ON c.company_id = f.company_id AND c.id = f.customer_id
        LEFT JOIN invoices i ON i.company_id = f.company_id AND i.id = f.invoice_id LEFT JOIN users u ON u.id = f.created_by
      ORDER BY (f.status = 'active') DESC, f.starts_on DESC, f.created_at DESC, f.id
      LIMIT ${p.perPage} OFFSET ${offset}
    ) pg ON true`;
  const totalRows = rows[0]?.n ?? 0;
  return {
    asOf,
    rows: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        customer: { id: r.customer_id, name: r.customer_name },
        invoice: r.invoice_id ? { id: r.invoice_id, number: r.invoice_number ?? '' } : null,
        reason: r.reason,
        note: r.note,
        startsOn: calendarDateOf(r.starts_on),
        endsOn: r.ends_on ? calendarDateOf(r.ends_on) : null,
        status: r.status,
        active: r.status === 'active',
        endedAt: r.ended_at?.toISOString() ?? null,
        createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
      })),
    page: p.page,
    perPage: p.perPage,
    totalRows,
    totalPages: Math.max(1, Math.ceil(totalRows / p.perPage)),
  };
}
