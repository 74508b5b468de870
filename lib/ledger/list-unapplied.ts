import 'server-only';
import { calendarDateOf } from '@/lib/aging/calendar-date';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { visibleCustomerSql } from '@/lib/auth/visible-customers';

export const unappliedParamsSchema = z.object({
  kind: z.enum(['payment', 'credit_note'], 'Kind must be payment or credit_note').default('payment'),
  page: z.coerce.number().int('Page must be a whole number').min(1, 'Page starts at 1').default(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => [10, 25, 50].includes(n), 'Per page must be 10, 25 or 50')
    .default(25),
});

export interface UnappliedRow {
  id: string;
  customerId: string;
  customerName: string;
  currency: string;
  amountMinor: number;
  unappliedMinor: number;
  date: string;
  /** Payment reference or credit note reason. */
  detail: string;
  method: string | null;
  /** Credit notes: the customer's credits in this currency, all of them (not only this page's): count and unapplied. */
  customerCredits?: { count: number; unappliedMinor: number };
}

/**
 * Payments or credit notes with money not yet applied: the Unapplied Payments page (oldest first) and the
 * Customer Credits page (grouped by customer, each with the count and sum of all their credits).
 */
export async function listUnapplied(access: CompanyAccess, input: unknown) {
  const p = parseOrThrow(unappliedParamsSchema, input);
  const companyId = access.company.id;
  const source =
    p.kind === 'payment'
      ? Prisma.sql`SELECT id, customer_id, currency, amount_minor, unapplied_minor, received_on AS dated, reference AS detail, method FROM payments WHERE company_id = ${companyId}::uuid`
      : Prisma.sql`SELECT id, customer_id, currency, amount_minor, unapplied_minor, issued_on AS dated, reason AS detail, NULL::text AS method FROM credit_notes WHERE company_id = ${companyId}::uuid`;
  const from = Prisma.sql`FROM (${source}) m JOIN customers c ON c.company_id = ${companyId}::uuid AND c.id = m.customer_id
    WHERE m.unapplied_minor > 0 AND ${visibleCustomerSql(access)}`;
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<
      {
        id: string;
        customer_id: string;
        name: string;
        currency: string;
        amount_minor: bigint;
        unapplied_minor: bigint;
        dated: Date;
        detail: string;
        method: string | null;
        group_n: bigint;
        group_unapplied: bigint;
      }[]
    >`
      SELECT m.id, m.customer_id, c.name, m.currency, m.amount_minor, m.unapplied_minor, m.dated, m.detail, m.method,
        count(*) OVER w AS group_n, sum(m.unapplied_minor) OVER w AS group_unapplied ${from}
      WINDOW w AS (PARTITION BY m.customer_id, m.currency)
      -- Payments oldest first; credits grouped by customer (by name), each customer's oldest first.
      ORDER BY ${p.kind === 'payment' ? Prisma.sql`m.dated, c.name, m.id` : Prisma.sql`c.name, m.customer_id, m.currency, m.dated, m.id`}
      LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage}`,
    prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from}`,
  ]);
  const totalRows = Number(count?.n ?? 0);
  return {
    params: p,
    rows: rows.map((r): UnappliedRow => ({
      id: r.id,
      customerId: r.customer_id,
      customerName: r.name,
      currency: r.currency.trim(),
      amountMinor: Number(r.amount_minor),
      unappliedMinor: Number(r.unapplied_minor),
      date: calendarDateOf(r.dated),
      detail: r.detail,
      method: r.method,
      ...(p.kind === 'credit_note' ? { customerCredits: { count: Number(r.group_n), unappliedMinor: Number(r.group_unapplied) } } : {}),
    })),
    totalRows,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
