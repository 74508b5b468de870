import 'server-only';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { runsPagingSchema, type Paged } from './paging';

export interface AwaitingReminder {
  id: string;
  runOn: CalendarDate;
  customerId: string;
  customerName: string;
  toAddress: string | null;
  level: number;
  subject: string;
  bodyText: string;
  invoices: number;
  /** Per currency, what the reminder lists. */
  amounts: { currency: string; minor: number }[];
}

/**
 * Reminders waiting for a manager's approval (approve-first companies), oldest first, one page at a time
 * (`{ page, perPage }`, 50 by default) with the total; admins only. LIMIT/OFFSET in SQL: a first night may
 * leave thousands waiting.
 */
export async function listAwaitingReminders(access: CompanyAccess, input: unknown = {}): Promise<Paged<AwaitingReminder>> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may approve reminders.');
  const p = parseOrThrow(runsPagingSchema, input);
  const companyId = access.company.id;
  const [[total], rows] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM dunning_reminders WHERE company_id = ${companyId}::uuid AND status = 'awaiting_approval'`,
    prisma.$queryRaw<
      {
        id: string;
        run_on: Date;
        customer_id: string;
        name: string;
        to_address: string | null;
        level: number;
        subject: string;
        body_text: string;
        invoices: number;
        amounts: { currency: string; minor: number | string }[];
      }[]
    >`
    SELECT r.id, run.run_on, r.customer_id, c.name, r.to_address, r.level, r.subject, r.body_text,
      (SELECT count(*)::int FROM dunning_reminder_items i WHERE i.company_id = r.company_id AND i.reminder_id = r.id) AS invoices,
      coalesce((SELECT json_agg(json_build_object('currency', trim(x.currency), 'minor', x.minor) ORDER BY x.currency) FROM (
        SELECT currency, sum(balance_minor) AS minor FROM dunning_reminder_items i WHERE i.company_id = r.company_id AND i.reminder_id = r.id GROUP BY currency) x), '[]') AS amounts
    FROM dunning_reminders r
    JOIN dunning_runs run ON run.company_id = r.company_id AND run.id = r.run_id
    JOIN customers c ON c.company_id = r.company_id AND c.id = r.customer_id
    WHERE r.company_id = ${companyId}::uuid AND r.status = 'awaiting_approval'
    ORDER BY run.run_on, c.name, r.id
    LIMIT ${p.perPage}::int OFFSET ${(p.page - 1) * p.perPage}::int`,
  ]);
  const totalRows = total!.n;
  const list = rows.map((r) => ({
    id: r.id,
    runOn: calendarDateOf(r.run_on),
    customerId: r.customer_id,
    customerName: r.name,
    toAddress: r.to_address,
    level: r.level,
    subject: r.subject,
    bodyText: r.body_text,
    invoices: r.invoices,
    amounts: r.amounts.map((a) => ({ currency: a.currency, minor: Number(a.minor) })),
  }));
  return { rows: list, page: p.page, perPage: p.perPage, totalRows, totalPages: Math.ceil(totalRows / p.perPage) };
}
