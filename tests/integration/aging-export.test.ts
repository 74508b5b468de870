import { callFileRoute, createCompany, createCustomers, createInvoices, createMember, sessionCookie, type TestCompany } from '../support/fixtures';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportGET } from '@/app/api/v1/companies/[company]/aging/export/route';
import { prisma } from '@/lib/db/client';

const AS_OF = '2026-05-20';
let company: TestCompany;
let collectorCookie: string;
let adminCookie: string;

beforeAll(async () => {
  company = await createCompany({ locations: ['North', 'South'] });
  const north = company.locations[0]!;
  const south = company.locations[1]!;
  const [evil, plain, other] = await createCustomers(company.id, ['=HYPERLINK("http://evil.example","x")', 'Łódź Sp. z o.o.', 'South Only']);
  await createInvoices(company.id, [
    { customerId: evil!.id, locationId: north.id, invoiceDate: '2026-03-01', dueDate: '2026-03-31', amount: 12_345 },
    { customerId: plain!.id, locationId: north.id, invoiceDate: '2026-05-01', dueDate: '2026-05-31', amount: 500 },
    { customerId: other!.id, locationId: south.id, invoiceDate: '2026-01-01', dueDate: '2026-01-31', amount: 99_999 },
  ]);
  collectorCookie = await sessionCookie((await createMember(company, 'member', { view: [north.id] })).id);
  adminCookie = await sessionCookie((await createMember(company, 'admin')).id);
});

const csvOf = async (query: string, cookie: string) => {
  const res = await callFileRoute(exportGET, `/api/v1/companies/${company.slug}/aging/export?${query}`, { company: company.slug }, { cookie });
  return { res, rows: res.status === 200 ? (parse(new TextDecoder().decode(res.bytes).replace(/^\uFEFF/, '')) as string[][]) : [] };
};

const COLLECTIONS_HEADERS = [
  'Last contact',
  'Last contact kind',
  'Next action',
  'Next action date',
  'Promise',
  'Promised amount',
  'Promise currency',
  'Promised date',
  'Hold',
  'Hold reason',
];
const BLANK = COLLECTIONS_HEADERS.map(() => '');

describe('aging CSV export', () => {
  it("every row of the user's scope, amounts as decimals, formula-like names neutralized", async () => {
    const { res, rows } = await csvOf(`asOf=${AS_OF}`, collectorCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`${company.slug}-aging-${AS_OF}-USD.csv`);
    expect(rows[0]).toEqual([
      'Customer',
      'Customer ID',
      'Pending',
      'Current',
      '1-30',
      '31-60',
      '61-90',
      '91+',
      'Unapplied',
      'Net total',
      'Currency',
      ...COLLECTIONS_HEADERS,
    ]);
    // The collections columns are blank: nothing was logged (aging-collections-columns.test.ts fills them).
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(2)])).toEqual([
      ['\'=HYPERLINK("http://evil.example","x")', '0.00', '0.00', '0.00', '123.45', '0.00', '0.00', '0.00', '123.45', 'USD', ...BLANK],
      ['Łódź Sp. z o.o.', '0.00', '5.00', '0.00', '0.00', '0.00', '0.00', '0.00', '5.00', 'USD', ...BLANK],
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { companyId: company.id, action: 'aging.export' } });
    expect(audit.details).toMatchObject({ rows: 2, asOf: AS_OF });
  });

  it('follows the filters and ignores paging: search, and an admin sees every location', async () => {
    expect((await csvOf(`asOf=${AS_OF}&q=south&page=3&perPage=10`, adminCookie)).rows.slice(1).map((r) => r[0])).toEqual(['South Only']);
    expect((await csvOf(`asOf=${AS_OF}`, adminCookie)).rows.length).toBe(4);
  });

  it('refuses a location the user may not view, and a bad date, as JSON errors', async () => {
    const forbidden = await csvOf(`locations=${company.locations[1]!.id}`, collectorCookie);
    expect(forbidden.res.status).toBe(403);
    const bad = await csvOf('asOf=2026-02-30', collectorCookie);
    expect(bad.res.status).toBe(400);
    expect(bad.res.json?.error.issues?.[0]?.path).toBe('asOf');
  });
});
