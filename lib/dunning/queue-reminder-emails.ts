import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

export interface ReminderToQueue {
  reminderId: string;
  customerId: string;
  to: string;
  subject: string;
  bodyText: string;
  statementId: string | null;
  levelName: string;
}

/**
 * Queues the emails of these reminders in the caller's transaction, in a few statements whatever their number:
 * an outbox row each (reminder_id and the attached statement set; the sender renders the statement's PDF), the
 * reminder marked queued, an audit row per email, and a collection-log entry (kind email, source reminder, no
 * person) naming the reminder's invoices. Only reminders still `fromStatus` are queued, so a second approval
 * (or a concurrent one, which waits for the row lock) queues nothing. Returns the reminder ids queued.
 */
export async function queueReminderEmails(
  tx: Prisma.TransactionClient,
  companyId: string,
  reminders: ReminderToQueue[],
  opts: { now: Date; userId: string | null; fromStatus: 'new' | 'awaiting_approval' },
): Promise<string[]> {
  if (reminders.length === 0) return [];
  const col = <K extends keyof ReminderToQueue>(k: K) => reminders.map((r) => r[k]);
  const queued = await tx.$queryRaw<{ id: string }[]>`
    WITH r AS (
      SELECT t.* FROM unnest(${col('reminderId')}::uuid[], ${col('customerId')}::uuid[], ${col('to')}::text[], ${col('subject')}::text[],
        ${col('bodyText')}::text[], ${col('statementId')}::uuid[], ${col('levelName')}::text[])
        AS t(reminder_id, customer_id, to_address, subject, body_text, statement_id, level_name)
      JOIN dunning_reminders d ON d.company_id = ${companyId}::uuid AND d.id = t.reminder_id
      WHERE d.status = ${opts.fromStatus === 'new' ? 'queued' : 'awaiting_approval'} AND d.email_id IS NULL),
    e AS (
      INSERT INTO email_outbox (company_id, statement_id, to_address, subject, body_text, created_by, reminder_id)
      SELECT ${companyId}::uuid, statement_id, to_address, subject, body_text, ${opts.userId}::uuid, reminder_id FROM r
      RETURNING id, reminder_id, statement_id, to_address, subject),
    u AS (
      UPDATE dunning_reminders d SET email_id = e.id, statement_id = e.statement_id, status = 'queued'
      FROM e WHERE d.company_id = ${companyId}::uuid AND d.id = e.reminder_id
      RETURNING d.id),
    a AS (
      INSERT INTO audit_logs (company_id, user_id, action, target_type, target_id, details, created_at)
      SELECT ${companyId}::uuid, ${opts.userId}::uuid, 'email.queued', 'email', e.id::text,
        jsonb_build_object('to', e.to_address, 'subject', e.subject, 'statementId', e.statement_id, 'reminderId', e.reminder_id), ${opts.now}::timestamptz
      FROM e),
    ce AS (
      INSERT INTO collection_entries (company_id, customer_id, kind, occurred_at, user_id, note, source, reminder_id)
      SELECT ${companyId}::uuid, r.customer_id, 'email', ${opts.now}::timestamptz, NULL,
        left(r.level_name || ' emailed to ' || r.to_address || ': ' || r.subject, 5000), 'reminder', r.reminder_id
      FROM r JOIN e ON e.reminder_id = r.reminder_id
      RETURNING id, reminder_id),
    cei AS (
      INSERT INTO collection_entry_invoices (company_id, entry_id, invoice_id)
      SELECT ${companyId}::uuid, ce.id, ri.invoice_id
      FROM ce JOIN dunning_reminder_items ri ON ri.company_id = ${companyId}::uuid AND ri.reminder_id = ce.reminder_id
      RETURNING entry_id)
    SELECT id FROM u`;
  return queued.map((r) => r.id);
}
