import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { effectiveCollectorSql } from '@/lib/collections/effective-collector-sql';
import { companyAdminIds, notifyUsers } from '@/lib/notifications/notify-users';

const summary = (invoices: number, customers: number) =>
  `${invoices} ${invoices === 1 ? 'invoice' : 'invoices'} of ${customers} ${customers === 1 ? 'customer' : 'customers'} became overdue`;

/**
 * The run's summary: "N invoices of M customers became overdue" to the admins (all of them) and to each collector
 * (their customers only), counted from the invoices flagged by the runs of `runOn`, so a second
 * run the same day counts what the first flagged too. One per user and run day (dedupe key overdue:<runOn>).
 * Returns the company-wide number of invoices.
 */
export async function notifyOverdueSummary(companyId: string, slug: string, runOn: CalendarDate): Promise<number> {
  const rows = await prisma.$queryRaw<{ collector_id: string | null; invoices: number; customers: number }[]>`
    SELECT ${effectiveCollectorSql('c')} AS collector_id, count(*)::int AS invoices, count(DISTINCT i.customer_id)::int AS customers
    FROM invoice_overdue_flags i JOIN customers c ON c.company_id = i.company_id AND c.id = i.customer_id
    WHERE i.company_id = ${companyId}::uuid AND i.run_on = ${runOn}::date
    GROUP BY 1`;
  const invoices = rows.reduce((s, r) => s + r.invoices, 0);
  if (invoices === 0) return 0;
  const [all] = await prisma.$queryRaw<{ customers: number }[]>`
    SELECT count(DISTINCT customer_id)::int AS customers FROM invoice_overdue_flags WHERE company_id = ${companyId}::uuid AND run_on = ${runOn}::date`;
  const link = `/${slug}/collections/runs`;
  const dedupeKey = `overdue:${runOn}`;
  await notifyUsers({
    companyId,
    userIds: await companyAdminIds(companyId),
    kind: 'overdue',
    title: summary(invoices, all!.customers),
    link,
    dedupeKey,
  });
  for (const r of rows) {
    if (!r.collector_id) continue;
    await notifyUsers({ companyId, userIds: [r.collector_id], kind: 'overdue', title: summary(r.invoices, r.customers), link, dedupeKey });
  }
  return invoices;
}
