import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { access, addDays, createCompany, createCustomers, createInvoices, createMember, setAgingScheme, type InvoiceSpec } from '../support/fixtures';
import { ageInvoices } from '@/lib/aging/age-invoices';
import { AGING_SCHEME_PRESETS, bucketsOf, DEFAULT_AGING_SCHEME, type AgingScheme } from '@/lib/aging/scheme';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';

// The aging aggregate runs in SQL (lib/receivables/aging-sql.ts); the pure engine (lib/aging/age-invoices.ts)
// states the rules. For random invoices, schemes and as-of dates the two must agree to the minor unit.

const CUSTOMERS = 6;
// Alphabetical: the order of a customer's per-currency summaries.
const CURRENCIES = ['CAD', 'USD'] as const;

const schemeArb: fc.Arbitrary<AgingScheme> = fc.oneof(
  fc.constant(DEFAULT_AGING_SCHEME),
  fc
    .record({
      bounds: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }),
      // The last period open, or written with a bound (older balances stay in it: the Tribune example).
      boundedLast: fc.boolean(),
      showPending: fc.boolean(),
      showCurrent: fc.boolean(),
    })
    .map(({ bounds, boundedLast, showPending, showCurrent }) => {
      const periods = [...bounds].sort((a, b) => a - b).map((maxDays) => ({ label: `Up to ${maxDays}`, maxDays }));
      return {
        pendingLabel: 'Pending',
        currentLabel: 'Current',
        showPending,
        showCurrent,
        periods: boundedLast ? periods : [...periods, { label: 'Later', maxDays: null }],
      };
    }),
  ...AGING_SCHEME_PRESETS.map((p) => fc.constant(p.scheme)),
);

/** Days past due at each bucket edge of the scheme: 0, 1 and every bound and bound + 1. */
const edgesOf = (scheme: AgingScheme) => [0, 1, ...scheme.periods.flatMap((p) => (p.maxDays === null ? [] : [p.maxDays, p.maxDays + 1]))];

const invoiceArb = (edges: number[]) =>
  fc.record({
    customer: fc.nat(CUSTOMERS - 1),
    location: fc.nat(2),
    currency: fc.constantFrom(...CURRENCIES),
    status: fc.constantFrom('open', 'open', 'open', 'open', 'draft', 'paid', 'void'),
    // Days past due on the as-of date; negative is not yet due.
    pastDue: fc.oneof(fc.constantFrom(...edges), fc.integer({ min: -60, max: 400 })),
    // Days from the invoice date to the as-of date; negative is pending (invoiced after the as-of date).
    invoiceAge: fc.oneof(fc.constantFrom(-1, 0, 1), fc.integer({ min: -30, max: 200 })),
    money: fc.integer({ min: 1, max: 10_000_000_000 }).chain((amount) =>
      fc.record({
        amount: fc.constant(amount),
        // Unpaid, fully paid or partly paid.
        balance: fc.oneof(fc.constant(amount), fc.constant(0), fc.integer({ min: 0, max: amount })),
      }),
    ),
  });

const caseArb = schemeArb.chain((scheme) =>
  fc.record({
    scheme: fc.constant(scheme),
    asOf: fc.integer({ min: 0, max: 3 * 366 }).map((d) => addDays('2025-01-01', d)),
    invoices: fc.array(invoiceArb(edgesOf(scheme)), { minLength: 20, maxLength: 40 }),
  }),
);

describe('SQL aging equals the pure engine', () => {
  it('per customer, per currency and in the summary, for the locations the user may view', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ scheme, asOf, invoices }) => {
        // A fresh tenant per run: three locations, a collector who may view the first two.
        const company = await createCompany({ locations: 3 });
        const locationIds = company.locations.map((l) => l.id);
        if (scheme !== DEFAULT_AGING_SCHEME) await setAgingScheme(company.id, scheme);
        const user = await createMember(company, 'member', { view: locationIds.slice(0, 2) });
        const acc = await access(user.id, company.slug);
        const customers = await createCustomers(
          company.id,
          Array.from({ length: CUSTOMERS }, (_, i) => `Customer ${i}`),
        );
        const specs: (InvoiceSpec & { currency: string; balance: number })[] = invoices.map((inv) => ({
          customerId: customers[inv.customer]!.id,
          locationId: locationIds[inv.location]!,
          invoiceDate: addDays(asOf, -inv.invoiceAge),
          dueDate: addDays(asOf, -inv.pastDue),
          ...inv.money,
          status: inv.status as InvoiceSpec['status'],
          currency: inv.currency,
        }));
        await createInvoices(company.id, specs);

        const visible = specs.filter((s) => locationIds.indexOf(s.locationId) < 2);
        const engine = (filter: (s: (typeof specs)[number]) => boolean) =>
          ageInvoices(
            visible
              .filter(filter)
              .map((s) => ({ invoiceDate: s.invoiceDate, dueDate: s.dueDate, balanceMinor: s.balance, status: s.status ?? 'open' })),
            scheme,
            asOf,
          );

        for (const currency of CURRENCIES) {
          const report = await getAgingPage(acc, agingParamsSchema.parse({ asOf, currency, perPage: '50' }));
          expect(report.buckets.map((b) => b.key)).toEqual(bucketsOf(scheme).map((b) => b.key));
          const expectedRows = customers
            .map((c) => ({ id: c.id, ...engine((s) => s.customerId === c.id && s.currency === currency) }))
            .filter((r) => r.total > 0);
          expect(report.rows.map((r) => ({ id: r.customer.id, amounts: r.amounts, total: r.total }))).toEqual(expectedRows);
          expect(report.summary).toEqual({ ...engine((s) => s.currency === currency), unapplied: 0 });
        }

        for (const customer of customers) {
          const result = await getCustomerAging(acc, customer.id, asOf).then(
            (a) => a,
            (e: unknown) => e,
          );
          if (!visible.some((s) => s.customerId === customer.id)) {
            // No default location and no invoice in a location the user may view.
            expect(result).toMatchObject({ code: 'NOT_FOUND' });
            continue;
          }
          if (result instanceof Error) throw result;
          const aging = result as Awaited<ReturnType<typeof getCustomerAging>>;
          const expectedSummaries = CURRENCIES.map((currency) => ({
            currency,
            ...engine((s) => s.customerId === customer.id && s.currency === currency),
          })).filter((s) => s.total > 0);
          // No payments in this data: nothing unapplied, so the net is the total.
          expect(aging.summaries).toEqual(expectedSummaries.map((s) => ({ ...s, unapplied: 0, net: s.total })));
          // The per-invoice buckets listed add up to the SQL bucket sums.
          const listed = expectedSummaries.map(({ currency }) => ({
            currency,
            amounts: Object.fromEntries(
              bucketsOf(scheme).map((b) => [
                b.key,
                aging.invoices.filter((i) => i.currency === currency && i.bucket === b.key).reduce((t, i) => t + i.balance, 0),
              ]),
            ),
          }));
          expect(listed).toEqual(aging.summaries.map(({ currency, amounts }) => ({ currency, amounts })));
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
