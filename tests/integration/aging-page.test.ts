import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  access,
  addDays,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  setAgingScheme,
  type TestCompany,
  type TestCustomer,
  type TestUser,
} from '../support/fixtures';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage, type AgingReport } from '@/lib/receivables/get-aging-page';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { AppError } from '@/lib/errors/app-error';
import type { CompanyAccess } from '@/lib/auth/get-company-access';

const AS_OF = '2026-06-30';
const DEFAULT_KEYS = ['pending', 'current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_91_plus'];

/** Parameters as a caller passes them in a URL query. */
const params = (input: Record<string, string> = {}) => agingParamsSchema.parse({ asOf: AS_OF, ...input });

/** The non-zero amounts of an amounts record (what a person reads off a row). */
const nonZero = (amounts: Record<string, number>) => Object.fromEntries(Object.entries(amounts).filter(([, v]) => v !== 0));

/** Rows by customer name, amounts without zero buckets. */
function rowsByName(report: AgingReport) {
  for (const r of [...report.rows, report.summary]) expect(Object.keys(r.amounts)).toEqual(report.buckets.map((b) => b.key));
  return Object.fromEntries(report.rows.map((r) => [r.customer.name, { ...nonZero(r.amounts), total: r.total }]));
}

const summaryOf = (report: AgingReport) => ({ ...nonZero(report.summary.amounts), total: report.summary.total });

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** Every page of a report, in order. */
async function allPages(acc: CompanyAccess, input: Record<string, string>) {
  const pages: AgingReport[] = [];
  let page = 1;
  do {
    pages.push(await getAgingPage(acc, params({ ...input, page: String(page) })));
    page += 1;
  } while (page <= pages[0]!.totalPages);
  return pages;
}

describe('permission scoping, location filter, statuses and currencies', () => {
  let company: TestCompany;
  let other: TestCompany;
  let admin: CompanyAccess;
  let collector: CompanyAccess;
  let loc: { north: string; south: string; east: string; west: string };

  beforeAll(async () => {
    company = await createCompany({ locations: ['North', 'South', 'East', 'West'] });
    other = await createCompany({ locations: ['North'] });
    const [north, south, east, west] = company.locations.map((l) => l.id) as [string, string, string, string];
    loc = { north, south, east, west };
    const adminUser = await createMember(company, 'admin');
    // Views North and South; may modify East without viewing it (modify does not imply view).
    const collectorUser = await createMember(company, 'member', { view: [north, south], modify: [north, east] });
    admin = await access(adminUser.id, company.slug);
    collector = await access(collectorUser.id, company.slug);

    const [acme, birch, cedar, delta, elm, fig] = (await createCustomers(company.id, [
      { name: 'Acme', defaultLocationId: north },
      { name: 'Birch', defaultLocationId: south },
      { name: 'Cedar', defaultLocationId: east },
      { name: 'Delta', defaultLocationId: north },
      { name: 'Elm', defaultLocationId: north },
      { name: 'Fig', defaultLocationId: north },
    ])) as [TestCustomer, TestCustomer, TestCustomer, TestCustomer, TestCustomer, TestCustomer];
    await createInvoices(company.id, [
      // Acme: due on the as-of date (current) in North; 60 days past due in East.
      { customerId: acme.id, locationId: north, invoiceDate: '2026-06-01', dueDate: '2026-06-30', amount: 10_000 },
      { customerId: acme.id, locationId: east, invoiceDate: '2026-04-01', dueDate: '2026-05-01', amount: 5_000 },
      // Birch: 1 day past due in South; not yet due in West.
      { customerId: birch.id, locationId: south, invoiceDate: '2026-05-30', dueDate: '2026-06-29', amount: 20_000 },
      { customerId: birch.id, locationId: west, invoiceDate: '2026-06-15', dueDate: '2026-07-15', amount: 7_000 },
      // Cedar: invoiced after the as-of date, East only.
      { customerId: cedar.id, locationId: east, invoiceDate: '2026-07-05', dueDate: '2026-08-04', amount: 3_000 },
      // Delta: 91 days past due; partly paid and 90 days past due; then invoices that never count.
      { customerId: delta.id, locationId: north, invoiceDate: '2026-03-01', dueDate: '2026-03-31', amount: 4_000 },
      { customerId: delta.id, locationId: south, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 6_000, balance: 2_500 },
      { customerId: delta.id, locationId: south, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 9_999, status: 'draft' },
      { customerId: delta.id, locationId: south, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 8_888, balance: 0, status: 'paid' },
      { customerId: delta.id, locationId: north, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 7_777, status: 'void' },
      { customerId: delta.id, locationId: north, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 5_000, balance: 0 },
      { customerId: delta.id, locationId: north, invoiceDate: '2026-06-01', dueDate: '2026-07-01', amount: 12_345, currency: 'CAD' },
      // Elm owes only CAD, 15 days past due.
      { customerId: elm.id, locationId: north, invoiceDate: '2026-05-16', dueDate: '2026-06-15', amount: 50_000, currency: 'CAD' },
      // Fig has only invoices that do not count.
      { customerId: fig.id, locationId: north, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 1_111, status: 'draft' },
      { customerId: fig.id, locationId: north, invoiceDate: '2026-03-01', dueDate: '2026-04-01', amount: 2_222, balance: 0, status: 'paid' },
    ]);
  });

  it('a collector sees exactly the customers and amounts of the two locations they may view', async () => {
    const report = await getAgingPage(collector, params());
    expect(report.asOf).toBe(AS_OF);
    expect(report.currency).toBe('USD');
    expect(report.buckets.map((b) => b.key)).toEqual(DEFAULT_KEYS);
    expect(rowsByName(report)).toEqual({
      Acme: { current: 10_000, total: 10_000 },
      Birch: { days_1_30: 20_000, total: 20_000 },
      Delta: { days_61_90: 2_500, days_91_plus: 4_000, total: 6_500 },
    });
    expect(report.rows.map((r) => r.customer.name)).toEqual(['Acme', 'Birch', 'Delta']);
    expect(summaryOf(report)).toEqual({ current: 10_000, days_1_30: 20_000, days_61_90: 2_500, days_91_plus: 4_000, total: 36_500 });
    expect(report.totalRows).toBe(3);
  });

  it('an admin sees every location', async () => {
    const report = await getAgingPage(admin, params());
    expect(rowsByName(report)).toEqual({
      Acme: { current: 10_000, days_31_60: 5_000, total: 15_000 },
      Birch: { current: 7_000, days_1_30: 20_000, total: 27_000 },
      Cedar: { pending: 3_000, total: 3_000 },
      Delta: { days_61_90: 2_500, days_91_plus: 4_000, total: 6_500 },
    });
    expect(summaryOf(report)).toEqual({
      pending: 3_000,
      current: 17_000,
      days_1_30: 20_000,
      days_31_60: 5_000,
      days_61_90: 2_500,
      days_91_plus: 4_000,
      total: 51_500,
    });
  });

  it('draft, paid, void and zero-balance invoices never count, and a customer with only those has no row', async () => {
    const report = await getAgingPage(admin, params({ q: 'Delta' }));
    expect(rowsByName(report)).toEqual({ Delta: { days_61_90: 2_500, days_91_plus: 4_000, total: 6_500 } });
    expect((await getAgingPage(admin, params({ q: 'Fig' }))).rows).toEqual([]);
  });

  it('a location filter narrows to the requested permitted locations', async () => {
    const south = await getAgingPage(collector, params({ locations: loc.south }));
    expect(rowsByName(south)).toEqual({
      Birch: { days_1_30: 20_000, total: 20_000 },
      Delta: { days_61_90: 2_500, total: 2_500 },
    });
    expect(south.summary.total).toBe(22_500);

    const eastWest = await getAgingPage(admin, params({ locations: `${loc.east},${loc.west}` }));
    expect(rowsByName(eastWest)).toEqual({
      Acme: { days_31_60: 5_000, total: 5_000 },
      Birch: { current: 7_000, total: 7_000 },
      Cedar: { pending: 3_000, total: 3_000 },
    });
  });

  it('requesting a location the user may not view is FORBIDDEN, also alongside permitted ones', async () => {
    await expectAppError(getAgingPage(collector, params({ locations: loc.east })), 'FORBIDDEN');
    await expectAppError(getAgingPage(collector, params({ locations: `${loc.north},${loc.west}` })), 'FORBIDDEN');
    await expectAppError(getAgingPage(admin, params({ locations: other.locations[0]!.id })), 'FORBIDDEN');
  });

  it('a currency filter never adds amounts of another currency', async () => {
    const cad = await getAgingPage(collector, params({ currency: 'cad' }));
    expect(cad.currency).toBe('CAD');
    expect(rowsByName(cad)).toEqual({
      Delta: { current: 12_345, total: 12_345 },
      Elm: { days_1_30: 50_000, total: 50_000 },
    });
    expect(cad.summary.total).toBe(62_345);
    const eur = await getAgingPage(admin, params({ currency: 'EUR' }));
    expect(eur.rows).toEqual([]);
    expect(eur.summary.total).toBe(0);
  });

  it('the as-of date moves an invoice through the buckets at the exact day boundaries', async () => {
    // Acme's North invoice: invoiced 2026-06-01, due 2026-06-30, 10,000.
    const cases: [string, string][] = [
      ['2026-05-31', 'pending'],
      ['2026-06-01', 'current'],
      ['2026-06-30', 'current'],
      [addDays('2026-06-30', 1), 'days_1_30'],
      [addDays('2026-06-30', 30), 'days_1_30'],
      [addDays('2026-06-30', 31), 'days_31_60'],
      [addDays('2026-06-30', 60), 'days_31_60'],
      [addDays('2026-06-30', 61), 'days_61_90'],
      [addDays('2026-06-30', 90), 'days_61_90'],
      [addDays('2026-06-30', 91), 'days_91_plus'],
      [addDays('2026-06-30', 4000), 'days_91_plus'],
    ];
    for (const [asOf, bucket] of cases) {
      const report = await getAgingPage(admin, params({ asOf, q: 'Acme', locations: loc.north }));
      expect({ asOf, row: rowsByName(report).Acme }).toEqual({ asOf, row: { [bucket]: 10_000, total: 10_000 } });
    }
  });
});

describe('the default as-of date is today in the company time zone', () => {
  let newYork: { company: TestCompany; user: TestUser };
  let tokyo: { company: TestCompany; user: TestUser };
  const customerIds = new Map<string, string>();

  beforeAll(async () => {
    const make = async (timeZone: string) => {
      const company = await createCompany({ timeZone });
      const user = await createMember(company, 'admin');
      const [customer] = await createCustomers(company.id, ['Zone Customer']);
      customerIds.set(company.slug, customer!.id);
      await createInvoices(company.id, [
        { customerId: customer!.id, locationId: company.locations[0]!.id, invoiceDate: '2026-11-01', dueDate: '2026-11-22', amount: 10_000 },
      ]);
      return { company, user };
    };
    newYork = await make('America/New_York');
    tokyo = await make('Asia/Tokyo');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function agedAt(instant: string, tenant: { company: TestCompany; user: TestUser }) {
    // Access and data are read with the real clock; only the aging call sees the pinned one.
    const acc = await access(tenant.user.id, tenant.company.slug);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(instant));
    try {
      const report = await getAgingPage(acc, agingParamsSchema.parse({}));
      const customer = await getCustomerAging(acc, customerIds.get(tenant.company.slug)!);
      return { asOf: report.asOf, row: nonZero(report.rows[0]!.amounts), customerAsOf: customer.asOf };
    } finally {
      vi.useRealTimers();
    }
  }

  it('at 2026-11-23T03:00Z New York ages as of 2026-11-22 and Tokyo as of 2026-11-23', async () => {
    expect(await agedAt('2026-11-23T03:00:00Z', newYork)).toEqual({
      asOf: '2026-11-22',
      row: { current: 10_000 },
      customerAsOf: '2026-11-22',
    });
    expect(await agedAt('2026-11-23T03:00:00Z', tokyo)).toEqual({
      asOf: '2026-11-23',
      row: { days_1_30: 10_000 },
      customerAsOf: '2026-11-23',
    });
  });

  it('the date turns at local midnight, not at UTC midnight', async () => {
    expect((await agedAt('2026-11-22T14:59:59Z', tokyo)).asOf).toBe('2026-11-22');
    expect((await agedAt('2026-11-22T15:00:00Z', tokyo)).asOf).toBe('2026-11-23');
    expect((await agedAt('2026-11-23T04:59:59Z', newYork)).asOf).toBe('2026-11-22');
    expect((await agedAt('2026-11-23T05:00:00Z', newYork)).asOf).toBe('2026-11-23');
  });
});

describe('a custom aging scheme', () => {
  it('the active scheme in aging_schemes sets the bucket keys and labels; an inactive one is ignored', async () => {
    const company = await createCompany();
    const plain = await createCompany();
    await setAgingScheme(company.id, { pendingLabel: 'Old', currentLabel: 'Old', periods: [{ label: 'Old', maxDays: null }] }, false);
    await setAgingScheme(company.id, {
      pendingLabel: 'Not yet invoiced',
      currentLabel: 'Not due',
      periods: [
        { label: 'Up to 45 days', maxDays: 45 },
        { label: 'Over 45 days', maxDays: null },
      ],
    });
    await setAgingScheme(plain.id, { pendingLabel: 'Old', currentLabel: 'Old', periods: [{ label: 'Old', maxDays: null }] }, false);
    const [customer] = await createCustomers(company.id, ['Scheme Customer']);
    const location = company.locations[0]!.id;
    await createInvoices(company.id, [
      { customerId: customer!.id, locationId: location, invoiceDate: '2026-04-01', dueDate: addDays(AS_OF, -45), amount: 1_000 },
      { customerId: customer!.id, locationId: location, invoiceDate: '2026-04-01', dueDate: addDays(AS_OF, -46), amount: 2_000 },
      { customerId: customer!.id, locationId: location, invoiceDate: '2026-06-01', dueDate: AS_OF, amount: 300 },
    ]);
    const acc = await access((await createMember(company, 'admin')).id, company.slug);

    const report = await getAgingPage(acc, params());
    expect(report.buckets).toEqual([
      { key: 'pending', label: 'Not yet invoiced' },
      { key: 'current', label: 'Not due' },
      { key: 'days_1_45', label: 'Up to 45 days' },
      { key: 'days_46_plus', label: 'Over 45 days' },
    ]);
    expect(report.rows[0]!.amounts).toEqual({ pending: 0, current: 300, days_1_45: 1_000, days_46_plus: 2_000 });
    expect(report.summary).toEqual({ amounts: { pending: 0, current: 300, days_1_45: 1_000, days_46_plus: 2_000 }, unapplied: 0, total: 3_300 });
    expect((await getAgingPage(acc, params({ sort: '-days_46_plus' }))).rows).toHaveLength(1);
    await expectAppError(getAgingPage(acc, params({ sort: 'days_31_60' })), 'BAD_REQUEST');

    const plainAccess = await access((await createMember(plain, 'admin')).id, plain.slug);
    expect((await getAgingPage(plainAccess, params())).buckets.map((b) => b.key)).toEqual(DEFAULT_KEYS);
  });
});

describe('pagination and sorting over 40 customers', () => {
  const N = 40;
  // Customer i owes current A(i) and 31-60 B(i): many ties in every sort key.
  const current = (i: number) => 1_000 * (1 + (i % 4));
  const late = (i: number) => 500 * (i % 3);
  const name = (i: number) => `Cust ${String(i).padStart(2, '0')}`;
  let acc: CompanyAccess;

  beforeAll(async () => {
    const company = await createCompany({ locations: 2 });
    const [l1, l2] = company.locations.map((l) => l.id) as [string, string];
    acc = await access((await createMember(company, 'admin')).id, company.slug);
    // Inserted in a shuffled order so that insertion order cannot pass for sorting.
    const order = Array.from({ length: N }, (_, i) => (i * 17) % N);
    const customers = await createCustomers(company.id, order.map(name));
    await createInvoices(
      company.id,
      customers.flatMap((c, k) => {
        const i = order[k]!;
        return [
          { customerId: c.id, locationId: l1, invoiceDate: '2026-06-01', dueDate: '2026-07-15', amount: current(i) },
          ...(late(i) > 0 ? [{ customerId: c.id, locationId: l2, invoiceDate: '2026-04-15', dueDate: '2026-05-15', amount: late(i) }] : []),
        ];
      }),
    );
  });

  it('the summary equals the sum of every row over every page', async () => {
    const pages = await allPages(acc, { perPage: '10' });
    expect(pages).toHaveLength(4);
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.map((r) => r.customer.name)).toEqual(Array.from({ length: N }, (_, i) => name(i)));
    for (const p of pages) {
      expect(p.rows).toHaveLength(10);
      expect({ totalRows: p.totalRows, totalPages: p.totalPages, summary: p.summary }).toEqual({
        totalRows: N,
        totalPages: 4,
        summary: pages[0]!.summary,
      });
    }
    const summed = Object.fromEntries(DEFAULT_KEYS.map((k) => [k, rows.reduce((s, r) => s + r.amounts[k]!, 0)]));
    expect(pages[0]!.summary).toEqual({ amounts: summed, unapplied: 0, total: rows.reduce((s, r) => s + r.total, 0) });
    // By hand: sum of 1000 * (1 + i % 4) = 100,000; sum of 500 * (i % 3) = 19,500.
    expect(summaryOf(pages[0]!)).toEqual({ current: 100_000, days_31_60: 19_500, total: 119_500 });
  });

  it('a page beyond the last has no rows but the full totals', async () => {
    const first = await getAgingPage(acc, params({ perPage: '25' }));
    const beyond = await getAgingPage(acc, params({ perPage: '25', page: '3' }));
    expect(beyond.rows).toEqual([]);
    expect({ page: beyond.page, totalRows: beyond.totalRows, totalPages: beyond.totalPages, summary: beyond.summary }).toEqual({
      page: 3,
      totalRows: N,
      totalPages: 2,
      summary: first.summary,
    });
    expect(beyond.summary.total).toBe(119_500);
  });

  const byNameAsc = (a: number, b: number) => name(a).localeCompare(name(b));
  const sorts: [string, (a: number, b: number) => number][] = [
    ['name', byNameAsc],
    ['-name', (a, b) => byNameAsc(b, a)],
    ['total', (a, b) => current(a) + late(a) - (current(b) + late(b)) || byNameAsc(a, b)],
    ['-total', (a, b) => current(b) + late(b) - (current(a) + late(a)) || byNameAsc(a, b)],
    ['current', (a, b) => current(a) - current(b) || byNameAsc(a, b)],
    ['days_31_60', (a, b) => late(a) - late(b) || byNameAsc(a, b)],
    ['-days_31_60', (a, b) => late(b) - late(a) || byNameAsc(a, b)],
  ];
  it.each(sorts)('sort=%s orders every page, ties broken by name', async (sort, compare) => {
    const pages = await allPages(acc, { perPage: '10', sort });
    const expected = Array.from({ length: N }, (_, i) => i).sort(compare);
    expect(pages.flatMap((p) => p.rows).map((r) => [r.customer.name, r.total])).toEqual(expected.map((i) => [name(i), current(i) + late(i)]));
    expect(pages.every((p) => p.sort === sort)).toBe(true);
  });

  it('an unknown sort key is a BAD_REQUEST', async () => {
    await expectAppError(getAgingPage(acc, params({ sort: 'bogus' })), 'BAD_REQUEST');
    await expectAppError(getAgingPage(acc, params({ sort: '-days_1_45' })), 'BAD_REQUEST');
  });
});

describe('customer name search', () => {
  let acc: CompanyAccess;
  const names = ['100% Juice', 'Juicy Fruits', 'Under_score Ltd', 'Underscore Ltd', 'UNDER the sea', 'Back\\slash Co', 'Plain Co'];
  const amount = (i: number) => 1_000 * (i + 1);

  beforeAll(async () => {
    const company = await createCompany();
    acc = await access((await createMember(company, 'admin')).id, company.slug);
    const customers = await createCustomers(company.id, names);
    await createInvoices(
      company.id,
      customers.map((c, i) => ({
        customerId: c.id,
        locationId: company.locations[0]!.id,
        invoiceDate: '2026-06-01',
        dueDate: '2026-07-01',
        amount: amount(i),
      })),
    );
  });

  it.each([
    ['juic', ['100% Juice', 'Juicy Fruits']],
    ['JUICE', ['100% Juice']],
    ['under', ['Under_score Ltd', 'Underscore Ltd', 'UNDER the sea']],
    ['%', ['100% Juice']],
    ['_', ['Under_score Ltd']],
    ['under_', ['Under_score Ltd']],
    ['\\', ['Back\\slash Co']],
    ['co', ['Under_score Ltd', 'Underscore Ltd', 'Back\\slash Co', 'Plain Co']],
    ['nobody', []],
  ])('q=%j matches %j, case-insensitive with %, _ and \\ literal; totals cover only the matches', async (q, expected) => {
    const report = await getAgingPage(acc, params({ q }));
    expect(report.rows.map((r) => r.customer.name).sort()).toEqual([...expected].sort());
    expect(report.totalRows).toBe(expected.length);
    expect(report.summary.total).toBe(expected.reduce((s, n) => s + amount(names.indexOf(n)), 0));
  });
});
