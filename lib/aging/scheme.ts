import { z } from 'zod';

/** An overdue period: up to `maxDays` days past due (inclusive); the last period is open-ended (null). */
export interface AgingPeriod {
  label: string;
  maxDays: number | null;
}

export interface AgingScheme {
  pendingLabel: string;
  currentLabel: string;
  periods: AgingPeriod[];
}

export type BucketKind = 'pending' | 'current' | 'overdue';

export interface Bucket {
  key: string;
  label: string;
  kind: BucketKind;
  /** Days past due, inclusive bounds; null where the bucket is not bounded that way. */
  minDays: number | null;
  maxDays: number | null;
}

export const DEFAULT_AGING_SCHEME: AgingScheme = {
  pendingLabel: 'Pending',
  currentLabel: 'Current',
  periods: [
    { label: '1-30', maxDays: 30 },
    { label: '31-60', maxDays: 60 },
    { label: '61-90', maxDays: 90 },
    { label: '91+', maxDays: null },
  ],
};

const label = z.string().trim().min(1, 'Label is required').max(40, 'Label is at most 40 characters');

export const agingSchemeSchema = z
  .object({
    pendingLabel: label,
    currentLabel: label,
    periods: z
      .array(z.object({ label, maxDays: z.number().int().min(1).max(36_500).nullable() }))
      .min(1, 'At least one overdue period is required')
      .max(12, 'At most 12 overdue periods'),
  })
  .superRefine((scheme, ctx) => {
    scheme.periods.forEach((p, i) => {
      const last = i === scheme.periods.length - 1;
      if (last && p.maxDays !== null) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'maxDays'], message: 'The last period must be open-ended' });
      }
      if (!last && p.maxDays === null) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'maxDays'], message: 'Only the last period may be open-ended' });
      }
      const prev = scheme.periods[i - 1]?.maxDays;
      if (p.maxDays !== null && prev != null && p.maxDays <= prev) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'maxDays'], message: 'Day bounds must increase' });
      }
    });
  });

/** The ordered buckets of a scheme: Pending, Current, then each overdue period. Keys are stable and URL-safe. */
export function bucketsOf(scheme: AgingScheme): Bucket[] {
  const buckets: Bucket[] = [
    { key: 'pending', label: scheme.pendingLabel, kind: 'pending', minDays: null, maxDays: null },
    { key: 'current', label: scheme.currentLabel, kind: 'current', minDays: null, maxDays: 0 },
  ];
  let minDays = 1;
  for (const period of scheme.periods) {
    const key = period.maxDays === null ? `days_${minDays}_plus` : `days_${minDays}_${period.maxDays}`;
    buckets.push({ key, label: period.label, kind: 'overdue', minDays, maxDays: period.maxDays });
    if (period.maxDays !== null) minDays = period.maxDays + 1;
  }
  return buckets;
}
