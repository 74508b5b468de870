import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { COLLECTION_MAX_PER_PAGE, optionalIdFilter, pageField, type EntryKind } from './collection-input';
import { findVisibleCustomer, findVisibleInvoice, visibleCollectionRowSql } from './collection-scope';

export const listCollectionEntriesSchema = z.object({
  customerId: optionalIdFilter('Customer'),
  invoiceId: optionalIdFilter('Invoice'),
  page: pageField(1, 100_000),
  perPage: pageField(25, COLLECTION_MAX_PER_PAGE, 'Per page'),
});

export interface CollectionEntryRow {
  id: string;
  customer: { id: string; name: string };
  kind: EntryKind;
  occurredAt: string;
  /** Who logged it; null for an automatic reminder (or a deleted user). */
  user: { id: string; name: string } | null;
  contactPerson: string | null;
  outcome: string | null;
  note: string | null;
  /** manual (a person), worklist (an item completed) or reminder (sent by the nightly run: automatic). */
  source: 'manual' | 'worklist' | 'reminder';
  automatic: boolean;
  invoices: { id: string; number: string }[];
}

export interface CollectionEntryPage {
  rows: CollectionEntryRow[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}

type Row = Omit<CollectionEntryRow, 'customer' | 'user' | 'automatic' | 'occurredAt'> & {
  n: number;
  customer_id: string;
  customer_name: string;
  occurred_at: Date;
  user_id: string | null;
  user_name: string | null;
  contact_person: string | null;
};

/**
 * The collection log, newest first, one page: by customer and/or invoice (an invoice's entries are those naming
 * it). Only entries the caller may view: every named invoice in a viewable location, or, naming none, a visible
 * customer. A filter naming a customer or invoice the caller cannot see is NOT_FOUND.
 */
export async function listCollectionEntries(access: CompanyAccess, input: unknown): Promise<CollectionEntryPage> {
  const p = parseOrThrow(listCollectionEntriesSchema, input);
  if (access.viewLocations.length === 0) throw new AppError('FORBIDDEN', 'You have no permission to view invoices in any location of this company.');
  if (p.customerId) await findVisibleCustomer(prisma, access, p.customerId);
  if (p.invoiceId) await findVisibleInvoice(prisma, access, p.invoiceId);
  const co = access.company.id;
  const filters = [
    Prisma.sql`e.company_id = ${co}::uuid`,
    visibleCollectionRowSql(
      access,
      Prisma.sql`SELECT cei.invoice_id FROM collection_entry_invoices cei WHERE cei.company_id = e.company_id AND cei.entry_id = e.id`,
      Prisma.sql`e.customer_id`,
    ),
  ];
  if (p.customerId) filters.push(Prisma.sql`e.customer_id = ${p.customerId}::uuid`);
  if (p.invoiceId) {
    filters.push(Prisma.sql`EXISTS (SELECT 1 FROM collection_entry_invoices f WHERE f.company_id = e.company_id AND f.entry_id = e.id
      AND f.invoice_id = ${p.invoiceId}::uuid)`);
  }
  const where = Prisma.join(filters, ' AND ');
  const offset = (p.page - 1) * p.perPage;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH f AS MATERIALIZED (SELECT e.* FROM collection_entries e WHERE ${where})
    SELECT (SELECT count(*)::int FROM f) AS n, pg.* FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT f.id, f.customer_id, c.name AS customer_name, f.kind, f.occurred_at, f.user_id, u.name AS user_name, f.contact_person,
        f.outcome, f.note, f.source,
        coalesce((SELECT json_agg(json_build_object('id', i.id, 'number', i.number) ORDER BY i.number)
          FROM collection_entry_invoices ei JOIN invoices i ON i.company_id = ei.company_id AND i.id = ei.invoice_id
          WHERE ei.company_id = f.company_id AND ei.entry_id = f.id), '[]') AS invoices
      FROM f JOIN customers c ON c.company_id = f.company_id AND c.id = f.customer_id LEFT JOIN users u ON u.id = f.user_id
      ORDER BY f.occurred_at DESC, f.created_at DESC, f.id
      LIMIT ${p.perPage} OFFSET ${offset}
    ) pg ON true`;
  const totalRows = rows[0]?.n ?? 0;
  return {
    rows: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id,
        customer: { id: r.customer_id, name: r.customer_name },
        kind: r.kind,
        occurredAt: r.occurred_at.toISOString(),
        user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
        contactPerson: r.contact_person,
        outcome: r.outcome,
        note: r.note,
        source: r.source,
        automatic: r.source === 'reminder',
        invoices: r.invoices,
      })),
    page: p.page,
    perPage: p.perPage,
    totalRows,
    totalPages: Math.max(1, Math.ceil(totalRows / p.perPage)),
  };
}
