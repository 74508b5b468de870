import { z } from 'zod';
import { isCalendarDate } from '@/lib/aging/calendar-date';
import { storableString } from './storable-text';

// Pieces of the list pages' URL query schemas (page and API share each schema). Pages parse with safeParse, not
// parseOrThrow, so the text is storableString: a NUL (`q=%00`) is refused by the schema itself.

/** A query value: trimmed, and absent when empty. */
export const queryText = storableString()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** A calendar date, `label` naming it in the message. */
export const queryDate = (label: string) =>
  queryText.refine((v) => v === undefined || isCalendarDate(v), { message: `${label} must be a real date in YYYY-MM-DD form` });

export const queryCurrency = queryText
  .transform((v) => v?.toUpperCase())
  .refine((v) => v === undefined || /^[A-Z]{3}$/.test(v), { message: 'Must be a 3-letter ISO currency code' });

export const queryPage = queryText
  .transform((v) => (v === undefined ? 1 : Number(v)))
  .pipe(z.number({ message: 'Must be a whole number from 1' }).int('Must be a whole number from 1').min(1, 'Must be a whole number from 1'));

/** Rows per page, one of `options` ("Must be 25, 50 or 100"). */
export const queryPerPage = (options: readonly number[], fallback: number) =>
  queryText
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((v) => options.includes(v), { message: `Must be ${options.slice(0, -1).join(', ')} or ${options.at(-1)}` });

/** A page's searchParams as a getter of each key's first value. */
export const firstSearchParam = (sp: Record<string, string | string[] | undefined>) => (key: string) => {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
};
