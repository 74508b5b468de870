import { z } from 'zod';

/**
 * An overdue period: up to `maxDays` days past due (inclusive). The last period also holds every older balance,
 * so its bound may be left open (null) or written as the documents do (30/60/90: older than 90 stays in the
 * third period).
 */
export interface AgingPeriod {
  label: string;
  maxDays: number | null;
}

export interface AgingScheme {
  pendingLabel: string;
  currentLabel: string;
  /** A Pending bucket for invoices dated after the as-of date; without it they age with the money not yet due. */
  showPending?: boolean;
  /** A Current bucket (period 0: not past due); without it, money not yet due counts in the first period ("0-30"). */
  showCurrent?: boolean;
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

/** The most overdue periods a scheme has (periods 1 to 13; period 0 is Current). */
export const MAX_AGING_PERIODS = 13;
/** The largest day bound a period may have. */
export const MAX_PERIOD_DAYS = 999;

const label = z.string('Label is required').trim().min(1, 'Label is required').max(40, 'Label is at most 40 characters');

export const agingSchemeSchema = z
  .object({
    pendingLabel: label,
    currentLabel: label,
    showPending: z.boolean('Show Pending must be true or false').optional(),
    showCurrent: z.boolean('Show Current must be true or false').optional(),
    periods: z
      .array(
        z.object({
          label,
          maxDays: z
            .number('Days must be a whole number')
            .int('Days must be a whole number')
            .min(1, 'Days must be at least 1')
            .max(MAX_PERIOD_DAYS, `Days must be at most ${MAX_PERIOD_DAYS}`)
            .nullable(),
        }),
        'Periods are required',
      )
      .min(1, 'At least one overdue period is required')
      .max(MAX_AGING_PERIODS, `At most ${MAX_AGING_PERIODS} overdue periods`),
  })
  .superRefine((scheme, ctx) => {
    scheme.periods.forEach((p, i) => {
      const last = i === scheme.periods.length - 1;
      if (!last && p.maxDays === null) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'maxDays'], message: 'Only the last period may be open-ended' });
      }
      const prev = scheme.periods[i - 1]?.maxDays;
      if (p.maxDays !== null && prev != null && p.maxDays <= prev) {
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'maxDays'], message: 'Day bounds must increase' });
      }
    });
  });

/** A scheme with its optional switches spelled out (absent means shown). */
export function fullScheme(s: AgingScheme): Required<AgingScheme> {
  return { ...s, showPending: s.showPending !== false, showCurrent: s.showCurrent !== false };
}

/** Ready-made schemes in the shapes of the product documents; `key` names them in the API. */
export const AGING_SCHEME_PRESETS: { key: string; name: string; scheme: AgingScheme }[] = [
  {
    key: 'standard',
    name: 'Pending / Current / 1-30 / 31-60 / 61-90 / 91+ (default)',
    scheme: fullScheme(DEFAULT_AGING_SCHEME),
  },
  {
    key: 'pending-current-30-60-90',
    name: 'Pending / Current / 30+ / 60+ / 90+',
    scheme: {
      pendingLabel: 'Not yet invoiced',
      currentLabel: 'Pending',
      showPending: false,
      showCurrent: true,
      periods: [
        { label: 'Current', maxDays: 29 },
        { label: '30+', maxDays: 59 },
        { label: '60+', maxDays: 89 },
        { label: '90+', maxDays: null },
      ],
    },
  },
  {
    key: 'current-30-60',
    name: 'Current / 1-30 / 31-60 / 60+',
    scheme: {
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      showPending: false,
      showCurrent: true,
      periods: [
        { label: '1-30', maxDays: 30 },
        { label: '31-60', maxDays: 60 },
        { label: '60+', maxDays: null },
      ],
    },
  },
  {
    key: '0-30-60-90',
    name: '0-30 / 31-60 / 61-90 / 90+',
    scheme: {
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      showPending: false,
      showCurrent: false,
      periods: [
        { label: '0-30', maxDays: 30 },
        { label: '31-60', maxDays: 60 },
        { label: '61-90', maxDays: 90 },
        { label: '90+', maxDays: null },
      ],
    },
  },
];

/**
 * The ordered buckets of a scheme: Pending and Current when shown, then each overdue period; the last period
 * is open-ended whatever bound it was written with. Keys are stable and URL-safe.
 */
export function bucketsOf(scheme: AgingScheme): Bucket[] {
  const buckets: Bucket[] = [];
  if (scheme.showPending !== false) buckets.push({ key: 'pending', label: scheme.pendingLabel, kind: 'pending', minDays: null, maxDays: null });
  const current = scheme.showCurrent !== false;
  if (current) buckets.push({ key: 'current', label: scheme.currentLabel, kind: 'current', minDays: null, maxDays: 0 });
  let minDays = current ? 1 : 0;
  scheme.periods.forEach((period, i) => {
    const maxDays = i === scheme.periods.length - 1 ? null : period.maxDays;
    const key = maxDays === null ? `days_${minDays}_plus` : `days_${minDays}_${maxDays}`;
    // Without a Current bucket the first period also holds money not yet due: no lower bound.
    buckets.push({ key, label: period.label, kind: 'overdue', minDays: current || i > 0 ? minDays : null, maxDays });
    if (maxDays !== null) minDays = maxDays + 1;
  });
  return buckets;
}
