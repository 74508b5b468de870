import { z } from 'zod';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { queryCurrency, queryPage, queryPerPage, queryText as optionalText } from '@/lib/validation/url-query';

export const PER_PAGE_OPTIONS = [10, 25, 50] as const;
export const DEFAULT_PER_PAGE = 50;

// A yes/no filter in a URL: 1 or true turns it on; absent, empty, 0 or false leave it off.
const flag = optionalText.pipe(
  z
    .enum(['1', '0', 'true', 'false'], 'Must be 1 or 0')
    .optional()
    .transform((v) => v === '1' || v === 'true'),
);

/**
 * Aging page parameters as they arrive in a URL query (page and JSON API share it). Everything is optional;
 * defaults that depend on the company (as-of date, currency, scheme) are resolved by getAgingPage.
 */
export const agingParamsSchema = z.object({
  asOf: optionalText.refine((v) => v === undefined || isCalendarDate(v), {
    message: 'Must be a real date in YYYY-MM-DD form',
  }),
  locations: optionalText
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
    .pipe(z.array(z.guid({ message: 'Each location must be a location id' }))),
  currency: queryCurrency,
  page: queryPage,
  perPage: queryPerPage(PER_PAGE_OPTIONS, DEFAULT_PER_PAGE),
  sort: optionalText.refine((v) => v === undefined || /^-?[a-z0-9_]{1,40}$/.test(v), { message: 'Unknown sort key' }),
  q: optionalText.pipe(z.string().max(100, 'At most 100 characters').optional()),
  /** Collections filters: not contacted by a person in N days, a broken promise not followed up, on hold. */
  notContactedDays: optionalText
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(
      z
        .number({ message: 'Must be a whole number of days from 1 to 3650' })
        .int('Must be a whole number of days from 1 to 3650')
        .min(1, 'Must be a whole number of days from 1 to 3650')
        .max(3650, 'Must be a whole number of days from 1 to 3650')
        .optional(),
    ),
  brokenPromise: flag,
  onHold: flag,
  /** One bill source's invoices, aged by its periods. */
  billSource: optionalText.pipe(z.guid({ message: 'Must be a bill source id' }).optional()),
});

export type AgingParams = z.output<typeof agingParamsSchema>;

/** Reads the known keys of a URLSearchParams-like source into plain strings for the schema. */
export function agingParamsInput(get: (key: string) => string | null | undefined): Record<string, string | undefined> {
  const keys = [
    'asOf',
    'locations',
    'currency',
    'page',
    'perPage',
    'sort',
    'q',
    'notContactedDays',
    'brokenPromise',
    'onHold',
    'billSource',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, get(k) ?? undefined]));
}
