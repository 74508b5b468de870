import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInvoices, type AgeableInvoice } from '@/lib/aging/age-invoices';
import { agingSchemeSchema, bucketsOf, type AgingScheme, type Bucket } from '@/lib/aging/scheme';

const DAY_MS = 86_400_000;
const dateOf = (epochDay: number) => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
// 2000-01-01 .. 2099-12-31 as days since 1970-01-01.
const epochDay = fc.integer({ min: 10_957, max: 47_481 });

const label = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0);

// Strictly increasing upper bounds (at most 999 days, up to 13 periods), the last open-ended or written with a
// bound (it holds older balances all the same), with Pending and Current each shown or not.
const scheme: fc.Arbitrary<AgingScheme> = fc
  .record({
    pendingLabel: label,
    currentLabel: label,
    bounds: fc.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 13 }),
    boundedLast: fc.boolean(),
    showPending: fc.boolean(),
    showCurrent: fc.boolean(),
    labels: fc.array(label, { minLength: 14, maxLength: 14 }),
  })
  .map(({ pendingLabel, currentLabel, bounds, boundedLast, showPending, showCurrent, labels }) => {
    const sorted = bounds.sort((a, b) => a - b);
    const maxDays: (number | null)[] = boundedLast ? sorted : [...sorted.slice(0, 12), null];
    return { pendingLabel, currentLabel, showPending, showCurrent, periods: maxDays.map((d, i) => ({ label: labels[i]!, maxDays: d })) };
  });

/** Invoices with days past due either anywhere or right at a bucket edge of `sch`. */
function invoicesFor(sch: AgingScheme, asOf: number): fc.Arbitrary<AgeableInvoice[]> {
  const edges = sch.periods.flatMap((p) => (p.maxDays === null ? [] : [p.maxDays, p.maxDays + 1]));
  const daysPastDue = fc.oneof(fc.integer({ min: -400, max: 40_000 }), fc.constantFrom(-1, 0, 1, ...edges));
  const invoice = fc.record({
    daysPastDue,
    daysSinceInvoice: fc.integer({ min: -60, max: 40_000 }),
    balanceMinor: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000_000 })),
    status: fc.constantFrom('draft', 'open', 'paid', 'void'),
  });
  return fc.array(invoice, { maxLength: 60 }).map((list) =>
    list.map((i) => ({
      invoiceDate: dateOf(asOf - i.daysSinceInvoice),
      dueDate: dateOf(asOf - i.daysPastDue),
      balanceMinor: i.balanceMinor,
      status: i.status,
    })),
  );
}

/**
 * Independent statement of which buckets an invoice belongs to; a sound scheme yields exactly one. Without a
 * Pending bucket an invoice dated later ages like any other; without Current, not yet due is the first period's.
 */
function matchingBuckets(buckets: Bucket[], inv: AgeableInvoice, asOf: string): Bucket[] {
  const hasCurrent = buckets.some((b) => b.kind === 'current');
  const pending = buckets.some((b) => b.kind === 'pending') && inv.invoiceDate > asOf;
  const days = (Date.parse(asOf) - Date.parse(inv.dueDate)) / DAY_MS;
  return buckets.filter((b) => {
    if (b.kind === 'pending') return pending;
    if (pending) return false;
    if (b.kind === 'current') return days <= 0;
    if (hasCurrent && days <= 0) return false;
    return (b.minDays === null || days >= b.minDays) && (b.maxDays === null || days <= b.maxDays);
  });
}

const cases = fc.tuple(scheme, epochDay).chain(([sch, asOf]) => fc.tuple(fc.constant(sch), fc.constant(dateOf(asOf)), invoicesFor(sch, asOf)));

describe('ageInvoices (property)', () => {
  it('puts each open balance in exactly one bucket, and the buckets add up to the total', () => {
    fc.assert(
      fc.property(cases, ([sch, asOf, invoices]) => {
        expect(agingSchemeSchema.safeParse(sch).success).toBe(true);
        const buckets = bucketsOf(sch);
        expect(new Set(buckets.map((b) => b.key)).size).toBe(buckets.length);

        const { amounts, total } = ageInvoices(invoices, sch, asOf);
        expect(Object.keys(amounts).sort()).toEqual(buckets.map((b) => b.key).sort());

        const expected = Object.fromEntries(buckets.map((b) => [b.key, 0]));
        let ageableTotal = 0;
        for (const inv of invoices) {
          if (inv.status !== 'open' || inv.balanceMinor <= 0) continue;
          const matches = matchingBuckets(buckets, inv, asOf);
          expect(matches).toHaveLength(1);
          expected[matches[0]!.key]! += inv.balanceMinor;
          ageableTotal += inv.balanceMinor;
        }

        expect(amounts).toEqual(expected);
        expect(total).toBe(ageableTotal);
        expect(Object.values(amounts).reduce((a, b) => a + b, 0)).toBe(total);
      }),
      { numRuns: 300 },
    );
  });
});
