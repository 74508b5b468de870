import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { isCalendarDate, calendarDateOf } from '@/lib/aging/calendar-date';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { visibleStatements } from './visible-statements';

export const statementListParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  customerId: z.guid('Customer must be an id').optional(),
  batchId: z.guid('Batch must be an id').optional(),
  from: z.string().refine(isCalendarDate, 'From must be a real date (YYYY-MM-DD)').optional(),
  to: z.string().refine(isCalendarDate, 'To must be a real date (YYYY-MM-DD)').optional(),
  page: z.coerce.number().int('Page must be a whole number').min(1, 'Page starts at 1').default(1),
  perPage: z.coerce
    .number()
    .int()
    .refine((n) => [10, 25, 50].includes(n), 'Per page must be 10, 25 or 50')
    .default(25),
});
export type StatementListParams = z.output<typeof statementListParamsSchema>;

export interface StatementRow {
  id: string;
  customerId: string;
  customerName: string;
  asOf: string;
  currency: string;
  totalMinor: number;
  invoiceCount: number;
  createdAt: Date;
  createdByName: string | null;
  batchId: string | null;
  /** Latest email for this statement: queued, sending, sent or failed; null when never emailed. */
  emailStatus: string | null;
}

/**
 * Statements the user may see, newest first: filter by customer name, customer, batch and creation date
 * (calendar dates in the company's time zone).
 */
export async function listStatements(access: CompanyAccess, input: unknown) {
  const p = parseOrThrow(statementListParamsSchema, input);
  const tz = access.company.timeZone;
  const conditions = [visibleStatements(access)];
  if (p.q) conditions.push(Prisma.sql`c.name ILIKE ${`%${p.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`}`);
  if (p.customerId) conditions.push(Prisma.sql`s.customer_id = ${p.customerId}::uuid`);
  if (p.batchId) conditions.push(Prisma.sql`s.batch_id = ${p.batchId}::uuid`);
  if (p.from) conditions.push(Prisma.sql`s.created_at >= (${p.from}::date)::timestamp AT TIME ZONE ${tz}`);
  if (p.to) conditions.push(Prisma.sql`s.created_at < (${p.to}::date + 1)::timestamp AT TIME ZONE ${tz}`);
  const where = Prisma.join(conditions, ' AND ');
  const [rows, [count]] = await Promise.all([
    prisma.$queryRaw<(Omit<StatementRow, 'totalMinor' | 'asOf'> & { totalMinor: bigint; asOf: Date })[]>`
      SELECT s.id, s.customer_id AS "customerId", c.name AS "customerName", s.as_of AS "asOf", s.currency,
        s.total_minor AS "totalMinor", s.invoice_count AS "invoiceCount", s.created_at AS "createdAt",
        u.name AS "createdByName", s.batch_id AS "batchId",
        (SELECT e.status FROM email_outbox e WHERE e.company_id = s.company_id AND e.statement_id = s.id
          ORDER BY e.created_at DESC LIMIT 1) AS "emailStatus"
      FROM invoice_statements s
      JOIN customers c ON c.company_id = s.company_id AND c.id = s.customer_id
      LEFT JOIN users u ON u.id = s.created_by
      WHERE ${where}
      ORDER BY s.created_at DESC, s.id
      LIMIT ${p.perPage} OFFSET ${(p.page - 1) * p.perPage}`,
    prisma.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM invoice_statements s JOIN customers c ON c.company_id = s.company_id AND c.id = s.customer_id
      WHERE ${where}`,
  ]);
  const totalRows = Number(count?.n ?? 0);
  return {
    params: p,
    rows: rows.map((r): StatementRow => ({
      ...r,
      currency: r.currency.trim(),
      asOf: calendarDateOf(r.asOf),
      totalMinor: Number(r.totalMinor),
    })),
    totalRows,
    totalPages: Math.ceil(totalRows / p.perPage),
  };
}
