import { addDays, type Prng } from './prng';

export interface InvoiceCustomer {
  id: string;
  defaultLocationId: string;
  currency: string;
}

export interface DemoInvoice {
  id: string;
  number: string;
  customerId: string;
  locationId: string;
  invoiceDate: string;
  dueDate: string;
  currency: string;
  amountMinor: number;
  /** What is owed. Here, as generated: what the ledger (demo-ledger.ts) is to leave owed by paying the rest. */
  balanceMinor: number;
  status: 'draft' | 'open' | 'partially_paid' | 'paid' | 'written_off' | 'void';
}

type Bucket = 'pending' | 'current' | 'overdue';

/** Relative weights of where an invoice falls relative to `today`: [bucket, min days past due, max]. */
const BUCKETS: [Bucket, number, number, number][] = [
  ['pending', 0, 0, 4],
  ['current', 0, 0, 30],
  ['overdue', 1, 30, 22],
  ['overdue', 31, 60, 14],
  ['overdue', 61, 90, 10],
  ['overdue', 91, 540, 20],
];
const TERMS = [15, 30, 30, 30, 30, 45, 60];
/** Monthly monitoring fees, in cents: many alarm-company invoices are one of these. */
export const RECURRING_FEES = [2999, 3999, 4999, 7999, 12999, 24999];

function amountMinor(rng: Prng): number {
  if (rng.chance(0.4)) return rng.pick(RECURRING_FEES);
  // Log-uniform between $75 and $25,000: many small invoices, a few large ones.
  const lo = Math.log(7_500);
  const hi = Math.log(2_500_000);
  return Math.round(Math.exp(lo + rng.next() * (hi - lo)));
}

function datesFor(rng: Prng, today: string, bucketIndex: number): { invoiceDate: string; dueDate: string } {
  const [bucket, minDays, maxDays] = BUCKETS[bucketIndex] as [Bucket, number, number, number];
  const terms = rng.pick(TERMS);
  if (bucket === 'pending') {
    const invoiceDate = addDays(today, rng.int(1, 21));
    return { invoiceDate, dueDate: addDays(invoiceDate, terms) };
  }
  // Current: due today or later, invoiced on or before today. Overdue: due `daysPastDue` days ago.
  const dueOffset = bucket === 'current' ? rng.int(0, terms) : -rng.int(minDays, maxDays);
  const dueDate = addDays(today, dueOffset);
  return { invoiceDate: addDays(dueDate, -terms), dueDate };
}

function statusFor(rng: Prng, bucket: Bucket, amount: number): Pick<DemoInvoice, 'status' | 'balanceMinor'> {
  const r = rng.next();
  if (bucket !== 'overdue' && r < 0.03) return { status: 'draft', balanceMinor: amount };
  if (r > 0.985) return { status: 'void', balanceMinor: 0 };
  if (bucket !== 'pending' && r > 0.985 - 0.2) return { status: 'paid', balanceMinor: 0 };
  if (rng.chance(0.18)) {
    // Partially paid: something between 10% and 90% still owed, never zero and never the whole amount. Not an
    // invoice dated after today (nothing is paid before it is invoiced); the draws are the same either way.
    const owed = Math.round(amount * (0.1 + rng.next() * 0.8));
    if (bucket !== 'pending') return { status: 'partially_paid', balanceMinor: Math.min(amount - 1, Math.max(1, owed)) };
  }
  return { status: 'open', balanceMinor: amount };
}

/**
 * `perCustomerCad` invoices for each customer billed in a foreign currency, and the rest of `count` spread
 * over the other customers with skewed weights (a few big accounts, a long tail). Numbers follow invoice
 * date order, `INV-000001` upwards.
 */
export function makeDemoInvoices(
  rng: Prng,
  opts: { customers: InvoiceCustomer[]; locationIds: string[]; count: number; today: string; baseCurrency: string; perForeignCustomer: number },
): DemoInvoice[] {
  const foreign = opts.customers.filter((c) => c.currency !== opts.baseCurrency);
  const domestic = opts.customers.filter((c) => c.currency === opts.baseCurrency);
  const weights = domestic.map(() => 0.2 + rng.next() ** 3 * 5);
  const owners: InvoiceCustomer[] = foreign.flatMap((c) => Array.from({ length: opts.perForeignCustomer }, () => c));
  while (owners.length < opts.count) owners.push(domestic[rng.weighted(weights)] as InvoiceCustomer);

  const invoices = owners.map((customer) => {
    const bucketIndex = rng.weighted(BUCKETS.map((b) => b[3]));
    const amount = amountMinor(rng);
    return {
      id: rng.uuid(),
      number: '',
      customerId: customer.id,
      locationId: rng.chance(0.9) ? customer.defaultLocationId : rng.pick(opts.locationIds),
      ...datesFor(rng, opts.today, bucketIndex),
      currency: customer.currency,
      amountMinor: amount,
      ...statusFor(rng, (BUCKETS[bucketIndex] as [Bucket, number, number, number])[0], amount),
    };
  });
  // Stable sort (ties keep generation order), so numbering is deterministic.
  invoices.sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : 0));
  invoices.forEach((inv, i) => (inv.number = `INV-${String(i + 1).padStart(6, '0')}`));
  return invoices;
}
