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
  // Per customer first: the collector is looked up once per customer, not once per invoice (90,000 against 454,000).
  const rows = await prisma.$queryRaw<{ collector_id: string | null; invoices: number; customers: number }[]>`
    SELECT ${effectiveCollectorSql('c')} AS collector_id, sum(f.n)::int AS invoices, count(*)::int AS customers
    FROM (SELECT customer_id, count(*) AS n FROM invoice_overdue_flags WHERE company_id = ${companyId}::uuid AND run_on = ${runOn}::date
      GROUP BY customer_id) f
    JOIN customers c ON c.company_id = ${companyId}::uuid AND c.id = f.customer_id
    GROUP BY 1`;
  const invoices = rows.reduce((s, r) => s + r.invoices, 0);
  if (invoices === 0) return 0;
  const customers = rows.reduce((s, r) => s + r.customers, 0);
  const link = `/${slug}/collections/runs`;
  const dedupeKey = `overdue:${runOn}`;
  await notifyUsers({
    companyId,
    userIds: await companyAdminIds(companyId),
    kind: 'overdue',
    title: summary(invoices, customers),
    link,
    dedupeKey,
  });
  for (const r of rows) {
    if (!r.collector_id) continue;
    await notifyUsers({ companyId, userIds: [r.collector_id], kind: 'overdue', title: summary(r.invoices, r.customers), link, dedupeKey });
  }
  return invoices;
}
