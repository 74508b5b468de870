import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { todayInTimeZone } from '@/lib/aging/calendar-date';
import type { CompanyAccess } from '@/lib/auth/get-company-access';
import { assertCan } from '@/lib/auth/can';
import { writeAuditLog } from '@/lib/audit/write-audit-log';
import { kickOutbox } from '@/lib/email/outbox-sender';
import { notFound } from '@/lib/errors/app-error';
import { parseOrThrow } from '@/lib/errors/zod-issues';
import { getAgingScheme } from '@/lib/receivables/get-aging-scheme';
import { queueReminderEmails } from './queue-reminder-emails';
import { insertReminderStatements, prepareReminderStatements } from './reminder-statements';

export const decideRemindersSchema = z.object({
  ids: z
    .array(z.guid('Each reminder must be an id'), 'Choose reminders')
    .min(1, 'Choose at least one reminder')
    .max(1000, 'At most 1,000 reminders at once'),
  decision: z.enum(['approve', 'cancel'], 'Decision must be approve or cancel'),
});
export type DecideRemindersInput = z.input<typeof decideRemindersSchema>;

export interface DecideResult {
  /** Reminders this call approved (email queued) or cancelled. */
  changed: number;
  /** Reminders already decided (approved, cancelled, sent): left as they are, so a second click changes nothing. */
  unchanged: number;
}

interface Locked {
  id: string;
  customer_id: string;
  status: string;
  channel: string;
  to_address: string | null;
  subject: string;
  body_text: string;
  level: number;
  currency: string | null;
}

/**
 * Approves (queues the email, with the customer's statement, and logs it) or cancels reminders awaiting a
 * manager's approval, in one transaction; admins only. Rows are locked first, so two approvals at once queue one
 * email. Cancelling also closes open tasks. Another company's id, or an unknown one, is NOT_FOUND.
 */
export async function decideReminders(access: CompanyAccess, input: unknown, now: Date = new Date()): Promise<DecideResult> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may approve or cancel reminders.');
  const { ids, decision } = parseOrThrow(decideRemindersSchema, input);
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))].sort();
  const companyId = access.company.id;
  const result = await prisma.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<Locked[]>`
        SELECT r.id, r.customer_id, r.status, r.channel, r.to_address, r.subject, r.body_text, r.level,
          (SELECT trim(i.currency) FROM dunning_reminder_items i WHERE i.company_id = r.company_id AND i.reminder_id = r.id
            GROUP BY i.currency ORDER BY sum(i.balance_minor) DESC, i.currency LIMIT 1) AS currency
        FROM dunning_reminders r WHERE r.company_id = ${companyId}::uuid AND r.id = ANY(${unique}::uuid[])
        ORDER BY r.id FOR UPDATE OF r`;
      if (rows.length !== unique.length) throw notFound('Reminder');
      const open = rows.filter((r) => r.status === 'awaiting_approval' || (decision === 'cancel' && r.status === 'task_open'));
      if (open.length === 0) return { changed: 0, unchanged: rows.length };
      let changed: string[];
      if (decision === 'cancel') {
        changed = (
          await tx.$queryRaw<{ id: string }[]>`
            UPDATE dunning_reminders SET status = 'cancelled', decided_at = ${now}::timestamptz, decided_by = ${access.userId}::uuid
            WHERE company_id = ${companyId}::uuid AND id = ANY(${open.map((r) => r.id)}::uuid[]) RETURNING id`
        ).map((r) => r.id);
      } else {
        const asOf = todayInTimeZone(access.company.timeZone, now);
        const emails = open.filter((r) => r.to_address && r.currency);
        const prepared = await prepareReminderStatements(
          companyId,
          asOf,
          await getAgingScheme(companyId),
          emails.map((r) => ({ customerId: r.customer_id, currency: r.currency! })),
        );
        const statementOf = await insertReminderStatements(tx, companyId, asOf, prepared);
        changed = await queueReminderEmails(
          tx,
          companyId,
          emails.map((r) => ({
            reminderId: r.id,
            customerId: r.customer_id,
            to: r.to_address!,
            subject: r.subject,
            bodyText: r.body_text,
            statementId: statementOf.get(r.customer_id) ?? null,
            levelName: `Reminder (level ${r.level}) approved and`,
          })),
          { now, userId: access.userId, fromStatus: 'awaiting_approval' },
        );
        await tx.$executeRaw`UPDATE dunning_reminders SET decided_at = ${now}::timestamptz, decided_by = ${access.userId}::uuid
          WHERE company_id = ${companyId}::uuid AND id = ANY(${changed}::uuid[])`;
      }
      await writeAuditLog(
        {
          companyId,
          userId: access.userId,
          action: decision === 'approve' ? 'dunning_reminder.approve' : 'dunning_reminder.cancel',
          targetType: 'dunning_reminder',
          targetId: changed.length === 1 ? changed[0] : undefined,
          details: { ids: changed },
        },
        tx,
      );
      return { changed: changed.length, unchanged: rows.length - changed.length };
    },
    { timeout: 60_000 },
  );
  if (decision === 'approve' && result.changed > 0) kickOutbox();
  return result;
}
