import { z } from 'zod';
import { queryCurrency, queryDate as date, queryPage, queryPerPage, queryText as optionalText } from '@/lib/validation/url-query';
import { agingParamsSchema } from '@/lib/receivables/aging-params';

export const INVOICE_STATES = ['draft', 'open', 'partially_paid', 'paid', 'written_off', 'void', 'archived'] as const;
export const INVOICE_SORTS = ['-invoiceDate', 'invoiceDate', '-dueDate', 'dueDate', 'number', '-number'] as const;

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
    currency: queryCurrency,
    /** Invoice dates from and to (inclusive). */
    from: date('From'),
    to: date('To'),
    /** Invoice number, from its start. */
    q: optionalText.pipe(z.string().max(50, 'At most 50 characters').optional()),
    sort: optionalText.pipe(z.enum(INVOICE_SORTS, `Must be one of ${INVOICE_SORTS.join(', ')}`).default('-invoiceDate')),
    page: queryPage,
    perPage: queryPerPage([25, 50, 100], 50),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'To must not be before From' });
export type InvoiceListParams = z.output<typeof invoiceListParamsSchema>;

export function invoiceListParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['locations', 'billSource', 'state', 'bucket', 'customer', 'currency', 'from', 'to', 'q', 'sort', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
