import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { effectiveCollectorSql } from '@/lib/collections/effective-collector-sql';
import { companyAdminIds, notifyUsers } from '@/lib/notifications/notify-users';

/**
 * Tells people that an email gave up after its last attempt: for a reminder email, the customer's collector and
 * the admins (the customer was not reminded); otherwise whoever queued it. Once per email (email:<id>:failed).
 * Runs in the transaction that marks the email failed.
 */
export async function notifyDeliveryFailed(tx: Prisma.TransactionClient, companyId: string, emailId: string, error: string): Promise<void> {
  const [row] = await tx.$queryRaw<
    {
      slug: string;
      created_by: string | null;
      to_address: string;
      subject: string;
      reminder_id: string | null;
      customer: string | null;
      collector_id: string | null;
    }[]
  >`
    SELECT co.slug, e.created_by, e.to_address, e.subject, e.reminder_id, c.name AS customer,
      CASE WHEN c.id IS NULL THEN NULL ELSE ${effectiveCollectorSql('c')} END AS collector_id
    FROM email_outbox e
    JOIN companies co ON co.id = e.company_id
    LEFT JOIN dunning_reminders r ON r.company_id = e.company_id AND r.id = e.reminder_id
    LEFT JOIN customers c ON c.company_id = r.company_id AND c.id = r.customer_id
    WHERE e.company_id = ${companyId}::uuid AND e.id = ${emailId}::uuid`;
  if (!row) return;
  const userIds = row.reminder_id ? [row.collector_id, ...(await companyAdminIds(companyId, tx))] : [row.created_by];
  await notifyUsers(
    {
      companyId,
      userIds,
      kind: 'delivery_failed',
      title: row.customer ? `Reminder to ${row.customer} could not be delivered` : `Email to ${row.to_address} could not be delivered`,
      body: `${row.subject} (${row.to_address}): ${error}`.slice(0, 1000),
      link: `/${row.slug}/accounting/outbox?status=failed`,
      dedupeKey: `email:${emailId}:failed`,
    },
    tx,
  );
}
