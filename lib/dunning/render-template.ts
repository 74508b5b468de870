import { addDays } from 'date-fns';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { formatCalendarDate } from '@/lib/aging/format-calendar-date';
import { formatMoney } from '@/lib/money/currency';
import type { DunningLevel } from './dunning-policy';
import { mergeTemplate } from './merge-fields';

export interface ReminderLine {
  number: string;
  dueDate: CalendarDate;
  daysOverdue: number;
  balanceMinor: number;
  currency: string;
  /** The name of the level this invoice is reminded at. */
  levelName: string;
}

export interface ReminderFacts {
  customer: string;
  company: string;
  remitTo: string | null;
  runOn: CalendarDate;
  lines: ReminderLine[];
}

/** Days from the run date the customer is asked to pay by. */
export const PAY_WITHIN_DAYS = 7;

function plusDays(date: CalendarDate, days: number): CalendarDate {
  return addDays(new Date(`${date}T00:00:00Z`), days)
    .toISOString()
    .slice(0, 10);
}

/** Totals per currency, never added across currencies: "USD 1,200.00 and EUR 50.00". */
export function amountDue(lines: Pick<ReminderLine, 'balanceMinor' | 'currency'>[]): string {
  const totals = new Map<string, bigint>();
  for (const l of lines) totals.set(l.currency, (totals.get(l.currency) ?? 0n) + BigInt(l.balanceMinor));
  return [...totals]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, minor]) => formatMoney(minor, currency))
    .join(' and ');
}

/** One line per invoice, in due-date order: number, due date, days overdue, balance, level. */
export function invoiceList(lines: ReminderLine[]): string {
  return [...lines]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
    .map(
      (l) =>
        `- Invoice ${l.number}, due ${formatCalendarDate(l.dueDate, 'short')}, ${l.daysOverdue} ${l.daysOverdue === 1 ? 'day' : 'days'} overdue: ${formatMoney(l.balanceMinor, l.currency)} (${l.levelName})`,
    )
    .join('\n');
}

/**
 * A reminder's subject and body from its level's templates. Pure: the same facts give the same text, so the
 * preview shows exactly what is sent. The subject is kept on one line whatever the fields hold.
 */
export function renderReminder(level: Pick<DunningLevel, 'subject' | 'body'>, facts: ReminderFacts): { subject: string; bodyText: string } {
  const values = {
    customer: facts.customer,
    company: facts.company,
    invoices: invoiceList(facts.lines),
    amount_due: amountDue(facts.lines),
    days_overdue: String(Math.max(0, ...facts.lines.map((l) => l.daysOverdue))),
    pay_by: formatCalendarDate(plusDays(facts.runOn, PAY_WITHIN_DAYS)),
    remit_to: facts.remitTo?.trim() || facts.company,
  };
  const subject = mergeTemplate(level.subject, values).replace(/\s+/g, ' ').trim().slice(0, 300);
  return { subject, bodyText: mergeTemplate(level.body, values) };
}
