import { daysBetween, type CalendarDate } from '@/lib/aging/calendar-date';
import { formatMoney } from '@/lib/money/currency';

export const SKIP_REASONS = ['opted_out', 'min_interval', 'disputed', 'on_hold', 'promise_pending', 'covered_by_credit', 'under_minimum'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** An overdue invoice at a level it has not been reminded at yet. */
export interface CandidateInvoice {
  invoiceId: string;
  number: string;
  currency: string;
  dueDate: CalendarDate;
  balanceMinor: number;
  daysOverdue: number;
  level: number;
  /** An active hold / dispute on the invoice or on its customer (lib/collections/active-hold-sql.ts). */
  onHold: boolean;
  disputed: boolean;
  /** A pending promise to pay names it, or names no invoice and is in its currency. */
  promisePending: boolean;
}

export interface CustomerFacts {
  optedOut: boolean;
  /** The last run date this customer was sent a reminder (not counting cancelled ones), before this run. */
  lastRemindedOn: CalendarDate | null;
  /** Unapplied payments plus credit notes, per currency, in minor units (a sum: may pass 2^53). */
  unappliedByCurrency: Record<string, bigint>;
  /** Everything overdue per currency (also invoices already reminded at their level), in minor units. */
  overdueByCurrency: Record<string, bigint>;
  invoices: CandidateInvoice[];
}

export interface SkipRules {
  minIntervalDays: number;
  minimums: Record<string, number>;
}

export interface Skip {
  reason: SkipReason;
  message: string;
  /** The invoices it holds back. */
  invoiceIds: string[];
}

export interface CustomerDecision {
  /** The invoices a reminder lists, each at its level. */
  send: CandidateInvoice[];
  skips: Skip[];
}

/**
 * Which of a customer's candidate invoices a reminder may name today, and why each other one is held back.
 * Customer-wide rules first (opted out, reminded too recently), then per invoice (dispute, hold, pending
 * promise), then per currency on what is left (credits that cover the overdue amount, an amount under the
 * minimum). Every reason that applies is reported, so the preview explains all of them.
 */
export function decideCustomer(f: CustomerFacts, rules: SkipRules, runOn: CalendarDate): CustomerDecision {
  const all = f.invoices.map((i) => i.invoiceId);
  const skips: Skip[] = [];
  if (f.optedOut) skips.push({ reason: 'opted_out', message: 'The customer opted out of reminders.', invoiceIds: all });
  if (f.lastRemindedOn && daysBetween(f.lastRemindedOn, runOn) < rules.minIntervalDays) {
    const days = daysBetween(f.lastRemindedOn, runOn);
    skips.push({
      reason: 'min_interval',
      message: `Reminded ${days} ${days === 1 ? 'day' : 'days'} ago (${f.lastRemindedOn}); the minimum interval is ${rules.minIntervalDays} days.`,
      invoiceIds: all,
    });
  }
  if (skips.length > 0) return { send: [], skips };

  const perInvoice: [SkipReason, (i: CandidateInvoice) => boolean, string][] = [
    ['disputed', (i) => i.disputed, 'Disputed'],
    ['on_hold', (i) => i.onHold, 'On hold'],
    ['promise_pending', (i) => i.promisePending, 'A promise to pay is not yet due'],
  ];
  for (const [reason, applies, label] of perInvoice) {
    const held = f.invoices.filter(applies);
    if (held.length > 0)
      skips.push({ reason, message: `${label}: ${held.map((i) => i.number).join(', ')}.`, invoiceIds: held.map((i) => i.invoiceId) });
  }
  const heldIds = new Set(skips.flatMap((s) => s.invoiceIds));
  let send = f.invoices.filter((i) => !heldIds.has(i.invoiceId));

  for (const currency of [...new Set(send.map((i) => i.currency))].sort()) {
    const ofCurrency = send.filter((i) => i.currency === currency);
    const overdue = f.overdueByCurrency[currency] ?? ofCurrency.reduce((s, i) => s + BigInt(i.balanceMinor), 0n);
    const unapplied = f.unappliedByCurrency[currency] ?? 0n;
    const ids = ofCurrency.map((i) => i.invoiceId);
    if (unapplied > 0n && unapplied >= overdue) {
      skips.push({
        reason: 'covered_by_credit',
        message: `Unapplied payments and credits of ${formatMoney(unapplied, currency)} cover the ${formatMoney(overdue, currency)} overdue.`,
        invoiceIds: ids,
      });
    } else if (overdue < BigInt(rules.minimums[currency] ?? 0)) {
      skips.push({
        reason: 'under_minimum',
        message: `${formatMoney(overdue, currency)} overdue is under the minimum of ${formatMoney(rules.minimums[currency]!, currency)}.`,
        invoiceIds: ids,
      });
    } else continue;
    send = send.filter((i) => i.currency !== currency);
  }
  return { send, skips };
}

/** Each reason in a word or two, for the preview's summary ("Disputed 3 · On hold 2 · Promise not yet due 4"). */
export const SKIP_REASON_LABELS: Record<SkipReason, string> = {
  opted_out: 'Opted out',
  min_interval: 'Reminded recently',
  disputed: 'Disputed',
  on_hold: 'On hold',
  promise_pending: 'Promise not yet due',
  covered_by_credit: 'Covered by credit',
  under_minimum: 'Under the minimum',
};
