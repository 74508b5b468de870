import { z } from 'zod';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { storableString } from '@/lib/validation/storable-text';
import { agingParamsSchema } from '@/lib/receivables/aging-params';

export const INVOICE_STATES = ['draft', 'open', 'partially_paid', 'paid', 'written_off', 'void', 'archived'] as const;
export const INVOICE_SORTS = ['-invoiceDate', 'invoiceDate', '-dueDate', 'dueDate', 'number', '-number'] as const;

const optionalText = storableString()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const date = (label: string) =>
  optionalText.refine((v) => v === undefined || isCalendarDate(v), { message: `${label} must be a real date in YYYY-MM-DD form` });

/** The invoices list's parameters as they arrive in a URL (page and API share them). */
export const invoiceListParamsSchema = agingParamsSchema
  .pick({ locations: true, billSource: true })
  .extend({
    /** Comma-separated states; none: every state. */
    state: optionalText
      .transform((v) =>
        v
          ? [
              ...new Set(
                v
                  .split(',')
                  .map((s) => s.trim())
                  .filter(Boolean),
              ),
            ]
          : [],
      )
      .pipe(z.array(z.enum(INVOICE_STATES, `Each state must be one of ${INVOICE_STATES.join(', ')}`))),
    /** A bucket of the company's aging periods, today: open invoices only. */
    bucket: optionalText.refine((v) => v === undefined || /^[a-z0-9_]{1,40}$/.test(v), { message: 'Unknown bucket' }),
    customer: optionalText.pipe(z.guid({ message: 'Must be a customer id' }).optional()),
    currency: optionalText
      .transform((v) => v?.toUpperCase())
      .refine((v) => v === undefined || /^[A-Z]{3}$/.test(v), { message: 'Must be a 3-letter ISO currency code' }),
    /** Invoice dates from and to (inclusive). */
    from: date('From'),
    to: date('To'),
    /** Invoice number, from its start. */
    q: optionalText.pipe(z.string().max(50, 'At most 50 characters').optional()),
    sort: optionalText.pipe(z.enum(INVOICE_SORTS, `Must be one of ${INVOICE_SORTS.join(', ')}`).default('-invoiceDate')),
    page: optionalText
      .transform((v) => (v === undefined ? 1 : Number(v)))
      .pipe(z.number({ message: 'Must be a whole number from 1' }).int('Must be a whole number from 1').min(1, 'Must be a whole number from 1')),
    perPage: optionalText
      .transform((v) => (v === undefined ? 50 : Number(v)))
      .refine((v) => [25, 50, 100].includes(v), { message: 'Must be 25, 50 or 100' }),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'To must not be before From' });
export type InvoiceListParams = z.output<typeof invoiceListParamsSchema>;

export function invoiceListParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['locations', 'billSource', 'state', 'bucket', 'customer', 'currency', 'from', 'to', 'q', 'sort', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
