import { z } from 'zod';
import { addDays, endOfMonth, type CalendarDate } from '@/lib/aging/calendar-date';

/** A customer's payment terms: when an invoice without a due date falls due. */
export type PaymentTerms = { kind: 'due_on_receipt' } | { kind: 'net'; days: number } | { kind: 'end_of_month'; days: number };

const days = z
  .number('Days must be a whole number')
  .int('Days must be a whole number')
  .min(0, 'Days must be at least 0')
  .max(365, 'Days must be at most 365');

export const paymentTermsSchema = z.discriminatedUnion(
  'kind',
  [z.object({ kind: z.literal('due_on_receipt') }), z.object({ kind: z.literal('net'), days }), z.object({ kind: z.literal('end_of_month'), days })],
  'Terms must be one of due_on_receipt, net, end_of_month',
);

/** The due date terms give an invoice dated `invoiceDate`. */
export function dueDateFor(terms: PaymentTerms, invoiceDate: CalendarDate): CalendarDate {
  if (terms.kind === 'due_on_receipt') return invoiceDate;
  if (terms.kind === 'net') return addDays(invoiceDate, terms.days);
  return addDays(endOfMonth(invoiceDate), terms.days);
}

export function describeTerms(terms: PaymentTerms | null): string {
  if (!terms) return 'None';
  if (terms.kind === 'due_on_receipt') return 'Due on receipt';
  if (terms.kind === 'net') return `Net ${terms.days}`;
  return terms.days === 0 ? 'End of month' : `End of month + ${terms.days}`;
}

/** The stored columns (customers.terms_kind, terms_days) as terms; null when the customer has none. */
export function termsOf(row: { termsKind: string | null; termsDays: number | null }): PaymentTerms | null {
  if (row.termsKind === 'due_on_receipt') return { kind: 'due_on_receipt' };
  if ((row.termsKind === 'net' || row.termsKind === 'end_of_month') && row.termsDays !== null) return { kind: row.termsKind, days: row.termsDays };
  return null;
}

/** Terms as the columns store them. */
export function termsColumns(terms: PaymentTerms | null): { termsKind: string | null; termsDays: number | null } {
  if (!terms) return { termsKind: null, termsDays: null };
  return { termsKind: terms.kind, termsDays: terms.kind === 'due_on_receipt' ? null : terms.days };
}
