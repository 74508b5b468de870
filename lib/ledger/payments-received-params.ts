import { z } from 'zod';
import { queryCurrency, queryDate as date, queryPage, queryPerPage, queryText as optionalText } from '@/lib/validation/url-query';
import { PAYMENT_METHODS } from './ledger-input';

/** Payments received: dates received from and to (inclusive), customer, method, reference, currency, paging. */
export const paymentsReceivedParamsSchema = z
  .object({
    from: date('From'),
    to: date('To'),
    customer: optionalText.pipe(z.guid({ message: 'Must be a customer id' }).optional()),
    method: optionalText.pipe(z.enum(PAYMENT_METHODS, `Must be one of ${PAYMENT_METHODS.join(', ')}`).optional()),
    /** Reference, from its start. */
    q: optionalText.pipe(z.string().max(100, 'At most 100 characters').optional()),
    currency: queryCurrency,
    page: queryPage,
    perPage: queryPerPage([25, 50, 100], 50),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'To must not be before From' });
export type PaymentsReceivedParams = z.output<typeof paymentsReceivedParamsSchema>;

export function paymentsReceivedParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['from', 'to', 'customer', 'method', 'q', 'currency', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
