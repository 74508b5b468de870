import { z } from 'zod';

/** How often a bill source bills: its billing period, which a scheme aged by billing periods counts in. */
export type BillingFrequency = { kind: 'weekly' } | { kind: 'every_n_days'; days: number } | { kind: 'monthly' } | { kind: 'quarterly' };

export const BILLING_FREQUENCY_KINDS = ['weekly', 'every_n_days', 'monthly', 'quarterly'] as const;

export const billingFrequencySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('weekly') }),
    z.object({
      kind: z.literal('every_n_days'),
      days: z
        .number('Days must be a whole number')
        .int('Days must be a whole number')
        .min(1, 'Days must be at least 1')
        .max(366, 'Days must be at most 366'),
    }),
    z.object({ kind: z.literal('monthly') }),
    z.object({ kind: z.literal('quarterly') }),
  ],
  `Frequency must be one of ${BILLING_FREQUENCY_KINDS.join(', ')}`,
);

/** How far back from the as-of date `periods` billing periods reach: in days, or in months (clamped to month ends). */
export function billingPeriodsBack(f: BillingFrequency, periods: number): { unit: 'days' | 'months'; count: number } {
  switch (f.kind) {
    case 'weekly':
      return { unit: 'days', count: 7 * periods };
    case 'every_n_days':
      return { unit: 'days', count: f.days * periods };
    case 'monthly':
      return { unit: 'months', count: periods };
    case 'quarterly':
      return { unit: 'months', count: 3 * periods };
  }
}

export function describeFrequency(f: BillingFrequency): string {
  return f.kind === 'every_n_days' ? `Every ${f.days} days` : { weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly' }[f.kind];
}

/** The stored columns (bill_sources.frequency, interval_days) as a frequency. */
export function frequencyOf(row: { frequency: string; intervalDays: number | null }): BillingFrequency {
  if (row.frequency === 'every_n_days') return { kind: 'every_n_days', days: row.intervalDays ?? 1 };
  if (row.frequency === 'weekly' || row.frequency === 'monthly' || row.frequency === 'quarterly') return { kind: row.frequency };
  throw new Error(`Unknown billing frequency: ${row.frequency}`);
}
