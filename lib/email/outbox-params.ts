import { z } from 'zod';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const OUTBOX_PER_PAGE_OPTIONS = [10, 25, 50] as const;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

/** Outbox page parameters as they arrive in a URL query (page and API share it); all optional. */
export const outboxParamsSchema = z.object({
  page: optionalText
    .transform((v) => (v === undefined ? 1 : Number(v)))
    .pipe(z.number({ message: 'Must be a whole number from 1' }).int('Must be a whole number from 1').min(1, 'Must be a whole number from 1')),
  perPage: optionalText
    .transform((v) => (v === undefined ? 25 : Number(v)))
    .refine((v) => (OUTBOX_PER_PAGE_OPTIONS as readonly number[]).includes(v), { message: 'Must be 10, 25 or 50' }),
  status: optionalText.pipe(z.enum(OUTBOX_STATUSES, { message: `Must be one of ${OUTBOX_STATUSES.join(', ')}` }).optional()),
});

export type OutboxParams = z.output<typeof outboxParamsSchema>;
