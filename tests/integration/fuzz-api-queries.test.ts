// Fuzzes the JSON API's query strings and path parameters (defect 7: `q=%00` answered 500). Each read route is
// driven in-process with hostile, mostly valid-looking queries; every answer must be < 500 with the documented
// shape. Seed: FUZZ_SEED (see tests/support/fuzz.ts).
import { createCompany, createCustomers, createInvoices, createMember, createTokenFor, type TestCompany } from '../support/fixtures';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { GET as agingGET } from '@/app/api/v1/companies/[company]/aging/route';
import { GET as agingExportGET } from '@/app/api/v1/companies/[company]/aging/export/route';
import { GET as customerAgingGET } from '@/app/api/v1/companies/[company]/customers/[id]/aging/route';
import { GET as transactionsGET } from '@/app/api/v1/companies/[company]/customers/[id]/transactions/route';
import { GET as transactionsExportGET } from '@/app/api/v1/companies/[company]/customers/[id]/transactions/export/route';
import { GET as locationsGET } from '@/app/api/v1/companies/[company]/locations/route';
import { POST as postInvoicePOST } from '@/app/api/v1/companies/[company]/invoices/[id]/post/route';
import { GET as statementPdfGET } from '@/app/api/v1/companies/[company]/statements/[id]/pdf/route';
import { GET as batchPdfGET } from '@/app/api/v1/companies/[company]/statement-batches/[id]/pdf/route';
import { GET as agingDetailGET } from '@/app/api/v1/companies/[company]/aging/detail/route';
import { GET as agingDetailExportGET } from '@/app/api/v1/companies/[company]/aging/detail/export/route';
import { GET as invoicesGET } from '@/app/api/v1/companies/[company]/invoices/route';
import { GET as paymentsGET } from '@/app/api/v1/companies/[company]/payments/route';
import { GET as paymentsExportGET } from '@/app/api/v1/companies/[company]/payments/export/route';
import { GET as billSourcesGET } from '@/app/api/v1/companies/[company]/bill-sources/route';
import { GET as schemeGET } from '@/app/api/v1/companies/[company]/aging-scheme/route';
import { checkAnswer, dateText, fuzzOptions, hostileText, idText, pathPart, printTallies, queryOf, rowCounts, send } from '../support/fuzz';

let company: TestCompany;
let other: TestCompany;
let tokens: string[];
const pools = { customers: [] as string[], invoices: [] as string[], locations: [] as string[] };

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  other = await createCompany({ locations: 1 });
  pools.locations = company.locations.map((l) => l.id);
  const [north, south] = pools.locations as [string, string];
  const admin = await createMember(company, 'admin');
  const collector = await createMember(company, 'member', { view: [north], modify: [north] });
  tokens = [(await createTokenFor(company.id, admin.id)).secret, (await createTokenFor(company.id, collector.id)).secret];
  const customers = await createCustomers(company.id, ['Harbour Ltd', '100% Cotton_Co', "O'Brien \\ Sons", 'Ünïcødé GmbH']);
  pools.customers = customers.map((c) => c.id);
  pools.invoices = await createInvoices(
    company.id,
    customers.flatMap((c, i) =>
      [0, 1, 2].map((k) => ({
        customerId: c.id,
        locationId: k === 2 ? south : north,
        invoiceDate: `2025-0${k + 1}-10`,
        dueDate: `2025-0${k + 2}-09`,
        amount: 10_000 * (i + 1),
        currency: k === 1 && i === 0 ? 'EUR' : 'USD',
        status: (i === 3 ? 'draft' : 'open') as 'draft' | 'open',
      })),
    ),
  );
});

afterAll(printTallies);

const as = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) });
const currency = fc.constantFrom('USD', 'usd', 'EUR', 'JPY', 'US', 'USDX', '');
const locations = () =>
  fc.oneof(
    fc.subarray(pools.locations).map((ids) => ids.join(',')),
    idText(pools.locations),
    fc.array(idText(pools.locations), { maxLength: 3 }).map((ids) => ids.join(',')),
  );

describe('fuzz: JSON API queries and path parameters never answer 5xx', () => {
  it('GET aging and aging/export (one query schema)', { timeout: 180_000 }, async () => {
    const query = queryOf({
      asOf: dateText,
      locations: locations(),
      currency,
      page: fc.constantFrom('1', '2', '0', '-1', '1.5', '1e3', '999999999999', '9007199254740993', 'abc'),
      perPage: fc.constantFrom('10', '25', '50', '37', '0', '1e1'),
      sort: fc.constantFrom('name', '-name', 'total', '-total', 'pending', 'current', 'days_1_30', '-days_91_plus', 'bogus', '-', '--name'),
      q: fc.constantFrom('Harb', '100%', 'Cotton_', '\\', "'", 'ü', 'x'.repeat(101)),
      format: fc.constantFrom('csv', 'xlsx', 'pdf', 'XLSX', 'docx', ''),
    });
    await fc.assert(
      fc.asyncProperty(fc.record({ query, as, csv: fc.boolean() }), async (r) => {
        const path = `/api/v1/companies/${company.slug}/aging${r.csv ? '/export' : ''}?${r.query}`;
        await checkAnswer(
          'GET aging[/export]',
          await send(r.csv ? agingExportGET : agingGET, 'GET', path, { company: company.slug }, tokens[r.as]!),
          company.id,
        );
      }),
      fuzzOptions,
    );
  });

  it('GET aging/detail', { timeout: 180_000 }, async () => {
    const query = queryOf({
      asOf: dateText,
      locations: locations(),
      currency,
      billSource: fc.oneof(idText(pools.customers), hostileText),
      bucket: fc.constantFrom('pending', 'current', 'days_1_30', 'days_91_plus', 'days_1_99', 'BOGUS', '', 'x'.repeat(50)),
      customer: idText(pools.customers),
      sort: fc.constantFrom('days', '-days', 'name', ''),
      page: fc.constantFrom('1', '2', '0', '-1', '1e3', '999999999999', 'abc'),
      perPage: fc.constantFrom('25', '50', '100', '10', '0'),
    });
    await fc.assert(
      fc.asyncProperty(fc.record({ query, as, format: fc.constantFrom(null, 'csv', 'xlsx', 'pdf', 'docx') }), async (r) => {
        const path = `/api/v1/companies/${company.slug}/aging/detail${r.format ? `/export?format=${r.format}&` : '?'}${r.query}`;
        const handler = r.format ? agingDetailExportGET : agingDetailGET;
        await checkAnswer('GET aging/detail[/export]', await send(handler, 'GET', path, { company: company.slug }, tokens[r.as]!), company.id);
      }),
      fuzzOptions,
    );
  });

  it('GET invoices, payments and payments/export', { timeout: 180_000 }, async () => {
    const invoiceQuery = queryOf({
      state: fc.constantFrom('open', 'draft,paid', 'open,,void', 'bogus', ''),
      bucket: fc.constantFrom('current', 'days_91_plus', 'nope'),
      customer: idText(pools.customers),
      locations: locations(),
      currency,
      from: dateText,
      to: dateText,
      q: fc.constantFrom('T-', '100%', '\\', '_', 'x'.repeat(51)),
      sort: fc.constantFrom('-invoiceDate', 'dueDate', 'number', 'balance', ''),
      page: fc.constantFrom('1', '0', '1e3', 'abc'),
      perPage: fc.constantFrom('25', '50', '100', '7'),
    });
    const paymentQuery = queryOf({
      from: dateText,
      to: dateText,
      customer: idText(pools.customers),
      method: fc.constantFrom('check', 'card', 'barter', ''),
      q: hostileText,
      currency,
      page: fc.constantFrom('1', '0', 'abc'),
      perPage: fc.constantFrom('25', '100', '3'),
    });
    const request = fc.oneof(
      fc.record({ route: fc.constant('invoices'), query: invoiceQuery, as }),
      fc.record({ route: fc.constantFrom('payments', 'payments/export'), query: paymentQuery, as }),
      fc.record({
        route: fc.constantFrom('bill-sources', 'aging-scheme'),
        query: queryOf({ billSource: fc.oneof(idText(pools.customers), hostileText) }),
        as,
      }),
    );
    const handlers = {
      invoices: invoicesGET,
      payments: paymentsGET,
      'payments/export': paymentsExportGET,
      'bill-sources': billSourcesGET,
      'aging-scheme': schemeGET,
    };
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = `/api/v1/companies/${company.slug}/${r.route}?${r.query}`;
        await checkAnswer(
          `GET ${r.route}`,
          await send(handlers[r.route as keyof typeof handlers], 'GET', path, { company: company.slug }, tokens[r.as]!),
          company.id,
        );
      }),
      fuzzOptions,
    );
  });

  it('GET customers/{id}/aging', { timeout: 180_000 }, async () => {
    const request = fc.record({ id: idText(pools.customers), query: queryOf({ asOf: dateText }), as });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = `/api/v1/companies/${company.slug}/customers/${pathPart(r.id)}/aging?${r.query}`;
        await checkAnswer(
          'GET customers/{id}/aging',
          await send(customerAgingGET, 'GET', path, { company: company.slug, id: r.id }, tokens[r.as]!),
          company.id,
        );
      }),
      fuzzOptions,
    );
  });

  it('GET customers/{id}/transactions and its export (one query schema)', { timeout: 180_000 }, async () => {
    const request = fc.record({ id: idText(pools.customers), query: queryOf({ from: dateText, to: dateText, currency }), as, csv: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const path = `/api/v1/companies/${company.slug}/customers/${pathPart(r.id)}/transactions${r.csv ? '/export' : ''}?${r.query}`;
        const handler = r.csv ? transactionsExportGET : transactionsGET;
        await checkAnswer(
          'GET customers/{id}/transactions[/export]',
          await send(handler, 'GET', path, { company: company.slug, id: r.id }, tokens[r.as]!),
          company.id,
        );
      }),
      fuzzOptions,
    );
  });

  it('path parameters: the company slug of any route, and the ids of id-only routes', { timeout: 180_000 }, async () => {
    const slug = fc.oneof(
      { weight: 4, arbitrary: fc.constant('own') },
      { weight: 3, arbitrary: fc.oneof(hostileText, fc.constantFrom('other', 'OWN', 'own\u0000', 'own ', 'x'.repeat(300), '-', 'a', '..')) },
    );
    const route = fc.constantFrom('locations', 'invoices/{id}/post', 'statements/{id}/pdf', 'statement-batches/{id}/pdf', 'customers/{id}/aging');
    const request = fc.record({ slug, route, id: idText([...pools.invoices, ...pools.customers]), as });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const slugValue =
          r.slug === 'own'
            ? company.slug
            : r.slug === 'other'
              ? other.slug
              : r.slug === 'OWN'
                ? company.slug.toUpperCase()
                : r.slug.replace(/^own/, company.slug);
        const path = `/api/v1/companies/${pathPart(slugValue)}/${r.route.replace('{id}', pathPart(r.id))}`;
        const params = { company: slugValue, id: r.id };
        const handler = {
          locations: locationsGET,
          'invoices/{id}/post': postInvoicePOST,
          'statements/{id}/pdf': statementPdfGET,
          'statement-batches/{id}/pdf': batchPdfGET,
          'customers/{id}/aging': customerAgingGET,
        }[r.route]!;
        const before = r.route === 'invoices/{id}/post' ? await rowCounts(company.id) : undefined;
        await checkAnswer(
          'path parameters',
          await send(handler, r.route.endsWith('post') ? 'POST' : 'GET', path, params, tokens[r.as]!),
          company.id,
          before,
        );
      }),
      fuzzOptions,
    );
  });
});
