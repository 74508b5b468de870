// fixtures first: it prepares Next's runtime globals before the route modules load.
import {
  addMembership,
  callRoute,
  createCompany,
  createCustomers,
  createInvoices,
  createMember,
  createTokenFor,
  sessionCookie,
  type ErrorBody,
  type TestCompany,
  type TestCustomer,
  type TestUser,
} from '../support/fixtures';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as agingGET } from '@/app/api/v1/companies/[company]/aging/route';
import { GET as locationsGET } from '@/app/api/v1/companies/[company]/locations/route';
import { GET as customerAgingGET } from '@/app/api/v1/companies/[company]/customers/[id]/aging/route';
import type { AgingReport } from '@/lib/receivables/get-aging-page';
import type { CustomerAging } from '@/lib/receivables/get-customer-aging';
import { revokeApiToken } from '@/lib/tokens/revoke-api-token';

type AgingBody = Omit<AgingReport, 'locations'>;
type Auth = { token?: string; authorization?: string; cookie?: string };

const AS_OF = '2026-03-15';
const BUCKETS = [
  { key: 'pending', label: 'Pending' },
  { key: 'current', label: 'Current' },
  { key: 'days_1_30', label: '1-30' },
  { key: 'days_31_60', label: '31-60' },
  { key: 'days_61_90', label: '61-90' },
  { key: 'days_91_plus', label: '91+' },
];
const amounts = (nonZero: Record<string, number>) => ({
  pending: 0,
  current: 0,
  days_1_30: 0,
  days_31_60: 0,
  days_61_90: 0,
  days_91_plus: 0,
  ...nonZero,
});

const aging = <B = AgingBody>(slug: string, query: string, auth: Auth) =>
  callRoute<B>(agingGET, `/api/v1/companies/${slug}/aging${query ? `?${query}` : ''}`, { company: slug }, auth);
const locations = <B = { locations: { id: string; name: string }[] }>(slug: string, auth: Auth) =>
  callRoute<B>(locationsGET, `/api/v1/companies/${slug}/locations`, { company: slug }, auth);
const customerAging = <B = CustomerAging>(slug: string, id: string, query: string, auth: Auth) =>
  callRoute<B, { company: string; id: string }>(
    customerAgingGET,
    `/api/v1/companies/${slug}/customers/${id}/aging${query ? `?${query}` : ''}`,
    { company: slug, id },
    auth,
  );

const errorBody = (code: string) => ({ error: { code, message: expect.any(String) as string } });

let a: TestCompany;
let b: TestCompany;
let c: TestCompany;
let north: string, south: string, west: string;
let collector: TestUser;
let alpha: TestCustomer, beta: TestCustomer, gamma: TestCustomer, bee: TestCustomer;
const tokens = {} as { collectorA: string; collectorB: string; adminA: string };

beforeAll(async () => {
  a = await createCompany({ locations: ['North', 'South', 'West'] });
  b = await createCompany({ locations: ['Main'] });
  c = await createCompany({ locations: ['Main'] });
  [north, south, west] = a.locations.map((l) => l.id) as [string, string, string];
  const admin = await createMember(a, 'admin');
  collector = await createMember(a, 'member', { view: [north, south], modify: [north] });
  // The collector is also an admin of B, and not a member of C.
  await addMembership(b.id, collector.id, 'admin');
  await createMember(c, 'admin');
  tokens.collectorA = (await createTokenFor(a.id, collector.id)).secret;
  tokens.collectorB = (await createTokenFor(b.id, collector.id)).secret;
  tokens.adminA = (await createTokenFor(a.id, admin.id)).secret;

  [alpha, beta, gamma] = (await createCustomers(a.id, [
    {
      name: 'Alpha',
      defaultLocationId: north,
      email: 'ap@alpha.test',
      addressLine1: '1 Main St',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    },
    { name: 'Beta', defaultLocationId: west },
    { name: 'Gamma' },
  ])) as [TestCustomer, TestCustomer, TestCustomer];
  [bee] = (await createCustomers(b.id, [{ name: 'Bee', defaultLocationId: b.locations[0]!.id }])) as [TestCustomer];
  await createInvoices(a.id, [
    { number: 'A-1', customerId: alpha.id, locationId: north, invoiceDate: '2026-02-08', dueDate: '2026-03-10', amount: 10_000 },
    { number: 'A-2', customerId: alpha.id, locationId: south, invoiceDate: '2026-03-01', dueDate: '2026-03-20', amount: 2_000 },
    {
      number: 'A-3',
      customerId: alpha.id,
      locationId: south,
      invoiceDate: '2026-01-01',
      dueDate: '2026-01-31',
      amount: 500,
      balance: 0,
      status: 'paid',
    },
    { number: 'B-1', customerId: beta.id, locationId: west, invoiceDate: '2026-01-30', dueDate: '2026-03-01', amount: 30_000 },
    { number: 'G-1', customerId: gamma.id, locationId: south, invoiceDate: '2025-12-30', dueDate: '2026-01-29', amount: 5_000 },
    { number: 'G-2', customerId: gamma.id, locationId: north, invoiceDate: '2026-03-20', dueDate: '2026-04-19', amount: 700, currency: 'CAD' },
  ]);
  await createInvoices(b.id, [
    { number: 'A-1', customerId: bee.id, locationId: b.locations[0]!.id, invoiceDate: '2026-02-08', dueDate: '2026-03-10', amount: 99_000 },
  ]);
});

// Each row's collections status (tests/integration/aging-collections-columns.test.ts): none was recorded here.
const NONE = { lastContactAt: null, lastContactKind: null, nextAction: null, nextActionOn: null, promise: null, hold: null };

describe('GET /api/v1/companies/:company/aging', () => {
  it('200 with the documented shape, scoped to the locations the token user may view', async () => {
    const res = await aging(a.slug, `asOf=${AS_OF}`, { token: tokens.collectorA });
    expect(res.status).toBe(200);
    expect(res.body).toStrictEqual({
      company: a.slug,
      asOf: AS_OF,
      currency: 'USD',
      billSource: null,
      buckets: BUCKETS,
      summary: { amounts: amounts({ current: 2_000, days_1_30: 10_000, days_31_60: 5_000 }), unapplied: 0, total: 17_000 },
      rows: [
        {
          customer: { id: alpha.id, name: 'Alpha' },
          amounts: amounts({ current: 2_000, days_1_30: 10_000 }),
          unapplied: 0,
          total: 12_000,
          collections: NONE,
        },
        { customer: { id: gamma.id, name: 'Gamma' }, amounts: amounts({ days_31_60: 5_000 }), unapplied: 0, total: 5_000, collections: NONE },
      ],
      page: 1,
      perPage: 50,
      totalRows: 2,
      totalPages: 1,
      sort: 'name',
    });
    // Integer minor units, not strings or decimals.
    for (const row of [res.body.summary, ...res.body.rows]) {
      expect([row.total, ...Object.values(row.amounts)].every((v) => Number.isSafeInteger(v))).toBe(true);
    }
  });

  it('an admin token sees every location', async () => {
    const res = await aging(a.slug, `asOf=${AS_OF}`, { token: tokens.adminA });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => [r.customer.name, r.total])).toEqual([
      ['Alpha', 12_000],
      ['Beta', 30_000],
      ['Gamma', 5_000],
    ]);
    expect(res.body.summary.total).toBe(47_000);
  });

  it('applies location, sort, paging, currency and search parameters', async () => {
    const south = await aging(a.slug, `asOf=${AS_OF}&locations=${a.locations[1]!.id}&sort=-total&perPage=10`, { token: tokens.collectorA });
    expect(south.status).toBe(200);
    expect(south.body.rows.map((r) => [r.customer.name, r.total])).toEqual([
      ['Gamma', 5_000],
      ['Alpha', 2_000],
    ]);
    expect({ perPage: south.body.perPage, sort: south.body.sort }).toEqual({ perPage: 10, sort: '-total' });

    const cad = await aging(a.slug, `asOf=${AS_OF}&currency=cad`, { token: tokens.collectorA });
    expect(cad.body.currency).toBe('CAD');
    expect(cad.body.rows).toEqual([
      { customer: { id: gamma.id, name: 'Gamma' }, amounts: amounts({ pending: 700 }), unapplied: 0, total: 700, collections: NONE },
    ]);

    const search = await aging(a.slug, `asOf=${AS_OF}&q=ALP`, { token: tokens.collectorA });
    expect(search.body.rows.map((r) => r.customer.name)).toEqual(['Alpha']);

    const second = await aging(a.slug, `asOf=${AS_OF}&perPage=10&page=2`, { token: tokens.collectorA });
    expect({ rows: second.body.rows, page: second.body.page, totalRows: second.body.totalRows, total: second.body.summary.total }).toEqual({
      rows: [],
      page: 2,
      totalRows: 2,
      total: 17_000,
    });
  });

  it.each([
    ['asOf=2026-02-30', 'asOf'],
    ['perPage=37', 'perPage'],
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['sort=bogus', 'sort'],
    ['locations=not-a-uuid', 'locations.0'],
    ['currency=DOLLARS', 'currency'],
    [`q=${'x'.repeat(101)}`, 'q'],
  ])('400 with the offending field for %s', async (query, path) => {
    const res = await aging<ErrorBody>(a.slug, query, { token: tokens.collectorA });
    expect(res.status).toBe(400);
    expect(res.body).toStrictEqual({
      error: { code: 'BAD_REQUEST', message: expect.any(String), issues: [{ path, message: expect.any(String) }] },
    });
  });

  it('401 without credentials, with an unknown token, another scheme or a revoked token', async () => {
    for (const auth of [{}, { token: 'aw_not-a-real-token' }, { token: '' }, { authorization: `Basic ${tokens.collectorA}` }]) {
      const res = await aging<ErrorBody>(a.slug, '', auth);
      expect({ auth, status: res.status, body: res.body }).toEqual({ auth, status: 401, body: errorBody('UNAUTHORIZED') });
    }

    const token = await createTokenFor(a.id, collector.id, 'soon revoked');
    expect((await aging(a.slug, '', { token: token.secret })).status).toBe(200);
    await revokeApiToken(a.id, collector.id, token.id);
    const revoked = await aging<ErrorBody>(a.slug, '', { token: token.secret });
    expect(revoked).toEqual({ status: 401, body: errorBody('UNAUTHORIZED') });
  });

  it('403 for a location the caller may not view, including a location of another company', async () => {
    for (const location of [west, `${north},${west}`, b.locations[0]!.id]) {
      const res = await aging<ErrorBody>(a.slug, `locations=${location}`, { token: tokens.collectorA });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('404 for a company the caller does not belong to, one that does not exist, and a token of another company', async () => {
    expect(await aging<ErrorBody>(c.slug, '', { token: tokens.collectorA })).toEqual({ status: 404, body: errorBody('NOT_FOUND') });
    expect(await aging<ErrorBody>('t-no-such-company', '', { token: tokens.collectorA })).toEqual({ status: 404, body: errorBody('NOT_FOUND') });
    // The collector is an admin of B, and B's own token works there; A's token does not.
    expect((await aging(b.slug, `asOf=${AS_OF}`, { token: tokens.collectorB })).body.summary.total).toBe(99_000);
    expect(await aging<ErrorBody>(b.slug, '', { token: tokens.collectorA })).toEqual({ status: 404, body: errorBody('NOT_FOUND') });
    expect(await aging<ErrorBody>(a.slug, '', { token: tokens.collectorB })).toEqual({ status: 404, body: errorBody('NOT_FOUND') });
  });

  it('a browser session (no Authorization header) acts for the user in every company they belong to', async () => {
    const cookie = await sessionCookie(collector.id);
    const inA = await aging(a.slug, `asOf=${AS_OF}`, { cookie });
    expect(inA.body.summary.total).toBe(17_000);
    const inB = await aging(b.slug, `asOf=${AS_OF}`, { cookie });
    expect(inB.body.summary.total).toBe(99_000);
    expect((await aging<ErrorBody>(c.slug, '', { cookie })).status).toBe(404);
  });

  it('accepts any PostgreSQL uuid as a location id, not only RFC 4122 version 4 ones', async () => {
    // e.g. the benchmark seed's md5-derived ids.
    const id = 'f0e1d2c3-b4a5-0697-0899-aabbccddeeff';
    const company = await createCompany({ locations: ['Hashed'], locationIds: [id] });
    const admin = await createMember(company, 'admin');
    const [customer] = await createCustomers(company.id, ['Hash Customer']);
    await createInvoices(company.id, [{ customerId: customer!.id, locationId: id, invoiceDate: '2026-03-01', dueDate: '2026-03-31', amount: 1_234 }]);
    const res = await aging(company.slug, `asOf=${AS_OF}&locations=${id}`, { token: (await createTokenFor(company.id, admin.id)).secret });
    expect(res.status).toBe(200);
    expect(res.body.summary.total).toBe(1_234);
  });
});

describe('GET /api/v1/companies/:company/locations', () => {
  it('lists exactly the locations the caller may view, by name; an admin sees all', async () => {
    expect(await locations(a.slug, { token: tokens.collectorA })).toStrictEqual({
      status: 200,
      body: {
        locations: [
          { id: north, name: 'North' },
          { id: south, name: 'South' },
        ],
      },
    });
    expect(await locations(a.slug, { token: tokens.adminA })).toStrictEqual({
      status: 200,
      body: {
        locations: [
          { id: north, name: 'North' },
          { id: south, name: 'South' },
          { id: west, name: 'West' },
        ],
      },
    });
    expect(await locations(b.slug, { token: tokens.collectorB })).toStrictEqual({
      status: 200,
      body: { locations: [{ id: b.locations[0]!.id, name: 'Main' }] },
    });
  });

  it('401 without a valid token, 404 across companies', async () => {
    expect((await locations<ErrorBody>(a.slug, { token: 'aw_garbage' })).status).toBe(401);
    expect((await locations<ErrorBody>(b.slug, { token: tokens.collectorA })).status).toBe(404);
    expect((await locations<ErrorBody>(c.slug, { token: tokens.collectorA })).status).toBe(404);
  });
});

describe('GET /api/v1/companies/:company/customers/:id/aging', () => {
  it('200 with the bucket summary and the open invoices in the permitted locations', async () => {
    const res = await customerAging(a.slug, alpha.id, `asOf=${AS_OF}`, { token: tokens.collectorA });
    expect(res).toStrictEqual({
      status: 200,
      body: {
        customer: {
          id: alpha.id,
          name: 'Alpha',
          email: 'ap@alpha.test',
          address: ['1 Main St', 'Springfield, IL 62701', 'US'],
          defaultLocationId: expect.toBeOneOf([null, expect.any(String)]),
          paymentTerms: null,
        },
        asOf: AS_OF,
        buckets: BUCKETS,
        summaries: [{ currency: 'USD', amounts: amounts({ current: 2_000, days_1_30: 10_000 }), total: 12_000, unapplied: 0, net: 12_000 }],
        invoices: [
          {
            id: expect.any(String),
            number: 'A-1',
            location: 'North',
            invoiceDate: '2026-02-08',
            dueDate: '2026-03-10',
            currency: 'USD',
            amount: 10_000,
            balance: 10_000,
            daysPastDue: 5,
            bucket: 'days_1_30',
          },
          {
            id: expect.any(String),
            number: 'A-2',
            location: 'South',
            invoiceDate: '2026-03-01',
            dueDate: '2026-03-20',
            currency: 'USD',
            amount: 2_000,
            balance: 2_000,
            daysPastDue: 0,
            bucket: 'current',
          },
        ],
        invoicesTruncated: false,
      },
    });
  });

  it('one summary per currency, never added together', async () => {
    const res = await customerAging(a.slug, gamma.id, `asOf=${AS_OF}`, { token: tokens.collectorA });
    expect(res.status).toBe(200);
    expect(res.body.summaries).toEqual([
      { currency: 'CAD', amounts: amounts({ pending: 700 }), total: 700, unapplied: 0, net: 700 },
      { currency: 'USD', amounts: amounts({ days_31_60: 5_000 }), total: 5_000, unapplied: 0, net: 5_000 },
    ]);
    expect(res.body.invoices.map((i) => [i.number, i.daysPastDue, i.bucket])).toEqual([
      ['G-1', 45, 'days_31_60'],
      ['G-2', 0, 'pending'],
    ]);
  });

  it('400 for an impossible as-of date', async () => {
    const res = await customerAging<ErrorBody>(a.slug, alpha.id, 'asOf=2026-02-30', { token: tokens.collectorA });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: 'asOf', message: expect.any(String) }]);
  });

  it("404 for another company's customer, a random uuid, a malformed id and a customer only in locations the caller cannot view", async () => {
    expect((await customerAging(a.slug, beta.id, `asOf=${AS_OF}`, { token: tokens.adminA })).status).toBe(200);
    for (const id of [bee.id, randomUUID(), 'not-a-uuid', beta.id]) {
      const res = await customerAging<ErrorBody>(a.slug, id, '', { token: tokens.collectorA });
      expect({ id, status: res.status, body: res.body }).toEqual({ id, status: 404, body: errorBody('NOT_FOUND') });
    }
    // B's customer through B's slug with A's token: the token's company decides.
    expect((await customerAging<ErrorBody>(b.slug, bee.id, '', { token: tokens.collectorA })).status).toBe(404);
    expect((await customerAging(b.slug, bee.id, '', { token: tokens.collectorB })).status).toBe(200);
  });
});
