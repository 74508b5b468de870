// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  access,
  addMembership,
  callRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  sessionCookie,
  setAgingScheme,
  type ErrorBody,
  type InvoiceSpec,
  type TestCompany,
  type TestCustomer,
  type TestUser,
} from '../support/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as agingGET } from '@/app/api/v1/companies/[company]/aging/route';
import { GET as locationsGET } from '@/app/api/v1/companies/[company]/locations/route';
import { GET as customerAgingGET } from '@/app/api/v1/companies/[company]/customers/[id]/aging/route';
import { getCompanyAccess, type CompanyAccess } from '@/lib/auth/get-company-access';
import { AppError } from '@/lib/errors/app-error';
import { agingParamsSchema } from '@/lib/receivables/aging-params';
import { getAgingPage } from '@/lib/receivables/get-aging-page';
import { getCustomerAging } from '@/lib/receivables/get-customer-aging';
import { listAgingCurrencies } from '@/lib/receivables/list-aging-currencies';
import { listApiTokens } from '@/lib/tokens/list-api-tokens';

// Two companies with the same shape (same location names, same invoice numbers, a user who belongs to both).
// Everything the user does in A must be free of B's ids, names and amounts, and B's ids must not resolve in A.

const AS_OF = '2026-05-20';

interface Tenant {
  company: TestCompany;
  customers: TestCustomer[];
  invoiceIds: string[];
}

async function buildTenant(names: string[], amounts: number[], currencies: string[]): Promise<Tenant> {
  const company = await createCompany({ locations: ['Depot', 'Store'] });
  const customers = await createCustomers(
    company.id,
    names.map((name, i) => ({ name, defaultLocationId: company.locations[i % 2]!.id })),
  );
  const specs: InvoiceSpec[] = amounts.map((amount, i) => ({
    number: `INV-${i + 1}`,
    customerId: customers[i % customers.length]!.id,
    locationId: company.locations[i % 2]!.id,
    invoiceDate: '2026-03-01',
    dueDate: ['2026-03-31', '2026-05-20', '2026-05-01', '2026-01-15'][i % 4]!,
    amount,
    currency: currencies[i % currencies.length],
  }));
  return { company, customers, invoiceIds: await createInvoices(company.id, specs) };
}

let a: Tenant;
let b: Tenant;
let user: TestUser;
let inA: CompanyAccess;
let tokenA: { id: string; secret: string };
let tokenB: { id: string; secret: string };
/** Strings that identify company B's data. */
let traces: string[];
const B_AMOUNTS = [9_100_077, 9_200_077, 9_300_077, 9_400_077, 9_500_077, 9_600_077];

/** Fails when any of B's ids, names, amounts or scheme labels appears anywhere in `value`. */
function expectNoTraceOfB(value: unknown) {
  const text = JSON.stringify(value);
  expect(traces.filter((t) => text.includes(t))).toEqual([]);
}

beforeAll(async () => {
  a = await buildTenant(['Anvil Works', 'Anchor Ltd', 'Apex Trading'], [10_011, 20_011, 30_011, 40_011, 50_011, 60_011], ['USD', 'USD', 'CAD']);
  b = await buildTenant(['Bolt Works', 'Buoy Ltd', 'Beacon Trading'], B_AMOUNTS, ['USD', 'USD', 'JPY']);
  await setAgingScheme(b.company.id, {
    pendingLabel: 'Bee pending',
    currentLabel: 'Bee current',
    periods: [
      { label: 'Bee 1-99', maxDays: 99 },
      { label: 'Bee later', maxDays: null },
    ],
  });
  // The user views every location of A and is an admin of B.
  user = await createMember(a.company, 'member', { view: a.company.locations.map((l) => l.id) });
  await addMembership(b.company.id, user.id, 'admin');
  tokenA = await createTokenFor(a.company.id, user.id, 'token in A');
  tokenB = await createTokenFor(b.company.id, user.id, 'Bee token');
  inA = await access(user.id, a.company.slug);
  const bCompany = b.company;
  traces = [
    bCompany.id,
    bCompany.slug,
    bCompany.name,
    ...bCompany.locations.map((l) => l.id),
    ...b.customers.flatMap((c) => [c.id, c.name]),
    ...b.invoiceIds,
    ...B_AMOUNTS.map(String),
    'Bee',
    'days_1_99',
    tokenB.id,
  ];
});

describe('library operations for a user of A', () => {
  it('company access holds only A and its locations', async () => {
    expect(inA.company.id).toBe(a.company.id);
    expect(inA.viewLocations.map((l) => l.id).sort()).toEqual(a.company.locations.map((l) => l.id).sort());
    expectNoTraceOfB(inA);
    const outsider = await createMember(b.company, 'admin');
    expect(await getCompanyAccess(outsider.id, a.company.slug)).toBeNull();
  });

  it('currencies, aging pages and searches show only A', async () => {
    const viewIds = inA.viewLocations.map((l) => l.id);
    const currencies = await listAgingCurrencies(inA.company.id, inA.company.baseCurrency, viewIds);
    expect(currencies).toEqual(['CAD', 'USD']);
    // Even handed B's location ids, the query stays inside A.
    expect(
      await listAgingCurrencies(
        a.company.id,
        'USD',
        b.company.locations.map((l) => l.id),
      ),
    ).toEqual(['USD']);

    const totals: Record<string, number> = {};
    for (const currency of [...currencies, 'JPY']) {
      const report = await getAgingPage(inA, agingParamsSchema.parse({ asOf: AS_OF, currency }));
      expectNoTraceOfB(report);
      expect(report.rows.every((r) => a.customers.some((c) => c.id === r.customer.id))).toBe(true);
      totals[currency] = report.summary.total;
    }
    // A's own money is there (so the absence of B's means something): USD 10,011+20,011+40,011+50,011; CAD 30,011+60,011.
    expect(totals).toEqual({ USD: 120_044, CAD: 90_022, JPY: 0 });

    expect((await getAgingPage(inA, agingParamsSchema.parse({ asOf: AS_OF, q: 'Bolt' }))).rows).toEqual([]);
    const denied = await getAgingPage(inA, agingParamsSchema.parse({ locations: b.company.locations[0]!.id })).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AppError);
    expect((denied as AppError).code).toBe('FORBIDDEN');
  });

  it("customer aging resolves A's customers and none of B's", async () => {
    for (const customer of a.customers) {
      const aging = await getCustomerAging(inA, customer.id, AS_OF);
      expect(aging.customer.name).toBe(customer.name);
      expect(aging.invoices.length).toBeGreaterThan(0);
      expectNoTraceOfB(aging);
    }
    for (const customer of b.customers) {
      const error = await getCustomerAging(inA, customer.id, AS_OF).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('NOT_FOUND');
    }
  });

  it('API tokens are listed per company', async () => {
    const tokens = await listApiTokens(a.company.id, user.id);
    expect(tokens.map((t) => t.id)).toEqual([tokenA.id]);
    expectNoTraceOfB(tokens);
  });
});

describe('API routes for a user of A', () => {
  const slugA = () => a.company.slug;

  it.each(['token', 'session'] as const)('aging, locations and customer aging answer only with A (%s)', async (kind) => {
    const auth = kind === 'token' ? { token: tokenA.secret } : { cookie: await sessionCookie(user.id) };
    const responses = [
      await callRoute(agingGET, `/api/v1/companies/${slugA()}/aging?asOf=${AS_OF}`, { company: slugA() }, auth),
      await callRoute(agingGET, `/api/v1/companies/${slugA()}/aging?asOf=${AS_OF}&currency=CAD`, { company: slugA() }, auth),
      await callRoute(agingGET, `/api/v1/companies/${slugA()}/aging?asOf=${AS_OF}&currency=JPY`, { company: slugA() }, auth),
      await callRoute(locationsGET, `/api/v1/companies/${slugA()}/locations`, { company: slugA() }, auth),
      ...(await Promise.all(
        a.customers.map((c) =>
          callRoute<unknown, { company: string; id: string }>(
            customerAgingGET,
            `/api/v1/companies/${slugA()}/customers/${c.id}/aging?asOf=${AS_OF}`,
            { company: slugA(), id: c.id },
            auth,
          ),
        ),
      )),
    ];
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    expectNoTraceOfB(responses);
    expect(JSON.stringify(responses)).toContain('120044');
  });

  it("B's customers and locations through A's slug are 404 and 403", async () => {
    for (const customer of b.customers) {
      const res = await callRoute<ErrorBody, { company: string; id: string }>(
        customerAgingGET,
        `/api/v1/companies/${slugA()}/customers/${customer.id}/aging`,
        { company: slugA(), id: customer.id },
        { token: tokenA.secret },
      );
      expect(res).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Customer not found.' } } });
    }
    const res = await callRoute<ErrorBody>(
      agingGET,
      `/api/v1/companies/${slugA()}/aging?locations=${b.company.locations[0]!.id}`,
      { company: slugA() },
      { token: tokenA.secret },
    );
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it("B's token on A's slug is 404, although its user belongs to A", async () => {
    const res = await callRoute<ErrorBody>(agingGET, `/api/v1/companies/${slugA()}/aging`, { company: slugA() }, { token: tokenB.secret });
    expect(res).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: `Company "${slugA()}" not found.` } } });
  });
});
