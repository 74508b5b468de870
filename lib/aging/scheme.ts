import { z } from 'zod';
import { addDays, addMonths, startOfMonth, type CalendarDate } from './calendar-date';
import { billingPeriodsBack, type BillingFrequency } from './billing-frequency';
import { MAX_AGING_PERIODS, MAX_PERIOD_DAYS } from './aging-limits';
import { financeChargeSchema, type FinanceChargeRule } from './finance-charge';

/**
 * What the overdue periods count: days past due (each period has its bound), the bill source's billing periods
 * (period k holds up to k periods past due), or calendar months (period 1 holds what fell due in the as-of
 * month, period 2 the month before...).
 */
export type AgingBasis = 'days' | 'billing_periods' | 'calendar_months';
export const AGING_BASES: readonly AgingBasis[] = ['days', 'billing_periods', 'calendar_months'];

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
  /** Absent: days. */
  basis?: AgingBasis;
  /** The monthly finance charge on this scheme's invoices; absent or null: none. */
  financeCharge?: FinanceChargeRule | null;
  /** The bill source's billing period, for the billing_periods basis; set when the scheme is loaded, not stored. */
  billingFrequency?: BillingFrequency;
}

/**
 * How far before the as-of date an overdue bucket's earliest due date lies: so many days, so many months
 * (clamped to month ends), or the start of the month so many months back.
 */
export interface Reach {
  unit: 'days' | 'months' | 'month_start';
  count: number;
}

export type BucketKind = 'pending' | 'current' | 'overdue';

export interface Bucket {
  key: string;
  label: string;
  kind: BucketKind;
  /** Days past due, inclusive bounds; null where the bucket is not bounded that way (other bases too). */
  minDays: number | null;
  maxDays: number | null;
  /** Overdue buckets but the last: the earliest due date they hold, relative to the as-of date. */
  reach: Reach | null;
  /** Overdue buckets: the period number, 1 to 13. */
  period?: number;
}

/** The earliest due date a bucket with this reach holds on `asOf`. */
export function earliestDue(reach: Reach, asOf: CalendarDate): CalendarDate {
  if (reach.unit === 'days') return addDays(asOf, -reach.count);
  if (reach.unit === 'months') return addMonths(asOf, -reach.count);
  return startOfMonth(addMonths(asOf, -reach.count));
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

export { MAX_AGING_PERIODS, MAX_PERIOD_DAYS } from './aging-limits';

const label = z.string('Label is required').trim().min(1, 'Label is required').max(40, 'Label is at most 40 characters');

export const agingSchemeSchema = z
  .object({
    pendingLabel: label,
    currentLabel: label,
    showPending: z.boolean('Show Pending must be true or false').optional(),
    showCurrent: z.boolean('Show Current must be true or false').optional(),
    basis: z.enum(AGING_BASES, `Basis must be one of ${AGING_BASES.join(', ')}`).optional(),
    financeCharge: financeChargeSchema.nullish(),
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
    if (scheme.financeCharge && scheme.financeCharge.fromPeriod > scheme.periods.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['financeCharge', 'fromPeriod'],
        message: `From period must be one of the ${scheme.periods.length} periods`,
      });
    }
    // Other bases count periods, not days: the bounds are not used.
    if ((scheme.basis ?? 'days') !== 'days') return;
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

export type FullAgingScheme = Required<Omit<AgingScheme, 'billingFrequency' | 'financeCharge'>> &
  Pick<AgingScheme, 'billingFrequency'> & { financeCharge: FinanceChargeRule | null };

/**
 * A scheme with its optional switches spelled out (absent means shown; the basis days). Periods of other bases
 * have no day bounds.
 */
export function fullScheme(s: AgingScheme): FullAgingScheme {
  const basis = s.basis ?? 'days';
  const periods = basis === 'days' ? s.periods : s.periods.map((p) => ({ ...p, maxDays: null }));
  return { ...s, basis, periods, showPending: s.showPending !== false, showCurrent: s.showCurrent !== false, financeCharge: s.financeCharge ?? null };
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
  if (scheme.showPending !== false)
    buckets.push({ key: 'pending', label: scheme.pendingLabel, kind: 'pending', minDays: null, maxDays: null, reach: null });
  const current = scheme.showCurrent !== false;
  if (current) buckets.push({ key: 'current', label: scheme.currentLabel, kind: 'current', minDays: null, maxDays: 0, reach: null });
  const basis = scheme.basis ?? 'days';
  if (basis !== 'days') {
    const frequency = scheme.billingFrequency;
    if (basis === 'billing_periods' && !frequency) throw new Error('A scheme aged by billing periods needs its bill source');
    scheme.periods.forEach((period, i) => {
      const n = i + 1;
      const last = n === scheme.periods.length;
      const reach: Reach = basis === 'calendar_months' ? { unit: 'month_start', count: i } : billingPeriodsBack(frequency!, n);
      buckets.push({
        key: last ? `period_${n}_plus` : `period_${n}`,
        label: period.label,
        kind: 'overdue',
        minDays: null,
        maxDays: null,
        reach: last ? null : reach,
        period: n,
      });
    });
    return buckets;
  }
  let minDays = current ? 1 : 0;
  scheme.periods.forEach((period, i) => {
    const maxDays = i === scheme.periods.length - 1 ? null : period.maxDays;
    const key = maxDays === null ? `days_${minDays}_plus` : `days_${minDays}_${maxDays}`;
    // Without a Current bucket the first period also holds money not yet due: no lower bound.
    buckets.push({
      key,
      label: period.label,
      kind: 'overdue',
      minDays: current || i > 0 ? minDays : null,
      maxDays,
      reach: maxDays === null ? null : { unit: 'days', count: maxDays },
      period: i + 1,
    });
    if (maxDays !== null) minDays = maxDays + 1;
  });
  return buckets;
}

/** What a bucket holds, in words, for the settings page and API. */
export function describeBucket(b: Bucket, scheme: AgingScheme): string {
  if (b.kind === 'pending') return 'dated after the as-of date';
  if (b.kind === 'current') return 'not yet due';
  const basis = scheme.basis ?? 'days';
  const n = b.period ?? 1;
  const first = n === 1 && scheme.showCurrent === false ? 'not yet due, or ' : '';
  if (basis === 'days') {
    const from = b.minDays === null ? 'not yet due' : `${b.minDays} days past due`;
    return b.maxDays === null ? `${from} and older` : `${from} to ${b.maxDays} days past due`;
  }
  if (basis === 'calendar_months') {
    if (b.reach === null) return n === 1 ? `${first}any overdue` : `${first}fell due ${n - 1} or more months before the as-of month`;
    return n === 1 ? `${first}fell due in the as-of month` : `${first}fell due ${n - 1} month${n === 2 ? '' : 's'} before the as-of month`;
  }
  const f = scheme.billingFrequency;
  const span = (k: number) => {
    if (!f) return `${k} billing period${k === 1 ? '' : 's'}`;
    const back = billingPeriodsBack(f, k);
    return `${back.count} ${back.unit === 'days' ? 'day' : 'month'}${back.count === 1 ? '' : 's'}`;
  };
  return b.reach === null ? `${first}more than ${span(n - 1)} past due` : `${first}up to ${span(n)} past due`;
}
