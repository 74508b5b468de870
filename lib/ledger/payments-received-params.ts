import { z } from 'zod';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { storableString } from '@/lib/validation/storable-text';
import { PAYMENT_METHODS } from './ledger-input';

const optionalText = storableString()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const date = (label: string) =>
  optionalText.refine((v) => v === undefined || isCalendarDate(v), { message: `${label} must be a real date in YYYY-MM-DD form` });

/** Payments received: dates received from and to (inclusive), customer, method, reference, currency, paging. */
export const paymentsReceivedParamsSchema = z
  .object({
    from: date('From'),
    to: date('To'),
    customer: optionalText.pipe(z.guid({ message: 'Must be a customer id' }).optional()),
    method: optionalText.pipe(z.enum(PAYMENT_METHODS, `Must be one of ${PAYMENT_METHODS.join(', ')}`).optional()),
    /** Reference, from its start. */
    q: optionalText.pipe(z.string().max(100, 'At most 100 characters').optional()),
    currency: optionalText
      .transform((v) => v?.toUpperCase())
      .refine((v) => v === undefined || /^[A-Z]{3}$/.test(v), { message: 'Must be a 3-letter ISO currency code' }),
    page: optionalText
      .transform((v) => (v === undefined ? 1 : Number(v)))
      .pipe(z.number({ message: 'Must be a whole number from 1' }).int('Must be a whole number from 1').min(1, 'Must be a whole number from 1')),
    perPage: optionalText
      .transform((v) => (v === undefined ? 50 : Number(v)))
      .refine((v) => [25, 50, 100].includes(v), { message: 'Must be 25, 50 or 100' }),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'To must not be before From' });
export type PaymentsReceivedParams = z.output<typeof paymentsReceivedParamsSchema>;

export function paymentsReceivedParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['from', 'to', 'customer', 'method', 'q', 'currency', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
