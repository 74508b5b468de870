import 'server-only';
import { z } from 'zod';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { calendarDateOf, type CalendarDate } from '@/lib/aging/calendar-date';
import { effectiveCollectorSql } from '@/lib/collections/effective-collector-sql';
import { lastRemindedSql, overdueInvoicesSql } from './overdue-invoices-sql';
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
  unapplied: Record<string, string> | null;
  overdue: Record<string, string> | null;
}

// Sums travel as text: JSON numbers past 2^53 would be rounded on parsing.
const bigints = (o: Record<string, string> | null): Record<string, bigint> =>
  Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [k.trim(), BigInt(v)]));

/** A reminder waiting for approval: its customer and the invoices it names, each at the level it names it. */
export interface AwaitingItems {
  customerId: string;
  items: { invoiceId: string; level: number }[];
}

/**
 * The reminders a run on `runOn` would prepare for these customers (null: all with candidates), without
 * writing anything (the preview and the run share it). Candidates are found in SQL (overdue-invoices-sql.ts);
 * the pure rules (skip-reasons.ts) decide each customer. A company's run first narrows the customers in SQL
 * (triage-dunning.ts), so only those with something to send are planned here.
 */
export async function planDunning(
  company: CompanyFacts,
  policy: DunningPolicy,
  runOn: CalendarDate,
  customerIds: string[] | null = null,
): Promise<CustomerPlan[]> {
  if (customerIds?.length === 0) return [];
  return planFrom(company, policy, runOn, Prisma.sql`c.candidate`, customerIds, null);
}

/**
 * Reminders waiting for approval planned again on `asOf`, the day a manager approves them: each keeps the
 * invoices it named at their levels that the rules still let through today (an invoice paid, put on hold or
 * disputed since, a promise made since, credits that now cover it, an opt-out: left out, with the reason), at
 * today's balances and days overdue. The minimum interval is not applied again: the run did. A customer with
 * nothing left has action 'skip'.
 */
export async function replanAwaiting(
  company: CompanyFacts,
  policy: DunningPolicy,
  asOf: CalendarDate,
  awaiting: AwaitingItems[],
): Promise<CustomerPlan[]> {
  const levelOf = new Map(awaiting.flatMap((a) => a.items.map((i) => [i.invoiceId, i.level] as const)));
  if (levelOf.size === 0) return [];
  const plans = await planFrom(
    company,
    policy,
    asOf,
    Prisma.sql`c.id = ANY(${[...levelOf.keys()]}::uuid[])`,
    [...new Set(awaiting.map((a) => a.customerId))],
    levelOf,
  );
  const planned = new Set(plans.map((p) => p.customerId));
  // A customer none of whose invoices is overdue any more has no candidate row at all.
  const settled = awaiting.filter((a) => !planned.has(a.customerId)).map((a) => emptyPlan(a.customerId));
  return [...plans, ...settled];
}

/** A plan that sends nothing, with why (`skips`). */
const skipPlan = (base: Pick<CustomerPlan, 'customerId' | 'customerName' | 'email' | 'collectorId' | 'skips'>): CustomerPlan => ({
  ...base,
  action: 'skip',
  level: null,
  levelName: null,
  items: [],
  note: null,
  subject: '',
  bodyText: '',
});
const emptyPlan = (customerId: string): CustomerPlan => skipPlan({ customerId, customerName: '', email: null, collectorId: null, skips: [] });

async function planFrom(
  company: CompanyFacts,
  policy: DunningPolicy,
  runOn: CalendarDate,
  which: Prisma.Sql,
  customerIds: string[] | null,
  /** Re-planning: each invoice's level as the reminder names it, and no interval rule. */
  levelOf: Map<string, number> | null,
): Promise<CustomerPlan[]> {
  const candidates = await prisma.$queryRaw<CandidateRow[]>`
    SELECT c.*, i.number FROM (${overdueInvoicesSql(
      company.id,
      policy.levels.map((l) => l.days),
      runOn,
      customerIds,
    )}) c JOIN invoices i ON i.company_id = ${company.id}::uuid AND i.id = c.id
    WHERE ${which} ORDER BY c.customer_id, c.due_date, i.number`;
  if (candidates.length === 0) return [];
  const planned = [...new Set(candidates.map((c) => c.customer_id))];
  const lastReminded = levelOf
    ? { column: Prisma.sql`NULL::date`, join: Prisma.empty }
    : {
        column: Prisma.sql`lr.last_reminded_on`,
        join: Prisma.sql`LEFT JOIN (${lastRemindedSql(company.id, runOn, policy.minIntervalDays)}) lr ON lr.customer_id = c.id`,
      };
  const customers = await prisma.$queryRaw<CustomerRow[]>`
    SELECT c.id, c.name, c.email, c.reminders_opt_out, ${effectiveCollectorSql('c')} AS collector_id,
      ${lastReminded.column} AS last_reminded_on,
      (SELECT json_object_agg(u.currency, u.amount::text) FROM (
        SELECT currency, sum(unapplied_minor) AS amount FROM (
          SELECT currency, unapplied_minor FROM payments WHERE company_id = c.company_id AND customer_id = c.id AND unapplied_minor > 0
          UNION ALL
          SELECT currency, unapplied_minor FROM credit_notes WHERE company_id = c.company_id AND customer_id = c.id AND unapplied_minor > 0) m
        GROUP BY currency) u) AS unapplied,
      (SELECT json_object_agg(o.currency, o.amount::text) FROM (
        SELECT currency, sum(balance_minor) AS amount FROM invoices
        WHERE company_id = c.company_id AND customer_id = c.id AND status IN ('open', 'partially_paid') AND balance_minor > 0 AND due_date < ${runOn}::date
        GROUP BY currency) o) AS overdue
    FROM customers c ${lastReminded.join}
    WHERE c.company_id = ${company.id}::uuid AND c.id = ANY(${planned}::uuid[])
    ORDER BY c.name, c.id`;

  const byCustomer = new Map<string, CandidateInvoice[]>();
  for (const r of candidates) {
    const list = byCustomer.get(r.customer_id) ?? [];
    list.push({
      invoiceId: r.id,
      number: r.number,
      currency: r.currency.trim(),
      dueDate: calendarDateOf(r.due_date),
      balanceMinor: Number(r.balance_minor),
      daysOverdue: r.days_overdue,
      // A level the policy has since dropped reads as its last.
      level: levelOf ? Math.min(levelOf.get(r.id) ?? r.level, policy.levels.length) : r.level,
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
        unappliedByCurrency: bigints(c.unapplied),
        overdueByCurrency: bigints(c.overdue),
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
  if (send.length === 0) return skipPlan(base);
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
