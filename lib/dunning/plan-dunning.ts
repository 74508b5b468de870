import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { activeHoldSql } from '@/lib/collections/active-hold-sql';
import { effectiveCollectorSql } from '@/lib/collections/effective-collector-sql';
import { promiseStateSql } from '@/lib/collections/promise-state-sql';
import type { DunningChannel, DunningPolicy } from './dunning-policy';
import { renderReminder } from './render-template';
import { decideCustomer, type CandidateInvoice, type Skip } from './skip-reasons';

export interface PlannedItem {
  invoiceId: string;
  number: string;
  dueDate: CalendarDate;
  daysOverdue: number;
  level: number;
  balanceMinor: number;
  currency: string;
}

/** What today's run does for one customer: a reminder (email, or a task for a call or letter), or nothing, and why. */
export interface CustomerPlan {
  customerId: string;
  customerName: string;
  email: string | null;
  collectorId: string | null;
  action: DunningChannel | 'skip';
  /** The reminder's level: the highest of its invoices'. */
  level: number | null;
  levelName: string | null;
  items: PlannedItem[];
  skips: Skip[];
  /** Why an email became a call task. */
  note: string | null;
  subject: string;
  bodyText: string;
}

export interface CompanyFacts {
  id: string;
  name: string;
  remitTo: string | null;
}

interface CandidateRow {
  id: string;
  number: string;
  customer_id: string;
  currency: string;
  due_date: Date;
  balance_minor: bigint;
  days_overdue: number;
  level: number;
  on_hold: boolean;
  disputed: boolean;
  promise_pending: boolean;
}
interface CustomerRow {
  id: string;
  name: string;
  email: string | null;
  reminders_opt_out: boolean;
  collector_id: string | null;
  last_reminded_on: Date | null;
  unapplied: Record<string, string | number> | null;
  overdue: Record<string, string | number> | null;
}

const numbers = (o: Record<string, string | number> | null): Record<string, number> =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k.trim(), Number(v)]));

/**
 * The reminders a run on `runOn` would prepare, per customer, without writing anything (the preview and the run
 * share it). Candidates are found in SQL: open invoices with a balance, past due, at a level (the highest whose
 * days they reached) that no reminder item names yet, with their holds, disputes and pending promises; then
 * the pure rules (skip-reasons.ts) decide each customer.
 */
export async function planDunning(company: CompanyFacts, policy: DunningPolicy, runOn: CalendarDate): Promise<CustomerPlan[]> {
  const days = policy.levels.map((l) => l.days);
  const candidates = await prisma.$queryRaw<CandidateRow[]>`
    SELECT i.id, i.number, i.customer_id, trim(i.currency) AS currency, i.due_date, i.balance_minor,
      (${runOn}::date - i.due_date)::int AS days_overdue, lv.level,
      EXISTS (SELECT 1 FROM collection_holds h WHERE h.company_id = i.company_id AND h.customer_id = i.customer_id
        AND (h.invoice_id IS NULL OR h.invoice_id = i.id) AND h.kind = 'hold' AND ${activeHoldSql(runOn, 'h')}) AS on_hold,
      EXISTS (SELECT 1 FROM collection_holds h WHERE h.company_id = i.company_id AND h.customer_id = i.customer_id
        AND (h.invoice_id IS NULL OR h.invoice_id = i.id) AND h.kind = 'dispute' AND ${activeHoldSql(runOn, 'h')}) AS disputed,
      EXISTS (SELECT 1 FROM payment_promises p WHERE p.company_id = i.company_id AND p.customer_id = i.customer_id
        AND p.promised_on >= ${runOn}::date
        AND (EXISTS (SELECT 1 FROM payment_promise_invoices ppi WHERE ppi.company_id = p.company_id AND ppi.promise_id = p.id AND ppi.invoice_id = i.id)
          OR (p.currency = i.currency AND NOT EXISTS (SELECT 1 FROM payment_promise_invoices ppi WHERE ppi.company_id = p.company_id AND ppi.promise_id = p.id)))
        AND ${promiseStateSql(runOn, 'p')} = 'pending') AS promise_pending
    FROM invoices i
    CROSS JOIN LATERAL (SELECT max(t.ord)::int AS level FROM unnest(${days}::int[]) WITH ORDINALITY AS t(days, ord)
      WHERE t.days <= ${runOn}::date - i.due_date) lv
    WHERE i.company_id = ${company.id}::uuid AND i.status IN ('open', 'partially_paid') AND i.balance_minor > 0
      AND i.due_date < ${runOn}::date AND lv.level IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM dunning_reminder_items ri WHERE ri.company_id = i.company_id AND ri.invoice_id = i.id AND ri.level = lv.level)
    ORDER BY i.customer_id, i.due_date, i.number`;
  if (candidates.length === 0) return [];
  const customerIds = [...new Set(candidates.map((c) => c.customer_id))];
  const customers = await prisma.$queryRaw<CustomerRow[]>`
    SELECT c.id, c.name, c.email, c.reminders_opt_out, ${effectiveCollectorSql('c')} AS collector_id,
      (SELECT max(run.run_on) FROM dunning_reminders r JOIN dunning_runs run ON run.company_id = r.company_id AND run.id = r.run_id
        WHERE r.company_id = c.company_id AND r.customer_id = c.id AND r.status <> 'cancelled' AND run.run_on < ${runOn}::date) AS last_reminded_on,
      (SELECT json_object_agg(u.currency, u.amount) FROM (
        SELECT currency, sum(unapplied_minor) AS amount FROM (
          SELECT currency, unapplied_minor FROM payments WHERE company_id = c.company_id AND customer_id = c.id AND unapplied_minor > 0
          UNION ALL
          SELECT currency, unapplied_minor FROM credit_notes WHERE company_id = c.company_id AND customer_id = c.id AND unapplied_minor > 0) m
        GROUP BY currency) u) AS unapplied,
      (SELECT json_object_agg(o.currency, o.amount) FROM (
        SELECT currency, sum(balance_minor) AS amount FROM invoices
        WHERE company_id = c.company_id AND customer_id = c.id AND status IN ('open', 'partially_paid') AND balance_minor > 0 AND due_date < ${runOn}::date
        GROUP BY currency) o) AS overdue
    FROM customers c WHERE c.company_id = ${company.id}::uuid AND c.id = ANY(${customerIds}::uuid[])
    ORDER BY c.name, c.id`;

  const byCustomer = new Map<string, CandidateInvoice[]>();
  for (const r of candidates) {
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push({
      invoiceId: r.id,
      number: r.number,
      currency: r.currency,
      dueDate: calendarDateOf(r.due_date),
      balanceMinor: Number(r.balance_minor),
      daysOverdue: r.days_overdue,
      level: r.level,
      onHold: r.on_hold,
      disputed: r.disputed,
      promisePending: r.promise_pending,
    });
    byCustomer.set(r.customer_id, list);
  }
  return customers.map((c) => {
    const invoices = byCustomer.get(c.id) ?? [];
    const decision = decideCustomer(
      {
        optedOut: c.reminders_opt_out,
        lastRemindedOn: c.last_reminded_on ? calendarDateOf(c.last_reminded_on) : null,
        unappliedByCurrency: numbers(c.unapplied),
        overdueByCurrency: numbers(c.overdue),
        invoices,
      },
      policy,
      runOn,
    );
    return customerPlan(company, policy, runOn, c, decision.send, decision.skips);
  });
}

/** An address the outbox accepts; anything else makes the reminder a call task rather than a failed email. */
const usableEmail = (email: string | null): boolean => !!email && z.email().max(254).safeParse(email.trim()).success;

function customerPlan(
  company: CompanyFacts,
  policy: DunningPolicy,
  runOn: CalendarDate,
  c: CustomerRow,
  send: CandidateInvoice[],
  skips: Skip[],
): CustomerPlan {
  const base = { customerId: c.id, customerName: c.name, email: c.email, collectorId: c.collector_id, skips };
  if (send.length === 0) return { ...base, action: 'skip', level: null, levelName: null, items: [], note: null, subject: '', bodyText: '' };
  const level = Math.max(...send.map((i) => i.level));
  const def = policy.levels[level - 1]!;
  const noEmail = def.channel === 'email' && !usableEmail(c.email);
  const items = send.map(({ invoiceId, number, dueDate, daysOverdue, level: l, balanceMinor, currency }) => ({
    invoiceId,
    number,
    dueDate,
    daysOverdue,
    level: l,
    balanceMinor,
    currency,
  }));
  const text = renderPlanText(company, policy, runOn, c.name, level, items);
  return {
    ...base,
    action: noEmail ? 'call' : def.channel,
    level,
    levelName: def.name,
    items,
    note: noEmail
      ? c.email?.trim()
        ? `The email address "${c.email.trim()}" is not valid: a call task for the collector instead.`
        : 'No email address: a call task for the collector instead.'
      : null,
    ...text,
  };
}

/** The reminder's text for these items at `level` (also used when a concurrent run took some of the items). */
export function renderPlanText(
  company: CompanyFacts,
  policy: DunningPolicy,
  runOn: CalendarDate,
  customerName: string,
  level: number,
  items: PlannedItem[],
): { subject: string; bodyText: string } {
  return renderReminder(policy.levels[level - 1]!, {
    customer: customerName,
    company: company.name,
    remitTo: company.remitTo,
    runOn,
    lines: items.map((i) => ({ ...i, levelName: policy.levels[i.level - 1]!.name })),
  });
}
