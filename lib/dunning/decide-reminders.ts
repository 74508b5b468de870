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
import { Prisma } from '@/lib/generated/prisma/client';
import { getAgingScheme } from '@/lib/receivables/get-aging-scheme';
import { queueReminderEmails } from './queue-reminder-emails';
import { insertReminderStatements, prepareReminderStatements } from './reminder-statements';

/** Reminders per transaction when deciding all of them: short locks, and a statement batch the server can build. */
export const DECIDE_ALL_BATCH = 500;

export const decideRemindersSchema = z
  .object({
    ids: z
      .array(z.guid('Each reminder must be an id'), 'Choose reminders')
      .min(1, 'Choose at least one reminder')
      .max(1000, 'At most 1,000 reminders at once')
      .optional(),
    /** Every reminder awaiting approval (created up to now), decided in batches on the server: no ids from the client. */
    all: z.literal(true, 'All must be true when given').optional(),
    decision: z.enum(['approve', 'cancel'], 'Decision must be approve or cancel'),
  })
  .refine((p) => (p.ids !== undefined) !== (p.all !== undefined), { path: ['ids'], message: 'Choose reminders, or all: true' });
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

type Decision = 'approve' | 'cancel';

const lockedColumns = (tx: Prisma.TransactionClient, companyId: string, where: Prisma.Sql, limit: number | null) => tx.$queryRaw<Locked[]>`
  SELECT r.id, r.customer_id, r.status, r.channel, r.to_address, r.subject, r.body_text, r.level,
    (SELECT trim(i.currency) FROM dunning_reminder_items i WHERE i.company_id = r.company_id AND i.reminder_id = r.id
      GROUP BY i.currency ORDER BY sum(i.balance_minor) DESC, i.currency LIMIT 1) AS currency
  FROM dunning_reminders r WHERE r.company_id = ${companyId}::uuid AND ${where}
  ORDER BY r.id ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}::int`} FOR UPDATE OF r`;

/**
 * Approves (queues the email, with the customer's statement, and logs it) or cancels reminders awaiting a
 * manager's approval; admins only. Rows are locked first, so two approvals at once queue one email. Cancelling
 * by id also closes open tasks. `ids`: one transaction; another company's id, or an unknown one, is NOT_FOUND.
 * `all: true`: every reminder awaiting approval created up to `now`, in batches of DECIDE_ALL_BATCH (one
 * transaction each, so a crash keeps the batches done and a retry does the rest); idempotent, as a second
 * call finds nothing left to decide.
 */
export async function decideReminders(access: CompanyAccess, input: unknown, now: Date = new Date()): Promise<DecideResult> {
  assertCan(access, 'company.manage', undefined, 'Only company admins may approve or cancel reminders.');
  const p = parseOrThrow(decideRemindersSchema, input);
  const companyId = access.company.id;
  let result: DecideResult;
  if (p.ids) {
    const unique = [...new Set(p.ids.map((id) => id.toLowerCase()))].sort();
    result = await prisma.$transaction(
      async (tx) => {
        const rows = await lockedColumns(tx, companyId, Prisma.sql`r.id = ANY(${unique}::uuid[])`, null);
        if (rows.length !== unique.length) throw notFound('Reminder');
        const changed = (await decideLocked(tx, access, rows, p.decision, now)).length;
        return { changed, unchanged: rows.length - changed };
      },
      { timeout: 60_000 },
    );
  } else {
    result = { changed: 0, unchanged: 0 };
    // Rows a batch looked at and could not approve (no address): left out of the next batches, so the loop ends.
    const passed: string[] = [];
    for (;;) {
      // Re-checked under the lock: a row another call decided meanwhile no longer matches and is not returned.
      const done = await prisma.$transaction(
        async (tx) => {
          const rows = await lockedColumns(
            tx,
            companyId,
            Prisma.sql`r.status = 'awaiting_approval' AND r.created_at <= ${now}::timestamptz AND r.id <> ALL(${passed}::uuid[])`,
            DECIDE_ALL_BATCH,
          );
          if (rows.length === 0) return null;
          const changed = await decideLocked(tx, access, rows, p.decision, now);
          return { looked: rows.map((r) => r.id), changed };
        },
        { timeout: 120_000 },
      );
      if (done === null) break;
      result.changed += done.changed.length;
      const changed = new Set(done.changed);
      passed.push(...done.looked.filter((id) => !changed.has(id)));
    }
  }
  if (p.decision === 'approve' && result.changed > 0) kickOutbox();
  return result;
}

/** Decides the locked rows still open; returns the ids it changed. */
async function decideLocked(tx: Prisma.TransactionClient, access: CompanyAccess, rows: Locked[], decision: Decision, now: Date): Promise<string[]> {
  const companyId = access.company.id;
  const open = rows.filter((r) => r.status === 'awaiting_approval' || (decision === 'cancel' && r.status === 'task_open'));
  if (open.length === 0) return [];
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
  return changed;
}
