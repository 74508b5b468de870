import { z } from 'zod';
import { storableString } from '@/lib/validation/storable-text';
import { agingParamsSchema } from './aging-params';

export const DETAIL_PER_PAGE_OPTIONS = [25, 50, 100] as const;

const optionalText = storableString()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/**
 * The AR aging detail's parameters as they arrive in a URL (page and API share them): the aging page's date,
 * currency, locations and bill source, and a bucket, a customer, a sort by days overdue, and paging.
 */
export const agingDetailParamsSchema = agingParamsSchema.pick({ asOf: true, locations: true, currency: true, billSource: true }).extend({
  bucket: optionalText.refine((v) => v === undefined || /^[a-z0-9_]{1,40}$/.test(v), { message: 'Unknown bucket' }),
  customer: optionalText.pipe(z.guid({ message: 'Must be a customer id' }).optional()),
  /** days (fewest first) or -days (most overdue first, the default). */
  sort: optionalText.pipe(z.enum(['days', '-days'], 'Must be days or -days').default('-days')),
  page: optionalText
    .transform((v) => (v === undefined ? 1 : Number(v)))
    .pipe(z.number({ message: 'Must be a whole number from 1' }).int('Must be a whole number from 1').min(1, 'Must be a whole number from 1')),
  perPage: optionalText
    .transform((v) => (v === undefined ? 50 : Number(v)))
    .refine((v) => (DETAIL_PER_PAGE_OPTIONS as readonly number[]).includes(v), { message: 'Must be 25, 50 or 100' }),
});
export type AgingDetailParams = z.output<typeof agingDetailParamsSchema>;

export function agingDetailParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['asOf', 'locations', 'currency', 'billSource', 'bucket', 'customer', 'sort', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
