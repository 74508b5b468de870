import { z } from 'zod';
import { queryPage, queryPerPage, queryText as optionalText } from '@/lib/validation/url-query';
import { agingParamsSchema } from './aging-params';

export const DETAIL_PER_PAGE_OPTIONS = [25, 50, 100] as const;

/**
 * The AR aging detail's parameters as they arrive in a URL (page and API share them): the aging page's date,
 * currency, locations and bill source, and a bucket, a customer, a sort by days overdue, and paging.
 */
export const agingDetailParamsSchema = agingParamsSchema.pick({ asOf: true, locations: true, currency: true, billSource: true }).extend({
  bucket: optionalText.refine((v) => v === undefined || /^[a-z0-9_]{1,40}$/.test(v), { message: 'Unknown bucket' }),
  customer: optionalText.pipe(z.guid({ message: 'Must be a customer id' }).optional()),
  /** days (fewest first) or -days (most overdue first, the default). */
  sort: optionalText.pipe(z.enum(['days', '-days'], 'Must be days or -days').default('-days')),
  page: queryPage,
  perPage: queryPerPage(DETAIL_PER_PAGE_OPTIONS, 50),
});
export type AgingDetailParams = z.output<typeof agingDetailParamsSchema>;

export function agingDetailParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = ['asOf', 'locations', 'currency', 'billSource', 'bucket', 'customer', 'sort', 'page', 'perPage'] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
