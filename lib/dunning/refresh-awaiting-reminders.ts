import 'server-only';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DunningPolicy } from './dunning-policy';
import { replanAwaiting, renderPlanText, type CompanyFacts } from './plan-dunning';
import { mainCurrency } from './prepare-reminders';
import { SKIP_REASON_LABELS } from './skip-reasons';

export interface AwaitingReminder {
  id: string;
  customer_id: string;
  to_address: string;
}

export interface RefreshedReminder {
  reminderId: string;
  customerId: string;
  to: string;
  subject: string;
  bodyText: string;
  level: number;
  /** The currency of the statement to attach: the one with the most money among what it still names. */
  currency: string;
}

export interface Withdrawn {
  id: string;
  /** Why nothing is left to send: the skip reasons' labels, or that everything was paid. */
  reason: string;
}

/**
 * Brings reminders waiting for approval up to `asOf`, the day they are approved, in the caller's transaction
 * (rows locked): each keeps only the invoices the rules still let through today (replanAwaiting), with
 * today's balances, days overdue and pay-by date in its text; the invoices it drops lose their item, so their
 * level can go out once the reason lapses (a hold ends, a promise breaks). A reminder with nothing left is
 * returned as withdrawn, for the caller to close. So an approval a week after the run never asks a customer
 * for money paid or disputed in the meantime, and the statement attached matches the email.
 */
export async function refreshAwaitingReminders(
  tx: Prisma.TransactionClient,
  company: CompanyFacts,
  policy: DunningPolicy,
  asOf: CalendarDate,
  reminders: AwaitingReminder[],
): Promise<{ send: RefreshedReminder[]; withdrawn: Withdrawn[] }> {
  if (reminders.length === 0) return { send: [], withdrawn: [] };
  const ids = reminders.map((r) => r.id);
  const items = await tx.$queryRaw<{ reminder_id: string; invoice_id: string; level: number }[]>`
    SELECT reminder_id, invoice_id, level FROM dunning_reminder_items WHERE company_id = ${company.id}::uuid AND reminder_id = ANY(${ids}::uuid[])`;
  const itemsOf = new Map<string, { invoiceId: string; level: number }[]>();
  for (const i of items) itemsOf.set(i.reminder_id, [...(itemsOf.get(i.reminder_id) ?? []), { invoiceId: i.invoice_id, level: i.level }]);
  const plans = await replanAwaiting(
    company,
    policy,
    asOf,
    reminders.map((r) => ({ customerId: r.customer_id, items: itemsOf.get(r.id) ?? [] })),
  );
  const planOf = new Map(plans.map((p) => [p.customerId, p]));

  const send: RefreshedReminder[] = [];
  const withdrawn: Withdrawn[] = [];
  const kept: { reminderId: string; invoiceId: string; balance: bigint; days: number }[] = [];
  for (const r of reminders) {
    const plan = planOf.get(r.customer_id)!;
    const mine = new Set((itemsOf.get(r.id) ?? []).map((i) => i.invoiceId));
    const still = plan.items.filter((i) => mine.has(i.invoiceId));
    if (still.length === 0) {
      const reasons = plan.skips.filter((s) => s.invoiceIds.some((id) => mine.has(id))).map((s) => SKIP_REASON_LABELS[s.reason]);
      withdrawn.push({ id: r.id, reason: reasons.length ? [...new Set(reasons)].join(', ') : 'Paid or no longer overdue' });
      continue;
    }
    const level = Math.max(...still.map((i) => i.level));
    const text = renderPlanText(company, policy, asOf, plan.customerName, level, still);
    send.push({ reminderId: r.id, customerId: r.customer_id, to: r.to_address, level, currency: mainCurrency(still), ...text });
    for (const i of still) kept.push({ reminderId: r.id, invoiceId: i.invoiceId, balance: BigInt(i.balanceMinor), days: i.daysOverdue });
  }

  await tx.$executeRaw`
    DELETE FROM dunning_reminder_items ri WHERE ri.company_id = ${company.id}::uuid AND ri.reminder_id = ANY(${ids}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM unnest(${kept.map((k) => k.reminderId)}::uuid[], ${kept.map((k) => k.invoiceId)}::uuid[]) AS k(reminder_id, invoice_id)
        WHERE k.reminder_id = ri.reminder_id AND k.invoice_id = ri.invoice_id)`;
  await tx.$executeRaw`
    UPDATE dunning_reminder_items ri SET balance_minor = k.balance, days_overdue = k.days
    FROM unnest(${kept.map((k) => k.reminderId)}::uuid[], ${kept.map((k) => k.invoiceId)}::uuid[], ${kept.map((k) => k.balance)}::bigint[],
      ${kept.map((k) => k.days)}::int[]) AS k(reminder_id, invoice_id, balance, days)
    WHERE ri.company_id = ${company.id}::uuid AND ri.reminder_id = k.reminder_id AND ri.invoice_id = k.invoice_id`;
  await tx.$executeRaw`
    UPDATE dunning_reminders d SET level = t.level, subject = t.subject, body_text = t.body_text
    FROM unnest(${send.map((s) => s.reminderId)}::uuid[], ${send.map((s) => s.level)}::int[], ${send.map((s) => s.subject)}::text[],
      ${send.map((s) => s.bodyText)}::text[]) AS t(id, level, subject, body_text)
    WHERE d.company_id = ${company.id}::uuid AND d.id = t.id`;
  return { send, withdrawn };
}
