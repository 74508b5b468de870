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
import { loadDunningPolicy } from './get-dunning-policy';
import type { DunningPolicy } from './dunning-policy';
import type { CompanyFacts } from './plan-dunning';
import type { AgingScheme } from '@/lib/aging/scheme';
import { refreshAwaitingReminders } from './refresh-awaiting-reminders';

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
  /**
   * Reminders an approval closed instead: everything they named was paid, put on hold or disputed, promised or
   * covered by credit since the run (refresh-awaiting-reminders.ts).
   */
  withdrawn: number;
  /** Reminders already decided (approved, cancelled, sent): left as they are, so a second click changes nothing. */
  unchanged: number;
}

interface Locked {
  id: string;
  customer_id: string;
  status: string;
  channel: string;
  to_address: string | null;
}

type Decision = 'approve' | 'cancel';

/** What approving reads besides the rows: once per call, not once per batch of DECIDE_ALL_BATCH. */
interface ApprovalContext {
  company: CompanyFacts;
  policy: DunningPolicy;
  scheme: AgingScheme;
}

async function approvalContext(companyId: string): Promise<ApprovalContext> {
  const [company, policy, scheme] = await Promise.all([
    prisma.company.findUniqueOrThrow({ where: { id: companyId }, select: { id: true, name: true, remitTo: true } }),
    loadDunningPolicy(companyId),
    getAgingScheme(companyId),
  ]);
  return { company, policy, scheme };
}

const lockedColumns = (tx: Prisma.TransactionClient, companyId: string, where: Prisma.Sql, limit: number | null) => tx.$queryRaw<Locked[]>`
  SELECT r.id, r.customer_id, r.status, r.channel, r.to_address
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
  const approval = p.decision === 'approve' ? await approvalContext(companyId) : null;
  let result: DecideResult;
  if (p.ids) {
    const unique = [...new Set(p.ids.map((id) => id.toLowerCase()))].sort();
    result = await prisma.$transaction(
      async (tx) => {
        const rows = await lockedColumns(tx, companyId, Prisma.sql`r.id = ANY(${unique}::uuid[])`, null);
        if (rows.length !== unique.length) throw notFound('Reminder');
        const d = await decideLocked(tx, access, rows, approval, now);
        return { changed: d.changed.length, withdrawn: d.withdrawn.length, unchanged: rows.length - d.changed.length - d.withdrawn.length };
      },
      { timeout: 60_000 },
    );
  } else {
    result = { changed: 0, withdrawn: 0, unchanged: 0 };
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
          return { looked: rows.map((r) => r.id), ...(await decideLocked(tx, access, rows, approval, now)) };
        },
        { timeout: 120_000 },
      );
      if (done === null) break;
      result.changed += done.changed.length;
      result.withdrawn += done.withdrawn.length;
      const decided = new Set([...done.changed, ...done.withdrawn]);
      passed.push(...done.looked.filter((id) => !decided.has(id)));
    }
  }
  if (p.decision === 'approve' && result.changed > 0) kickOutbox();
  return result;
}

/** Decides the locked rows still open (approves with `approval`, else cancels); returns the ids it changed, and those an approval withdrew. */
async function decideLocked(
  tx: Prisma.TransactionClient,
  access: CompanyAccess,
  rows: Locked[],
  approval: ApprovalContext | null,
  now: Date,
): Promise<{ changed: string[]; withdrawn: string[] }> {
  const companyId = access.company.id;
  const decision: Decision = approval ? 'approve' : 'cancel';
  const open = rows.filter((r) => r.status === 'awaiting_approval' || (decision === 'cancel' && r.status === 'task_open'));
  if (open.length === 0) return { changed: [], withdrawn: [] };
  let changed: string[];
  const withdrawnIds: string[] = [];
  if (!approval) {
    changed = (
      await tx.$queryRaw<{ id: string }[]>`
        UPDATE dunning_reminders SET status = 'cancelled', decided_at = ${now}::timestamptz, decided_by = ${access.userId}::uuid
        WHERE company_id = ${companyId}::uuid AND id = ANY(${open.map((r) => r.id)}::uuid[]) RETURNING id`
    ).map((r) => r.id);
  } else {
    const asOf = todayInTimeZone(access.company.timeZone, now);
    const { send, withdrawn } = await refreshAwaitingReminders(
      tx,
      approval.company,
      approval.policy,
      asOf,
      open.filter((r) => r.to_address).map((r) => ({ id: r.id, customer_id: r.customer_id, to_address: r.to_address! })),
    );
    const prepared = await prepareReminderStatements(
      companyId,
      asOf,
      approval.scheme,
      send.map((r) => ({ customerId: r.customerId, currency: r.currency })),
    );
    const statementOf = await insertReminderStatements(tx, companyId, asOf, prepared);
    changed = await queueReminderEmails(
      tx,
      companyId,
      send.map((r) => ({
        reminderId: r.reminderId,
        customerId: r.customerId,
        to: r.to,
        subject: r.subject,
        bodyText: r.bodyText,
        statementId: statementOf.get(r.customerId) ?? null,
        levelName: `Reminder (level ${r.level}) approved and`,
      })),
      { now, userId: access.userId, fromStatus: 'awaiting_approval' },
    );
    await tx.$executeRaw`UPDATE dunning_reminders SET decided_at = ${now}::timestamptz, decided_by = ${access.userId}::uuid
      WHERE company_id = ${companyId}::uuid AND id = ANY(${changed}::uuid[])`;
    if (withdrawn.length > 0) {
      // Nothing left to ask for: closed like a cancelled one, with the reason in the audit trail.
      await tx.$executeRaw`UPDATE dunning_reminders SET status = 'cancelled', decided_at = ${now}::timestamptz, decided_by = ${access.userId}::uuid
        WHERE company_id = ${companyId}::uuid AND id = ANY(${withdrawn.map((w) => w.id)}::uuid[]) AND status = 'awaiting_approval'`;
      await writeAuditLog(
        {
          companyId,
          userId: access.userId,
          action: 'dunning_reminder.withdraw',
          targetType: 'dunning_reminder',
          targetId: withdrawn.length === 1 ? withdrawn[0]!.id : undefined,
          details: { reminders: withdrawn.map((w) => ({ id: w.id, reason: w.reason })) },
        },
        tx,
      );
    }
    withdrawnIds.push(...withdrawn.map((w) => w.id));
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
  return { changed, withdrawn: withdrawnIds };
}
