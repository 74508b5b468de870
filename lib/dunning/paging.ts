import { z } from 'zod';

/** The runs page's lists show this many rows per page. */
export const RUNS_PAGE_SIZE = 50;
export const RUNS_MAX_PER_PAGE = 200;

const whole = (min: number, max: number, fallback: number) =>
  z
    .union([z.string(), z.number()])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : Number(v)))
    .pipe(
      z
        .number(`Must be a whole number from ${min} to ${max}`)
        .int(`Must be a whole number from ${min} to ${max}`)
        .min(min, `Must be a whole number from ${min} to ${max}`)
        .max(max, `Must be a whole number from ${min} to ${max}`),
    );

/** A page of one of the runs page's lists, as it comes from the URL (strings) or the API. */
export const runsPagingSchema = z.object({
  page: whole(1, 100_000, 1),
  perPage: whole(1, RUNS_MAX_PER_PAGE, RUNS_PAGE_SIZE),
});

export interface Paged<T> {
  rows: T[];
  page: number;
  perPage: number;
  totalRows: number;
  totalPages: number;
}
