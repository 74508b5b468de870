import 'server-only';
import { prisma } from '@/lib/db/client';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import type { AgingScheme } from '@/lib/aging/scheme';
import type { DunningPolicy } from './dunning-policy';
import { renderPlanText, type CompanyFacts, type CustomerPlan, type PlannedItem } from './plan-dunning';
import { queueReminderEmails } from './queue-reminder-emails';
import { insertReminderStatements, prepareReminderStatements } from './reminder-statements';

export interface ChunkContext {
  company: CompanyFacts & { slug: string };
  policy: DunningPolicy;
  runId: string;
  runOn: CalendarDate;
  now: Date;
  scheme: AgingScheme;
}

export interface ChunkResult {
  emails: number;
  awaitingApproval: number;
  tasks: number;
}

/** The currency with the most overdue among a plan's items: its statement is the one attached. */
export function mainCurrency(items: PlannedItem[]): string {
  const totals = new Map<string, number>();
  for (const i of items) totals.set(i.currency, (totals.get(i.currency) ?? 0) + i.balanceMinor);
  return [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

/**
 * Writes the reminders of one chunk of customers in one transaction. The database keeps it exactly-once: a
 * reminder per (run, customer) and an item per (invoice, level) are inserted ON CONFLICT DO NOTHING, so a
 * concurrent run (or a rerun after a crash) writes nothing already written; a reminder whose items were all
 * taken is deleted again, and one that lost some is re-rendered with what it kept. Emails of automatic
 * companies are queued with their statement in the same transaction; approve-first ones wait for a manager.
 */
export async function prepareReminderChunk(ctx: ChunkContext, plans: CustomerPlan[]): Promise<ChunkResult> {
  const companyId = ctx.company.id;
  const automatic = ctx.policy.mode === 'automatic';
  const emailing = automatic ? plans.filter((p) => p.action === 'email') : [];
  // Read before the transaction: the statement builder's queries need not hold its locks.
  const statements = await prepareReminderStatements(
    companyId,
    ctx.runOn,
    ctx.scheme,
    emailing.map((p) => ({ customerId: p.customerId, currency: mainCurrency(p.items) })),
  );
  const status = (p: CustomerPlan) => (p.action === 'email' ? (automatic ? 'queued' : 'awaiting_approval') : 'task_open');
  // Letters go to the managers (no assignee); calls to the customer's collector.
  const assignee = (p: CustomerPlan) => (p.action === 'call' ? p.collectorId : null);

  return prisma.$transaction(
    async (tx) => {
      const won = await tx.$queryRaw<{ id: string; customer_id: string }[]>`
        INSERT INTO dunning_reminders (company_id, run_id, customer_id, level, channel, status, to_address, subject, body_text, assignee_id, created_at)
        SELECT ${companyId}::uuid, ${ctx.runId}::uuid, t.customer_id, t.level, t.channel, t.status, t.to_address, t.subject, t.body_text, t.assignee_id, ${ctx.now}::timestamptz
        FROM unnest(${plans.map((p) => p.customerId)}::uuid[], ${plans.map((p) => p.level!)}::int[], ${plans.map((p) => p.action)}::text[],
          ${plans.map(status)}::text[], ${plans.map((p) => (p.action === 'email' ? p.email!.trim() : null))}::text[],
          ${plans.map((p) => p.subject)}::text[], ${plans.map((p) => p.bodyText)}::text[], ${plans.map(assignee)}::uuid[])
          AS t(customer_id, level, channel, status, to_address, subject, body_text, assignee_id)
        ON CONFLICT (company_id, run_id, customer_id) DO NOTHING
        RETURNING id, customer_id`;
      const reminderOf = new Map(won.map((r) => [r.customer_id, r.id]));
      const items = plans.flatMap((p) =>
        reminderOf.has(p.customerId) ? p.items.map((i) => ({ ...i, reminderId: reminderOf.get(p.customerId)! })) : [],
      );
      const kept = await tx.$queryRaw<{ reminder_id: string; invoice_id: string }[]>`
        INSERT INTO dunning_reminder_items (company_id, reminder_id, invoice_id, level, days_overdue, balance_minor, currency)
        SELECT ${companyId}::uuid, t.reminder_id, t.invoice_id, t.level, t.days, t.balance, t.currency
        FROM unnest(${items.map((i) => i.reminderId)}::uuid[], ${items.map((i) => i.invoiceId)}::uuid[], ${items.map((i) => i.level)}::int[],
          ${items.map((i) => i.daysOverdue)}::int[], ${items.map((i) => BigInt(i.balanceMinor))}::bigint[], ${items.map((i) => i.currency)}::text[])
          AS t(reminder_id, invoice_id, level, days, balance, currency)
        ON CONFLICT (company_id, invoice_id, level) DO NOTHING
        RETURNING reminder_id, invoice_id`;
      const keptOf = new Map<string, Set<string>>();
      for (const k of kept) keptOf.set(k.reminder_id, (keptOf.get(k.reminder_id) ?? new Set()).add(k.invoice_id));

      const empty = won.filter((r) => !keptOf.has(r.id)).map((r) => r.id);
      if (empty.length > 0) await tx.$executeRaw`DELETE FROM dunning_reminders WHERE company_id = ${companyId}::uuid AND id = ANY(${empty}::uuid[])`;
      const live: CustomerPlan[] = [];
      for (const p of plans) {
        const id = reminderOf.get(p.customerId);
        const mine = id ? keptOf.get(id) : undefined;
        if (!id || !mine) continue;
        if (mine.size === p.items.length) {
          live.push(p);
          continue;
        }
        // Another run took some of these invoices at this level: say only what this reminder still carries.
        const items2 = p.items.filter((i) => mine.has(i.invoiceId));
        const level = Math.max(...items2.map((i) => i.level));
        const text = renderPlanText(ctx.company, ctx.policy, ctx.runOn, p.customerName, level, items2);
        await tx.$executeRaw`UPDATE dunning_reminders SET level = ${level}, subject = ${text.subject}, body_text = ${text.bodyText}
          WHERE company_id = ${companyId}::uuid AND id = ${id}::uuid`;
        live.push({ ...p, items: items2, level, ...text });
      }

      const liveIds = new Set(live.map((p) => p.customerId));
      const statementOf = await insertReminderStatements(
        tx,
        companyId,
        ctx.runOn,
        statements.filter((s) => liveIds.has(s.customerId)),
      );
      await queueReminderEmails(
        tx,
        companyId,
        live
          .filter((p) => p.action === 'email' && automatic)
          .map((p) => ({
            reminderId: reminderOf.get(p.customerId)!,
            customerId: p.customerId,
            to: p.email!.trim(),
            subject: p.subject,
            bodyText: p.bodyText,
            statementId: statementOf.get(p.customerId) ?? null,
            levelName: p.levelName ?? '',
          })),
        { now: ctx.now, userId: null, fromStatus: 'new' },
      );
      // Escalations are notified once for the whole run (notify-escalations.ts), not per customer here.
      return {
        emails: live.filter((p) => p.action === 'email' && automatic).length,
        awaitingApproval: live.filter((p) => p.action === 'email' && !automatic).length,
        tasks: live.filter((p) => p.action !== 'email').length,
      };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
