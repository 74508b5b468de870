import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { access, addDays, createCompany, createCustomers, createInvoices, createMember, setAgingScheme, type InvoiceSpec } from '../support/fixtures';
import { ageInvoices } from '@/lib/aging/age-invoices';
import { AGING_SCHEME_PRESETS, bucketsOf, DEFAULT_AGING_SCHEME, earliestDue, type AgingScheme } from '@/lib/aging/scheme';
import { daysBetween } from '@/lib/aging/calendar-date';
import type { BillingFrequency } from '@/lib/aging/billing-frequency';
import { prisma } from '@/lib/db/client';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { getAgingDetail } from '@/lib/receivables/get-aging-detail';
import { agingDetailParamsSchema } from '@/lib/receivables/aging-detail-params';

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
  // Calendar months: period 1 what fell due in the as-of month, and so on.
  fc
    .record({ periods: fc.integer({ min: 1, max: 13 }), showPending: fc.boolean(), showCurrent: fc.boolean() })
    .map(({ periods, showPending, showCurrent }) => ({
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      showPending,
      showCurrent,
      basis: 'calendar_months' as const,
      periods: Array.from({ length: periods }, (_, i) => ({ label: `Month ${i + 1}`, maxDays: null })),
    })),
);

/** Days past due at each bucket edge of the scheme on `asOf`: 0, 1 and each bucket's earliest due date and the day before. */
const edgesOf = (scheme: AgingScheme, asOf: string) => [
  0,
  1,
  ...bucketsOf(scheme).flatMap((b) => {
    if (!b.reach) return [];
    const days = daysBetween(earliestDue(b.reach, asOf), asOf);
    return [days, days + 1];
  }),
];

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

// Month ends and leap days turn up: billing months and calendar months clamp there.
const asOfArb = fc.oneof(
  fc.integer({ min: 0, max: 3 * 366 }).map((d) => addDays('2025-01-01', d)),
  fc.constantFrom('2025-03-31', '2024-02-29', '2025-12-31', '2026-05-31', '2025-03-01'),
);

const caseArb = schemeArb.chain((scheme) =>
  asOfArb.chain((asOf) =>
    fc.record({
      scheme: fc.constant(scheme),
      asOf: fc.constant(asOf),
      invoices: fc.array(invoiceArb(edgesOf(scheme, asOf)), { minLength: 20, maxLength: 40 }),
    }),
  ),
);

const frequencyArb: fc.Arbitrary<BillingFrequency> = fc.oneof(
  fc.constant({ kind: 'weekly' as const }),
  fc.integer({ min: 1, max: 45 }).map((days) => ({ kind: 'every_n_days' as const, days })),
  fc.constant({ kind: 'monthly' as const }),
  fc.constant({ kind: 'quarterly' as const }),
);

/** A bill source's scheme, by any basis, with the source's billing frequency. */
const sourceCaseArb = fc
  .record({
    frequency: frequencyArb,
    basis: fc.constantFrom('days' as const, 'billing_periods' as const, 'calendar_months' as const),
    periods: fc.integer({ min: 1, max: 13 }),
    showCurrent: fc.boolean(),
  })
  .map(({ frequency, basis, periods, showCurrent }) => ({
    frequency,
    scheme: {
      pendingLabel: 'Pending',
      currentLabel: 'Current',
      showPending: false,
      showCurrent,
      basis,
      periods: Array.from({ length: periods }, (_, i) => ({ label: `P${i + 1}`, maxDays: basis === 'days' ? 20 * (i + 1) : null })),
      billingFrequency: frequency,
    } satisfies AgingScheme,
  }))
  .chain(({ frequency, scheme }) =>
    asOfArb.chain((asOf) =>
      fc.record({
        frequency: fc.constant(frequency),
        scheme: fc.constant(scheme),
        asOf: fc.constant(asOf),
        invoices: fc.array(fc.record({ inv: invoiceArb(edgesOf(scheme, asOf)), ofSource: fc.boolean() }), { minLength: 20, maxLength: 40 }),
      }),
    ),
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
          // The AR aging detail, bucket by bucket: its rows and its totals hold the same money.
          const summary = engine((s) => s.currency === currency);
          for (const b of bucketsOf(scheme)) {
            const detail = await getAgingDetail(acc, agingDetailParamsSchema.parse({ asOf, currency, bucket: b.key, perPage: '100' }));
            expect([b.key, detail.totalBalance, detail.rows.reduce((t, r) => t + r.balance, 0)]).toEqual([
              b.key,
              summary.amounts[b.key],
              summary.amounts[b.key],
            ]);
            expect(detail.rows.every((r) => r.bucket === b.key)).toBe(true);
            expect(detail.totalRows).toBe(detail.rows.length);
          }
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

  it('for one bill source: its invoices only, by its own scheme of any basis and its billing frequency', async () => {
    await fc.assert(
      fc.asyncProperty(sourceCaseArb, async ({ frequency, scheme, asOf, invoices }) => {
        const company = await createCompany({ locations: 1 });
        const admin = await createMember(company, 'admin');
        const acc = await access(admin.id, company.slug);
        const source = await prisma.billSource.create({
          data: {
            companyId: company.id,
            name: 'Source',
            frequency: frequency.kind,
            intervalDays: frequency.kind === 'every_n_days' ? frequency.days : null,
          },
        });
        const { billingFrequency: _, ...stored } = scheme;
        await setAgingScheme(company.id, stored, true, source.id);
        const customers = await createCustomers(
          company.id,
          Array.from({ length: CUSTOMERS }, (_, i) => `Customer ${i}`),
        );
        const specs = invoices.map(({ inv, ofSource }) => ({
          customerId: customers[inv.customer]!.id,
          locationId: company.locations[0]!.id,
          invoiceDate: addDays(asOf, -inv.invoiceAge),
          dueDate: addDays(asOf, -inv.pastDue),
          ...inv.money,
          status: inv.status as InvoiceSpec['status'],
          currency: 'USD',
          billSourceId: ofSource ? source.id : null,
        }));
        await createInvoices(company.id, specs);
        const engine = (filter: (s: (typeof specs)[number]) => boolean) =>
          ageInvoices(
            specs
              .filter((s) => s.billSourceId === source.id && filter(s))
              .map((s) => ({ invoiceDate: s.invoiceDate, dueDate: s.dueDate, balanceMinor: s.balance, status: s.status ?? 'open' })),
            scheme,
            asOf,
          );
        const report = await getAgingPage(acc, agingParamsSchema.parse({ asOf, currency: 'USD', perPage: '50', billSource: source.id }));
        expect(report.buckets.map((b) => b.key)).toEqual(bucketsOf(scheme).map((b) => b.key));
        const expectedRows = customers.map((c) => ({ id: c.id, ...engine((s) => s.customerId === c.id) })).filter((r) => r.total > 0);
        expect(report.rows.map((r) => ({ id: r.customer.id, amounts: r.amounts, total: r.total }))).toEqual(expectedRows);
        expect(report.summary).toEqual({ ...engine(() => true), unapplied: 0 });
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
