import { daysBetween, type CalendarDate } from './calendar-date';
import { bucketsOf, earliestDue, type AgingScheme, type Bucket } from './scheme';

export interface AgeableInvoice {
  invoiceDate: CalendarDate;
  dueDate: CalendarDate;
  balanceMinor: number;
  status: string;
}

export interface AgingAmounts {
  amounts: Record<string, number>;
  total: number;
}

/** Calendar days past due on the as-of date (0 or negative: not past due). */
export function daysPastDue(dueDate: CalendarDate, asOf: CalendarDate): number {
  return daysBetween(dueDate, asOf);
}

/**
 * The one bucket an invoice falls in on `asOf`. A scheme without Pending ages an invoice dated later with the
 * money not yet due; one without Current puts money not yet due in the first period.
 */
export function bucketFor(buckets: Bucket[], invoice: Pick<AgeableInvoice, 'invoiceDate' | 'dueDate'>, asOf: CalendarDate): Bucket {
  const pending = buckets.find((b) => b.kind === 'pending');
  if (pending && daysBetween(asOf, invoice.invoiceDate) > 0) return pending;
  const current = buckets.find((b) => b.kind === 'current');
  if (current && daysPastDue(invoice.dueDate, asOf) <= 0) return current;
  return find(buckets, (b) => b.kind === 'overdue' && (b.reach === null || invoice.dueDate >= earliestDue(b.reach, asOf)));
}

function find(buckets: Bucket[], pred: (b: Bucket) => boolean): Bucket {
  const bucket = buckets.find(pred);
  if (!bucket) throw new Error('Aging scheme has no bucket for this invoice');
  return bucket;
}

/** Invoices in these states age (when their balance is positive); drafts, settled and void ones do not. */
export const AGEABLE_STATUSES: readonly string[] = ['open', 'partially_paid'];

/** Only open and partially paid invoices with a positive balance age. */
export function isAgeable(invoice: Pick<AgeableInvoice, 'status' | 'balanceMinor'>): boolean {
  return AGEABLE_STATUSES.includes(invoice.status) && invoice.balanceMinor > 0;
}

/** Sums open balances into the scheme's buckets; the bucket amounts always add up to `total`. */
export function ageInvoices(invoices: AgeableInvoice[], scheme: AgingScheme, asOf: CalendarDate): AgingAmounts {
  const buckets = bucketsOf(scheme);
  const amounts = Object.fromEntries(buckets.map((b) => [b.key, 0]));
  let total = 0;
  for (const invoice of invoices) {
    if (!isAgeable(invoice)) continue;
    const key = bucketFor(buckets, invoice, asOf).key;
    amounts[key] = (amounts[key] ?? 0) + invoice.balanceMinor;
    total += invoice.balanceMinor;
  }
  return { amounts, total };
}
