import { AppError } from '@/lib/errors/app-error';
import type { CalendarDate } from '@/lib/aging/calendar-date';
import { dueDateFor, type PaymentTerms } from './payment-terms';

/** The due date the customer's terms give; without terms the invoice must bring its own (`field` names it). */
export function dueDateFromTerms(terms: PaymentTerms | null, invoiceDate: CalendarDate, field: string): CalendarDate {
  if (!terms) {
    throw new AppError('BAD_REQUEST', 'Due date is required: the customer has no payment terms to compute it from.', [
      { path: field, message: 'Required (the customer has no payment terms)' },
    ]);
  }
  return dueDateFor(terms, invoiceDate);
}
